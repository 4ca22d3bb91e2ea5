import PaperLintTestSupport
import Testing

@testable import PaperLintRules

/// `SmallArray` keeps three elements in place and the rest on the heap: it must behave as
/// an `Array` does across that boundary.
@Suite struct SmallArrayTests {
    @Test func behavesLikeAnArrayAcrossTheInlinePlaces() {
        var random = SplitMix64(seed: 0x5A11)
        for _ in 0..<200 {
            var small = SmallArray<Int>(filler: -1)
            var array: [Int] = []
            for _ in 0..<Int(random.next() % 8) {
                let value = Int(random.next() % 1_000)
                small.append(value)
                array.append(value)
                // Overwrite a random element of both, inline or not.
                let index = Int(random.next() % UInt64(array.count))
                small[index] += 7
                array[index] += 7
            }
            #expect(Array(small) == array)
            #expect(small.count == array.count)
            #expect(small.first == array.first)
            #expect(Array(small.dropFirst()) == Array(array.dropFirst()))
        }
    }

    @Test func datesKeepTheirPartsAndSeparators() {
        // A written date reads its parts through SmallArray: a mutated part is read back.
        var groups = SmallArray<(value: Int, digits: Int)>(filler: (0, 0))
        groups.append((2023, 4))
        groups.append((9, 1))
        groups[1].value = 10
        #expect(groups.map(\.value) == [2023, 10])
        #expect(groups.map(\.digits) == [4, 1])
        #expect(SmallArray<UInt8>(filler: 0).isEmpty)
    }
}
