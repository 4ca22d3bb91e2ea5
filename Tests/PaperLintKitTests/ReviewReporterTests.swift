import Foundation
import PaperLintCore
@testable import PaperLintKit
import PaperLintTestSupport
import Testing

/// The pull-request review body: comment placement and ```suggestion blocks.
@Suite struct ReviewReporterTests {
    struct Comment {
        var path: String
        var line: Int
        var startLine: Int?
        var body: String
    }

    func comments(_ output: String) throws -> (event: String?, body: String?, comments: [Comment]) {
        let object = try SyntheticReport.json(output)
        let list = try #require(object["comments"] as? [[String: Any]])
        let comments = try list.map { comment in
            #expect(comment["side"] as? String == "RIGHT")
            if comment["start_line"] != nil { #expect(comment["start_side"] as? String == "RIGHT") }
            return Comment(
                path: try #require(comment["path"] as? String), line: try #require(comment["line"] as? Int),
                startLine: comment["start_line"] as? Int, body: try #require(comment["body"] as? String))
        }
        return (object["event"] as? String, object["body"] as? String, comments)
    }

    /// The text between ```suggestion and the closing fence, if the body has one.
    func suggestion(_ body: String) -> String? {
        guard let open = body.range(of: "```suggestion\n") else { return nil }
        let rest = body[open.upperBound...]
        guard let close = rest.range(of: "```", options: .backwards) else { return nil }
        return String(rest[..<close.lowerBound])
    }

    /// One comment per line: every finding in exactly one comment, no two comments on the same
    /// lines, and accepting a comment's suggestion equals applying the safe fixes of all the
    /// findings it lists.
    @Test(arguments: CIScenario.names)
    func acceptingASuggestionAppliesEveryFixOfItsLine(_ name: String) throws {
        let scenario = try ReporterScenario(name)
        let file = scenario.report.files[0]
        let review = try comments(scenario.render("review"))
        #expect(review.event == "COMMENT")
        #expect(review.body?.hasPrefix(ReviewReporter.marker + "\n### paperlint: ") == true)
        var listed = 0
        var suggested = 0
        var previousLine = 0
        for comment in review.comments {
            let first = comment.startLine ?? comment.line
            #expect(first > previousLine, "comments never share a line")
            previousLine = comment.line
            #expect(comment.body.hasSuffix(" -->\n") && comment.body.contains("<!-- paperlint: \(comment.path):\(comment.line) "))
            let findings = file.diagnostics.filter {
                (first...comment.line).contains($0.lastLine(in: file.document))
                    && comment.body.contains("**\($0.severity.rawValue)** `\($0.rule)`: " + Markdown.inline($0.message, inTable: false))
            }
            #expect(!findings.isEmpty)
            listed += findings.count
            guard let text = suggestion(comment.body) else {
                #expect(findings.allSatisfy { $0.fix?.safety != .safe }, "a safe fix is suggested")
                continue
            }
            suggested += 1
            let region = file.document.lineStarts[first - 1]..<file.document.fullRange(ofLine: comment.line).upperBound
            let accepted = Array(file.document.bytes[..<region.lowerBound]) + Array(text.utf8) + Array(file.document.bytes[region.upperBound...])
            let edits = findings.filter { $0.fix?.safety == .safe }.flatMap { $0.editRanges(in: file.document) }
                .sorted { $0.range.lowerBound < $1.range.lowerBound }
            let fixed = Fix(.safe, "", edits: edits.map { Edit(replacing: $0.range, with: $0.replacement) }).applied(to: file.document.bytes)
            #expect(accepted == fixed, "line \(comment.line)")
        }
        #expect(listed == file.diagnostics.count, "every finding is listed once")
        #expect(suggested > 0)
    }

    /// GitHub showed one line with three findings as three comments, each suggesting the whole
    /// line with only its own fix: accepting one made the others stale. Now they share one
    /// comment, and its suggestion carries all three fixes.
    @Test func findingsOnOneLineShareOneSuggestion() throws {
        let text = "- [2023/10] **A**  *B.*\t[[paper](http://https://x.org/p)]  \n"
        let double = SyntheticReport.range(of: "  *B", in: text).lowerBound
        let tab = SyntheticReport.range(of: "\t", in: text)
        let scheme = SyntheticReport.range(of: "http://https://", in: text)
        let trailing = SyntheticReport.range(of: ")]  \n", in: text).lowerBound + 2
        let report = SyntheticReport.make(text, [
            Diagnostic(ruleID: "whitespace", severity: .warning, range: double..<double + 2, message: "2 spaces",
                       fix: Fix(.safe, "one", Edit(replacing: double..<double + 2, with: " "))),
            Diagnostic(ruleID: "whitespace", severity: .warning, range: tab, message: "tab",
                       fix: Fix(.safe, "space", Edit(replacing: tab, with: " "))),
            Diagnostic(ruleID: "url", severity: .error, range: scheme, message: "doubled scheme",
                       fix: Fix(.safe, "inner", Edit(replacing: scheme.lowerBound..<scheme.lowerBound + 7, with: ""))),
            Diagnostic(ruleID: "whitespace", severity: .warning, range: trailing..<trailing + 2, message: "trailing whitespace",
                       fix: Fix(.safe, "remove", Edit(replacing: trailing..<trailing + 2, with: ""))),
            // A later fix of the same bytes cannot join: its message stays, its fix waits.
            Diagnostic(ruleID: "other", severity: .warning, range: tab.upperBound..<tab.upperBound + 1, message: "clashing",
                       fix: Fix(.safe, "x", Edit(replacing: tab.lowerBound..<tab.upperBound + 1, with: "x["))),
        ])
        let review = try comments(ReviewReporter.render(report))
        #expect(review.comments.count == 1)
        let body = try #require(review.comments.first?.body)
        #expect(suggestion(body) == "- [2023/10] **A** *B.* [[paper](https://x.org/p)]\n")
        for message in ["2 spaces", "tab", "doubled scheme", "trailing whitespace", "clashing"] { #expect(body.contains("`: \(message)\n")) }
        #expect(review.body?.contains("1 comment suggests a change") == true)
        // The marker names the place and rules; the same findings give the same marker.
        #expect(body.hasSuffix("\n<!-- paperlint: README.md:1 whitespace,other,url " + body.suffix(21).prefix(16) + " -->\n"))
        #expect(try comments(ReviewReporter.render(report)).comments.first?.body == body)
    }

    @Test func multiLineFindingsSpanTheirLines() throws {
        let text = "# T\n\n- [2023/10] **A\n  B** *C.*\n- [2023/09] **D** *E.*\n"
        let span = SyntheticReport.range(of: "**A\n  B**", in: text)
        let twoSpaces = SyntheticReport.range(of: "  B", in: text)
        let report = SyntheticReport.make(text, [
            Diagnostic(
                ruleID: "whitespace", severity: .warning, range: span, message: "title spans lines",
                fix: Fix(.safe, "join", Edit(replacing: (span.lowerBound + 3)..<(twoSpaces.lowerBound + 2), with: " "))),
            // A finding that takes the whole line 5 with its line break: a deletion suggestion.
            Diagnostic(
                ruleID: "duplicate", severity: .error, range: SyntheticReport.range(of: "- [2023/09] **D** *E.*\n", in: text),
                message: "repeat", fix: Fix(.safe, "remove", Edit(replacing: SyntheticReport.range(of: "- [2023/09] **D** *E.*\n", in: text), with: ""))),
        ])
        let review = try comments(ReviewReporter.render(report))
        #expect(review.comments[0].startLine == 3 && review.comments[0].line == 4)
        #expect(suggestion(review.comments[0].body) == "- [2023/10] **A B** *C.*\n")
        #expect(review.comments[1].startLine == nil && review.comments[1].line == 5)
        #expect(suggestion(review.comments[1].body) == "", "an empty suggestion deletes the line")
    }

    @Test func suggestionFenceOutgrowsBackticksInTheLine() throws {
        let text = "- [2023/10] **A** *B.* ```x```  end\n"
        let spaces = SyntheticReport.range(of: "  ", in: text)
        let report = SyntheticReport.make(text, [
            Diagnostic(ruleID: "whitespace", severity: .error, range: spaces, message: "2 spaces",
                       fix: Fix(.safe, "one space", Edit(replacing: spaces, with: " "))),
        ])
        let body = try #require(try comments(ReviewReporter.render(report)).comments.first?.body)
        #expect(body.contains("\n````suggestion\n- [2023/10] **A** *B.* ```x``` end\n````\n"))
    }

    @Test func messagesAreEscapedOutsideCodeSpans() throws {
        let text = "x\n"
        let report = SyntheticReport.make(text, [
            Diagnostic(ruleID: "r", severity: .error, range: 0..<1, message: "**bold** <!-- hidden --> `**code**`"),
        ])
        let body = try #require(try comments(ReviewReporter.render(report)).comments.first?.body)
        #expect(body.hasPrefix("**error** `r`: \\*\\*bold\\*\\* \\<\\!-- hidden --\\> `**code**`\n"))
    }
}
