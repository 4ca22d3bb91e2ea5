import ArgumentParser
import PaperLintKit

extension Paperlint {
    struct Fix: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fix what can be fixed: print a patch (default), or write the fixes.",
            discussion: """
                --patch prints a unified diff with a/ b/ paths relative to the repository root, which \
                git apply accepts (git apply --cached for --staged), and changes nothing. --write applies \
                the fixes; with --staged it updates the index and, only where the work tree's unstaged \
                edits are elsewhere, the work tree. --commit (with --write) records the fixes as a new \
                commit. Only safe fixes are applied unless --unsafe is given. In a diff mode only the \
                lines the diff filter keeps are fixed.

                Exit status: with --patch, 0 for an empty patch and 1 for a non-empty one; with --write, \
                0 when no finding at or above --fail-on remains, else 1; 2 on errors.
                """)

        @Argument(help: "Markdown files to fix (default: the configured files, README.md).")
        var paths: [String] = []

        @Flag(help: "Fix the index; changed lines are index vs HEAD.")
        var staged = false

        @Flag(help: "Fix the work tree; changed lines are work tree vs HEAD.")
        var worktree = false

        @Option(help: ArgumentHelp("Fix commit B; changed lines are B vs A (A...B: vs their merge base).", valueName: "A..B"))
        var range: String?

        @Flag(help: "Fix every line of the files on disk.")
        var all = false

        @Flag(help: "Print the fixes as a unified diff and change nothing (the default).")
        var patch = false

        @Flag(help: "Apply the fixes to the files (and the index with --staged).")
        var write = false

        @Flag(help: "Also apply unsafe fixes (reordering, removing, guessing).")
        var unsafe = false

        @Flag(help: "With --write: record the fixes as a new commit on the current branch.")
        var commit = false

        @Option(help: "In a diff mode, fix findings on: added lines, context lines, the whole changed file, or all files.")
        var filter: DiffFilter = .added

        @Option(name: .customLong("fail-on"), help: "With --write: lowest severity of a remaining finding that makes the exit status 1.")
        var failOn: FailOn = .error

        @Option(help: ArgumentHelp("Configuration file (default: .paperlint.yml at the repository root).", valueName: "file"))
        var config: String?

        @Option(help: ArgumentHelp("Preset from Rules/ (embedded), overriding the configuration's preset.", valueName: "name"))
        var preset: String?

        func validate() throws {
            if [staged, worktree, range != nil, all].count(where: { $0 }) > 1 {
                throw ValidationError("choose one mode: --staged, --worktree, --range A..B or --all")
            }
            if patch && write { throw ValidationError("choose --patch or --write, not both") }
            if commit && !write { throw ValidationError("--commit goes with --write") }
        }

        func run() throws {
            let mode: LintMode? = staged ? .staged : worktree ? .worktree : range.map { .range($0) } ?? (all ? .all : nil)
            let request = FixRequest(
                paths: paths, mode: mode, filter: filter, output: write ? .write : .patch, unsafe: unsafe, commit: commit,
                failOn: failOn, currentDirectory: Standard.currentDirectory, configPath: config, preset: preset)
            let report = try Fixer.run(request)
            for note in report.notes { Standard.error("note: \(note)") }
            for file in report.files where !file.settled {
                Standard.error("warning: \(file.path): fixes kept changing the file after \(FixLoop.maxRounds) rounds; this is a bug in a rule's fix, please report it")
            }
            guard write else {
                Standard.output(report.patch)
                if !report.patch.isEmpty { throw ExitCode(1) }
                return
            }
            Standard.output(FixSummary.render(report))
            if report.hasFailures { throw ExitCode(1) }
        }
    }
}
