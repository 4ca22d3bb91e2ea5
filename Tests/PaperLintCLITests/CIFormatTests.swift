import Foundation
import PaperLintTestSupport
import Testing

/// `paperlint check --format …` end to end: every format prints its golden file, and
/// `--format github` appends the summary to `$GITHUB_STEP_SUMMARY`.
@Suite struct CIFormatTests {
    /// No step summary, no GitHub links: a run inside GitHub Actions must not leak its own.
    static let quiet = ["GITHUB_STEP_SUMMARY": "", "GITHUB_SERVER_URL": "", "GITHUB_REPOSITORY": "", "GITHUB_SHA": ""]

    func environment(_ scenario: String, _ extra: [String: String] = [:]) -> [String: String] {
        var environment = Self.quiet
        if CIScenario.linksToGitHub(scenario) { environment.merge(CIScenario.githubEnvironment) { $1 } }
        environment.merge(extra) { $1 }
        return environment
    }

    func golden(_ scenario: String, _ format: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: "\(CIScenario.goldenDirectory)/\(scenario)/\(format).txt")), as: UTF8.self)
    }

    static let cases = CIScenario.names.flatMap { name in CIScenario.formats.map { (name, $0) } }

    /// The binary prints what the in-process reporters' golden files hold: `text` and `json`
    /// unchanged, the CI formats wired to the same reports and patches.
    @Test(.disabled(if: ProcessInfo.processInfo.environment["PAPERLINT_UPDATE_GOLDEN"] == "1", "golden files are being rewritten"),
          arguments: cases)
    func printsTheGoldenOutput(_ scenario: String, _ format: String) throws {
        let repo = try CIScenario.repository(scenario)
        let result = try runProcess(
            Fixtures.executable, CIScenario.arguments(scenario) + ["--format", format], in: repo.path,
            environment: environment(scenario))
        #expect(result.status == 1, "errors remain")
        #expect(result.output == (try golden(scenario, format)))
        if format == "review" && scenario == "healthcare" {
            #expect(result.error.hasPrefix("note: --format review is meant for --range BASE...HEAD"))
        } else {
            #expect(result.error.isEmpty)
        }
    }

    @Test func githubAppendsTheSummaryToTheStepSummary() throws {
        let repo = try CIScenario.healthcareRepository()
        let summaryFile = repo.path + "/../" + URL(fileURLWithPath: repo.path).lastPathComponent + "-step-summary.md"
        defer { try? FileManager.default.removeItem(atPath: summaryFile) }
        try Data("## Earlier step\n".utf8).write(to: URL(fileURLWithPath: summaryFile))
        let arguments = ["check", "--all", "--format", "github"]
        let run = { try runProcess(Fixtures.executable, arguments, in: repo.path, environment: environment("healthcare", ["GITHUB_STEP_SUMMARY": summaryFile])) }
        let first = try run()
        #expect(first.status == 1 && first.error.isEmpty)
        #expect(first.output == (try golden("healthcare", "github")))
        let summary = try golden("healthcare", "summary")
        let afterOne = String(decoding: try Data(contentsOf: URL(fileURLWithPath: summaryFile)), as: UTF8.self)
        #expect(afterOne == "## Earlier step\n\n" + summary)
        // Appends again, never truncates.
        _ = try run()
        let afterTwo = String(decoding: try Data(contentsOf: URL(fileURLWithPath: summaryFile)), as: UTF8.self)
        #expect(afterTwo == "## Earlier step\n\n" + summary + "\n" + summary)
    }

    @Test func unwritableStepSummaryIsAWarningNotAFailure() throws {
        let repo = try CIScenario.pullRequestRepository()
        // A directory cannot be opened for writing, even by root.
        let result = try runProcess(
            Fixtures.executable, ["check", "--range", "main...HEAD", "--format", "github"], in: repo.path,
            environment: environment("pull-request", ["GITHUB_STEP_SUMMARY": repo.path]))
        #expect(result.status == 1, "the findings decide the status, not the summary")
        #expect(result.output == (try golden("pull-request", "github")))
        #expect(result.error == "paperlint: warning: cannot append the step summary to \(repo.path) (Is a directory); the annotations above are complete\n")
    }

    @Test func cleanRunsExitZeroInEveryFormat() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", "# List\n\n- [2023/10] **Title.** *A. Author. arXiv.* [[paper](https://arxiv.org/abs/2310.00001)]\n")
        for format in CIScenario.formats {
            let result = try runProcess(Fixtures.executable, ["check", "--all", "--format", format], in: repo.path, environment: Self.quiet)
            #expect(result.status == 0, "\(format): \(result.output)")
        }
        let summary = try runProcess(Fixtures.executable, ["check", "--all", "--format", "summary"], in: repo.path, environment: Self.quiet)
        #expect(summary.output == "## paperlint: no problems in 1 file\n\n")
        let github = try runProcess(Fixtures.executable, ["check", "--all", "--format", "github"], in: repo.path, environment: Self.quiet)
        #expect(github.output.isEmpty)
    }

    @Test func unknownFormatIsAUsageError() throws {
        let repo = try ScratchRepository()
        let result = try runProcess(Fixtures.executable, ["check", "--all", "--format", "xml"], in: repo.path, environment: Self.quiet)
        #expect(result.status == 2)
        #expect(result.error.contains("xml"))
    }
}
