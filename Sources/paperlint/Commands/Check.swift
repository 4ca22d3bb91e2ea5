import ArgumentParser
import PaperLintKit
#if canImport(Glibc)
import Glibc
#endif

extension DiffFilter: ExpressibleByArgument {}
extension FailOn: ExpressibleByArgument {}

/// Output formats of `check` (DESIGN.md).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, sarif, rdjson, review, summary
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Whether text written to `descriptor` may be coloured: a non-empty NO_COLOR always says
    /// no; `auto` means only on a terminal.
    func allows(on descriptor: Int32) -> Bool {
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return isatty(descriptor) == 1
        }
    }
}

extension Paperlint {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Lint paper-list entries; in a repository, only what the change touches.",
            discussion: """
                MODE is one of --staged (the index vs HEAD), --worktree (the work tree vs HEAD; the \
                default inside a repository), --range A..B / A...B (commit B vs A, or vs the merge \
                base of A and B), --all (every line of the files on disk; the default outside a repository).

                Exit status: 0 no finding at or above --fail-on, 1 findings remain, 2 usage, I/O or git error.
                """)

        @Argument(help: "Markdown files to lint (default: README.md at the repository root).")
        var paths: [String] = []

        @OptionGroup var options: ModeOptions

        @Option(help: """
            Output format: text, json, github (workflow commands; with $GITHUB_STEP_SUMMARY set, also \
            appends the summary there), sarif, rdjson (reviewdog), review (a GitHub pull-request review \
            body; use with --range BASE...HEAD) or summary (Markdown for the step summary).
            """)
        var format: OutputFormat = .text

        @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 1: error, warning or never.")
        var failOn: FailOn = .error

        @Option(help: "Colour the text output: auto (only on a terminal), always, never. NO_COLOR always wins.")
        var color: ColorChoice = .auto

        /// Everything a check is told, as plain values: what `run` does is a function of these,
        /// so a command line read without argument-parser (`FastArguments`) runs the same check.
        struct Settings: Equatable {
            var paths: [String] = []
            var mode: LintMode?
            var filter: DiffFilter = .added
            var failOn: FailOn = .error
            var config: String?
            var preset: String?
            var format: OutputFormat = .text
            var color: ColorChoice = .auto
        }

        var settings: Settings {
            Settings(
                paths: paths, mode: options.mode, filter: options.filter, failOn: failOn, config: options.config,
                preset: options.preset, format: format, color: color)
        }

        func run() throws { try Self.run(settings) }

        static func run(_ settings: Settings) throws {
            let request = CheckRequest(
                paths: settings.paths, mode: settings.mode, filter: settings.filter, failOn: settings.failOn,
                currentDirectory: Standard.currentDirectory, configPath: settings.config, preset: settings.preset)
            let report = try Linter.check(request)
            for note in report.notes { Standard.error("note: \(note)") }
            let timer = PhaseTimer.shared
            timer.measure("output") { write(report, request, settings) }
            if timer.isEnabled { Standard.error(timer.summary()) }
            // Exit here, with the report still alive: freeing a large list's entries and
            // findings one by one only delays the shell (about 65 ms at 50k entries).
            Standard.exit(report.hasFailures ? 1 : 0)
        }

        private static func write(_ report: LintReport, _ request: CheckRequest, _ settings: Settings) {
            switch settings.format {
            case .text: Standard.output { TextReporter(colored: settings.color.allows(on: STDOUT_FILENO)).render(report, into: $0) }
            case .json: Standard.output { JSONReporter.render(report, into: $0) }
            case .sarif: Standard.output { SARIFReporter.render(report, into: $0) }
            case .rdjson: Standard.output { RDJSONReporter.render(report, into: $0) }
            case .review:
                if case .range = settings.mode {} else {
                    Standard.error("note: --format review is meant for --range BASE...HEAD: GitHub accepts review comments only on lines the pull request changes")
                }
                let unsafe = report.diagnostics.contains { $0.fix?.safety == .unsafe }
                Standard.output(ReviewReporter.render(report, unsafePatch: unsafe ? patch(report, unsafe: true, for: "review") : ""))
            case .summary:
                Standard.output(summary(report, request))
            case .github:
                Standard.output { GitHubReporter().render(report, into: $0) }
                if let path = environment("GITHUB_STEP_SUMMARY") {
                    do {
                        try StepSummaryFile.append(summary(report, request), to: path)
                    } catch {
                        Standard.error("paperlint: warning: \(error.message); the annotations above are complete")
                    }
                }
            }
        }

        /// The step summary: findings linked to GitHub when Actions' variables are set, and the
        /// patch `paperlint fix --patch` would print for the same files and mode.
        private static func summary(_ report: LintReport, _ request: CheckRequest) -> String {
            let links = SummaryReporter.Links(
                server: environment("GITHUB_SERVER_URL"), repository: environment("GITHUB_REPOSITORY"), sha: environment("GITHUB_SHA"))
            let patch = report.fixableCount > 0 ? patch(report, unsafe: false, for: "summary") : ""
            return SummaryReporter(links: links).render(report, patch: patch)
        }

        /// The patch of the report's fixes for a summary or review; a failure is a note, and no patch.
        private static func patch(_ report: LintReport, unsafe: Bool, for output: String) -> String {
            do {
                return try Fixer.patch(for: report, unsafe: unsafe)
            } catch {
                Standard.error("note: no patch in the \(output): \(error.message)")
                return ""
            }
        }

        /// A variable's value; unset and empty are the same.
        private static func environment(_ name: String) -> String? {
            guard let value = getenv(name).flatMap({ String(validatingCString: $0) }), !value.isEmpty else { return nil }
            return value
        }
    }
}
