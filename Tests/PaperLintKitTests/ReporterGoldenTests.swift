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
}
