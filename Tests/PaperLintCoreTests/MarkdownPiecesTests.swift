import PaperLintTestSupport
import Testing

@testable import PaperLintMarkdown

/// Large files are parsed in pieces cut at top-level headings, on every core. Whatever the
/// input, the pieces must give exactly the blocks of a parse in one piece.
@Suite struct MarkdownPiecesTests {
    /// `pieceBytes: 1` cuts at every candidate heading; `Int.max` never cuts.
    private func expectSameBlocks(_ bytes: [UInt8], _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        let blank = MarkdownFixtures.blankLines(bytes)
        let whole = MarkdownBlocks(parsing: bytes, lineIsBlank: blank, pieceBytes: Int.max)
        let pieces = MarkdownBlocks(parsing: bytes, lineIsBlank: blank, pieceBytes: 1)
        #expect(pieces == whole, comment, sourceLocation: sourceLocation)
    }


    @Test func cutsAtTopLevelHeadingsAfterABlankLine() {
        let text = "# A\n\n- x\n\n## B\n- y\n\n# C\n```\n\n# not a heading\n```\n\n<!--\n\n# hidden\n-->\n\n# D\n"
        let pieces = MarkdownPieces.split(Array(text.utf8), from: 0, firstLine: 1, pieceBytes: 1)
        // Cuts before `## B` (line 5), `# C` (line 8) and `# D` (line 19); never inside the fence
        // or the comment, nor at `# A` (nothing before it).
        #expect(pieces.map(\.firstLine) == [1, 5, 8, 19])
        #expect(pieces.first?.range.lowerBound == 0 && pieces.last?.range.upperBound == text.utf8.count)
        expectSameBlocks(Array(text.utf8))
    }

    @Test func smallFilesStayInOnePiece() {
        let bytes = Array("# A\n\n- x\n\n# B\n- y\n".utf8)
        #expect(MarkdownPieces.split(bytes, from: 0, firstLine: 1, pieceBytes: 256 * 1024).count == 1)
    }

    @Test func samplesParseTheSameInPieces() throws {
        for sample in try MarkdownFixtures.samples() { expectSameBlocks(sample.bytes, Comment(rawValue: sample.name)) }
    }

    /// Cuts the scan cannot see coming: a fence opened inside a list item and never closed, a
    /// tab-indented fence, an HTML block closed on its own line, a reference definition that
    /// changes a heading in another piece, front matter, CRLF and lone CR line ends.
    @Test func trickyCutsFallBackToOnePiece() {
        let cases = [
            "# A\n\n- item\n  ```\n\n# B\n\n```\n\n# C\n",
            "# A\n\n\t```\n\n# B\n```\n\n# C\n",
            "# A\n\n<pre>x</pre>\n\n# B\n<!-- a -->\n\n# C\n",
            "# A\n\n[ref]: https://example.org\n\n# B [ref]\n\n# C\n",
            "---\ntitle: x\n---\n\n# A\n\n- x\n\n# B\n",
            "# A\r\n\r\n- x\r\n\r\n# B\r\n- y\r\n",
            "# A\r\r- x\r\r# B\r- y\r",
            "# A\n\n<div>\n\n# B\n</div>\n\n# C\n",
            "# A\n\n> ```\n\n# B\n\n```\n# C\n",
        ]
        for text in cases { expectSameBlocks(Array(text.utf8), Comment(rawValue: text.debugDescription)) }
    }

    /// Random files built from the lines that matter to block structure, seeded.
    @Test func randomFilesParseTheSameInPieces() {
        let vocabulary = [
            "# Heading", "## Sub [x]", "### `code` heading", "#no", "", "", "", "   ", "- [2023/10] **Title** [[paper](https://arxiv.org/abs/2310.12345)]",
            "  - nested", "* star", "1. one", "> quote", "> ```", "    indented", "\t```", "```", "~~~~", "````", "```swift",
            "<!--", "-->", "<!-- one line -->", "<pre>", "</pre>", "<div>", "</div>", "<?php", "?>", "<!DOCTYPE x>",
            "[ref]: https://example.org", "# [ref]", "Setext", "===", "---", "| a | b |", "|---|---|", "| 1 | 2 |",
            "text with ]: inside", "\u{FEFF}# bom", "- [ ] task", "+ plus",
        ]
        let ends = ["\n", "\n", "\n", "\r\n", "\r"]
        var random = SplitMix64(seed: 0x9e37_79b9)
        for round in 0..<300 {
            var text = ""
            for _ in 0..<(5 + Int(random.next() % 60)) {
                text += vocabulary[Int(random.next() % UInt64(vocabulary.count))]
                text += ends[Int(random.next() % UInt64(ends.count))]
            }
            expectSameBlocks(Array(text.utf8), Comment(rawValue: "round \(round): \(text.debugDescription)"))
        }
    }
}
