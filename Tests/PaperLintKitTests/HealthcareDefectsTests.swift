import PaperLintCore
import PaperLintKit
import PaperLintTestSupport
import Testing

/// `check --all` on the reference list, with no configuration (the default preset), reports
/// every defect ../shared/samples/SOURCES.md lists and nothing else a maintainer would call
/// wrong. This pins the whole list, so a change in any rule shows up here.
@Suite struct HealthcareDefectsTests {
    struct Finding: Equatable, CustomStringConvertible {
        var line: Int
        var rule: String
        var severity: Severity
        var description: String { "\(line) \(rule) \(severity)" }
    }

    @Test func everyKnownDefectAndNothingElse() throws {
        let request = CheckRequest(paths: [Fixtures.healthcare], mode: .all, currentDirectory: "/")
        let report = try Linter.check(request)
        let found = report.diagnostics.map { Finding(line: $0.start.line, rule: $0.rule, severity: $0.severity) }
        let expected: [Finding] = [
            // SOURCES.md: mojibake in headings (🔔) and news bullets.
            .init(line: 3, rule: "encoding", severity: .error), .init(line: 5, rule: "encoding", severity: .error),
            .init(line: 6, rule: "encoding", severity: .error),
            // SOURCES.md: the list mixes `][[` (3) with `] [[` (48).
            .init(line: 39, rule: "link-spacing", severity: .error), .init(line: 40, rule: "link-spacing", severity: .error),
            .init(line: 41, rule: "link-spacing", severity: .error),
            // SOURCES.md: `*OpenMedLab*.`
            .init(line: 55, rule: "punctuation", severity: .error),
            // SOURCES.md: dated 2023/04, arXiv 2310.x (line 44 is one month off: tolerated).
            .init(line: 68, rule: "date-mismatch", severity: .warning),
            // SOURCES.md: Lmflow lists code before paper; Visual Med-Alpaca blog before code.
            .init(line: 91, rule: "link-label", severity: .error), .init(line: 100, rule: "link-label", severity: .error),
            // The ToC covers ## to #### but skips GPT-4V and Licenses.
            .init(line: 102, rule: "toc", severity: .warning),
            // SOURCES.md: PathAsst again (first at 97); across sections, so a warning by default.
            .init(line: 117, rule: "duplicate", severity: .warning),
            // Three titles end with a period in a section where most do not.
            .init(line: 126, rule: "punctuation", severity: .error), .init(line: 128, rule: "punctuation", severity: .error),
            .init(line: 129, rule: "punctuation", severity: .error),
            // SOURCES.md: GrÃ©goire.
            .init(line: 152, rule: "encoding", severity: .error),
            // `*… ACL'23 Findings*` lacks the final period every other segment has.
            .init(line: 153, rule: "punctuation", severity: .error),
            // An http:// arXiv link.
            .init(line: 156, rule: "arxiv-url", severity: .error),
            // SOURCES.md: double spaces before the links.
            .init(line: 161, rule: "whitespace", severity: .error), .init(line: 162, rule: "whitespace", severity: .error),
            // SOURCES.md: `**Title**.`
            .init(line: 164, rule: "punctuation", severity: .error),
            .init(line: 190, rule: "toc", severity: .warning),
        ]
        #expect(found == expected)
        let duplicate = try #require(report.diagnostics.first { $0.rule == "duplicate" })
        #expect(duplicate.related.map(\.start.line) == [97])
        #expect(duplicate.message.hasPrefix("“PathAsst: Redefining Pathology"))
        #expect(report.diagnostics.filter { $0.severity == .error }.allSatisfy { $0.fix != nil }, "every error has a fix")
    }
}
