import PaperLintCore

/// `--format summary`: GitHub-flavoured Markdown for `$GITHUB_STEP_SUMMARY`: a headline with
/// the totals, a table per rule and severity, a table of findings linked to their lines, and
/// the patch of the safe fixes in a collapsed block.
public struct SummaryReporter {
    /// Where findings link to: `SERVER/REPOSITORY/blob/SHA/PATH#Lline` (GitHub Actions sets
    /// `GITHUB_SERVER_URL`, `GITHUB_REPOSITORY` and `GITHUB_SHA`).
    public struct Links: Sendable, Equatable {
        public var server: String
        public var repository: String
        public var sha: String

        /// nil unless all three are set and non-empty.
        public init?(server: String?, repository: String?, sha: String?) {
            guard let server, let repository, let sha, !server.isEmpty, !repository.isEmpty, !sha.isEmpty else { return nil }
            self.server = server.hasSuffix("/") ? String(server.dropLast()) : server
            self.repository = repository
            self.sha = sha
        }

        func url(_ path: String, lines: ClosedRange<Int>) -> String {
            let anchor = lines.count == 1 ? "#L\(lines.lowerBound)" : "#L\(lines.lowerBound)-L\(lines.upperBound)"
            return "\(server)/\(repository)/blob/\(sha)/\(URI.path(path))\(anchor)"
        }
    }

    public var links: Links?
    /// The most bytes the output may take. GitHub refuses a step summary over 1024 KiB
    /// ("$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k"), and
    /// other steps may write to it too: past this budget the patch, then findings, are left out.
    public var budget: Int

    public static let defaultBudget = 900 * 1024

    public init(links: Links? = nil, budget: Int = SummaryReporter.defaultBudget) {
        self.links = links
        self.budget = budget
    }

    /// The summary of `report`; `patch` is the unified diff of its safe fixes (`Fixer.safePatch`).
    public func render(_ report: LintReport, patch: String) -> String {
        var head = "## " + Self.headline(report) + "\n\n"
        for note in report.notes { head += "> " + Markdown.inline(note, inTable: false) + "\n" }
        if !report.notes.isEmpty { head += "\n" }
        guard !report.diagnostics.isEmpty else { return head }
        head += Self.ruleTable(report) + "\n"

        var rows = report.diagnostics.map { row($0, report) }
        var fixes = patchBlock(report, patch: patch)
        let tableHead = "### Findings\n\n| severity | location | rule | message |\n|---|---|---|---|\n"
        func size() -> Int { head.utf8.count + tableHead.utf8.count + rows.reduce(0) { $0 + $1.utf8.count } + fixes.utf8.count + 200 }
        if size() > budget && !patch.isEmpty {
            fixes = "\nThe patch of the safe fixes (\(patch.utf8.count / 1024) KiB) is too large for this summary: "
                + "`paperlint fix --patch` prints it.\n"
        }
        var dropped = 0
        var total = size()
        while total > budget, let last = rows.popLast() {
            total -= last.utf8.count
            dropped += 1
        }
        var out = head + tableHead + rows.joined()
        if dropped > 0 {
            out += "\n\(dropped) more finding\(dropped == 1 ? "" : "s") left out to fit GitHub's size limit; "
                + "the step's log and `paperlint check` list every one.\n"
        }
        return out + fixes
    }

    /// "paperlint: 3 errors, 1 warning in 1 file" or "paperlint: no problems in 1 file".
    static func headline(_ report: LintReport) -> String {
        let files = report.files.count == 1 ? "1 file" : "\(report.files.count) files"
        guard !report.diagnostics.isEmpty else { return "paperlint: no problems in \(files)" }
        var parts = [Severity.error.counted(report.errorCount), Severity.warning.counted(report.warningCount)]
        if report.infoCount > 0 { parts.append(Severity.info.counted(report.infoCount)) }
        return "paperlint: \(parts.joined(separator: ", ")) in \(files)"
    }

    /// Totals per rule (by id) and severity, with a total row.
    static func ruleTable(_ report: LintReport) -> String {
        var out = "| rule | errors | warnings | notes |\n|---|---:|---:|---:|\n"
        let byRule = Dictionary(grouping: report.diagnostics, by: \.rule)
        for rule in byRule.keys.sorted() {
            let findings = byRule[rule] ?? []
            let counts = [Severity.error, .warning, .info].map { severity in findings.count { $0.severity == severity } }
            out += "| `\(rule)` | " + counts.map(String.init).joined(separator: " | ") + " |\n"
        }
        out += "| **total** | **\(report.errorCount)** | **\(report.warningCount)** | **\(report.infoCount)** |\n"
        return out
    }

    private func row(_ diagnostic: ReportedDiagnostic, _ report: LintReport) -> String {
        let document = report.files.first { $0.path == diagnostic.path }?.document
        let last = document.map { diagnostic.lastLine(in: $0) } ?? diagnostic.start.line
        let text = Markdown.inline("\(diagnostic.path):\(diagnostic.start.line)")
        let location = links.map { "[\(text)](\($0.url(diagnostic.path, lines: diagnostic.start.line...last)))" } ?? text
        var message = Markdown.inline(diagnostic.message)
        if let help = diagnostic.help { message += "<br>help: " + Markdown.inline(help) }
        for related in diagnostic.related {
            let place = Markdown.inline("\(related.path):\(related.start.line)")
            let link = links.map { "[\(place)](\($0.url(related.path, lines: related.start.line...related.start.line)))" } ?? place
            message += "<br>note: " + Markdown.inline(related.message) + " (\(link))"
        }
        return "| \(diagnostic.severity.rawValue) | \(location) | `\(diagnostic.rule)` | \(message) |\n"
    }

    private func patchBlock(_ report: LintReport, patch: String) -> String {
        let safe = report.count { $0.fix?.safety == .safe }
        let unsafe = report.count { $0.fix?.safety == .unsafe }
        var out = ""
        if !patch.isEmpty {
            let fence = Markdown.fence(for: patch)
            out += "\n<details>\n<summary>Patch with the safe fixes (\(safe) finding\(safe == 1 ? "" : "s")): "
                + "apply it with <code>git apply</code>, or run <code>paperlint fix --write</code></summary>\n\n"
            out += fence + "diff\n" + patch + (patch.hasSuffix("\n") ? "" : "\n") + fence + "\n\n</details>\n"
        }
        if unsafe > 0 {
            out += "\n\(unsafe) finding\(unsafe == 1 ? " has a fix" : "s have fixes") that need\(unsafe == 1 ? "s" : "") review "
                + "(reordering, removing, rewriting): `paperlint fix --unsafe --patch` shows \(unsafe == 1 ? "it" : "them").\n"
        }
        return out
    }
}
