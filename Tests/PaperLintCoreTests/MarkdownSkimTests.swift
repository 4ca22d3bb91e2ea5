import Foundation
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

    /// Every revision of every corpus list's README (real lists as contributors left them,
    /// slips included): paperlint reads every plain piece with the skim, so it must agree
    /// with cmark-gfm on all of them.
    @Test func corpusHistoryIsSkimmedLikeCmarkReadsIt() throws {
        let bundles = Fixtures.packageRoot + "/../shared/corpus/bundles"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: bundles) else {
            print(Fixtures.missingSharedMessage)
            return
        }
        var revisions = 0, accepted = 0
        for name in names.filter({ $0.hasSuffix(".bundle") }).sorted() {
            let repository = try ScratchRepository()
            try repository.git("fetch", "-q", bundles + "/" + name, "+refs/*:refs/bundle/*")
            let commits = try repository.git("log", "--all", "--format=%H", "--", "README.md").split(separator: "\n")
            let request = Data(commits.map { "\($0):README.md\n" }.joined().utf8)
            let batch = try runProcess("/usr/bin/git", ["cat-file", "--batch"], in: repository.path, stdin: request)
            for (commit, blob) in zip(commits, Self.blobs(batch.output)) {
                revisions += 1
                // The skim against cmark-gfm on the very bytes it read: the whole file, and
                // each piece cut at a heading (a piece cmark-gfm reads apart may differ from
                // the whole file, which MarkdownPiecesTests is about; not the skim's business).
                let pieces: [(range: Range<Int>, firstLine: Int)] = [(0..<blob.count, 1)]
                    + MarkdownPieces.split(blob, from: 0, firstLine: 1, pieceBytes: 1).map { ($0.range, $0.firstLine) }
                for piece in pieces {
                    let bytes = Array(blob[piece.range])
                    guard let skim = MarkdownSkim.blocks(bytes, 0..<bytes.count, firstLine: 1) else { continue }
                    accepted += 1
                    let parsed = MarkdownBlocks(parsing: bytes, lineIsBlank: MarkdownFixtures.blankLines(bytes), pieceBytes: Int.max)
                    #expect(skim == parsed, "\(name) \(commit), the piece from line \(piece.firstLine)")
                }
            }
        }
        #expect(revisions > 100, "read \(revisions) README revisions")
        #expect(accepted > revisions, "the skim accepted \(accepted) pieces of \(revisions) revisions")
    }

    /// The contents of `git cat-file --batch` output: `<oid> blob <size>`, the bytes, a newline.
    private static func blobs(_ output: String) -> [[UInt8]] {
        let bytes = Array(output.utf8)
        var found: [[UInt8]] = []
        var at = 0
        while let end = bytes[at...].firstIndex(of: 0x0A) {
            let header = String(decoding: bytes[at..<end], as: UTF8.self).split(separator: " ")
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]) else { break }
            found.append(Array(bytes[(end + 1)..<(end + 1 + size)]))
            at = end + 1 + size + 1
        }
        return found
    }
}
