import PaperLintTestSupport
import Testing

@testable import PaperLintCore

/// Large lists are parsed in chunks of items on every core; any chunking gives the entries of
/// one pass, including items that share a line (`- - nested`) across a would-be cut.
@Suite struct EntryChunkTests {
    private func expectSameEntries(_ document: Document, _ name: String) {
        let whole = EntryParser.entries(in: document, chunkSize: Int.max)
        for size in [1, 2, 3, 7, 50] {
            #expect(EntryParser.entries(in: document, chunkSize: size) == whole, "\(name), chunks of \(size)")
        }
    }

    @Test func chunksParseLikeOnePass() throws {
        expectSameEntries(Document(bytes: try Fixtures.bytes(Fixtures.healthcare)), "healthcare")
        for name in ["agent-papers-README.md", "game-agent-papers-README.md"] {
            guard let path = Fixtures.sharedSample(name) else { continue }
            expectSameEntries(Document(bytes: try Fixtures.bytes(path)), name)
        }
        let nested = Document("""
            - - [2023/10] **A** [[paper](https://a.org)]
              - - - [2023/09] **B**
            - [2023/08] **C** [[code](https://c.org)]
            * + [2023/07] **D**
            """)
        #expect(nested.blocks.items.count >= 7)
        expectSameEntries(nested, "items sharing lines")
    }
}
