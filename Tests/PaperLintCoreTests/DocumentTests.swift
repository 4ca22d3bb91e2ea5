import PaperLintCore
import Testing

@Suite struct DocumentTests {
    @Test func linesAndPositions() {
        let document = Document("ab\r\nçd\n\nlast")
        #expect(document.lineCount == 4)
        #expect(document.contentRange(ofLine: 1) == 0..<2)
        #expect(document.text(ofLine: 2) == "çd")
        #expect(document.fullRange(ofLine: 2) == 4..<8)
        #expect(document.text(ofLine: 4) == "last")
        #expect(document.line(containing: 0) == 1)
        #expect(document.line(containing: 3) == 1)
        #expect(document.line(containing: 4) == 2)
        #expect(document.line(containing: 100) == 4)
        // "ç" is two bytes but one column.
        #expect(document.position(of: 6) == SourcePosition(line: 2, column: 2))
        #expect(Document("").lineCount == 1)
        // A lone carriage return ends a line, as it does for cmark-gfm.
        let oldMac = Document("- a\r- b\r\n- c\n")
        #expect(oldMac.lineCount == 3)
        #expect(oldMac.text(ofLine: 1) == "- a" && oldMac.text(ofLine: 2) == "- b")
        #expect(oldMac.entries.count == 3)
        #expect(Document("a\n").lineCount == 1)
    }

    @Test func releasedEntriesAndMemosAreDerivedAgain() {
        let document = Document("# A\n\n- [2023/10] **T** *A.* [[paper](https://arxiv.org/abs/2310.12345)]\n- b\n")
        let entries = document.entries
        var computed = 0
        let first = document.memo("count", .default) { computed += 1; return 7 }
        document.releaseDerivedValues()
        #expect(document.entries == entries)
        #expect(document.entries.first !== entries.first, "parsed again, not kept")
        #expect(document.memo("count", .default) { computed += 1; return 7 } == first)
        #expect(computed == 2)
    }

    @Test func blockStructureFromCmark() {
        let document = Document("""
            # Title

            - [2023/10] **A**
              continuation
            - [2023/09] **B**
                - nested

            ```
            - not an item
            ```
            <div>
            - html
            </div>

            para one
            para two
            """)
        #expect(document.isListItemStart(3) && document.isListItemStart(5) && document.isListItemStart(6))
        #expect(document.isInListItem(4) && !document.isListItemStart(4))
        #expect(!document.isInListItem(7), "the blank line after the list is clamped off the last item")
        #expect(document.isOpaque(8) && document.isOpaque(9) && document.isOpaque(10))
        #expect(!document.isListItemStart(9))
        #expect(document.isOpaque(12))
        #expect(document.continuesParagraph(15) && !document.continuesParagraph(16))
        #expect(document.blocks.headings.map(\.level) == [1])
        #expect(document.blocks.items.map(\.depth) == [0, 0, 1])
    }

    /// cmark-gfm gives autolinks no source position (0:0) and can end the last item on the
    /// blank line after it; block ranges come from the item nodes and are clamped.
    @Test func cmarkPositionQuirksAreCompensated() {
        let document = Document("- see https://example.org and www.example.com\n- [2023/10] **B**\n\n\nafter\n")
        #expect(document.blocks.items.map(\.lines) == [LineSpan(1, 1), LineSpan(2, 2)])
        #expect(document.entries.map(\.line) == [1, 2])
        #expect(document.entries[1].lastLine == 2)
        // Task-list items are list items like any other (no tasklist extension is attached).
        #expect(Document("- [ ] todo\n- [x] done\n").blocks.items.count == 2)
        // A table is opaque, cell spacing included.
        let table = Document("| a  | b |\n|---|---|\n| 1  | 2 |\n")
        #expect((1...3).allSatisfy(table.isOpaque))
        // cmark ends an HTML comment that spans blank lines one line early (`5:0`): the line
        // holding `-->` is still inside it, and its template links are not entries.
        let comment = Document("# A\n\n<!-- - (arXiv 2023.3) , [[Paper]]()\n\n- (arXiv 2023.3) , [[Paper]](), [[Code]]() -->\n\n- [2023/10] **B** [[paper](u)]\n")
        #expect((3...5).allSatisfy(comment.isOpaque))
        #expect(!comment.isOpaque(7))
        #expect(comment.entries.map(\.line) == [7])
    }

    @Test func utf8Validation() {
        #expect(UTF8Check.firstInvalidOffset(in: Array("plain ü 漢 🔔".utf8)) == nil)
        #expect(UTF8Check.firstInvalidOffset(in: [0x61, 0xC3]) == 1)  // truncated
        #expect(UTF8Check.firstInvalidOffset(in: [0x61, 0xC0, 0x80]) == 1)  // overlong
        #expect(UTF8Check.firstInvalidOffset(in: [0xED, 0xA0, 0x80]) == 0)  // surrogate
        #expect(UTF8Check.firstInvalidOffset(in: [0xF4, 0x90, 0x80, 0x80]) == 0)  // > U+10FFFF
        #expect(UTF8Check.firstInvalidOffset(in: [0x61, 0x62, 0xFF]) == 2)
        #expect(UTF8Check.firstInvalidOffset(in: [0xE2, 0x82, 0x41]) == 0)
    }

    @Test func lineSetMergesAndSearches() {
        let set = LineSet([5...6, 1...2, 3...3, 10...12])
        #expect(set.ranges == [1...3, 5...6, 10...12])
        #expect(set.contains(6) && !set.contains(4) && !set.contains(7) && set.contains(11))
        #expect(set.intersects(7...10) && !set.intersects(7...9) && !set.intersects(13...20))
        #expect(set.count == 8)
        #expect(LineSet([1...2, 3...4]).ranges == [1...4])
        #expect(LineSet().intersects(1...100) == false)
        #expect(LineSet(lines: [3, 1, 2]).ranges == [1...3])
    }

    @Test func fixAppliesEditsInOnePass() {
        let bytes = Array("a  b\tc ".utf8)
        let fix = Fix(.safe, "x", edits: [Edit(replacing: 6..<7, with: ""), Edit(replacing: 1..<3, with: " "), Edit(replacing: 4..<5, with: " ")])
        #expect(String(decoding: fix.applied(to: bytes), as: UTF8.self) == "a b c")
    }
}
