import PaperLintCore
import PaperLintRules
import PaperLintTestSupport
import Testing

@Suite struct WhitespaceRuleTests {
    func check(_ text: String) -> [Diagnostic] { WhitespaceRule().check(Document(text), .default) }

    @Test func reportsEachKindWithItsMessage() {
        let found = check("- [2023/10] **A**  *B.*\t[[paper](u)] \n")
        #expect(found.map(\.message) == ["trailing whitespace", "2 spaces inside an entry", "tab inside an entry"])
        #expect(found.allSatisfy { $0.fix?.safety == .safe })
    }

    @Test func leavesListStructureAndNestedIndentationAlone() {
        #expect(check("-   [2023/10] **A**\n  - nested\n1.  numbered item\n").isEmpty)
    }

    @Test func skipsCodeHtmlAndTables() {
        let text = """
            <div align=center>  spaced  </div>

            | a  | b |
            |----|---|
            | x  | y |

                indented  code  \n
            """
        #expect(check(text + "\n").isEmpty)
    }

    @Test func hardBreakOnlyInsideAParagraph() {
        // Two spaces before a list starts end the paragraph: no hard break, so they are noise.
        let found = check("**History:**  \n- Version 1\n")
        #expect(found.count == 1)
        #expect(check("line one  \nline two\n").isEmpty)
        #expect(check("line one   \n\nnext paragraph\n").count == 1)
    }

    @Test func whitespaceOnlyLineIsTrailingWhitespace() {
        let found = check("- a\n   \n- b\n")
        #expect(found.map(\.range) == [4..<7])
    }

    @Test func spacesInsideDoubleBracketLabels() {
        let found = check("- [2023/10] **A** *B.* [[ paper ](u)] [[code ]](v) [[ demo]]\n")
        #expect(found.map(\.message) == [
            "space after `[[` in the link label `[[ paper ](…)]`", "space before `]` in the link label `[[ paper ](…)]`",
            "space before `]` in the link label `[[code ]](…)`", "space after `[[` in the link label `[[ demo]]`",
        ])
        #expect(found.first?.help == "write the label as `[[paper](…)]`")
        #expect(found.allSatisfy { $0.fix?.safety == .safe })
        let text = "- [2023/10] **A** *B.* [[  paper](u)] [[code\t]](v)\n"
        let diagnostics = check(text)
        // A double space inside a label is reported once, as padding; a tab likewise.
        #expect(diagnostics.count == 2)
        let edits = diagnostics.compactMap(\.fix).flatMap(\.edits)
        let fixed = String(decoding: Fix(.safe, "all", edits: edits).applied(to: Array(text.utf8)), as: UTF8.self)
        #expect(fixed == "- [2023/10] **A** *B.* [[paper](u)] [[code]](v)\n")
    }

    @Test func labelSpacesOutsideDoubleBracketsAreProse() {
        #expect(check("- [ Introduction ](#introduction)\n- [2023/10] **A** *B.* [[project page](u)]\n").isEmpty)
        #expect(check("```\n- [[ code ](u)]\n```\n").isEmpty)
        #expect(check("- [2023/10] **A** *B.* [[ ](u)]\n").isEmpty)
    }

    @Test func healthcareSampleHasExactlyTheKnownDoubleSpaces() throws {
        let bytes = try Fixtures.bytes(Fixtures.healthcare)
        let document = Document(bytes: bytes)
        let lines = WhitespaceRule().check(document, .default).map { document.line(containing: $0.range.lowerBound) }
        #expect(lines == [161, 162])
    }
}
