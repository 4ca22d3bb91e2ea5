import ArgumentParser
import PaperLintKit

extension Paperlint {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Infer .paperlint.yml from the list's own entries and print it.",
            discussion: """
                Majority votes over the paper entries decide each key (link separator, link syntax, \
                title markup and final period, italic author segment, date form, arXiv URL form, \
                order per section); the counts are printed as comments. --write writes the file at \
                the repository root (or the current directory outside a repository).
                """)

        @Argument(help: "The list to read (default: README.md at the repository root).")
        var path: String?

        @Flag(help: "Write .paperlint.yml instead of only printing it.")
        var write = false

        @Flag(help: "With --write, replace an existing .paperlint.yml.")
        var force = false

        func validate() throws {
            if force && !write { throw ValidationError("--force only goes with --write") }
        }

        func run() throws {
            let outcome = try Initializer.run(path: path, currentDirectory: Standard.currentDirectory, write: write, force: force)
            Standard.output(outcome.inference.yaml)
            if outcome.wrote { Standard.error("wrote \(outcome.configurationPath)") }
        }
    }
}
