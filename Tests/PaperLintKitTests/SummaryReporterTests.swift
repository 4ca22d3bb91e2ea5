import Foundation
import PaperLintCore
@testable import PaperLintKit
import PaperLintTestSupport
import Testing

/// The step summary: table escaping, links, the patch block and GitHub's size limit.
@Suite struct SummaryReporterTests {
    let links = SummaryReporter.Links(server: "https://github.com/", repository: "o/r", sha: "abc")

    @Test func linksNeedAllThreeVariables() {
        #expect(SummaryReporter.Links(server: "https://github.com", repository: "o/r", sha: nil) == nil)
        #expect(SummaryReporter.Links(server: "", repository: "o/r", sha: "abc") == nil)
        #expect(links?.server == "https://github.com")
    }

    @Test func tableCellsEscapePipesAndLineBreaks() {
        let text = "one\ntwo\nthree\n"
        let report = SyntheticReport.make(text, [
            Diagnostic(ruleID: "r", severity: .error, range: 0..<3, message: "a | b\nc\r\nd `x|y`", help: "p|q"),
        ])
        let output = SummaryReporter().render(report, patch: "")
        let row = output.split(separator: "\n").first { $0.hasPrefix("| error |") }
        #expect(row == "| error | README.md:1 | `r` | a \\| b<br>c<br>d `x\\|y`<br>help: p\\|q |")
        // A row is one line: every other line of the output is table, heading or blank.
        #expect(!output.contains("\nc") && !output.contains("\r"))
    }

    @Test func findingsLinkToTheirLinesWhenGitHubSaysWhere() throws {
        let text = "one\ntwo\nthree\n"
        let report = SyntheticReport.make(text, path: "docs/my list.md", [
            Diagnostic(ruleID: "r", severity: .warning, range: 4..<11, message: "two lines",
                       related: [RelatedLocation(range: 0..<3, message: "see")]),
        ])
        let linked = SummaryReporter(links: links).render(report, patch: "")
        #expect(linked.contains("| warning | [docs/my list.md:2](https://github.com/o/r/blob/abc/docs/my%20list.md#L2-L3) | `r` |"))
        #expect(linked.contains("note: see ([docs/my list.md:1](https://github.com/o/r/blob/abc/docs/my%20list.md#L1))"))
        let plain = SummaryReporter().render(report, patch: "")
        #expect(plain.contains("| warning | docs/my list.md:2 | `r` |") && !plain.contains("https://"))
    }

    @Test func cleanReportIsOneHeadline() {
        let report = SyntheticReport.make("ok\n", [])
        #expect(SummaryReporter().render(report, patch: "") == "## paperlint: no problems in 1 file\n\n")
    }

    @Test func patchGoesInACollapsedDiffFenceLongerThanItsBackticks() {
        let text = "x\n"
        let report = SyntheticReport.make(text, [
            Diagnostic(ruleID: "r", severity: .error, range: 0..<1, message: "m", fix: Fix(.safe, "f", Edit(replacing: 0..<1, with: "y"))),
        ])
        let patch = "--- a/README.md\n+++ b/README.md\n@@ -1 +1 @@\n-```x\n+````y\n"
        let output = SummaryReporter().render(report, patch: patch)
        #expect(output.contains("<details>\n<summary>Patch with the safe fixes (1 finding)"))
        #expect(output.contains("\n`````diff\n" + patch + "`````\n\n</details>\n"))
    }

    @Test func staysWithinTheBudgetDroppingThePatchFirst() throws {
        let scenario = try ReporterScenario("healthcare")
        let full = scenario.render("summary")
        // Room for everything but the patch: the patch gives way, every finding stays.
        let withoutPatch = SummaryReporter(budget: full.utf8.count - scenario.patch.utf8.count).render(scenario.report, patch: scenario.patch)
        #expect(!withoutPatch.contains("```diff") && withoutPatch.contains("is too large for this summary"))
        #expect(withoutPatch.components(separatedBy: "\n| error |").count - 1 == scenario.report.errorCount)
        // Less room still: findings are left out from the end, and the summary says so.
        let small = SummaryReporter(budget: 2500).render(scenario.report, patch: scenario.patch)
        #expect(small.utf8.count <= 2500)
        #expect(small.contains("more findings left out to fit GitHub's size limit"))
        #expect(small.hasPrefix("## paperlint: 4 errors, 12 warnings in 1 file\n"))
    }
}
