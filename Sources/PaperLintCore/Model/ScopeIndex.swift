/// The change scope laid over one document's lines, for the questions every rule asks of
/// every entry: did the change touch these lines, are they kept? `LineSet` answers with a
/// binary search per question (40k of them in a 2k-entry staged check, 2.5% of its
/// instructions); counts of changed lines up to each line answer with two reads, and the
/// kept lines' byte spans answer for a byte range without finding its lines first.
struct ScopeIndex: Sendable {
    /// `changedUpTo[i]`: changed lines among 1...i; nil outside a diff.
    private let changedUpTo: [Int32]?
    private let keptUpTo: [Int32]?
    /// The kept lines as merged byte spans (the last line's reaches past the end); nil: every line.
    private let keptSpans: [Range<Int>]?

    init(_ scope: ChangeScope, lineStarts: [Int]) {
        changedUpTo = scope.changed.map { Self.counts($0, lineCount: lineStarts.count) }
        keptUpTo = scope.kept.map { Self.counts($0, lineCount: lineStarts.count) }
        keptSpans = scope.kept.map { kept in
            kept.ranges.compactMap { range -> Range<Int>? in
                let first = max(range.lowerBound, 1), last = min(range.upperBound, lineStarts.count)
                guard first <= last else { return nil }
                return lineStarts[first - 1]..<(last < lineStarts.count ? lineStarts[last] : Int.max)
            }
        }
    }

    private static func counts(_ lines: LineSet, lineCount: Int) -> [Int32] {
        var counts = [Int32](repeating: 0, count: lineCount + 1)
        for range in lines.ranges {
            let first = max(range.lowerBound, 1), last = min(range.upperBound, lineCount)
            guard first <= last else { continue }
            for line in first...last { counts[line] = 1 }
        }
        for line in counts.indices.dropFirst() { counts[line] += counts[line - 1] }
        return counts
    }

    /// Whether a line of `lines` is counted, when `lines` lies within the document; nil
    /// (ask the `LineSet`) when it does not.
    private static func any(_ counts: [Int32], _ lines: ClosedRange<Int>) -> Bool? {
        guard lines.lowerBound >= 1, lines.upperBound < counts.count else { return nil }
        return counts[lines.upperBound] > counts[lines.lowerBound - 1]
    }

    /// `scope.changes(lines)`.
    func changes(_ lines: ClosedRange<Int>, _ scope: ChangeScope) -> Bool {
        guard let counts = changedUpTo else { return false }
        return Self.any(counts, lines) ?? scope.changes(lines)
    }

    /// `scope.touches(lines)`.
    func touches(_ lines: ClosedRange<Int>, _ scope: ChangeScope) -> Bool {
        guard let counts = keptUpTo else { return true }
        return Self.any(counts, lines) ?? scope.touches(lines)
    }

    /// Whether a kept line holds a byte of `first...last` (offsets within the document).
    func touchesBytes(_ first: Int, _ last: Int) -> Bool {
        guard let spans = keptSpans else { return true }
        let after = spans.partitioningIndex { $0.upperBound > first }
        return after < spans.count && spans[after].lowerBound <= last
    }
}
