import PaperLintBenchSupport
import PaperLintTestSupport
import Testing

@testable import PaperLintMarkdown

/// In diff modes, pieces away from the change are read by `MarkdownSkim` instead of
/// cmark-gfm. Whatever it accepts must give exactly cmark-gfm's blocks.
@Suite struct MarkdownSkimTests {

    /// Skims every piece it can (pieces cut at every heading) and compares with one cmark parse.
    /// Returns how many pieces the skim accepted, so a test can tell it was exercised.
    @discardableResult
    private func expectSameBlocks(_ bytes: [UInt8], _ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let blank = MarkdownFixtures.blankLines(bytes)
        let whole = MarkdownBlocks(parsing: bytes, lineIsBlank: blank, pieceBytes: Int.max)
        let skimmed = MarkdownBlocks(parsing: bytes, lineIsBlank: blank, pieceBytes: 1, skimmable: { _ in true })
        #expect(skimmed == whole, comment, sourceLocation: sourceLocation)
        // The whole file as one piece, too (small files are never cut).
        if let skim = MarkdownSkim.blocks(bytes, 0..<bytes.count, firstLine: 1) {
            #expect(skim == whole, comment, sourceLocation: sourceLocation)
        }
        let pieces = MarkdownPieces.split(bytes, from: 0, firstLine: 1, pieceBytes: 1)
        return pieces.count { MarkdownSkim.blocks(bytes, $0.range, firstLine: $0.firstLine) != nil }
    }

    @Test func generatedListsAreSkimmedLikeCmarkReadsThem() {
        let bytes = ListGenerator(seed: 11).generateBytes(entries: 1500)
        let pieces = MarkdownPieces.split(bytes, from: 0, firstLine: 1, pieceBytes: 1).count
        let accepted = expectSameBlocks(bytes, "generated list")
        // The fast path must be the usual one for a plain list, or skimming is pointless.
        #expect(accepted * 10 >= pieces * 8, "skimmed \(accepted) of \(pieces) pieces")
    }

    @Test func samplesAreSkimmedLikeCmarkReadsThem() throws {
        for sample in try MarkdownFixtures.samples() { expectSameBlocks(sample.bytes, Comment(rawValue: sample.name)) }
    }

    /// Shapes where a line scan could go wrong: headings and text inside items, lazy lines,
    /// indentation at the edges of an item's text column, markers that are not bullets.
    @Test func trickyShapesAreSkimmedLikeCmarkReadsThem() {
        let cases = [
            "- item\n  ## heading in item\n", "- item\n\n  # heading after a blank\n", "- item\ntext lazily continued\n",
            "- item\n  - nested\ntext\n", "- item\n\n text one in\n", "- item\n\n  text two in\n",
            "-  item\n  text\n   more\n", "- a\n - b\n  - c\n   - d\n", "* a\n+ b\n- c\n", "- a\n\n\n- b\n",
            "para\n- item\n", "para\n  - item\n", "- item\n      six in\n", "text\n    four in\n",
            "# A #\n## B ##\n### #\n#\n", "**bold**\n- item\n", "*em* text\n", "_x_\n", "#tag\n- x\n",
        ]
        for text in cases { expectSameBlocks(Array(text.utf8), Comment(rawValue: text.debugDescription)) }
    }

    /// Seeded files from lines that matter to lists and paragraphs, skimmed or refused.
    @Test func randomFilesAreSkimmedLikeCmarkReadsThem() {
        // Mostly lines a plain list is made of, with a fortieth of everything the skim refuses.
        let plain = [
            "# Heading", "## Sub ##", "# Title, more", "#tag", "", "", "", "   ",
            "- [2023/10] **Title** *A. B. et al.* [[paper](https://arxiv.org/abs/2310.12345)]", "- item", "* star", "+ plus",
            "-  two spaces", "  - nested", "    - deeper", "   - three", "      - six", "  continued text", "    four in",
            "text line", "**Bold paragraph**", "*emphasis*", "_under_", "[2023/10] text", "- emoji 🔥 ok", "\u{00A0}nbsp",
        ]
        let tricky = [
            "### With `code`", "# Title & more", "-     five spaces", "-", "- ", "        code-ish", "- - same line",
            "- # heading in item", "- 1. ordered in item", "1. ordered", "2) ordered", "> quote", "```", "~~~", "---",
            "***", "* * *", "===", "| a | b |", "- a | b", "[ref]: https://example.org", "[unclosed", "\tTab", "  \tmixed",
            "<div>", "- <b>html</b>", "2023. Year", "  ## Indented heading", "   # Three in",
        ]
        let ends = ["\n", "\n", "\n", "\r\n", "\r"]
        var random = SplitMix64(seed: 0x5C1A)
        var accepted = 0
        for round in 0..<400 {
            var text = ""
            for _ in 0..<(3 + Int(random.next() % 40)) {
                let pool = random.next() % 40 == 0 ? tricky : plain
                text += pool[Int(random.next() % UInt64(pool.count))]
                text += ends[Int(random.next() % UInt64(ends.count))]
            }
            accepted += expectSameBlocks(Array(text.utf8), Comment(rawValue: "round \(round): \(text.debugDescription)"))
        }
        #expect(accepted > 50, "the skim accepted \(accepted) pieces")
    }
}
