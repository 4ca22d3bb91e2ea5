import PaperLintCore
import Testing

/// The entry shapes real lists use beyond the template (one per list of the corpus that writes
/// it), read into the same date, title and links, so duplicate, order and date checks see them.
@Suite struct EntryShapeTests {
    /// An item, and what it must read as.
    struct Shape: Sendable, CustomTestStringConvertible {
        var text: String
        var date: String
        var year: Int, month: Int?, day: Int?
        var form: EntryDate.Form
        var value: String
        var venue: String?
        var title: String
        var markup: EntryTitle.Markup
        /// Every link's URL, the title's first when the title is the link.
        var urls: [String]
        var testDescription: String { text }
    }

    static let shapes: [Shape] = [
        Shape(text: "- [arXiv 2023.07] Exploring the Potential of LLMs [[paper]](https://arxiv.org/pdf/2307.03393)  [[code]](https://github.com/c/g)",
              date: "[arXiv 2023.07]", year: 2023, month: 7, day: nil, form: .dotted, value: "2023.07", venue: "arXiv",
              title: "Exploring the Potential of LLMs", markup: .plain, urls: ["https://arxiv.org/pdf/2307.03393", "https://github.com/c/g"]),
        Shape(text: "- [NeurIPS 2023 GLFrontiers Workshop] Graph Models [[paper]](https://x.org/p)",
              date: "[NeurIPS 2023 GLFrontiers Workshop]", year: 2023, month: nil, day: nil, form: .year, value: "2023",
              venue: "NeurIPS 2023 GLFrontiers Workshop", title: "Graph Models", markup: .plain, urls: ["https://x.org/p"]),
        Shape(text: "- [2024.06 Preprint] [BioInformatics Agent (BIA): Unleashing LLMs](https://www.biorxiv.org/content/10.1101/2024.05.22)",
              date: "[2024.06 Preprint]", year: 2024, month: 6, day: nil, form: .dotted, value: "2024.06", venue: "Preprint",
              title: "BioInformatics Agent (BIA): Unleashing LLMs", markup: .link, urls: ["https://www.biorxiv.org/content/10.1101/2024.05.22"]),
        Shape(text: "* (2023-05) [Decomposition Enhances Reasoning via Self-Evaluation](http://arxiv.org/abs/2305.00633) (reasoning)",
              date: "(2023-05)", year: 2023, month: 5, day: nil, form: .dashed, value: "2023-05", venue: nil,
              title: "Decomposition Enhances Reasoning via Self-Evaluation", markup: .link, urls: ["http://arxiv.org/abs/2305.00633"]),
        Shape(text: "- (arXiv 2024.4) GROUNDHOG: Grounding LLMs to Holistic **Segmentation**, [[Paper]](https://arxiv.org/pdf/2402.16846), [[Project]](https://g.io/)",
              date: "(arXiv 2024.4)", year: 2024, month: 4, day: nil, form: .dotted, value: "2024.4", venue: "arXiv",
              title: "GROUNDHOG: Grounding LLMs to Holistic **Segmentation**", markup: .plain,
              urls: ["https://arxiv.org/pdf/2402.16846", "https://g.io/"]),
        Shape(text: "- (arXiv 2024.5) **Calibrated** Self-Rewarding Vision Language Models, [[Paper]](https://arxiv.org/pdf/2405.14622)",
              date: "(arXiv 2024.5)", year: 2024, month: 5, day: nil, form: .dotted, value: "2024.5", venue: "arXiv",
              title: "**Calibrated** Self-Rewarding Vision Language Models", markup: .plain, urls: ["https://arxiv.org/pdf/2405.14622"]),
        Shape(text: "- (arXiv 2024.2) **Mobile**VLM V2: Faster Baseline, [[Paper]](https://arxiv.org/pdf/2402.03766.pdf)",
              date: "(arXiv 2024.2)", year: 2024, month: 2, day: nil, form: .dotted, value: "2024.2", venue: "arXiv",
              title: "**Mobile**VLM V2: Faster Baseline", markup: .plain, urls: ["https://arxiv.org/pdf/2402.03766.pdf"]),
        Shape(text: "* **[2024-10]** π0: A Vision-Language-Action Flow Model. ([Paper](https://arxiv.org/abs/2410.24164), [Code](https://github.com/p/o))",
              date: "[2024-10]", year: 2024, month: 10, day: nil, form: .dashed, value: "2024-10", venue: nil,
              title: "π0: A Vision-Language-Action Flow Model.", markup: .plain,
              urls: ["https://arxiv.org/abs/2410.24164", "https://github.com/p/o"]),
        Shape(text: "- **[2024] RoboMM: All-in-One Multimodal Large Model** [[paper](https://arxiv.org/pdf/2412.07215v1)][[Code](https://github.com/R/R)]",
              date: "[2024]", year: 2024, month: nil, day: nil, form: .year, value: "2024", venue: nil,
              title: "RoboMM: All-in-One Multimodal Large Model", markup: .bold,
              urls: ["https://arxiv.org/pdf/2412.07215v1", "https://github.com/R/R"]),
        Shape(text: "- [31 Jul 2025] [[arXiv 2025]](https://arxiv.org/abs/2507.23633) **MemoCue: Empowering Agents** [![stars](https://img.shields.io/s)](https://github.com/m/m)",
              date: "[31 Jul 2025]", year: 2025, month: 7, day: 31, form: .dayMonthName, value: "31 Jul 2025", venue: nil,
              title: "MemoCue: Empowering Agents", markup: .bold, urls: ["https://arxiv.org/abs/2507.23633"]),
        Shape(text: "- [May 2024] **An LLM-based approach for assembly**, [**CIRP 2024**](https://www.sciencedirect.com/a)",
              date: "[May 2024]", year: 2024, month: 5, day: nil, form: .monthName, value: "May 2024", venue: nil,
              title: "An LLM-based approach for assembly", markup: .bold, urls: ["https://www.sciencedirect.com/a"]),
        Shape(text: "- [September 2023] **T** [[paper](u)]",
              date: "[September 2023]", year: 2023, month: 9, day: nil, form: .monthName, value: "September 2023", venue: nil,
              title: "T", markup: .bold, urls: ["u"]),
        Shape(text: "- [2023/10] **Agents at Work** | [Paper](https://x.org/p) | [Code](https://x.org/c)",
              date: "[2023/10]", year: 2023, month: 10, day: nil, form: .yearMonth, value: "2023/10", venue: nil,
              title: "Agents at Work", markup: .bold, urls: ["https://x.org/p", "https://x.org/c"]),
        Shape(text: "- [2024/6/28] **T** *ICLR2025* [[paper](u)]",
              date: "[2024/6/28]", year: 2024, month: 6, day: 28, form: .yearMonthDay, value: "2024/6/28", venue: nil,
              title: "T", markup: .bold, urls: ["u"]),
    ]

    @Test(arguments: shapes)
    func readsTheShape(_ shape: Shape) throws {
        let (entry, bytes) = EntryCheck.parse(shape.text)
        #expect(EntryCheck.violations(entry, bytes).isEmpty, "\(EntryCheck.violations(entry, bytes))")
        #expect(entry.isPaper)
        let date = try #require(entry.date)
        #expect(EntryCheck.text(bytes, date.range) == shape.date)
        #expect((date.year, date.month, date.day) == (shape.year, shape.month, shape.day))
        #expect(date.form == shape.form)
        #expect(EntryCheck.text(bytes, date.value) == shape.value)
        #expect(date.venue.map { EntryCheck.text(bytes, $0) } == shape.venue)
        let title = try #require(entry.title)
        #expect(EntryCheck.text(bytes, title.text) == shape.title)
        #expect(title.markup == shape.markup)
        let urls = (title.url.map { [$0] } ?? []) + entry.links.compactMap(\.url)
        #expect(urls.map { EntryCheck.text(bytes, $0) } == shape.urls)
    }

    /// Brackets that only look like a date beside words stay what they are.
    @Test(arguments: [
        "- [Survey 2023](#survey-2023)",  // a ToC link whose label holds a year
        "- [2310.12345] **T** [[p](u)]",  // an arXiv id, not a dotted date
        "- [Introduction to Agents] **T** [[p](u)]",
        "- [Chapter 12 Part 3] **T** [[p](u)]",
        "- [ 2023/10] **T** [[p](u)]",
        "- [2023/10 ] **T** [[p](u)]",
        "- text (2023-05) **T** [[p](u)]",  // parentheses are a date only right after the marker
    ])
    func notADate(_ text: String) {
        let (entry, bytes) = EntryCheck.parse(text)
        #expect(EntryCheck.violations(entry, bytes).isEmpty)
        #expect(entry.date == nil)
    }

    /// `**Title** A. Author [[paper](…)]`, the author segment missing its italics, stays a
    /// bold title with text after it: only a comma before the links or words glued to the bold
    /// make it a highlighted keyword of a plain title.
    @Test func boldTitleFollowedByPlainAuthorsStaysBold() throws {
        let (entry, bytes) = EntryCheck.parse("- [2023/10] **Title** A. Author et al. arXiv. [[paper](u)]")
        let title = try #require(entry.title)
        #expect(title.markup == .bold)
        #expect(EntryCheck.text(bytes, title.text) == "Title")
        #expect(entry.deviations.map(\.kind).contains(.textAfterTitle))
    }

    /// A short bracketed label after the date is a link, not the title.
    @Test func shortLinkAfterTheDateIsNotATitle() throws {
        let (entry, bytes) = EntryCheck.parse("- [2023/10] [paper](https://x.org/p) [code](https://x.org/c)")
        #expect(entry.title?.markup != .link)
        #expect(entry.links.compactMap(\.url).map { EntryCheck.text(bytes, $0) } == ["https://x.org/p", "https://x.org/c"])
    }
}
