import PaperLintCore
@testable import PaperLintRules
import PaperLintTestSupport
import Testing

@Suite struct TableOfContentsRuleTests {
    /// ToC coverage and anchor case are matters of taste: off unless `taste:` lists them.
    static func configuration(_ taste: Set<TasteCheck>) -> Configuration {
        var configuration = Configuration.default
        configuration.taste = taste
        return configuration
    }

    static let coverage: Set<TasteCheck> = [.tocCoverage]

    func check(_ text: String, taste: Set<TasteCheck> = []) -> [Diagnostic] {
        TableOfContentsRule().check(Document(text), Self.configuration(taste))
    }

    func fixed(_ text: String, unsafe: Bool = true, taste: Set<TasteCheck> = []) -> String {
        let edits = check(text, taste: taste).compactMap(\.fix).filter { unsafe || $0.safety == .safe }.flatMap(\.edits)
        return String(decoding: Fix(.safe, "all", edits: edits).applied(to: Array(text.utf8)), as: UTF8.self)
    }

    func toc(_ text: String) -> TableOfContents? {
        let document = Document(text)
        let links = MarkdownLinks.links(in: document).filter { document.bytes[$0.destination].first == UInt8(ascii: "#") }
        return TableOfContents(document, links: links)
    }

    @Test func findsTheTableOfContentsByNameOrAsTheFirstLongList() {
        let named = "# T\n- [x](#t)\n- [y](#t)\n- [z](#t)\n\n## Contents\n1. [A](#a)\n2. **[B](#b)**\n\n## A\n## B\n"
        #expect(toc(named)?.items.map(\.line) == [7, 8])
        #expect(toc(named)?.heading == 1)
        let unnamed = "# T\nSee [A](#a).\n\n- [A](#a)\n  - [A1](#a1)\n\n    text in the item\n- [B](#b)\n\n## A\n### A1\n## B\n"
        #expect(toc(unnamed)?.items.map(\.line) == [4, 5, 8])
        #expect(toc("# T\n- [A](#a)\n- [B](#b)\n## A\n## B\n") == nil, "two unnamed items are no ToC")
        #expect(toc("## Content Generation\n- [A](#a)\n- [B](#b)\n## A\n## B\n") == nil)
        #expect(TableOfContents.isTableOfContentsName("📖 Table of Content (ToC)"))
        #expect(TableOfContents.isTableOfContentsName("Contents"))
        #expect(!TableOfContents.isTableOfContentsName("Table"))
    }

    @Test func depthComesFromTheTableOfContents() {
        let text = "## Contents\n- [A](#a)\n  - [A1](#a1)\n- [B](#b)\n\n## A\n### A1\n#### A1a\n## B\n### B1\n"
        // Depths 2–3 are listed: B1 is missing, the #### heading is below the ToC's depth.
        #expect(check(text, taste: Self.coverage).map(\.message) == ["heading “B1” is not in the table of contents"])
        #expect(check(text, taste: Self.coverage).first?.help == "add `[B1](#b1)` after “B” in the table of contents (line 4)")
        // ToC coverage is taste: silent unless `taste: [toc-coverage]`.
        #expect(check(text).isEmpty)
    }

    @Test func headingsAboveTheTableOfContentsNeedNoItem() {
        let text = "# Title\n## News\n## Intro\n## Contents\n- [Intro](#intro)\n- [Papers](#papers)\n## Papers\n## More\n"
        #expect(check(text, taste: Self.coverage).map(\.message) == ["heading “More” is not in the table of contents"])
        #expect(check(text).isEmpty, "ToC coverage is off unless taste asks")
    }

    @Test func resolvesHTMLAnchorsPrefixesAndNumberedDuplicates() {
        let text = """
            <a id="custom"></a>
            <h2 name='html-heading'>x</h2>

            ## Same
            ## Same
            ## Q&A — “quoted” Title!

            [a](#custom) [b](#html-heading) [c](#same) [d](#same-1) [e](#user-content-same) [f](#TOP) [g](#qa--quoted-title)

            """
        #expect(check(text).isEmpty, "\(check(text).map(\.message))")
        // One repeat too many: the near miss is suggested, as a guess.
        let third = check("## Same\n## Same\n[x](#same-2)\n")
        #expect(third.map(\.message) == ["anchor `#same-2` matches no heading; “Same” (line 2) has the anchor `#same-1`"])
        #expect(third.first?.fix?.safety == .unsafe)
    }

    @Test func closeAnchorsGetASafeFixOnlyWhenUnique() {
        let found = check("## 🔔 News\n\n[n](#news)\n")
        #expect(found.first?.fix?.safety == .safe)
        #expect(found.first?.message == "anchor `#news` matches no heading; “🔔 News” (line 1) has the anchor `#-news`")
        // Two headings share the letters: no guess.
        let ambiguous = check("## 🔔 News\n## News!\n\n[n](#-news-)\n")
        #expect(ambiguous.count == 1 && ambiguous.first?.fix == nil)
        #expect(check("## Related Surveys\n[x](#related-survey)\n").first?.fix?.safety == .unsafe)
        #expect(check("## Ab\n## Ac\n[x](#ad)\n").first?.fix == nil, "two near misses: no suggestion")
    }

    // Anchor case is taste (GitHub matches anchors in any case): tested with `taste: [toc-case]`.
    @Test func caseOnlyIsAWarning() {
        let found = check("## Related Work\n[x](#Related-Work)\n", taste: [.tocCase])
        #expect(found.map(\.severity) == [.warning])
        #expect(fixed("## Related Work\n[x](#Related-Work)\n", taste: [.tocCase]) == "## Related Work\n[x](#related-work)\n")
        #expect(check("## Related Work\n[x](#Related-Work)\n").isEmpty, "anchor case is off unless taste asks")
        // A real miss is still reported without taste.
        #expect(check("## Related Work\n[x](#Related-Works)\n").count == 1)
    }

    @Test func missingHeadingsAreWarningsWithAnInsertion() {
        let text = "## Contents\r\n- [A](#a)\r\n- [B](#b)\r\n\r\n## Z first\r\n## A\r\n## B\r\n## C\r\n"
        #expect(check(text).isEmpty, "ToC coverage is off unless taste asks")
        let found = check(text, taste: Self.coverage)
        #expect(found.map(\.severity) == [.warning, .warning])
        #expect(found.allSatisfy { $0.fix?.safety == .unsafe })
        #expect(found.first?.help == "add `[Z first](#z-first)` at the start of the table of contents (line 2)")
        #expect(fixed(text, taste: Self.coverage) == "## Contents\r\n- [Z first](#z-first)\r\n- [A](#a)\r\n- [B](#b)\r\n- [C](#c)\r\n\r\n## Z first\r\n## A\r\n## B\r\n## C\r\n")
        // A new depth has no item to copy the indentation from: no fix, but the help says where.
        let deeper = check("## Contents\n- [A](#a)\n- [B](#b)\n## A\n## B\n### B1\n", taste: Self.coverage)
        #expect(deeper.isEmpty, "### is deeper than this ToC goes")
    }

    @Test func insertionAtTheEndOfAFileWithoutNewline() {
        let text = "## A\n## B\n## Contents\n- [A](#a)\n- [B](#b)\n- [C](#c)"
        #expect(check(text).map(\.message) == ["anchor `#c` matches no heading"])
        let appended = "## Contents\n- [A](#a)\n- [B](#b)\n## A\n## B\n## C"
        #expect(check(appended).isEmpty, "ToC coverage is off unless taste asks")
        #expect(fixed(appended, taste: Self.coverage) == "## Contents\n- [A](#a)\n- [B](#b)\n- [C](#c)\n## A\n## B\n## C")
    }

    @Test func linksInCodeAreIgnoredAndTitlesAreEscaped() {
        #expect(check("```\n[x](#nowhere)\n```\n").isEmpty)
        let text = "## Contents\n- [A](#a)\n- [B](#b)\n## A\n## B\n## [Draft] notes\n"
        #expect(check(text, taste: Self.coverage).first?.help?.hasPrefix("add `[\\[Draft\\] notes](#draft-notes)`") == true)
    }

    @Test func healthcareMissesTwoHeadings() throws {
        let document = Document(bytes: try Fixtures.bytes(Fixtures.healthcare))
        // ToC coverage is taste: the two missing headings are reported only with it.
        #expect(TableOfContentsRule().check(document, .default).isEmpty)
        let found = TableOfContentsRule().check(document, Self.configuration(Self.coverage))
        #expect(found.map { document.line(containing: $0.range.lowerBound) } == [102, 190])
        #expect(found.map(\.message) == ["heading “GPT-4V” is not in the table of contents", "heading “Licenses” is not in the table of contents"])
        #expect(found.first?.fix?.edits.first?.replacement == "    - [GPT-4V](#gpt-4v)\n")
        #expect(toc(try String(contentsOfFile: Fixtures.healthcare, encoding: .utf8))?.items.count == 15)
    }

    @Test(.enabled(if: Fixtures.sharedSample("agent-papers-README.md") != nil, "../shared/samples absent: skipped"))
    func agentListResolvesItsEmojiAnchors() throws {
        let path = try #require(Fixtures.sharedSample("agent-papers-README.md"))
        let document = Document(bytes: try Fixtures.bytes(path))
        #expect(TableOfContentsRule().check(document, .default).isEmpty)
        let links = MarkdownLinks.links(in: document).filter { document.bytes[$0.destination].first == UInt8(ascii: "#") }
        let toc = try #require(TableOfContents(document, links: links))
        #expect(toc.items.count == 73 && toc.firstLine == 40)
        #expect(document.headings.count == 73)
    }
}
