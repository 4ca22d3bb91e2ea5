import Foundation
import PaperLintCore
@testable import PaperLintKit
import Testing

/// Workflow-command escaping and GitHub's per-step annotation limits.
@Suite struct GitHubReporterTests {
    /// The runner's reading of an escaped value (actions/runner `ActionCommand` unescaping).
    func unescape(_ text: String) -> String {
        var out = text
        for (escaped, plain) in [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")] {
            out = out.replacingOccurrences(of: escaped, with: plain)
        }
        return out
    }

    @Test func messagesEscapePercentAndLineBreaksOnly() {
        #expect(GitHubReporter.data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b")
        #expect(GitHubReporter.data("%0A is not a line break") == "%250A is not a line break")
        #expect(GitHubReporter.data("plain") == "plain")
    }

    @Test func propertiesAlsoEscapeColonAndComma() {
        #expect(GitHubReporter.property("docs/a,b: c%.md") == "docs/a%2Cb%3A c%25.md")
        #expect(GitHubReporter.property("x\ry\nz") == "x%0Dy%0Az")
        for value in ["a:b,c", "50%,\r\n:", "%3A", "::error::"] {
            let escaped = GitHubReporter.property(value)
            #expect(!escaped.contains(",") && !escaped.contains(":") && !escaped.contains("\n") && !escaped.contains("\r"))
            #expect(unescape(escaped) == value)
        }
    }

    @Test func annotationEscapesEveryPart() throws {
        let text = "# T\n\n- [2023/10] **A, B: C** 100%\n"
        let report = SyntheticReport.make(text, path: "lists/a,b:c.md", [
            Diagnostic(
                ruleID: "odd:rule,id", severity: .error, range: SyntheticReport.range(of: "100%", in: text),
                message: "50% of\r\nentries: x, y", help: "write 100%25 as %"),
        ])
        let line = GitHubReporter().render(report)
        #expect(line == """
            ::error file=lists/a%2Cb%3Ac.md,line=3,endLine=3,col=25,endColumn=29,title=odd%3Arule%2Cid::\
            50%25 of%0D%0Aentries: x, y%0Ahelp: write 100%2525 as %25

            """)
        // Exactly one command per finding, and the runner reads back what was meant.
        #expect(line.split(separator: "\n").count == 1)
        let message = try #require(line.split(separator: "::", maxSplits: 2).last)
        #expect(unescape(String(message.dropLast())) == "50% of\r\nentries: x, y\nhelp: write 100%25 as %")
    }

    @Test func severitiesMapToCommands() {
        let text = "a\nb\nc\n"
        let report = SyntheticReport.make(text, [
            Diagnostic(ruleID: "r", severity: .info, range: 4..<5, message: "i"),
            Diagnostic(ruleID: "r", severity: .warning, range: 2..<3, message: "w"),
            Diagnostic(ruleID: "r", severity: .error, range: 0..<1, message: "e"),
        ])
        let commands = GitHubReporter().render(report).split(separator: "\n").map { $0.prefix { $0 != " " } }
        #expect(commands == ["::error", "::warning", "::notice"])
    }

    @Test func multiLineFindingsCarryNoColumns() {
        let text = "first line\nsecond line\nthird\n"
        let report = SyntheticReport.make(text, [
            // Lines 1–2: GitHub ignores columns across lines, so none are sent.
            Diagnostic(ruleID: "r", severity: .error, range: 6..<17, message: "span"),
            // The whole of line 3 with its line break ends at 4:1; on GitHub it ends on line 3.
            Diagnostic(ruleID: "r", severity: .error, range: 23..<29, message: "line"),
        ])
        let lines = GitHubReporter().render(report).split(separator: "\n")
        #expect(lines[0] == "::error file=README.md,line=1,endLine=2,title=r::span")
        #expect(lines[1] == "::error file=README.md,line=3,endLine=3,col=1,endColumn=6,title=r::line")
    }

    /// 25 errors, 12 warnings, 3 notes: 9 errors and an overflow note, 9 warnings and an
    /// overflow note, 3 notices, then the 19 left-out findings in a log group.
    @Test func overTheLimitTheLastAnnotationCountsTheRest() throws {
        let text = (1...40).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let document = Document(text)
        let severities = Array(repeating: Severity.error, count: 25) + Array(repeating: .warning, count: 12)
            + Array(repeating: .info, count: 3)
        // Interleave severities over the lines: the output must still group errors first.
        let diagnostics = severities.enumerated().map { index, severity in
            let line = (index * 7) % 40 + 1
            let start = document.lineStarts[line - 1]
            return Diagnostic(ruleID: "rule", severity: severity, range: start..<start + 4, message: "finding \(index)")
        }
        let output = GitHubReporter().render(SyntheticReport.make(text, diagnostics))
        let lines = output.split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.hasPrefix("::error ") }
        let warnings = lines.filter { $0.hasPrefix("::warning ") }
        let notices = lines.filter { $0.hasPrefix("::notice ") }
        #expect(errors.count == 10 && warnings.count == 10 && notices.count == 3)
        // Errors first, then warnings, then notices.
        let kinds = lines.prefix(23).map { $0.prefix { $0 != " " } }
        #expect(kinds == Array(repeating: "::error", count: 10) + Array(repeating: "::warning", count: 10)
            + Array(repeating: "::notice", count: 3))
        // The last annotation of each overflowing kind says how many are missing and where they are.
        #expect(errors[9].hasPrefix("::error title=paperlint%3A 16 more errors::16 more errors not shown."))
        #expect(errors[9].contains("at most 10 error annotations per step") && errors[9].contains("step summary"))
        #expect(errors[9].contains("all 40 findings"))
        #expect(warnings[9].hasPrefix("::warning title=paperlint%3A 3 more warnings::3 more warnings not shown."))
        #expect(!errors.dropLast().contains { $0.contains("more errors") })
        // Nothing is lost: the left-out findings follow in a log group, one plain line each.
        let group = try #require(lines.firstIndex(of: "::group::paperlint: 19 findings not annotated"))
        #expect(lines.last == "::endgroup::")
        let leftOut = lines[(group + 1)..<(lines.count - 1)]
        #expect(leftOut.count == 19)
        #expect(leftOut.allSatisfy { $0.hasPrefix("README.md:") && !$0.hasPrefix("::") })
        let annotated = Set((errors.dropLast() + warnings.dropLast() + notices).compactMap { $0.components(separatedBy: "::").last })
        let missing = Set(leftOut.compactMap { $0.components(separatedBy: "] ").last })
        #expect(annotated.count == 21 && missing.count == 19 && annotated.isDisjoint(with: missing))
    }

    @Test func atTheLimitEverythingIsAnnotated() {
        let text = (1...10).map { "line \($0)" }.joined(separator: "\n")
        let document = Document(text)
        let diagnostics = (1...10).map { line in
            Diagnostic(ruleID: "rule", severity: .error, range: document.lineStarts[line - 1]..<document.lineStarts[line - 1] + 1, message: "m")
        }
        let output = GitHubReporter().render(SyntheticReport.make(text, diagnostics))
        #expect(output.split(separator: "\n").count == 10)
        #expect(!output.contains("more errors") && !output.contains("::group::"))
    }

    @Test func logLinesCannotStartACommand() {
        let text = "x\n"
        let diagnostic = Diagnostic(ruleID: "r", severity: .error, range: 0..<1, message: "a\n::error::injected", help: "b\r\nc")
        let report = SyntheticReport.make(text, [diagnostic])
        #expect(GitHubReporter.logLine(report.diagnostics[0]) == "README.md:1:1: error[r] a ::error::injected (help: b  c)")
    }
}
