import Foundation
import PaperLintKit
import PaperLintTestSupport
import Testing
import Yams

/// `paperlint init --issue-form`: the "Add paper" form offers the list's sections that hold
/// papers, whatever their headings say, and is written only where no form is yet.
@Suite struct IssueFormTests {
    func form(_ list: String, write: Bool = false, force: Bool = false, in repo: ScratchRepository? = nil) throws -> IssueForm.Outcome {
        let repo = try repo ?? ScratchRepository()
        try repo.write("README.md", list)
        return try IssueForm.run(path: nil, currentDirectory: repo.path, write: write, force: force)
    }

    /// The Section dropdown's options as GitHub reads them from the YAML.
    func options(_ yaml: String) throws -> [String] {
        let form = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let body = try #require(form["body"] as? [[String: Any]])
        let dropdown = try #require(body.first { $0["id"] as? String == "section" })
        return try #require((dropdown["attributes"] as? [String: Any])?["options"] as? [String])
    }

    func entry(_ n: Int) -> String { "- [2023/0\(n)] **Paper \(n)** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/230\(n).0000\(n))]\n" }

    @Test func optionsAreTheSectionsThatHoldPapersInTheListsOrder() throws {
        let outcome = try IssueForm.run(path: Fixtures.healthcare, currentDirectory: "/", write: false, force: false)
        let expected = ["Specialized Medical LLMs", "Multimodal LLMs in Medicine", "GPT-4V", "LLM-Powered Healthcare Agents",
                        "Strategies", "Comparative Studies", "LLM Techniques", "LLMs in Medicine"]
        #expect(outcome.sections == expected)
        #expect(try options(outcome.yaml) == expected)
        #expect(!outcome.wrote)
    }

    @Test func hostileHeadingsStayOneOptionEach() throws {
        let headings = [
            "Models\"\n  - type: input", "C:\\path\\ \"quoted\" # not a comment", "- [ ] {x: y}, &anchor *alias !tag | >",
            "Line\u{2028}separator and BOM\u{FEFF} and bell\u{07}", "Ünïcödé 😀 — “curly”", "'single' @mention %percent ?question",
        ]
        // A heading the Markdown renders (escapes decoded), so the text is whatever the author wrote.
        var list = "# List\n\n## Not papers\n\nJust prose.\n\n"
        for (index, heading) in headings.enumerated() {
            list += "## " + heading.replacingOccurrences(of: "\n", with: " ") + "\n\n" + entry(index + 1) + "\n"
        }
        list += "## Models\" - type: input\n\n" + entry(9)  // the same text as the first, once its newline is a space
        let outcome = try form(list)
        let expected = headings.map { $0.replacingOccurrences(of: "\n", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        #expect(outcome.sections.count == headings.count, "\(outcome.sections)")
        #expect(try options(outcome.yaml) == outcome.sections)
        #expect(outcome.sections.map { $0.filter { !$0.isWhitespace } } == expected.map { $0.filter { !$0.isWhitespace } })
        #expect(!outcome.sections.contains("Not papers"))
        let keys = try #require(try Yams.load(yaml: outcome.yaml) as? [String: Any]).keys.sorted()
        #expect(keys == ["body", "description", "labels", "name", "title"], "no heading added a key")
    }

    @Test func writingRefusesToReplaceAFormWithoutForce() throws {
        let repo = try ScratchRepository()
        let written = try form("# L\n\n## Surveys\n\n" + entry(1), write: true, in: repo)
        #expect(written.wrote && written.formPath == repo.path + "/.github/ISSUE_TEMPLATE/add-paper.yml")
        #expect(String(decoding: try repo.read(".github/ISSUE_TEMPLATE/add-paper.yml"), as: UTF8.self) == written.yaml)
        try repo.write(".github/ISSUE_TEMPLATE/add-paper.yml", "# edited by hand\n")
        let refusal = #expect(throws: PaperLintError.self) { try form("# L\n\n## Models\n\n" + entry(2), write: true, in: repo) }
        #expect(refusal?.message.contains("already exists") == true && refusal?.message.contains("--force") == true)
        #expect(String(decoding: try repo.read(".github/ISSUE_TEMPLATE/add-paper.yml"), as: UTF8.self) == "# edited by hand\n")
        let replaced = try form("# L\n\n## Models\n\n" + entry(2), write: true, force: true, in: repo)
        #expect(try options(String(decoding: try repo.read(".github/ISSUE_TEMPLATE/add-paper.yml"), as: UTF8.self)) == ["Models"])
        #expect(replaced.wrote)
    }

    @Test func aListWithoutPapersHasNoForm() throws {
        #expect(throws: PaperLintError.self) { try form("# L\n\n## Links\n\n- [a site](https://example.org)\n") }
    }

    /// The example form a maintainer may copy (Action/example-workflows/add-paper.yml) is the
    /// generated one with placeholder sections, field for field.
    @Test func theExampleFormIsTheGeneratedOne() throws {
        let example = try String(contentsOfFile: Fixtures.packageRoot + "/Action/example-workflows/add-paper.yml", encoding: .utf8)
        #expect(example == IssueForm.yaml(sections: IssueForm.placeholderSections))
        let form = try #require(try Yams.load(yaml: example) as? [String: Any])
        #expect(form["labels"] as? [String] == [IssueForm.label] && form["title"] as? String == "Add paper: ")
        let labels = (form["body"] as? [[String: Any]] ?? []).compactMap { ($0["attributes"] as? [String: Any])?["label"] as? String }
        #expect(labels == ["Title", "Authors", "Venue", "Date", "Paper URL", "Code URL", "Section", "Checks"])
    }
}
