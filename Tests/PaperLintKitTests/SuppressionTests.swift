import PaperLintCore
import PaperLintKit
import Testing

@Suite struct SuppressionTests {
    func findings(_ text: String) -> [(String, Int)] {
        Linter.lint(Document(text), path: "README.md", .default).map { ($0.rule, $0.start.line) }
    }

    func lines(_ text: String, rule: String = "whitespace") -> [Int] {
        findings(text).filter { $0.0 == rule }.map(\.1)
    }

    @Test func nextLineSilencesOnlyTheNextLine() {
        let text = """
            <!-- paperlint-disable-next-line whitespace -->
            - [2023/10] **A**  *B.*
            - [2023/09] **C**  *D.*

            """
        #expect(lines(text) == [3])
    }

    @Test func nextLineSkipsBlankLines() {
        #expect(lines("<!-- paperlint-disable-next-line whitespace -->\n\n- a  b\n- c  d\n") == [4])
    }

    @Test func rangeSilencesUntilEnable() {
        let text = """
            - a  b
            <!-- paperlint-disable whitespace -->
            - c  d
            - e  f
            <!-- paperlint-enable whitespace -->
            - g  h

            """
        #expect(lines(text) == [1, 6])
    }

    @Test func disableWithoutEnableLastsToTheEnd() {
        #expect(lines("- a  b\n<!-- paperlint-disable -->\n- c  d\n- e  f\n") == [1])
    }

    @Test func severalRulesInOneComment() {
        #expect(lines("<!-- paperlint-disable-next-line order, whitespace -->\n- a  b\n").isEmpty)
        #expect(lines("<!-- paperlint-disable-next-line order url -->\n- a  b\n") == [2], "other rules stay active")
    }

    @Test func unknownRuleIsAWarningAndSilencesNothing() {
        let text = "<!-- paperlint-disable-next-line white_space -->\n- a  b\n"
        let found = Linter.lint(Document(text), path: "README.md", .default)
        #expect(found.map(\.rule) == ["suppression", "whitespace"])
        #expect(found[0].severity == .warning)
        #expect(found[0].message == "unknown rule 'white_space' in paperlint-disable-next-line; nothing is suppressed by it")
        #expect(found[0].help == "did you mean 'whitespace'?")
        #expect(found[0].start.column == 34)
    }

    @Test func enableWithoutDisableIsReported() {
        #expect(findings("<!-- paperlint-enable whitespace -->\n").map(\.0) == ["suppression"])
    }

    @Test func ordinaryCommentsAreIgnored() {
        #expect(lines("<!-- a note about paperlint-disable -->\n- a  b\n") == [2])
    }
}

@Suite struct SeverityTests {
    /// A rule's own lower rating survives until the configuration names the rule.
    @Test func configuredSeverityAppliesToEveryFindingOfTheRule() throws {
        let text = "# A\n\n- [2023/10] **T** *A. arXiv.* [[paper](https://arxiv.org/pdf/2310.12345)]\n"
            + "- [2023/09] **U** *B. arXiv.* [[paper](https://arxiv.org/abs/2309.12345)]\n"
            + "- [2023/08] **V** *C. arXiv.* [[paper](https://arxiv.org/abs/2308.12345)]\n"
        let preset = try ConfigurationLoader.load(text: nil)
        let own = Linter.lint(Document(text), path: "R.md", preset).filter { $0.rule == "arxiv-url" }
        #expect(own.map(\.severity) == [.warning], "the minority form is a warning by the rule's own rating")
        let raised = Linter.lint(Document(text), path: "R.md", try ConfigurationLoader.load(text: "rules: {arxiv-url: error}"))
        #expect(raised.filter { $0.rule == "arxiv-url" }.map(\.severity) == [.error])
    }
}
