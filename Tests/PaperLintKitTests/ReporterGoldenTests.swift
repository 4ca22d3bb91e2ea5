import Foundation
import PaperLintKit
import PaperLintTestSupport
import Testing

/// Every format on the healthcare sample (`--all`) and on a pull request that adds three
/// defective entries (`--range main...HEAD`), against `Golden/<scenario>/<format>.txt`.
@Suite struct ReporterGoldenTests {
    static let cases = CIScenario.names.flatMap { name in CIScenario.formats.map { (name, $0) } }

    @Test(arguments: cases)
    func matchesGolden(_ scenario: String, _ format: String) throws {
        let scenario = try ReporterScenario(scenario)
        Golden.check(scenario.render(format), "\(scenario.name)/\(format).txt")
    }

    /// What the pull-request goldens are about: only the three added entries are reported.
    @Test func pullRequestReportsOnlyTheAddedEntries() throws {
        let scenario = try ReporterScenario("pull-request")
        #expect(Set(scenario.report.diagnostics.map(\.start.line)) == [7, 8, 15])
        #expect(scenario.report.diagnostics.contains { $0.rule == "duplicate" && $0.related.first?.start.line == 9 })
        #expect(!scenario.patch.isEmpty)
    }

    /// The summary's patch is the one `paperlint fix --patch` prints for the same mode.
    @Test(arguments: CIScenario.names)
    func summaryPatchIsTheFixPatch(_ name: String) throws {
        let scenario = try ReporterScenario(name)
        let fix = try Fixer.run(FixRequest(mode: scenario.request.mode, output: .patch, currentDirectory: scenario.repository.path))
        #expect(scenario.patch == fix.patch)
        #expect(scenario.render("summary").contains("```diff\n" + fix.patch + "```\n"))
    }

    /// On the samples too, the check's own findings give the patch a second run would: the
    /// summary lints each file once.
    @Test func summaryPatchFromTheReportEqualsAFreshRun() throws {
        for path in [Fixtures.healthcare] + ["agent-papers-README.md", "game-agent-papers-README.md"].compactMap(Fixtures.sharedSample) {
            let repo = try ScratchRepository()
            try repo.commit("README.md", try String(contentsOfFile: path, encoding: .utf8))
            for mode in [LintMode.all, .worktree] {
                if mode == .worktree { try repo.write("README.md", try String(contentsOfFile: path, encoding: .utf8) + "- [2023/10]  **New**  *A. B.* [[paper](http://https://x.org/n)]\n") }
                let request = CheckRequest(mode: mode, currentDirectory: repo.path)
                let fromReport = try Fixer.safePatch(for: try Linter.check(request))
                #expect(fromReport == (try Fixer.safePatch(for: request)), "\(path) \(mode)")
                #expect(!fromReport.isEmpty)
            }
        }
    }
}
