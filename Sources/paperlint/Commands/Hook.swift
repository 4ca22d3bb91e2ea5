import ArgumentParser
import PaperLintKit
#if canImport(Glibc)
import Glibc
#endif

extension Paperlint {
    struct Hook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hook",
            abstract: "Install, remove or inspect paperlint's git pre-commit hook.",
            subcommands: [Install.self, Uninstall.self, Status.self, Run.self, PreCommit.self])

        struct Install: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "install",
                abstract: "Install the pre-commit hook where git runs hooks (core.hooksPath, worktrees' common directory).",
                discussion: """
                    An existing foreign pre-commit hook is never overwritten: install refuses, and \
                    --force keeps it as pre-commit.paperlint-chained, which paperlint's hook runs first.
                    """)
            @Flag(help: "Keep an existing foreign hook as pre-commit.paperlint-chained and run it first.")
            var force = false

            /// This binary's absolute path, for the hook to run (`/proc/self/exe`).
            static func executablePath() -> String? {
                var buffer = [CChar](repeating: 0, count: 4096)
                let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
                guard count > 0 else { return nil }
                return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }

            func run() throws {
                Standard.output(try HookInstaller.install(
                    currentDirectory: Standard.currentDirectory, force: force, executable: Self.executablePath()).description + "\n")
            }
        }

        struct Uninstall: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "uninstall", abstract: "Remove paperlint's hook (only it), restoring a chained one.")
            func run() throws {
                Standard.output(try HookInstaller.uninstall(currentDirectory: Standard.currentDirectory) + "\n")
            }
        }

        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "status", abstract: "Say which pre-commit hook is installed where.")
            func run() throws {
                Standard.output(try HookInstaller.status(currentDirectory: Standard.currentDirectory).description + "\n")
            }
        }

        struct Run: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "run",
                abstract: "What the installed hook runs: check the staged changes (fixing them first with PAPERLINT_FIX=1 or hook.fix).")

            @Flag(help: "Apply safe fixes to the staged content first.")
            var fix = false

            func run() throws { try Self.run(fix: fix) }

            static func run(fix: Bool) throws {
                let environment = getenv("PAPERLINT_FIX").flatMap { String(validatingCString: $0) } ?? ""
                let outcome = try HookRunner.run(
                    currentDirectory: Standard.currentDirectory, fixRequested: fix || environment == "1" || environment == "true")
                if let fix = outcome.fix {
                    for note in fix.notes { Standard.error("note: \(note)") }
                    Standard.error(FixSummary.render(fix, check: "paperlint check --staged"))
                }
                for note in outcome.check.notes { Standard.error("note: \(note)") }
                if !outcome.check.diagnostics.isEmpty {
                    Standard.error(TextReporter(colored: ColorChoice.auto.allows(on: STDERR_FILENO)).render(outcome.check))
                }
                if outcome.check.hasFailures {
                    Standard.error("paperlint: commit stopped; fix the lines above (`paperlint fix --staged --write` fixes what it can), or commit with --no-verify")
                    Standard.exit(1)
                }
                Standard.exit(0)  // without freeing the parsed list (see Check.run)
            }
        }

        struct PreCommit: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "pre-commit",
                abstract: "What the pre-commit framework's hooks run, on the files it passes.",
                discussion: """
                    Files the configuration does not name as paper lists are skipped. Checks the \
                    lines between PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF when pre-commit sets them, \
                    else a file's staged lines, else (a file passed with nothing staged, as under \
                    --all-files) the whole file. With --fix, fixes those lines in the work tree only, \
                    and exits 1 when it changed a file (review and stage it) or errors remain.
                    """)

            @Flag(help: "Fix in the work tree (the paperlint-fix hook) instead of checking.")
            var fix = false

            @Argument(help: "The files pre-commit passes.")
            var files: [String] = []

            func run() throws {
                var environment: [String: String] = [:]
                for name in ["PRE_COMMIT_FROM_REF", "PRE_COMMIT_TO_REF"] {
                    if let value = getenv(name).flatMap({ String(validatingCString: $0) }) { environment[name] = value }
                }
                let directory = Standard.currentDirectory
                let colored = ColorChoice.auto.allows(on: STDOUT_FILENO)
                if fix {
                    let outcome = try PreCommitHook.fix(files: files, currentDirectory: directory, environment: environment)
                    var failed = false
                    for report in outcome.fixed {
                        for note in report.notes { Standard.error("note: \(note)") }
                        if report.appliedCount > 0 { Standard.output(FixSummary.render(report, check: "paperlint hook pre-commit") + "\n") }
                        failed = failed || report.hasFailures
                    }
                    let changed = outcome.changedFiles
                    if !changed.isEmpty {
                        Standard.output("paperlint: fixed \(changed.joined(separator: ", ")) in the work tree; review the change and stage it\n")
                    }
                    Standard.exit(changed.isEmpty && !failed ? 0 : 1)
                }
                let outcome = try PreCommitHook.check(files: files, currentDirectory: directory, environment: environment)
                for report in outcome.reports {
                    for note in report.notes { Standard.error("note: \(note)") }
                    if !report.diagnostics.isEmpty { Standard.output(TextReporter(colored: colored).render(report)) }
                }
                Standard.exit(outcome.hasFailures ? 1 : 0)
            }
        }
    }
}
