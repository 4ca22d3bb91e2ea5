import ArgumentParser
import PaperLintKit

extension Paperlint {
    struct Fix: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fix",
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

        @OptionGroup var options: ModeOptions

        @Flag(help: "Print the fixes as a unified diff and change nothing (the default).")
        var patch = false

        @Flag(help: "Apply the fixes to the files (and the index with --staged).")
        var write = false

        @Flag(help: "Also apply unsafe fixes (reordering, removing, guessing).")
        var unsafe = false

        @Flag(help: "With --write: record the fixes as a new commit on the current branch.")
        var commit = false

        @Option(name: .customLong("fail-on"), help: "With --write: lowest severity of a remaining finding that makes the exit status 1.")
        var failOn: FailOn = .error

        func validate() throws {
            if patch && write { throw ValidationError("choose --patch or --write, not both") }
            if commit && !write { throw ValidationError("--commit goes with --write") }
        }

        func run() throws {
            let request = FixRequest(
                paths: paths, mode: options.mode, filter: options.filter, output: write ? .write : .patch, unsafe: unsafe, commit: commit,
                failOn: failOn, currentDirectory: Standard.currentDirectory, configPath: options.config, preset: options.preset)
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
            Standard.output(FixSummary.render(report, check: checkCommand))
            if report.hasFailures { throw ExitCode(1) }
        }

        /// The `check` that shows what this fix left: the same mode and files (after a work-tree
        /// fix committed, those lines are no longer changes: `--all`).
        var checkCommand: String {
            let mode: String = switch options.mode {
            case .all: " --all"
            case .staged: " --staged"
            case .range(let range): " --range \(range)"
            case .worktree, nil: commit ? " --all" : ""
            }
            return "paperlint check" + mode + paths.map { " " + $0 }.joined()
        }
    }
}
