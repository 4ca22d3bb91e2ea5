import Foundation
import PaperLintKit
import PaperLintTestSupport

/// One `CIScenario` checked in-process: the report, the safe-fix patch and the links every
/// CI format is rendered from.
struct ReporterScenario {
    let name: String
    let repository: ScratchRepository
    let request: CheckRequest
    let report: LintReport
    let patch: String
    /// The patch of every fix, the unsafe ones included, where a finding has an unsafe fix.
    let unsafePatch: String
    let links: SummaryReporter.Links?

    init(_ name: String) throws {
        self.name = name
        repository = try CIScenario.repository(name)
        request = CheckRequest(mode: name == "healthcare" ? .all : .range("main...HEAD"), currentDirectory: repository.path)
        report = try Linter.check(request)
        patch = try Fixer.safePatch(for: report)
        unsafePatch = report.diagnostics.contains { $0.fix?.safety == .unsafe } ? try Fixer.patch(for: report, unsafe: true) : ""
        let environment = CIScenario.githubEnvironment
        links = CIScenario.linksToGitHub(name)
            ? SummaryReporter.Links(
                server: environment["GITHUB_SERVER_URL"], repository: environment["GITHUB_REPOSITORY"], sha: environment["GITHUB_SHA"])
            : nil
    }

    /// The report in `format`, as `paperlint check --format <format>` prints it.
    func render(_ format: String) -> String {
        switch format {
        case "text": TextReporter(colored: false).render(report)
        case "json": JSONReporter.render(report)
        case "github": GitHubReporter().render(report)
        case "sarif": SARIFReporter.render(report)
        case "rdjson": RDJSONReporter.render(report)
        case "review": ReviewReporter.render(report, unsafePatch: unsafePatch)
        case "summary": SummaryReporter(links: links).render(report, patch: patch)
        default: "unknown format \(format)"
        }
    }
}
