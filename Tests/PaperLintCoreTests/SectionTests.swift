import PaperLintCore
import PaperLintTestSupport
import Testing

@Suite struct SectionTests {
    /// Expected anchors are those GitHub renders (checked against the ToCs of the sample lists,
    /// which were written by hand against github.com).
    @Test(arguments: [
        ("Introduction", "introduction"),
        ("Project Maintainers & Contributors", "project-maintainers--contributors"),
        ("🔔 News", "-news"),
        ("Crafting & Exploration Games", "crafting--exploration-games"),
        ("Human/social Simulation", "humansocial-simulation"),
        ("Communication (Conversational) Games", "communication-conversational-games"),
        ("Dialogue & Story & Game Generation", "dialogue--story--game-generation"),
        ("The Rise and Potential of Large Language Model Based Agents: A Survey",
         "the-rise-and-potential-of-large-language-model-based-agents-a-survey"),
        ("GPT-4V", "gpt-4v"),
        ("snake_case and C++", "snake_case-and-c"),
        ("Überblick über Modelle", "überblick-über-modelle"),
        ("大语言模型 综述", "大语言模型-综述"),
        ("Café — “quoted”", "café--quoted"),
        ("  spaced  ", "--spaced--"),
        ("100% ready?!", "100-ready"),
    ])
    func slugMatchesGitHub(text: String, slug: String) {
        #expect(Slugger.slugify(text) == slug)
    }

    /// The cursor answers as the search does, for lines asked in order (as entries come) and
    /// out of it, with headings on the first line and back to back.
    @Test func theSectionCursorAnswersAsTheSearch() {
        var random = SplitMix64(seed: 0x5EC7)
        for _ in 0..<40 {
            var text = ""
            let lines = 1 + Int(random.next() % 60)
            for _ in 0..<lines { text += random.next() % 5 == 0 ? "## Heading\n" : "- entry\n" }
            let document = Document(text)
            var cursor = document.sectionCursor()
            var asked = (1...document.lineCount).map { $0 }
            if random.next() % 3 == 0 { asked.shuffle(using: &random) }
            for line in asked {
                #expect(cursor.section(containing: line) == document.sectionIndex(containing: line), "line \(line) of \(text)")
            }
        }
    }

    @Test func duplicatesGetNumbered() {
        var slugger = Slugger()
        #expect(["News", "News", "News-1", "News"].map { slugger.slug($0) } == ["news", "news-1", "news-1-1", "news-2"])
    }

    @Test func headingTextComesFromCmark() {
        let document = Document("""
            # Title with **bold** and `code`

            ## Project Maintainers \\& Contributors

            Setext heading
            --------------

            ### [Linked](https://example.com) heading
            """)
        #expect(document.headings.map(\.text) == [
            "Title with bold and code", "Project Maintainers & Contributors", "Setext heading", "Linked heading",
        ])
        #expect(document.headings.map(\.slug) == [
            "title-with-bold-and-code", "project-maintainers--contributors", "setext-heading", "linked-heading",
        ])
        #expect(document.headings.map(\.line) == [1, 3, 5, 8])
        #expect(document.headings.map(\.level) == [1, 2, 2, 3])
    }

    @Test func sectionsNestByLevel() {
        let document = Document("""
            preamble
            # A
            - a1
            ## B
            - b1
            - b2
            ### C
            - c1
            ## D
            # E
            """)
        let sections = document.sections
        #expect(sections.map { $0.heading?.text } == [nil, "A", "B", "C", "D", "E"])
        #expect(sections.map(\.parent) == [nil, 0, 1, 2, 1, 0])
        #expect(sections.map(\.firstLine) == [1, 3, 5, 8, 10, 11])
        #expect(sections.map(\.lastLine) == [1, 3, 6, 8, 9, 10])
        #expect(document.sectionIndex(containing: 1) == 0)
        #expect(document.sectionIndex(containing: 6) == 2)
        #expect(document.sectionIndex(containing: 8) == 3)
        #expect(document.headingPath(containing: 8).map(\.text) == ["C", "B", "A"])
    }

    @Test func frontMatterIsOpaqueAndKeepsLineNumbers() {
        let document = Document("---\ntitle: x\nlist:\n  - a\n---\n# Heading\n- item\n")
        #expect(document.blocks.frontMatter == LineSpan(1, 5))
        #expect((1...5).allSatisfy(document.isOpaque))
        #expect(document.headings.map(\.line) == [6])
        #expect(document.isListItemStart(7) && !document.isListItemStart(4))
        // No closing fence: not front matter, just a thematic break.
        #expect(Document("---\nnot front matter\n").blocks.frontMatter == nil)
    }

    @Test func healthcareTableOfContentsResolves() throws {
        let document = Document(bytes: try Fixtures.bytes(Fixtures.healthcare))
        let slugs = Set(document.headings.map(\.slug))
        // Every ToC link of the reference list points at a heading GitHub renders.
        for line in 30...47 {
            let text = document.text(ofLine: line)
            guard let open = text.firstIndex(of: "#"), let close = text.lastIndex(of: ")") else { continue }
            let anchor = String(text[text.index(after: open)..<close])
            #expect(slugs.contains(anchor), "line \(line): #\(anchor)")
        }
        #expect(document.headings.first { $0.text == "Multimodal LLMs in Medicine" }?.line == 82)
        #expect(document.headingPath(containing: 103).map(\.text) == ["GPT-4V", "Multimodal LLMs in Medicine", document.headings[0].text])
    }
}
