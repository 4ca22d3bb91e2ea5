import PaperLintCore
@testable import PaperLintRules
import PaperLintTestSupport
import Testing

@Suite struct WhitespaceRuleTests {
    func check(_ text: String) -> [Diagnostic] { WhitespaceRule().check(Document(text), .default) }

    /// The first run of blanks holding a tab or more than one blank, read byte by byte.
    static func plainInnerRun(_ bytes: [UInt8], _ range: Range<Int>, from start: Int) -> (run: Range<Int>, hasTab: Bool)? {
        var index = max(start, 0)
        let end = min(range.upperBound, bytes.count)
        while index < end {
            guard bytes[index] == 0x20 || bytes[index] == 0x09 else {
                index += 1
                continue
            }
            let runStart = index
            var hasTab = false
            while index < end && (bytes[index] == 0x20 || bytes[index] == 0x09) {
                hasTab = hasTab || bytes[index] == 0x09
                index += 1
            }
            if hasTab || index - runStart > 1 { return (runStart..<index, hasTab) }
        }
        return nil
    }

    @Test func innerRunsAreFoundAsAPlainReadingFindsThem() {
        var random = SplitMix64(seed: 0x5BACE)
        let pieces: [[UInt8]] = [[0x20], [0x20, 0x20], [0x09], Array("ab".utf8), Array("word".utf8), Array("é".utf8), Array("**T**".utf8)]
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            // Mostly single spaces between words, as entries are; now and then a double or a tab.
            for _ in 0..<Int(random.next() % 30) {
                let roll = Int(random.next() % 20)
                bytes += roll < 2 ? pieces[roll == 0 ? 1 : 2] : roll < 10 ? pieces[0] : pieces[3 + Int(random.next() % 4)]
            }
            let start = Int(random.next() % UInt64(bytes.count + 1))
            let end = start + Int(random.next() % UInt64(bytes.count - start + 1))
            let found = WhitespaceRule.nextInnerRun(bytes, 0..<end, from: start)
            let expected = Self.plainInnerRun(bytes, 0..<end, from: start)
            #expect(found?.run == expected?.run && found?.hasTab == expected?.hasTab, "\(bytes) \(start)..<\(end)")
        }
    }

    @Test func reportsEachKindWithItsMessage() {
        let found = check("- [2023/10] **A**  *B.*\t[[paper](u)]  \n")
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

    // Intent changed: only the lines of paper entries are checked, so the prose lines this test
    // used ("**History:**  ", "line one   ") are silent now; the hard-break logic is shown on
    // entries instead.
    @Test func hardBreakOnlyInsideAParagraph() {
        let next = "- [2023/09] **C** *D.* [[paper](u)]\n"
        // Two spaces before the next list item end the item: no hard break, so they are noise.
        let found = check("- [2023/10] **A** *B.* [[paper](u)]  \n" + next)
        #expect(found.map(\.message) == ["trailing whitespace"])
        // Two spaces before a continuation line of the same entry are a hard break.
        #expect(check("- [2023/10] **A**  \n  *B.* [[paper](u)]\n" + next).isEmpty)
        // Prose is the README's, not the list's.
        #expect(check("**History:**  \n- Version 1\n").isEmpty)
        #expect(check("line one   \n\nnext paragraph\n").isEmpty)
    }

    @Test func whitespaceOnlyLineIsTrailingWhitespace() {
        // Intent changed: a blank line holding spaces between entries is not an entry line and
        // is not reported; trailing blanks on an entry line still are.
        let entry = "- [2023/10] **A** *B.* [[paper](u)]\n"
        #expect(check(entry + "   \n" + entry).isEmpty)
        let text = entry + "- [2023/09] **C** *D.* [[paper](u)]   \n"
        let start = entry.utf8.count + "- [2023/09] **C** *D.* [[paper](u)]".utf8.count
        #expect(check(text).map(\.range) == [start..<start + 3])
    }

    /// A lone trailing space was kept through rewrites of the very line in five lists of the
    /// corpus (six of eight reviewed findings false): it is taste. A tab or a longer run is not.
    @Test func aLoneTrailingSpaceIsTaste() {
        let clean = String(repeating: "- [2023/10] **A** *B.* [[paper](u)]\n", count: 6)
        let lone = "- [2023/09] **C** *D.* [[paper](u)] \n"
        #expect(check(clean + lone).isEmpty)
        var taste = Configuration.default
        taste.taste = [.trailingSpace]
        let found = WhitespaceRule().check(Document(clean + lone), taste)
        #expect(found.map(\.message) == ["trailing whitespace"])
        #expect(found.first?.fix?.safety == .safe)
        #expect(check(clean + "- [2023/09] **C** *D.* [[paper](u)]\t\n").map(\.message) == ["trailing whitespace"])
        #expect(check(clean + "- [2023/09] **C** *D.* [[paper](u)] \t \n").map(\.message) == ["trailing whitespace"])
    }

    /// awesome-bioagent-papers set off each of its three `[X github]` links by three spaces in
    /// one commit and kept them: a run a change writes on three lines is meant, wherever those
    /// lines sit. One or two lines copying a neighbour's slip are still told.
    @Test func aRunAChangeWritesOnThreeLinesIsMeant() {
        func entry(_ n: Int, _ gap: String) -> String { "- [2023/01] **Paper \(n)** *A. B.*\(gap)[[paper](u\(n))]\n" }
        // Three runs in forty entries: too few to be a habit of the list.
        let text = (1...40).map { entry($0, [2, 5, 8].contains($0) ? "   " : " ") }.joined()
        func reported(changed lines: [Int]) -> [Int] {
            let changed = LineSet(lines: lines)
            let document = Document(bytes: Array(text.utf8), focus: changed, changed: changed)
            return WhitespaceRule().check(document, .default).map { document.line(containing: $0.range.lowerBound) }
        }
        #expect(reported(changed: [2, 5, 8]).isEmpty)
        #expect(reported(changed: [1, 2, 5, 8, 9]).isEmpty)
        #expect(reported(changed: [2, 5]) == [2, 5])
        #expect(reported(changed: [8]) == [8])
        #expect(check(text).count == 3, "the whole file still shows them")
    }

    @Test func habitsOfTheListAreNotReported() {
        let clean = "- [2023/10] **A** *B.* [[paper](u)]\n"
        let trailing = "- [2023/10] **A** *B.* [[paper](u)]  \n"
        let doubled = "- [2023/10] **A**  *B.* [[paper](u)]\n"
        // One line of seven: reported. Six of seven: the list's habit, not told about each.
        #expect(check(String(repeating: clean, count: 6) + trailing).map(\.message) == ["trailing whitespace"])
        #expect(check(String(repeating: trailing, count: 6) + clean).isEmpty)
        #expect(check(String(repeating: clean, count: 6) + doubled).map(\.message) == ["2 spaces inside an entry"])
        #expect(check(String(repeating: doubled, count: 6) + clean).isEmpty)
    }

    @Test func invisibleBlanksAreOneHabitOfTheWholeList() {
        let clean = "- [2023/10] **A** *B.* [[paper](u)]\n"
        let described = "- [2023/10] **A** *B.* [[paper](u)]\n  - a note on the paper \n"
        let doubled = "- [2023/10] **A** *B.*  [[paper](u)]\n"
        let trailing = "- [2023/10] **A** *B.* [[paper](u)]  \n"
        // The description bullets under the entries keep trailing blanks: an entry's is not news.
        #expect(check(String(repeating: described, count: 6) + trailing).isEmpty)
        // A list that keeps trailing blanks is not told about a run of blanks either …
        #expect(check(String(repeating: trailing, count: 6) + doubled).isEmpty)
        // … while a list that tidies them still is, and a hard break is not a blank left behind.
        #expect(check(String(repeating: clean, count: 6) + doubled).map(\.message) == ["2 spaces inside an entry"])
        // One old trailing blank is a slip, not a habit: it silences nothing.
        #expect(check(trailing + String(repeating: clean, count: 5) + doubled).map(\.message)
            == ["trailing whitespace", "2 spaces inside an entry"])
        let hardBreaks = String(repeating: "- [2023/10] **A** *B.* [[paper](u)]\n  first line  \n  second line\n", count: 6)
        #expect(check(hardBreaks + doubled).map(\.message) == ["2 spaces inside an entry"])
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
