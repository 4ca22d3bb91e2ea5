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

    /// Accepting a suggestion replaces the commented lines: that must equal applying the fix.
    @Test(arguments: CIScenario.names)
    func acceptingASuggestionAppliesThatFix(_ name: String) throws {
        let scenario = try ReporterScenario(name)
        let file = scenario.report.files[0]
        let review = try comments(scenario.render("review"))
        #expect(review.event == "COMMENT")
        #expect(review.body?.hasPrefix("### paperlint: ") == true)
        #expect(review.comments.count == file.diagnostics.count)
        var suggested = 0
        for (comment, diagnostic) in zip(review.comments, file.diagnostics) {
            #expect(comment.path == diagnostic.path)
            #expect(comment.body.hasPrefix("**\(diagnostic.severity.rawValue)** `\(diagnostic.rule)`: "))
            guard let text = suggestion(comment.body) else {
                #expect(diagnostic.fix?.safety != .safe, "a safe fix is suggested")
                #expect(comment.line == diagnostic.lastLine(in: file.document))
                continue
            }
            suggested += 1
            let first = comment.startLine ?? comment.line
            let region = file.document.lineStarts[first - 1]..<file.document.fullRange(ofLine: comment.line).upperBound
            let accepted = Array(file.document.bytes[..<region.lowerBound]) + Array(text.utf8) + Array(file.document.bytes[region.upperBound...])
            let fixed = Fix(.safe, "", edits: diagnostic.editRanges(in: file.document).map { Edit(replacing: $0.range, with: $0.replacement) })
                .applied(to: file.document.bytes)
            #expect(accepted == fixed, "\(diagnostic.rule) at \(diagnostic.start)")
        }
        #expect(suggested == file.diagnostics.count { $0.fix?.safety == .safe })
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
