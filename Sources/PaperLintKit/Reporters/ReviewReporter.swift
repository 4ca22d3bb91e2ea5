import PaperLintCore

/// `--format review`: the JSON body of GitHub's "create a review for a pull request" call
/// (`POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews`):
///
///     {"event": "COMMENT", "body": "…", "comments": [{"path", "line", "side", "start_line", "start_side", "body"}]}
///
/// One comment per changed line (or run of lines a fix spans), on the RIGHT (new) side at
/// its last line, with `start_line`/`start_side` when it spans several. The comment lists
/// every finding there and, where they have safe fixes, ends with one ```` ```suggestion ````
/// block holding the lines with all of those fixes applied together: GitHub offers it in one
/// click, and one suggestion per finding on the same line would conflict (applying one makes
/// the others stale). Each comment ends with a hidden marker (`<!-- paperlint: … -->`) naming
/// its place and findings, and the body starts with `<!-- paperlint-review -->`, so that the
/// action's scripts can tell their own comments from a maintainer's on the next push.
///
/// GitHub accepts review comments only on lines of the pull request's diff, so this format
/// is meant for `paperlint check --range BASE...HEAD`, whose changed-line filter keeps only
/// findings on those lines. `commit_id` is left out: GitHub then uses the pull request's head.
public enum ReviewReporter {
    /// The first line of every review body paperlint writes.
    public static let marker = "<!-- paperlint-review -->"

    /// Past this size the patch of every fix is left to `paperlint fix --unsafe --patch`.
    static let patchBudget = 40_000

    /// `unsafePatch`: the unified diff of every fix, the unsafe ones included
    /// (`Fixer.patch(for:unsafe:)`), offered in the body for the findings whose fix moves or
    /// removes lines, which no suggestion can carry.
    public static func render(_ report: LintReport, unsafePatch: String = "") -> String {
        var json = JSONWriter(indent: 2)
        json.beginObject()
        json.field("event", "COMMENT")
        var suggestions = 0
        var comments: [(path: String, lines: ClosedRange<Int>, body: String)] = []
        for file in report.files {
            for group in groups(file.diagnostics, file.document) {
                let suggestion = combinedSuggestion(group, file.document)
                if suggestion != nil { suggestions += 1 }
                comments.append((group.path, group.lines, body(group, suggestion)))
            }
        }
        json.field("body", body(report, suggestions: suggestions) + unsafeSection(report, unsafePatch))
        json.key("comments")
        json.beginArray()
        for comment in comments {
            json.beginObject()
            json.field("path", comment.path)
            json.field("line", comment.lines.upperBound)
            json.field("side", "RIGHT")
            if comment.lines.count > 1 {
                json.field("start_line", comment.lines.lowerBound)
                json.field("start_side", "RIGHT")
            }
            json.field("body", comment.body)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }

    /// The review's own text: the marker, the headline and the totals per rule.
    static func body(_ report: LintReport, suggestions: Int) -> String {
        var out = marker + "\n### " + SummaryReporter.headline(report) + "\n"
        guard !report.diagnostics.isEmpty else { return out }
        out += "\n" + SummaryReporter.ruleTable(report)
        if suggestions > 0 {
            out += "\n\(suggestions) comment\(suggestions == 1 ? " suggests" : "s suggest") a change "
                + "(the safe fixes of its line; `paperlint fix --write` applies them all).\n"
        }
        return out
    }

    /// The findings whose fix is unsafe, and the patch of every fix.
    static func unsafeSection(_ report: LintReport, _ patch: String) -> String {
        let unsafe = report.count { $0.fix?.safety == .unsafe }
        guard unsafe > 0 else { return "" }
        var out = "\n\(unsafe) finding\(unsafe == 1 ? " has a fix" : "s have fixes") that paperlint does not suggest "
            + (unsafe == 1 ? "(it guesses a value, or moves or removes lines): " : "(they guess a value, or move or remove lines): ")
            + "`paperlint fix --unsafe --write` applies " + (unsafe == 1 ? "it" : "them") + " with the rest"
        guard !patch.isEmpty else { return out + ".\n" }
        guard patch.utf8.count <= patchBudget else { return out + " (the patch, \(patch.utf8.count / 1024) KiB, is too large to show here).\n" }
        let fence = Markdown.fence(for: patch)
        out += ", or this patch:\n\n<details><summary>Every fix, the unsafe ones included</summary>\n\n"
        return out + fence + "diff\n" + patch + (patch.hasSuffix("\n") ? "" : "\n") + fence + "\n</details>\n"
    }

    /// Findings that share a comment: those whose lines (with their safe fix's) overlap.
    struct Group {
        var path: String
        var lines: ClosedRange<Int>
        var diagnostics: [ReportedDiagnostic]
    }

    static func groups(_ diagnostics: [ReportedDiagnostic], _ document: Document) -> [Group] {
        // In line order; among equal lines, in the report's order.
        let spans = diagnostics.enumerated().map { index, diagnostic in
            (diagnostic, diagnostic.safeFixedLines(in: document)?.lines ?? diagnostic.lineSpan(in: document), index)
        }.sorted { ($0.1.lowerBound, $0.1.upperBound, $0.2) < ($1.1.lowerBound, $1.1.upperBound, $1.2) }
        var groups: [Group] = []
        for (diagnostic, lines, _) in spans {
            if var last = groups.last, last.path == diagnostic.path, lines.lowerBound <= last.lines.upperBound {
                last.lines = last.lines.lowerBound...max(last.lines.upperBound, lines.upperBound)
                last.diagnostics.append(diagnostic)
                groups[groups.count - 1] = last
            } else {
                groups.append(Group(path: diagnostic.path, lines: lines, diagnostics: [diagnostic]))
            }
        }
        return groups
    }

    /// The group's lines with every safe fix applied that fits them and does not touch
    /// bytes an earlier one changes; nil when none applies (or the lines would not survive
    /// as whole lines).
    static func combinedSuggestion(_ group: Group, _ document: Document) -> String? {
        let region = document.lineStarts[group.lines.lowerBound - 1]..<document.fullRange(ofLine: group.lines.upperBound).upperBound
        var chosen: [(range: Range<Int>, replacement: String)] = []
        for diagnostic in group.diagnostics where diagnostic.safeFixedLines(in: document) != nil {
            let edits = diagnostic.editRanges(in: document)
            let fits = edits.allSatisfy { $0.range.lowerBound >= region.lowerBound && $0.range.upperBound <= region.upperBound }
            let clashes = edits.contains { edit in
                chosen.contains { $0.range.overlaps(edit.range) || $0.range.lowerBound == edit.range.lowerBound }
            }
            if fits && !clashes { chosen += edits }
        }
        guard !chosen.isEmpty else { return nil }
        chosen.sort { $0.range.lowerBound < $1.range.lowerBound }
        return ReportedDiagnostic.fixedLines(chosen, region: region, in: document)
    }

    private static func body(_ group: Group, _ suggestion: String?) -> String {
        var body = ""
        for (index, diagnostic) in group.diagnostics.enumerated() {
            if index > 0 { body += "\n" }
            body += "**\(diagnostic.severity.rawValue)** `\(diagnostic.rule)`: " + Markdown.inline(diagnostic.message, inTable: false) + "\n"
            if let help = diagnostic.help { body += "\nhelp: " + Markdown.inline(help, inTable: false) + "\n" }
            for related in diagnostic.related {
                body += "\nnote: " + Markdown.inline(related.message, inTable: false) + " (`\(related.path):\(related.start.line)`)\n"
            }
        }
        if let suggestion {
            let fence = Markdown.fence(for: suggestion)
            body += "\n" + fence + "suggestion\n" + suggestion + (suggestion.isEmpty ? "" : "\n") + fence + "\n"
        }
        return body + "\n" + commentMarker(group) + "\n"
    }

    /// `<!-- paperlint: README.md:165 url,whitespace 1a2b3c4d -->`: where the comment stands,
    /// its rules, and a digest of its findings' messages (the same findings, the same digest).
    static func commentMarker(_ group: Group) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, stable across runs and platforms
        for diagnostic in group.diagnostics {
            for byte in (diagnostic.rule + "\u{0}" + diagnostic.message + "\u{0}").utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        let rules = group.diagnostics.map(\.rule).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let digits = String(hash, radix: 16)
        let digest = String(repeating: "0", count: max(0, 16 - digits.count)) + digits
        return "<!-- paperlint: \(group.path):\(group.lines.upperBound) \(rules.joined(separator: ",")) \(digest) -->"
    }
}
