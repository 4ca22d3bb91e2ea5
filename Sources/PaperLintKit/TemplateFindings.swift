import PaperLintCore

/// An entry that departs from the list's template in many places is one finding, not one per
/// part: a shape paperlint does not know (or a line pasted from elsewhere) reads as a single
/// claim a maintainer can act on, with every fix it had.
enum TemplateFindings {
    /// The rules that judge an entry's parts against the list's template.
    static let rules: Set<String> = ["entry-format", "whitespace", "punctuation", "link-spacing"]
    /// From this many template findings on one line on, they are reported as one.
    static let threshold = 3

    /// `found` with the template findings of each line that has at least `threshold` of them
    /// merged into one `entry-format` finding at the first one's place, in the order given.
    static func collapse(_ found: [Diagnostic], in document: Document) -> [Diagnostic] {
        var byLine: [Int: [Int]] = [:]
        for (index, diagnostic) in found.enumerated() where rules.contains(diagnostic.ruleID) {
            byLine[document.line(containing: diagnostic.range.lowerBound), default: []].append(index)
        }
        let groups = byLine.values.filter { $0.count >= threshold }
        guard !groups.isEmpty else { return found }
        var merged: [Int: Diagnostic] = [:]
        var dropped = Set<Int>()
        for group in groups {
            merged[group[0]] = merge(group.map { found[$0] })
            dropped.formUnion(group.dropFirst())
        }
        return found.indices.compactMap { dropped.contains($0) ? nil : merged[$0] ?? found[$0] }
    }

    /// One finding for all of `parts`: the worst severity, every message, and the safe fixes'
    /// edits together (the unsafe ones alone when none is safe); edits that overlap an earlier
    /// one wait for the next round of `fix`, which judges the line again.
    static func merge(_ parts: [Diagnostic]) -> Diagnostic {
        let severity = parts.map(\.severity).max() ?? .warning
        let start = parts.map(\.range.lowerBound).min() ?? 0
        let end = parts.map(\.range.upperBound).max() ?? start
        let messages = parts.map(\.message)
        let safe = parts.compactMap(\.fix).filter { $0.safety == .safe }
        let chosen = safe.isEmpty ? parts.compactMap(\.fix) : safe
        var edits: [Edit] = []
        for edit in chosen.flatMap(\.edits).sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if let last = edits.last, edit.range.lowerBound < last.range.upperBound || edit.range == last.range { continue }
            edits.append(edit)
        }
        let fix = edits.isEmpty
            ? nil : Fix(safe.isEmpty ? .unsafe : .safe, chosen.map(\.message).joined(separator: "; "), edits: edits)
        return Diagnostic(
            ruleID: "entry-format", severity: severity, range: start..<max(start, end),
            message: "entry departs from the list's template in \(parts.count) places: " + messages.joined(separator: "; "),
            help: "write it the way the entries around it are written",
            related: parts.flatMap(\.related), fix: fix)
    }
}
