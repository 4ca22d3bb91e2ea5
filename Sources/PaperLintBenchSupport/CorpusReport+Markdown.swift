import Foundation

/// The report as Markdown tables: one row per list and a total row per measurement.
extension CorpusReport {
    public func markdown() -> String {
        var out = ""
        let scope = commitsPerList.map { "the last \($0) commits with a parent" } ?? "every commit with a parent"

        out += "### (a) `check --all` on the head file, no configuration\n\n"
        out += "| list | entries | read as papers | flagged | share | errors | warnings | top rules |\n|---|---:|---:|---:|---:|---:|---:|---|\n"
        for list in lists {
            let h = list.head
            out += "| \(list.name) | \(h.entryLines) | \(h.parsedEntryLines) | \(h.flaggedEntryLines) | \(percent(h.flaggedShare)) | \(h.perSeverity["error", default: 0]) | \(h.perSeverity["warning", default: 0]) | \(Self.top(h.perRule)) |\n"
        }
        let allRules = lists.reduce(into: [String: Int]()) { $0.merge($1.head.perRule, uniquingKeysWith: +) }
        let errors = lists.reduce(0) { $0 + $1.head.perSeverity["error", default: 0] }
        let warnings = lists.reduce(0) { $0 + $1.head.perSeverity["warning", default: 0] }
        let share = totalEntryLines == 0 ? 0 : Double(totalFlaggedEntryLines) / Double(totalEntryLines)
        let parsed = lists.reduce(0) { $0 + $1.head.parsedEntryLines }
        out += "| **total** | \(totalEntryLines) | \(parsed) | \(totalFlaggedEntryLines) | \(percent(share)) | \(errors) | \(warnings) | \(Self.top(allRules)) |\n\n"
        out += "read as papers: entry lines paperlint parses as a dated paper entry; flagged: entry lines with a finding at warning or error; share: flagged / entries.\n\n"

        out += "### (b) Replay, no configuration (\(scope))\n\n"
        out += replayTable(lists.map { ($0.name, $0.replay) }, total: totalReplay, initColumn: false)

        if let total = totalReplayWithInit {
            out += "### (c) Replay with `paperlint init --write` on each parent\n\n"
            out += replayTable(lists.compactMap { list in list.replayWithInit.map { (list.name, $0) } }, total: total, initColumn: true)
        }

        let fixes = lists.compactMap { list in list.fix.map { (list.name, $0) } }
        if !fixes.isEmpty {
            out += "### (d) `fix --all --write` twice on the head file\n\n"
            out += "| list | exit (1st, 2nd) | 1st run changed | 2nd run changed nothing | entries before → after | URL links before → after | nothing lost |\n"
            out += "|---|---|---|---|---:|---:|---|\n"
            for (name, fix) in fixes {
                out += "| \(name) | \(fix.firstExitStatus), \(fix.secondExitStatus) | \(fix.changed ? "yes" : "no") | \(yes(fix.idempotent)) | \(fix.entryLinesBefore) → \(fix.entryLinesAfter) | \(fix.urlLinksBefore) → \(fix.urlLinksAfter) | \(yes(fix.nothingLost)) |\n"
            }
            let idempotent = fixes.count { $0.1.idempotent }, intact = fixes.count { $0.1.nothingLost }
            out += "| **total** | | \(fixes.count { $0.1.changed }) of \(fixes.count) | \(idempotent) of \(fixes.count) | \(fixes.reduce(0) { $0 + $1.1.entryLinesBefore }) → \(fixes.reduce(0) { $0 + $1.1.entryLinesAfter }) | \(fixes.reduce(0) { $0 + $1.1.urlLinksBefore }) → \(fixes.reduce(0) { $0 + $1.1.urlLinksAfter }) | \(intact) of \(fixes.count) |\n\n"
        }

        out += "### (f) Maintainer fixes: added entry lines a later commit rewrote for the same paper\n\n"
        out += "| list | added entry lines | flagged when added | rewritten later | of them flagged | share flagged | P(rewritten \\| flagged) | P(rewritten \\| not flagged) | removed later |\n"
        out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        func fixRow(_ name: String, _ f: CorpusMaintainerFixes) -> String {
            "| \(name) | \(f.addedEntryLines) | \(f.flaggedAdded) | \(f.rewritten) | \(f.rewrittenFlagged) | \(percent(f.shareFlagged)) | \(percent(f.rewriteRateFlagged)) | \(percent(f.rewriteRateUnflagged)) | \(f.removed) |\n"
        }
        for list in lists { out += fixRow(list.name, list.maintainerFixes) }
        out += fixRow("**total**", totalMaintainerFixes) + "\n"
        out += "Paper key: first arXiv id, else first http(s) URL, else the normalised title. \"Removed later\": the line went with no line for the same paper added in that commit.\n\n"

        out += "### (e) Sample of findings for hand review (\(sample.count), seed \(seed), round-robin over rules)\n\n"
        out += "| # | hash | list | at | line | rule | severity | message | text |\n|---:|---|---|---|---:|---|---|---|---|\n"
        for (i, f) in sample.enumerated() {
            let at = f.source == "head" ? "head" : String(f.source.prefix(10))
            out += "| \(i + 1) | `\(f.hash)` | \(f.list) | \(at) | \(f.line) | \(f.rule) | \(f.severity) | \(Self.cell(f.message)) | \(Self.cell(f.text)) |\n"
        }
        return out
    }

    private func replayTable(_ rows: [(String, CorpusReplay)], total: CorpusReplay, initColumn: Bool) -> String {
        var out = "| list | commits | added entry lines | findings | per line | errors | errors per line | flagged entry lines | top rules |"
        out += initColumn ? " init failed |\n" : "\n"
        out += "|---|---:|---:|---:|---:|---:|---:|---:|---|" + (initColumn ? "---:|\n" : "\n")
        func row(_ name: String, _ r: CorpusReplay) -> String {
            var line = "| \(name) | \(r.commits) | \(r.addedEntryLines) | \(r.findings) | \(String(format: "%.3f", r.findingsPerAddedEntryLine)) | \(r.errors) | \(String(format: "%.3f", r.errorsPerAddedEntryLine)) | \(r.flaggedAddedEntryLines) | \(Self.top(r.perRule)) |"
            if initColumn { line += " \(r.initFailures) |" }
            return line + "\n"
        }
        for (name, replay) in rows { out += row(name, replay) }
        out += row("**total**", total) + "\n"
        out += "findings: warning or error on the lines the commit added (check --staged); per line: findings / added entry lines."
        if total.failures > 0 {
            out += " paperlint failed (exit 2) on \(total.failures) commits: \(total.failureMessages.joined(separator: "; "))"
        }
        return out + "\n\n"
    }

    private func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
    private func yes(_ value: Bool) -> String { value ? "yes" : "**no**" }

    /// The three most frequent rules, "rule count, …".
    static func top(_ counts: [String: Int], _ n: Int = 3) -> String {
        let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return sorted.prefix(n).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    /// Text safe in a table cell: `|` escaped, control characters shown as spaces.
    static func cell(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }).replacingOccurrences(of: "|", with: "\\|")
    }
}
