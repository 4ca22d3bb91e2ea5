import Foundation
import PaperLintKit
import PaperLintTestSupport

/// One `CIScenario` checked in-process: the report every format is rendered from.
struct ReporterScenario {
    let name: String
    let repository: ScratchRepository
    let request: CheckRequest
    let report: LintReport

    init(_ name: String) throws {
        self.name = name
        repository = try CIScenario.repository(name)
        request = CheckRequest(mode: name == "healthcare" ? .all : .range("main...HEAD"), currentDirectory: repository.path)
        report = try Linter.check(request)
    }

    /// The report in `format`, as `paperlint check --format <format>` prints it.
    func render(_ format: String) -> String {
        switch format {
        case "text": TextReporter(colored: false).render(report)
        case "json": JSONReporter.render(report)
        case "github": GitHubReporter().render(report)
        default: "unknown format \(format)"
        }
    }
}
