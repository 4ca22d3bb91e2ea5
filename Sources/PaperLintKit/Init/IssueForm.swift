import PaperLintCore
import PaperLintIO

/// `paperlint init --issue-form`: the "Add paper" GitHub issue form, its Section dropdown
/// offering the list's own sections that hold papers.
///
/// The form's headings are what `paperlint add --from-issue` reads (`Title`, `Authors`,
/// `Venue`, `Date`, `Section`, and links from `… URL`), and its label `add-paper` is what the
/// intake workflow (Action/intake) acts on.
public enum IssueForm {
    public struct Outcome: Sendable {
        /// The form, as YAML.
        public var yaml: String
        /// The sections offered, in the list's order.
        public var sections: [String]
        /// Where the form was (or would be) written.
        public var formPath: String
        public var wrote: Bool
    }

    /// Where GitHub looks for the form, relative to the repository root.
    public static let path = ".github/ISSUE_TEMPLATE/add-paper.yml"
    /// The label the form puts on its issues, which the intake workflow looks for.
    public static let label = "add-paper"
    /// The options of the example form (Action/example-workflows/add-paper.yml).
    public static let placeholderSections = ["Section one", "Section two"]

    /// Reads the list as `init` does (`path`, default `README.md` at the repository root) and
    /// builds its form; with `write`, writes it to `.github/ISSUE_TEMPLATE/add-paper.yml`,
    /// refusing to replace an existing one unless `force`.
    public static func run(path: String?, currentDirectory: String, write: Bool, force: Bool) throws(PaperLintError) -> Outcome {
        let list = try ListFile(path: path, currentDirectory: currentDirectory)
        let configuration = try Linter.loadConfiguration(CheckRequest(currentDirectory: currentDirectory), root: list.root)
        let sections = sections(of: list.document, configuration)
        guard !sections.isEmpty else {
            throw PaperLintError("\(list.displayPath): no section holds a paper entry (- [YYYY/MM] **Title** …); "
                                 + "the form's Section dropdown needs at least one")
        }
        let form = yaml(sections: sections)
        let target = list.root + "/" + Self.path
        if write { try Initializer.writeNew(form, to: Self.path, root: list.root, force: force) }
        return Outcome(yaml: form, sections: sections, formPath: target, wrote: write)
    }

    /// The innermost headings of the sections holding paper entries, in document order, each
    /// once (GitHub refuses a dropdown with repeated options).
    public static func sections(of document: Document, _ configuration: Configuration) -> [String] {
        var seen: Set<String> = [], names: [String] = []
        for entry in document.paperEntries(configuration) {
            guard let text = document.sectionTitle(containing: entry.line) else { continue }
            let name = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !name.isEmpty, seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    /// The form with `sections` as the Section dropdown's options.
    public static func yaml(sections: [String]) -> String {
        let options = sections.map { "        - " + quoted($0) }.joined(separator: "\n")
        return """
            # The "Add paper" issue form. Its issues carry the label add-paper, which the intake
            # workflow (paperlint-intake.yml) turns into a pull request adding the paper. The Section
            # options are the list's sections: `paperlint init --issue-form --write` writes this file
            # with them as .github/ISSUE_TEMPLATE/add-paper.yml.
            name: Add a paper
            description: Suggest a paper for this list; a pull request adding it is opened for you.
            title: "Add paper: "
            labels: [\(label)]
            body:
              - type: markdown
                attributes:
                  value: >-
                    Fill in the paper's details. The entry is written in the list's own style and
                    placed by date in the section you choose; edit this issue to change it later.
              - type: input
                id: title
                attributes:
                  label: Title
                  description: The paper's title, as on the paper.
                validations:
                  required: true
              - type: input
                id: authors
                attributes:
                  label: Authors
                  description: The authors, separated by commas.
                  placeholder: "A. Author, B. Author"
                validations:
                  required: false
              - type: input
                id: venue
                attributes:
                  label: Venue
                  description: Where it appeared (a conference, a journal, or arXiv).
                  placeholder: "NeurIPS 2024"
                validations:
                  required: false
              - type: input
                id: date
                attributes:
                  label: Date
                  description: YYYY/MM, the month of its first version, as on arXiv.
                  placeholder: "2024/05"
                validations:
                  required: true
              - type: input
                id: paper-url
                attributes:
                  label: Paper URL
                  description: An https link to the paper (its arXiv abstract page where there is one).
                  placeholder: "https://arxiv.org/abs/2405.00001"
                validations:
                  required: true
              - type: input
                id: code-url
                attributes:
                  label: Code URL
                  description: An https link to its code, if there is any.
                  placeholder: "https://github.com/owner/repository"
                validations:
                  required: false
              - type: dropdown
                id: section
                attributes:
                  label: Section
                  description: The section of the list it belongs in.
                  options:
            \(options)
                validations:
                  required: true
              - type: checkboxes
                id: checks
                attributes:
                  label: Checks
                  options:
                    - label: This paper is not already in the list
                      required: true

            """
    }

    /// `text` as a YAML double-quoted scalar: quotes, backslashes, and every character YAML
    /// does not print (controls, line and paragraph separators, BOM, noncharacters) escaped,
    /// so no heading can end the string or add keys.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let printable = (0x20..<0x7F).contains(value) || (0xA0...0xD7FF).contains(value) && value != 0x2028 && value != 0x2029
                || (0xE000...0xFFFD).contains(value) && value != 0xFEFF || (0x10000...0x10FFFF).contains(value)
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where printable: out.unicodeScalars.append(scalar)
            default:
                let digits = String(value, radix: 16, uppercase: true)
                let width = value > 0xFFFF ? 8 : 4
                out += (value > 0xFFFF ? "\\U" : "\\u") + String(repeating: "0", count: width - digits.count) + digits
            }
        }
        return out + "\""
    }
}
