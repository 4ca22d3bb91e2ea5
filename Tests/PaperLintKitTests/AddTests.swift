import Foundation
@testable import PaperLintKit
import PaperLintCore
import PaperLintTestSupport
import Testing

/// `paperlint add` on the bundled list and small hand-written ones: the line it writes, where
/// it writes it, and what it refuses.
@Suite struct AddTests {
    static let configuration: Configuration = {
        var configuration = try! ConfigurationLoader.load(text: nil)
        configuration.today = YearMonth(year: 2026, month: 12)
        return configuration
    }()

    static let healthcare = Document(bytes: try! Fixtures.bytes(Fixtures.healthcare))

    static func paper(
        section: String? = "Multimodal LLMs in Medicine", title: String = "A New Paper on Things", authors: String? = "Ann Smith, Bob Lee, Carl Diaz",
        venue: String? = "NeurIPS 2023", date: String = "2023/08",
        links: [(String, String)] = [("paper", "https://arxiv.org/abs/2308.99999"), ("code", "https://github.com/o/r")]
    ) -> NewPaper {
        NewPaper(section: section, title: title, authors: authors, venue: venue, date: date, links: links.map { NewPaper.Link(label: $0.0, url: $0.1) })
    }

    /// The list with `paper` added, or the error's message.
    static func add(_ paper: NewPaper, to document: Document = healthcare, allowRepeat: Bool = false) throws -> Adder.Addition {
        try Adder.add(try paper.validated(today: configuration.today), to: document, configuration, path: "README.md", allowRepeat: allowRepeat)
    }

    static func added(_ paper: NewPaper, to document: Document = healthcare) throws -> (line: String, number: Int, added: Adder.Added) {
        guard case .added(let added) = try add(paper, to: document) else { throw CommandFailed(description: "refused as listed") }
        return (Document(bytes: added.bytes).text(ofLine: added.line), added.line, added)
    }

    static func refusal(_ paper: NewPaper, to document: Document = healthcare) -> String {
        do {
            _ = try add(paper, to: document)
            return ""
        } catch {
            return "\(error)"
        }
    }

    // MARK: What it writes

    @Test func theEntryIsWrittenLikeItsNeighboursAtItsPlace() throws {
        let (line, number, added) = try Self.added(Self.paper())
        #expect(line == "- [2023/08] **A New Paper on Things** *Ann Smith et al. NeurIPS 2023.* [[paper](https://arxiv.org/abs/2308.99999)] [[code](https://github.com/o/r)]")
        // Newest first, first among the 2023/08 entries: right below the 2023/10 one.
        #expect(number == 84)
        #expect(added.section == "Multimodal LLMs in Medicine")
        #expect(added.notes.isEmpty && added.warnings.isEmpty)
        // Nothing else moved: the list minus the new line is the list.
        var lines = Array(String(decoding: added.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false))
        lines.remove(at: number - 1)
        #expect(lines.joined(separator: "\n") == String(decoding: Self.healthcare.bytes, as: UTF8.self))
    }

    @Test func aSectionOfSentenceTitlesGetsTheFinalPeriodAndLinksInTheListsOrder() throws {
        let paper = Self.paper(
            section: "LLMs in Medicine", title: "Medical Models Are Here", authors: "Ann Smith", venue: nil, date: "2023/06",
            links: [("code", "https://github.com/o/r"), ("Paper", "https://arxiv.org/abs/2306.99999")])
        let (line, _, _) = try Self.added(paper)
        #expect(line == "- [2023/06] **Medical Models Are Here.** *Ann Smith. arXiv.* [[paper](https://arxiv.org/abs/2306.99999)] [[code](https://github.com/o/r)]")
    }

    @Test func theListsDateFormAndPaddingAreKept() throws {
        let list = Document("""
            # Papers

            ## Agents
            - [2024.6] **Older Agent** [[paper](https://arxiv.org/abs/2406.00001)]
            - [2024.3] **Oldest Agent** [[paper](https://arxiv.org/abs/2403.00001)]
            - [2023.12] **Ancient Agent** [[paper](https://arxiv.org/abs/2312.00001)]
            - [2023.9] **Primeval Agent** [[paper](https://arxiv.org/abs/2309.00001)]

            """)
        let (line, number, _) = try Self.added(
            Self.paper(section: "Agents", title: "New Agent", authors: nil, venue: nil, date: "2024-05-17", links: [("paper", "https://arxiv.org/abs/2405.00001")]),
            to: list)
        #expect(line == "- [2024.5] **New Agent** [[paper](https://arxiv.org/abs/2405.00001)]")
        #expect(number == 5)
    }

    @Test func aNamedMonthListAndAnOldestFirstSectionAndTheEnd() throws {
        let list = Document("""
            # Papers

            ## History
            - [Jan 2020] **First** [[paper](https://arxiv.org/abs/2001.00001)]
            - [Mar 2020] **Second** [[paper](https://arxiv.org/abs/2003.00001)]
            - [Jul 2021] **Third** [[paper](https://arxiv.org/abs/2107.00001)]
            - [Feb 2022] **Fourth** [[paper](https://arxiv.org/abs/2202.00001)]

            ## Other
            """)
        let middle = try Self.added(
            Self.paper(section: "history", title: "Between", authors: nil, venue: nil, date: "March 2020", links: [("paper", "https://arxiv.org/abs/2003.00002")]),
            to: list)
        // Oldest first, first among equal dates: above the other March 2020 entry.
        #expect(middle.line == "- [Mar 2020] **Between** [[paper](https://arxiv.org/abs/2003.00002)]")
        #expect(middle.number == 5)
        let last = try Self.added(
            Self.paper(section: "#history", title: "Latest", authors: nil, venue: nil, date: "2023/10", links: [("paper", "https://arxiv.org/abs/2310.00002")]),
            to: list)
        #expect(last.line == "- [Oct 2023] **Latest** [[paper](https://arxiv.org/abs/2310.00002)]")
        #expect(last.number == 8)
    }

    @Test func aLooseListKeepsItsBlankLines() throws {
        let list = Document("""
            # Papers

            - [2024/05] **E** [[paper](https://arxiv.org/abs/2405.00001)]

            - [2024/03] **D** [[paper](https://arxiv.org/abs/2403.00001)]

            - [2024/01] **C** [[paper](https://arxiv.org/abs/2401.00001)]

            - [2023/11] **B** [[paper](https://arxiv.org/abs/2311.00001)]

            """)
        guard case .added(let added) = try Self.add(
            Self.paper(section: "Papers", title: "New", authors: nil, venue: nil, date: "2024/02", links: [("paper", "https://arxiv.org/abs/2402.00001")]),
            to: list)
        else { throw CommandFailed(description: "refused") }
        #expect(String(decoding: added.bytes, as: UTF8.self).contains("""
            - [2024/03] **D** [[paper](https://arxiv.org/abs/2403.00001)]

            - [2024/02] **New** [[paper](https://arxiv.org/abs/2402.00001)]

            - [2024/01] **C**
            """))
    }

    @Test func fieldsTheListHasNoPlaceForAreNamed() throws {
        let list = Document("""
            # Papers

            - [2024/05] [The Fifth Paper](https://arxiv.org/abs/2405.00001) [[code](https://github.com/a/b)]
            - [2024/03] [The Fourth Paper](https://arxiv.org/abs/2403.00001)
            - [2024/01] [The Third Paper](https://arxiv.org/abs/2401.00001) [[code](https://github.com/a/c)]
            - [2023/11] [The Second Paper](https://arxiv.org/abs/2311.00001)

            """)
        let (line, _, added) = try Self.added(Self.paper(section: "Papers", date: "2024/02", links: [
            ("code", "https://github.com/o/r"), ("paper", "https://arxiv.org/abs/2402.00009"),
        ]), to: list)
        // The title links to the paper; the code link follows as the list writes it.
        #expect(line == "- [2024/02] [A New Paper on Things](https://arxiv.org/abs/2402.00009) [[code](https://github.com/o/r)]")
        #expect(added.notes == [
            "the list names no authors in its entries; --authors is not written",
            "the list has no place for a venue in its entries; --venue is not written",
        ])
    }

    @Test func aDateFarFromTheArxivIDIsAWarningNotARefusal() throws {
        let (_, _, added) = try Self.added(Self.paper(date: "2023/01", links: [("paper", "https://arxiv.org/abs/2308.99999")]))
        #expect(added.warnings.count == 1)
        #expect(added.warnings.first?.hasPrefix("date-mismatch:") == true)
    }

    // MARK: Refusals

    @Test(arguments: [
        "https://arxiv.org/abs/2305.15072", "https://arxiv.org/pdf/2305.15072", "https://arxiv.org/pdf/2305.15072v2.pdf",
        "https://arxiv.org/abs/2305.15072v1", "https://www.arxiv.org/abs/2305.15072", "https://export.arxiv.org/abs/2305.15072",
        "https://doi.org/10.48550/arXiv.2305.15072", "https://arxiv.org/html/2305.15072v3",
    ])
    func aListedPaperIsRefusedInEveryURLForm(url: String) throws {
        let addition = try Self.add(Self.paper(title: "Some Other Title", date: "2023/05", links: [("paper", url)]))
        guard case .listed(let listed) = addition else {
            Issue.record("\(url) was added")
            return
        }
        // The sample lists PathAsst twice already: both are named.
        #expect(listed.map(\.line) == [97, 117])
        #expect(listed.first?.evidence == "same arXiv id 2305.15072")
        #expect(listed.first?.section == "“Multimodal LLMs in Medicine”")
    }

    @Test func aListedPaperIsRefusedByItsTitleAndADOI() throws {
        let title = try Self.add(Self.paper(title: "pathasst: redefining pathology through generative foundation AI assistant for pathology", date: "2023/05",
                                            links: [("paper", "https://example.org/pathasst")]))
        guard case .listed(let byTitle) = title else { throw CommandFailed(description: "added") }
        #expect(byTitle.map(\.evidence) == ["same title", "same title"])
        let list = Document("""
            # Papers

            - [2023/07] **Nature Paper** [[paper](https://doi.org/10.1038/s41591-023-02448-8)]

            """)
        let doi = try Self.add(Self.paper(section: "Papers", title: "Other", date: "2023/07",
                                          links: [("paper", "https://www.nature.com/doi/10.1038/S41591-023-02448-8")]), to: list)
        guard case .listed(let byDOI) = doi else { throw CommandFailed(description: "added") }
        #expect(byDOI.first?.evidence.hasPrefix("same DOI") == true)
    }

    @Test func allowRepeatAddsToAnotherSectionButNeverTwiceToOne() throws {
        let elsewhere = Self.paper(section: "Specialized Medical LLMs", title: "PathAsst again", date: "2023/05",
                                   links: [("paper", "https://arxiv.org/abs/2305.15072")])
        guard case .added(let added) = try Self.add(elsewhere, allowRepeat: true) else { throw CommandFailed(description: "refused") }
        #expect(added.notes == [
            "also listed at README.md:97 in “Multimodal LLMs in Medicine” (same arXiv id 2305.15072)",
            "also listed at README.md:117 in “LLM-Powered Healthcare Agents” (same arXiv id 2305.15072)",
        ])
        let same = Self.paper(title: "PathAsst again", date: "2023/05", links: [("paper", "https://arxiv.org/abs/2305.15072")])
        guard case .listed = try Self.add(same, allowRepeat: true) else { throw CommandFailed(description: "added twice to one section") }
    }

    @Test(arguments: [
        ("Title\nwith a break", "--title: has a line break; give it on one line"),
        ("<script>alert(1)</script>", "--title: has HTML (<script>); write plain text"),
        ("Evil\u{202E}txt.exe", "--title: has an invisible direction or width mark (U+202E); remove it"),
        ("Zero\u{200B}width", "--title: has an invisible direction or width mark (U+200B); remove it"),
        ("Bell\u{7}", "--title: has a control character (U+0007); remove it"),
        (String(repeating: "A", count: 100_000), "--title: longer than 300 characters; shorten it"),
        ("&#x3C;script>alert(1)", "--title: has an HTML entity (&#x3C;); write the character itself"),
    ])
    func hostileTitlesAreRefused(title: String, message: String) {
        #expect(Self.refusal(Self.paper(title: title)) == message)
    }

    @Test func authorsAndVenuesHoldNoMarkup() {
        #expect(Self.refusal(Self.paper(authors: "Ann *Smith*")) == "--authors: has '*', which names and venues do not need; remove it")
        #expect(Self.refusal(Self.paper(venue: "[NeurIPS](https://x.org)")) == "--venue: has '[', which names and venues do not need; remove it")
    }

    @Test(arguments: [
        ("javascript:alert(1)", "--link paper=javascript:alert(1): only https URLs are written; give the https:// address"),
        ("http://arxiv.org/abs/2308.99999", "--link paper=http://arxiv.org/abs/2308.99999: only https URLs are written; give the https:// address"),
        ("https://arxiv.org/abs/2308 99999", "--link paper=URL: has a space; give one https URL"),
        ("https://https://arxiv.org/abs/1", "--link paper=https://https://arxiv.org/abs/1: 'https:' is not a host name; give the paper's https address"),
        ("https://evil.org/\"onmouseover=", "--link paper=https://evil.org/\"onmouseover=: has '\"', which a Markdown link cannot hold; percent-encode it"),
        ("", "--link paper=URL: empty; give one https URL"),
    ])
    func hostileURLsAreRefused(url: String, message: String) {
        #expect(Self.refusal(Self.paper(links: [("paper", url)])) == message)
    }

    @Test func markupInATitleIsEscapedAndCannotMakeALink() throws {
        let (line, number, added) = try Self.added(Self.paper(title: "Break ](javascript:alert(1)) *out* `now` | <b and_so_on _x_"))
        #expect(line.contains(#"**Break \](javascript:alert(1)) \*out\* \`now\` \| \<b and_so_on \_x\_**"#))
        let entry = try #require(Document(bytes: added.bytes).entries.first { $0.line == number })
        // Still two links, both the ones given.
        #expect(entry.links.count == 2)
    }

    @Test func aURLsParenthesesArePercentEncoded() throws {
        let (line, _, _) = try Self.added(Self.paper(links: [("paper", "https://example.org/a_(b)")]))
        #expect(line.contains("[[paper](https://example.org/a_%28b%29)]"))
    }

    @Test func badDatesAndSectionsAreRefusedWithWhatToDo() {
        #expect(Self.refusal(Self.paper(date: "2023/13")) == "--date '2023/13': not a date; write YYYY/MM, YYYY/MM/DD or YYYY (e.g. 2023/10)")
        #expect(Self.refusal(Self.paper(date: "2031/01")) == "--date 2031/01: in the future; give the month the paper appeared")
        #expect(Self.refusal(Self.paper(date: "2023")) == "--date: the list dates its entries like [2023/04], to the month; give the paper's month too")
        #expect(Self.refusal(Self.paper(section: "Multimodal LLM in Medicine"))
            == "--section 'Multimodal LLM in Medicine': no such heading in README.md; did you mean 'Multimodal LLMs in Medicine'?; give a heading's text or anchor")
        #expect(Self.refusal(Self.paper(section: nil)) == "--section: missing; name the section to add the paper to (its heading text or anchor)")
        #expect(Self.refusal(Self.paper(section: "Repositories")) == "README.md: “Repositories” has no paper entries to model the new one on; add the first one by hand")
    }

    @Test(arguments: [
        ("2023/10", PaperDate(year: 2023, month: 10, day: nil)), ("2023-10-05", PaperDate(year: 2023, month: 10, day: 5)),
        ("2023-10-05T17:59:59Z", PaperDate(year: 2023, month: 10, day: 5)), ("2023.9", PaperDate(year: 2023, month: 9, day: nil)),
        ("Oct 2023", PaperDate(year: 2023, month: 10, day: nil)), ("5 October 2023", PaperDate(year: 2023, month: 10, day: 5)),
        ("Sept 2023", PaperDate(year: 2023, month: 9, day: nil)), ("2024", PaperDate(year: 2024, month: nil, day: nil)),
    ])
    func datesAreReadInEveryUsualForm(text: String, date: PaperDate) {
        #expect(PaperDate(parsing: text) == date)
    }

    @Test(arguments: ["2023/02/30", "23/10", "2023/0/1", "October", "2023/10/05/01", "1850/01", "2023-10x"])
    func impossibleDatesAreNotRead(text: String) {
        #expect(PaperDate(parsing: text) == nil)
    }
}

/// The readers of `add`'s inputs on odd and hostile text: never a crash, never a field that
/// was not there.
@Suite struct AddInputTests {
    @Test(arguments: [
        "", "<", "<entry", "<entry>", "<entry/>", "<entry></entry>", "<entry><id>", "<entry><id></id></entry>", "<entry><title/></entry>",
        "<entry><id>http://arxiv.org/abs/</id></entry>", "<entry><id>https://arxiv.org/abs/2301.00001v</id><title>&#xZZ;&amp</title></entry>",
        "<entry><author><name>A</name></author><author><name></name></author></entry>", String(repeating: "<entry>", count: 1000),
    ])
    func oddArxivResponsesNeverCrash(xml: String) {
        switch NewPaper.fromArxiv(xml) {
        case .success(let paper): #expect(paper.links.count == 1)
        case .failure(let error): #expect(!error.message.isEmpty)
        }
    }

    @Test func theArxivEntryGivesTitleAuthorsDateAndTheAbstractPage() throws {
        let paper = try NewPaper.fromArxiv("""
            <feed><title>ArXiv Query</title><entry><id>http://arxiv.org/abs/2310.12345v3</id>
            <published>2023-10-18T09:00:00Z</published><title>Cats &amp; Dogs:
              A &lt;Study&gt; &#233;t&#xE9;</title><author><name>Ann Smith</name></author>
            <arxiv:journal_ref>NeurIPS 2023</arxiv:journal_ref></entry></feed>
            """).get()
        #expect(paper.title == "Cats & Dogs: A <Study> été")
        #expect(paper.authors == "Ann Smith")
        #expect(paper.date == "2023-10-18T09:00:00Z")
        #expect(paper.venue == "NeurIPS 2023")
        #expect(paper.links == [NewPaper.Link(label: "paper", url: "https://arxiv.org/abs/2310.12345")])
    }

    @Test func anIssueFormIsReadByItsHeadingsAndEmptyFieldsAreAbsent() {
        let paper = NewPaper.fromIssue("""
            ### Title\r\n\r\nA Paper\r\n\r\n### Authors\n\nAnn Smith\nBob Lee\n\n### Venue\n\n_No response_\n\n### Date\n\n2024/01\n\n
            ### Paper URL\n\nhttps://arxiv.org/abs/2401.00001\n\n### Code link\n\n```\n### Section\n```\n\n### Section\n\nAgents\n
            """)
        #expect(paper.title == "A Paper")
        #expect(paper.authors == "Ann Smith, Bob Lee")
        #expect(paper.venue == nil)
        #expect(paper.date == "2024/01")
        #expect(paper.section == "Agents")
        #expect(paper.links.map(\.label) == ["paper", "code"])
        // A heading inside a code block is the field's text, so the code link is not one URL.
        #expect(paper.links.last?.url.contains("\n") == true)
    }
}
