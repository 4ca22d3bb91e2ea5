import PaperLintCore
import PaperLintTestSupport
import Testing

/// `partitioningIndex(where:)`, the one binary search behind line, section, edit and entry lookups.
@Suite struct PartitioningTests {
    @Test func findsTheFirstElementPastTheBoundary() {
        let starts = [0, 4, 4, 9, 15]
        #expect(starts.partitioningIndex { $0 > 4 } == 3)
        #expect(starts.partitioningIndex { $0 >= 4 } == 1)
        #expect(starts.partitioningIndex { $0 > -1 } == 0)
        #expect(starts.partitioningIndex { $0 > 15 } == starts.endIndex)
        #expect([Int]().partitioningIndex { $0 > 0 } == 0)
    }

    @Test func worksOnSlicesWithTheirOwnIndices() {
        let slice = [1, 2, 3, 4, 5, 6][2...]
        #expect(slice.partitioningIndex { $0 >= 5 } == 4)
        #expect(slice.partitioningIndex { $0 >= 9 } == slice.endIndex)
    }

    /// Seeded: on sorted arrays with repeats, the index equals the first one a linear scan finds.
    @Test func agreesWithALinearScan() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<500 {
            let values = (0..<Int.random(in: 0...40, using: &rng)).map { _ in Int.random(in: 0...20, using: &rng) }.sorted()
            let pivot = Int.random(in: -1...21, using: &rng)
            #expect(values.partitioningIndex { $0 > pivot } == (values.firstIndex { $0 > pivot } ?? values.endIndex))
        }
    }
}
