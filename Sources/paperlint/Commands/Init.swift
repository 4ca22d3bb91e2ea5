import ArgumentParser
import PaperLintKit

extension Paperlint {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Infer .paperlint.yml from the list's own entries and print it.",
            discussion: """
                Majority votes over the paper entries decide each key (link separator, link syntax, \
                title markup and final period, italic author segment, date form, arXiv URL form, \
                order per section); the counts are printed as comments. --write writes the file at \
                the repository root (or the current directory outside a repository).

                --issue-form prints the "Add paper" GitHub issue form instead, its Section dropdown \
                listing the list's sections that hold papers; with --write it goes to \
                .github/ISSUE_TEMPLATE/add-paper.yml.
                """)

        @Argument(help: "The list to read (default: README.md at the repository root).")
        var path: String?

        @Flag(help: "Print the \"Add paper\" issue form for this list instead of the configuration.")
        var issueForm = false

        @Flag(help: "Write the file (.paperlint.yml, or the issue form) instead of only printing it.")
        var write = false

        @Flag(help: "With --write, replace an existing file.")
        var force = false

        func validate() throws {
            if force && !write { throw ValidationError("--force only goes with --write") }
        }

        func run() throws {
            if issueForm {
                let form = try IssueForm.run(path: path, currentDirectory: Standard.currentDirectory, write: write, force: force)
                Standard.output(form.yaml)
                if form.wrote { Standard.error("wrote \(form.formPath) (\(form.sections.count) sections)") }
                return
            }
            let outcome = try Initializer.run(path: path, currentDirectory: Standard.currentDirectory, write: write, force: force)
            Standard.output(outcome.inference.yaml)
            if outcome.wrote { Standard.error("wrote \(outcome.configurationPath)") }
        }
    }
}
