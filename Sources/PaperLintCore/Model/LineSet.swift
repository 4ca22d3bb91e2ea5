/// A set of 1-based line numbers stored as sorted, disjoint, non-adjacent closed ranges.
public struct LineSet: Hashable, Sendable, CustomStringConvertible {
    public private(set) var ranges: [ClosedRange<Int>] = []

    public init() {}

    /// Builds a set from ranges in any order; overlapping or adjacent ranges merge.
    public init<S: Sequence>(_ ranges: S) where S.Element == ClosedRange<Int> {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        for range in sorted {
            if let last = self.ranges.last, range.lowerBound <= last.upperBound + 1 {
                self.ranges[self.ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                self.ranges.append(range)
            }
        }
    }

    /// Builds a set from single line numbers.
    public init<S: Sequence>(lines: S) where S.Element == Int {
        self.init(lines.map { $0...$0 })
    }

    public var isEmpty: Bool { ranges.isEmpty }
    public var count: Int { ranges.reduce(0) { $0 + $1.count } }

    /// Every line in ascending order.
    public var lines: [Int] { ranges.flatMap { Array($0) } }

    /// True when `line` is in the set (binary search).
    public func contains(_ line: Int) -> Bool { intersects(line...line) }

    /// True when some line of `span` is in the set (binary search).
    public func intersects(_ span: ClosedRange<Int>) -> Bool {
        let low = ranges.partitioningIndex { $0.upperBound >= span.lowerBound }
        return low < ranges.count && ranges[low].lowerBound <= span.upperBound
    }

    /// The union of two sets.
    public func union(_ other: LineSet) -> LineSet { LineSet(ranges + other.ranges) }

    public var description: String {
        ranges.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",")
    }
}
