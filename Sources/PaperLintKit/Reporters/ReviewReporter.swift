import PaperLintCore

/// `--format review`: the JSON body of GitHub's "create a review for a pull request" call
/// (`POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews`):
///
///     {"event": "COMMENT", "body": "…", "comments": [{"path", "line", "side", "start_line", "start_side", "body"}]}
///
/// One comment per finding, on the RIGHT (new) side at the finding's last line, with
/// `start_line`/`start_side` when it spans several lines. Where a finding has a safe fix,
/// the comment ends with a ```` ```suggestion ```` block holding the full text of the
/// affected lines once that fix is applied, which GitHub offers to commit in one click.
///
/// GitHub accepts review comments only on lines of the pull request's diff, so this format
/// is meant for `paperlint check --range BASE...HEAD`, whose changed-line filter keeps only
/// findings on those lines. `commit_id` is left out: GitHub then uses the pull request's head.
public enum ReviewReporter {
    public static func render(_ report: LintReport) -> String {
        var json = JSONWriter(indent: 2)
        json.beginObject()
        json.field("event", "COMMENT")
        json.field("body", body(report))
        json.key("comments")
        json.beginArray()
        for file in report.files {
            for diagnostic in file.diagnostics { comment(diagnostic, file.document, &json) }
        }
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }

    /// The review's own text: the headline and the totals per rule.
    static func body(_ report: LintReport) -> String {
        var out = "### " + SummaryReporter.headline(report) + "\n"
        guard !report.diagnostics.isEmpty else { return out }
        out += "\n" + SummaryReporter.ruleTable(report)
        let suggestions = report.files.reduce(0) { total, file in
            total + file.diagnostics.count { $0.safeFixedLines(in: file.document) != nil }
        }
        if suggestions > 0 {
            out += "\n\(suggestions) comment\(suggestions == 1 ? " suggests" : "s suggest") a change "
                + "(a safe fix; `paperlint fix --write` applies them all).\n"
        }
        return out
    }

    private static func comment(_ diagnostic: ReportedDiagnostic, _ document: Document, _ json: inout JSONWriter) {
        let suggestion = diagnostic.safeFixedLines(in: document)
        let lines = suggestion?.lines ?? diagnostic.lineSpan(in: document)
        json.beginObject()
        json.field("path", diagnostic.path)
        json.field("line", lines.upperBound)
        json.field("side", "RIGHT")
        if lines.count > 1 {
            json.field("start_line", lines.lowerBound)
            json.field("start_side", "RIGHT")
        }
        var body = "**\(diagnostic.severity.rawValue)** `\(diagnostic.rule)`: " + Markdown.inline(diagnostic.message, inTable: false) + "\n"
        if let help = diagnostic.help { body += "\nhelp: " + Markdown.inline(help, inTable: false) + "\n" }
        for related in diagnostic.related {
            body += "\nnote: " + Markdown.inline(related.message, inTable: false) + " (`\(related.path):\(related.start.line)`)\n"
        }
        if let suggestion {
            let fence = Markdown.fence(for: suggestion.text)
            body += "\n" + fence + "suggestion\n" + suggestion.text + (suggestion.text.isEmpty ? "" : "\n") + fence + "\n"
        }
        json.field("body", body)
        json.endObject()
    }
}
