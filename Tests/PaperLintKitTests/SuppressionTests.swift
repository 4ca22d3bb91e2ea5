import PaperLintCore
import PaperLintKit
import Testing

@Suite struct SuppressionTests {
    func findings(_ text: String) -> [(String, Int)] {
        Linter.lint(Document(text), path: "README.md", .default).map { ($0.rule, $0.start.line) }
    }

    func lines(_ text: String, rule: String = "url") -> [Int] {
        findings(text).filter { $0.0 == rule }.map(\.1)
    }

    /// A paper entry whose link has a doubled scheme (an error of the url rule).
    func e(_ name: String) -> String { "- [2023/10] **\(name)** *B. C. arXiv.* [[paper](http://https://e.org/\(name))]" }

    @Test func nextLineSilencesOnlyTheNextLine() {
        let text = """
            <!-- paperlint-disable-next-line url -->
            \(e("A"))
            \(e("C"))

            """
        #expect(lines(text) == [3])
    }

    @Test func nextLineSkipsBlankLines() {
        #expect(lines("<!-- paperlint-disable-next-line url -->\n\n\(e("A"))\n\(e("C"))\n") == [4])
    }

    @Test func rangeSilencesUntilEnable() {
        let text = """
            \(e("A"))
            <!-- paperlint-disable url -->
            \(e("C"))
            \(e("E"))
            <!-- paperlint-enable url -->
            \(e("G"))
            - [2023/09] **H** *B. C. arXiv.* [[paper](https://e.org/H)]
            - [2023/08] **I** *B. C. arXiv.* [[paper](https://e.org/I)]
            - [2023/07] **J** *B. C. arXiv.* [[paper](https://e.org/J)]

            """
        #expect(lines(text) == [1, 6])
    }

    @Test func disableWithoutEnableLastsToTheEnd() {
        #expect(lines("\(e("A"))\n<!-- paperlint-disable -->\n\(e("C"))\n\(e("E"))\n") == [1])
    }

    @Test func severalRulesInOneComment() {
        #expect(lines("<!-- paperlint-disable-next-line order, url -->\n\(e("A"))\n").isEmpty)
        #expect(lines("<!-- paperlint-disable-next-line order whitespace -->\n\(e("A"))\n") == [2], "other rules stay active")
    }

    @Test func unknownRuleIsAWarningAndSilencesNothing() {
        let text = "<!-- paperlint-disable-next-line white_space -->\n\(e("A"))\n"
        let found = Linter.lint(Document(text), path: "README.md", .default)
        #expect(found.map(\.rule) == ["suppression", "url"])
        #expect(found[0].severity == .warning)
        #expect(found[0].message == "unknown rule 'white_space' in paperlint-disable-next-line; nothing is suppressed by it")
        #expect(found[0].help == "did you mean 'whitespace'?")
        #expect(found[0].start.column == 34)
    }

    @Test func enableWithoutDisableIsReported() {
        #expect(findings("<!-- paperlint-enable url -->\n").map(\.0) == ["suppression"])
    }

    @Test func ordinaryCommentsAreIgnored() {
        #expect(lines("<!-- a note about paperlint-disable -->\n\(e("A"))\n") == [2])
    }
}

@Suite struct SeverityTests {
    /// A rule's own lower rating survives until the configuration names the rule.
    @Test func configuredSeverityAppliesToEveryFindingOfTheRule() throws {
        let text = "# A\n\n- [2023/10] **T** *A. arXiv.* [[paper](https://arxiv.org/pdf/2310.12345)]\n"
            + "- [2023/09] **U** *B. arXiv.* [[paper](https://arxiv.org/abs/2309.12345)]\n"
            + "- [2023/08] **V** *C. arXiv.* [[paper](https://arxiv.org/abs/2308.12345)]\n"
        var preset = try ConfigurationLoader.load(text: nil)
        preset.taste = [.arxivForm]
        let own = Linter.lint(Document(text), path: "R.md", preset).filter { $0.rule == "arxiv-url" }
        #expect(own.map(\.severity) == [.warning], "the minority form is a warning by the rule's own rating")
        let raised = Linter.lint(Document(text), path: "R.md", try ConfigurationLoader.load(text: "rules: {arxiv-url: error}\ntaste: [arxiv-form]"))
        #expect(raised.filter { $0.rule == "arxiv-url" }.map(\.severity) == [.error])
    }
}
