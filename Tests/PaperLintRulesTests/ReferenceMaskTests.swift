import PaperLintCore
@testable import PaperLintRules
import PaperLintTestSupport
import Testing

/// The entries a style is learned from are found from the changed ranges exactly as asking
/// each entry whether a change touched it finds them.
@Suite struct ReferenceMaskTests {
    @Test func changedRangesMarkTheEntriesTheyTouch() throws {
        var random = SplitMix64(seed: 0x4EF3)
        let shapes = [
            "- [2023/10] **A** *X.* [[paper](u)]",
            "- [2023/09] **B wraps**\n  onto a second line *Y.* [[paper](v)]",
            "- - [2023/08] **Nested** *Z.* [[paper](w)]",
            "  - a description bullet",
            "",
            "## Section",
            "Some prose.",
        ]
        for _ in 0..<300 {
            let text = (0..<Int(random.next() % 30)).map { _ in shapes[Int(random.next() % UInt64(shapes.count))] }
                .joined(separator: "\n") + "\n"
            let lineCount = Document(text).lineCount
            let changed = LineSet((0..<Int(random.next() % 4)).map { _ in
                let first = 1 + Int(random.next() % UInt64(lineCount))
                return first...min(lineCount, first + Int(random.next() % 3))
            })
            let document = Document(bytes: Array(text.utf8), changed: changed)
            for entries in [document.entries, document.paperEntries(.default)] {
                let mask = try #require(Document.unchanged(entries, changed), "entries come in document order")
                #expect(mask == entries.map { !document.isChanged($0) }, "\(text.debugDescription) \(changed)")
            }
        }
    }

    @Test func entriesOutOfOrderAreNotRead() {
        let document = Document("- [2023/10] **A** *X.* [[paper](u)]\n- [2023/09] **B** *Y.* [[paper](v)]\n")
        #expect(Document.unchanged(document.entries.reversed(), LineSet(lines: [1])) == nil)
    }
}
