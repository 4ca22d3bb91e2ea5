import ArgumentParser
import PaperLintKit
#if canImport(Glibc)
import Glibc
#endif

extension Paperlint {
    struct Hook: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install, remove or inspect paperlint's git pre-commit hook.",
            subcommands: [Install.self, Uninstall.self, Status.self, Run.self])

        struct Install: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Install the pre-commit hook where git runs hooks (core.hooksPath, worktrees' common directory).",
                discussion: """
                    An existing foreign pre-commit hook is never overwritten: install refuses, and \
                    --force keeps it as pre-commit.paperlint-chained, which paperlint's hook runs first.
                    """)
            @Flag(help: "Keep an existing foreign hook as pre-commit.paperlint-chained and run it first.")
            var force = false

            func run() throws {
                Standard.output(try HookInstaller.install(currentDirectory: Standard.currentDirectory, force: force).description + "\n")
            }
        }

        struct Uninstall: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Remove paperlint's hook (only it), restoring a chained one.")
            func run() throws {
                Standard.output(try HookInstaller.uninstall(currentDirectory: Standard.currentDirectory).description + "\n")
            }
        }

        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Say which pre-commit hook is installed where.")
            func run() throws {
                Standard.output(try HookInstaller.status(currentDirectory: Standard.currentDirectory).description + "\n")
            }
        }

        struct Run: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "What the installed hook runs: check the staged changes (fixing them first with PAPERLINT_FIX=1 or hook.fix).")

            @Flag(help: "Apply safe fixes to the staged content first.")
            var fix = false

            func run() throws {
                let environment = getenv("PAPERLINT_FIX").flatMap { String(validatingCString: $0) } ?? ""
                let outcome = try HookRunner.run(
                    currentDirectory: Standard.currentDirectory, fixRequested: fix || environment == "1" || environment == "true")
                if let fix = outcome.fix {
                    for note in fix.notes { Standard.error("note: \(note)") }
                    Standard.error(FixSummary.render(fix))
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
    }
}
