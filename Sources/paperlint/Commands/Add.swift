import ArgumentParser
import PaperLintKit

extension Paperlint {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add one paper in the list's house style at its chronological place.",
            discussion: """
                The entry is written like its neighbours in the section (date form, title markup and \
                final period, author segment, link syntax, labels and their order) and placed by date in \
                the section's direction, first among equal dates. The fields come from the flags, from \
                a GitHub issue-form body (--from-issue: ### Title, ### Authors, ### Venue, ### Date, \
                ### Section, ### Paper URL, ### Code URL …), or from an arXiv API response you saved \
                (--arxiv-metadata; paperlint opens no connection); flags win over both. Fields are \
                checked: one line each, no HTML, https links only; Markdown characters in a title are \
                escaped. The entry must pass check before it is written.

                Prints a patch (default; git apply accepts it), or writes the list (--write), or the \
                index and, where its unstaged edits allow, the work tree (--staged).

                Exit status: 0 when the entry was added (or its patch printed); 1 when the paper is \
                already listed (the line says where; --allow-repeat adds it to another section); 2 on \
                an invalid field or any other error.
                """)

        @Argument(help: "The list (default: the configured file, README.md).")
        var path: String?

        @Option(help: ArgumentHelp("The section: its heading text or anchor.", valueName: "heading"))
        var section: String?

        @Option(help: "The paper's title.")
        var title: String?

        @Option(help: ArgumentHelp("The authors, comma-separated.", valueName: "names"))
        var authors: String?

        @Option(help: ArgumentHelp("Where it appeared (NeurIPS 2023).", valueName: "venue"))
        var venue: String?

        @Option(help: ArgumentHelp("Its date: YYYY/MM (the arXiv month), YYYY/MM/DD or YYYY.", valueName: "date"))
        var date: String?

        @Option(name: .customLong("link"), help: ArgumentHelp("A link, repeatable: paper=https://arxiv.org/abs/…, code=https://github.com/….", valueName: "label=url"))
        var links: [String] = []

        @Option(name: .customLong("from-issue"), help: ArgumentHelp("Read the fields from a GitHub issue-form body.", valueName: "file"))
        var fromIssue: String?

        @Option(name: .customLong("arxiv-metadata"), help: ArgumentHelp("Read the fields from a saved arXiv API (Atom) response.", valueName: "file"))
        var arxivMetadata: String?

        @Flag(help: "Print the change as a unified diff and change nothing (the default).")
        var patch = false

        @Flag(help: "Write the list.")
        var write = false

        @Flag(help: "Add to the staged list (the index), and to the work tree where its unstaged edits allow.")
        var staged = false

        @Flag(name: .customLong("allow-repeat"), help: "Add a paper already listed in another section.")
        var allowRepeat = false

        @Option(help: ArgumentHelp("Configuration file (default: .paperlint.yml at the repository root).", valueName: "file"))
        var config: String?

        @Option(help: ArgumentHelp("Preset from Rules/ (embedded), overriding the configuration's preset.", valueName: "name"))
        var preset: String?

        func validate() throws {
            if [patch, write, staged].count(where: { $0 }) > 1 { throw ValidationError("choose one of --patch, --write and --staged") }
            if fromIssue != nil && arxivMetadata != nil { throw ValidationError("choose --from-issue or --arxiv-metadata, not both") }
        }

        func run() throws {
            var paper = NewPaper(section: section, title: title, authors: authors, venue: venue, date: date)
            for link in links {
                guard let equals = link.firstIndex(of: "="), equals != link.startIndex else {
                    throw PaperLintError("--link '\(link)': expected LABEL=URL (paper=https://arxiv.org/abs/2310.12345)")
                }
                paper.links.append(NewPaper.Link(label: String(link[..<equals]), url: String(link[link.index(after: equals)...])))
            }
            if let fromIssue { paper = paper.filling(from: NewPaper.fromIssue(try AddInput.text(fromIssue, what: "--from-issue"))) }
            if let arxivMetadata { paper = paper.filling(from: try NewPaper.fromArxiv(try AddInput.text(arxivMetadata, what: "--arxiv-metadata")).get()) }
            let output: AddRequest.Output = write ? .write : staged ? .staged : .patch
            let outcome = try Adder.run(AddRequest(
                path: path, paper: paper, output: output, allowRepeat: allowRepeat, currentDirectory: Standard.currentDirectory,
                configPath: config, preset: preset))
            for note in outcome.notes { Standard.error("note: \(note)") }
            for warning in outcome.warnings { Standard.error("warning: \(warning)") }
            switch outcome.result {
            case .listed(let entries):
                for entry in entries {
                    Standard.error("paperlint: \(outcome.path):\(entry.line): already listed: \(entry.title) in \(entry.section) (\(entry.evidence)); nothing was added")
                }
                throw ExitCode(1)
            case .added(let line, let section, let patch):
                if output == .patch { Standard.output(patch) }
                let verb = output == .patch ? "would add" : "added"
                Standard.error("\(verb) “\(outcome.title)” to \(outcome.path):\(line) (in “\(section)”)")
            }
        }
    }
}
