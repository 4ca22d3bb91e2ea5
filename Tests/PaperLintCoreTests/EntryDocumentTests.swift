import PaperLintCore
import Testing

/// How `EntryParser.entries(in:)` cuts a document into entries.
@Suite struct EntryDocumentTests {
    func texts(_ document: Document) -> [String] {
        EntryParser.entries(in: document).map { EntryCheck.text(document.bytes, $0.range) }
    }

    @Test func nestedItemsAreTheirOwnEntries() {
        let document = Document("""
            # List

            - [2023/10] **A** *X.* [[p](u)]
              - a note on A
                wrapped
            - [2023/06] **SYNAPSE: Few-Shot for
            Human-Level Control.** *L. Z.* [[paper](u)]

            - [2023/05] **C**
            \ttab-indented continuation


            after
            """)
        let entries = EntryParser.entries(in: document)
        #expect(texts(document) == [
            "- [2023/10] **A** *X.* [[p](u)]",
            "- a note on A\n    wrapped",
            "- [2023/06] **SYNAPSE: Few-Shot for\nHuman-Level Control.** *L. Z.* [[paper](u)]",
            "- [2023/05] **C**\n\ttab-indented continuation",
        ])
        #expect(entries.map(\.line) == [3, 4, 6, 9])
        #expect(entries.map(\.lastLine) == [3, 5, 7, 10])
        #expect(entries[1].parts(in: document.bytes).map(\.kind) == [.marker, .title, .lineBreak, .title])
        for entry in entries { #expect(EntryCheck.violations(entry, document.bytes).isEmpty) }
    }

    @Test func codeBlocksQuotesAndSharedLines() {
        let document = Document("""
            ```
            - [2023/10] **not an item**
            ```
            > - [2023/10] **Quoted** *Q.* [[p](u)]
            1. [2023/09] **Ordered** *O.* [[p](u)]
            - - [2023/08] **Inner** *I.* [[p](u)]
            - [2023/07] **Loose**

              Second paragraph of the loose item.
            """)
        let entries = EntryParser.entries(in: document)
        #expect(entries.map(\.line) == [4, 5, 6, 6, 7])
        #expect(texts(document) == [
            "- [2023/10] **Quoted** *Q.* [[p](u)]",
            "1. [2023/09] **Ordered** *O.* [[p](u)]",
            "- ",
            "- [2023/08] **Inner** *I.* [[p](u)]",
            "- [2023/07] **Loose**\n\n  Second paragraph of the loose item.",
        ])
        #expect(entries[2].marker.count == 2 && entries[3].title != nil)
        for entry in entries { #expect(EntryCheck.violations(entry, document.bytes).isEmpty) }
    }

    /// An item that opens another on its first line holds only its marker, so the entry is
    /// linted once (it was also reported as a duplicate of itself), and a line of n nested
    /// markers costs n markers, not n² bytes.
    @Test func itemsOpeningOnOneLineShareNoText() {
        for depth in [1, 10, 5000] {
            let document = Document(String(repeating: "- ", count: depth) + "[2023/08] **Inner** *I.* [[p](u)]\n")
            let entries = EntryParser.entries(in: document)
            #expect(entries.count == depth)
            #expect(entries.filter { $0.title != nil }.count == 1)
            #expect(entries.reduce(0) { $0 + $1.range.count } <= document.bytes.count, "each byte belongs to one entry")
        }
    }

    @Test func crlfDocuments() {
        let document = Document("- [2023/10] **A** *X.* [[p](u)]\r\n  continued\r\n- [2023/09] **B**\r\n")
        #expect(texts(document) == ["- [2023/10] **A** *X.* [[p](u)]\r\n  continued", "- [2023/09] **B**"])
        for entry in EntryParser.entries(in: document) {
            #expect(EntryCheck.violations(entry, document.bytes).isEmpty)
        }
    }

    @Test func emptyDocumentAndEmptyItems() {
        #expect(EntryParser.entries(in: Document("")).isEmpty)
        let document = Document("-\n- \n*\n")
        let entries = EntryParser.entries(in: document)
        #expect(entries.count == document.blocks.items.count)
        for entry in entries { #expect(EntryCheck.violations(entry, document.bytes).isEmpty) }
    }
}
