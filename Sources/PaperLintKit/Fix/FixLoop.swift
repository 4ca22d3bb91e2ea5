import PaperLintCore

/// Applies fixes until the document stops changing: lint, take every fix in scope that does
/// not overlap one already taken, apply them in one pass, lint again.
///
/// Like ruff's fix loop it is bounded: a rule whose fix produces another finding of the same
/// kind forever is a bug, reported through `settled == false` instead of hanging.
public enum FixLoop {
    public static let maxRounds = 10

    /// Which bytes fixes may touch: all of them, or the byte ranges of the lines a diff changed.
    public enum Scope: Sendable, Equatable {
        case all
        case ranges([Range<Int>])
    }

    public struct Outcome: Sendable {
        public var fixed: [UInt8]
        /// Fixes applied, by rule id.
        public var applied: [String: Int]
        public var rounds: Int
        /// False when the loop hit `maxRounds` while fixes were still being applied.
        public var settled: Bool
        /// The scope in the fixed document's bytes.
        public var scope: Scope
        /// The fixed document, as the last round read it.
        public var document: Document
        /// What the last round found in scope: the findings the fixes leave.
        public var remaining: [Diagnostic]
        public var appliedCount: Int { applied.values.reduce(0, +) }
    }

    /// `first`: the document of `bytes` and its findings when a check already read them (the
    /// summary's patch): the first round takes them instead of linting again.
    public static func run(
        _ bytes: [UInt8], _ configuration: Configuration, unsafe: Bool, scope: Scope, first: (Document, [Diagnostic])? = nil
    ) -> Outcome {
        var current = bytes
        var scope = scope
        var applied: [String: Int] = [:]
        func outcome(_ document: Document, _ found: [Diagnostic], rounds: Int, settled: Bool) -> Outcome {
            Outcome(fixed: current, applied: applied, rounds: rounds, settled: settled, scope: scope, document: document,
                    remaining: found.filter { inScope($0.range, scope) })
        }
        for round in 1...maxRounds {
            let (document, found): (Document, [Diagnostic])
            if round == 1, let first {
                (document, found) = first
            } else {
                document = Document(bytes: current, changed: changedLines(current, scope))
                found = RuleRunner.run(document, configuration)
            }
            let chosen = choose(found, unsafe: unsafe, scope: scope)
            guard !chosen.edits.isEmpty else { return outcome(document, found, rounds: round - 1, settled: true) }
            let next = Fix(.safe, "round", edits: chosen.edits).applied(to: current)
            guard next != current else { return outcome(document, found, rounds: round - 1, settled: true) }
            for rule in chosen.rules { applied[rule, default: 0] += 1 }
            scope = map(scope, through: chosen.edits)
            current = next
        }
        // One more look: the last round may have been the one that settled it.
        let last = Document(bytes: current, changed: changedLines(current, scope))
        let found = RuleRunner.run(last, configuration)
        return outcome(last, found, rounds: maxRounds, settled: choose(found, unsafe: unsafe, scope: scope).edits.isEmpty)
    }

    /// The lines a diff scope covers, for learning the house style from the other entries as
    /// `check` does; nil for the whole file.
    static func changedLines(_ bytes: [UInt8], _ scope: Scope) -> LineSet? {
        guard case .ranges(let ranges) = scope else { return nil }
        var lines: [ClosedRange<Int>] = []
        var line = 1, offset = 0
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            while offset < range.lowerBound && offset < bytes.count {
                if bytes[offset] == UInt8(ascii: "\n") { line += 1 }
                offset += 1
            }
            let first = line
            var last = line, cursor = offset
            while cursor < max(range.upperBound - 1, range.lowerBound) && cursor < bytes.count {
                if bytes[cursor] == UInt8(ascii: "\n") { last += 1 }
                cursor += 1
            }
            lines.append(first...last)
        }
        return LineSet(lines)
    }

    /// The fixes to apply this round: in scope, allowed by safety, identical fixes once, and no
    /// two touching the same bytes (the earlier one wins; ties go by rule id, then message).
    static func choose(_ diagnostics: [Diagnostic], unsafe: Bool, scope: Scope) -> (edits: [Edit], rules: [String]) {
        var seen = Set<Fix>()
        let candidates = diagnostics
            .compactMap { diagnostic -> (Diagnostic, Fix)? in
                guard let fix = diagnostic.fix, !fix.edits.isEmpty, fix.safety == .safe || unsafe,
                    inScope(diagnostic.range, scope)
                else { return nil }
                return (diagnostic, fix)
            }
            .sorted {
                ($0.1.edits[0].range.lowerBound, $0.1.edits[0].range.upperBound, $0.0.ruleID, $0.1.message)
                    < ($1.1.edits[0].range.lowerBound, $1.1.edits[0].range.upperBound, $1.0.ruleID, $1.1.message)
            }
        // Taken edits stay sorted by start; candidates come sorted too, so an insertion is
        // almost always an append and each check looks at two neighbours: O(n log n).
        var taken: [Edit] = []
        var rules: [String] = []
        for (diagnostic, fix) in candidates where seen.insert(fix).inserted {
            guard !fix.edits.contains(where: { conflicts($0, with: taken) }) else { continue }
            for edit in fix.edits { taken.insert(edit, at: insertionIndex(of: edit, in: taken)) }
            rules.append(diagnostic.ruleID)
        }
        return (taken, rules)
    }

    private static func insertionIndex(of edit: Edit, in sorted: [Edit]) -> Int {
        sorted.partitioningIndex { ($0.range.lowerBound, $0.range.upperBound) > (edit.range.lowerBound, edit.range.upperBound) }
    }

    /// Whether `edit` overlaps a taken edit. Taken edits never overlap each other, so only the
    /// neighbours around its insertion point can.
    private static func conflicts(_ edit: Edit, with sorted: [Edit]) -> Bool {
        let index = insertionIndex(of: edit, in: sorted)
        var probe = index - 1
        while probe >= 0 && sorted[probe].range.upperBound >= edit.range.lowerBound {
            if overlaps(sorted[probe].range, edit.range) { return true }
            // Empty edits share an upper bound with their start; look past them.
            if !sorted[probe].range.isEmpty { break }
            probe -= 1
        }
        var next = index
        while next < sorted.count && sorted[next].range.lowerBound <= edit.range.upperBound {
            if overlaps(sorted[next].range, edit.range) { return true }
            next += 1
        }
        return false
    }

    /// Two edits conflict when their ranges share a byte, or when both insert at one point, or
    /// one inserts strictly inside the other's range.
    static func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        if a.isEmpty && b.isEmpty { return a.lowerBound == b.lowerBound }
        if a.isEmpty { return a.lowerBound > b.lowerBound && a.lowerBound < b.upperBound }
        if b.isEmpty { return b.lowerBound > a.lowerBound && b.lowerBound < a.upperBound }
        return a.overlaps(b)
    }

    static func inScope(_ range: Range<Int>, _ scope: Scope) -> Bool {
        guard case .ranges(let ranges) = scope else { return true }
        return ranges.contains { range.lowerBound <= $0.upperBound && range.upperBound >= $0.lowerBound }
    }

    /// Moves scope ranges through applied edits; a range an edit touches grows to cover the
    /// edit's replacement.
    static func map(_ scope: Scope, through edits: [Edit]) -> Scope {
        guard case .ranges(let ranges) = scope else { return .all }
        func position(_ offset: Int, isEnd: Bool) -> Int {
            var shift = 0
            for edit in edits {
                let delta = edit.replacement.utf8.count - edit.range.count
                if edit.range.upperBound <= offset && !(isEnd == false && edit.range.isEmpty && edit.range.lowerBound == offset) {
                    shift += delta
                } else if edit.range.lowerBound < offset {
                    return edit.range.lowerBound + shift + (isEnd ? edit.replacement.utf8.count : 0)
                } else {
                    break
                }
            }
            return offset + shift
        }
        return .ranges(ranges.map { range in
            let lower = position(range.lowerBound, isEnd: false)
            return lower..<max(lower, position(range.upperBound, isEnd: true))
        })
    }
}
