import PaperLintCore
import Testing

/// An item and the exact parts it must split into.
struct LayoutCase: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let pieces: [Piece]
    init(_ name: String, _ text: String, _ pieces: [Piece]) {
        self.name = name
        self.text = text
        self.pieces = pieces
    }
    var testDescription: String { name }

    static let link = Piece(.link, "[[paper](https://arxiv.org/abs/2310.1)]")
    static let head: [Piece] = [
        Piece(.marker, "- "), Piece(.date, "[2023/10]"), Piece(.space, " "), Piece(.title, "**Title**"),
        Piece(.space, " "), Piece(.authors, "*A. Author et al. arXiv.*"),
    ]

    static let all: [LayoutCase] = [
        LayoutCase(
            "template, links joined by ][",
            "- [2023/10] **Title** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2310.1)][[code](https://github.com/o/r)]",
            head + [Piece(.space, " "), link, Piece(.link, "[[code](https://github.com/o/r)]")]),
        LayoutCase(
            "links joined by ] [",
            "- [2023/10] **Title** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2310.1)] [[code](https://github.com/o/r)]",
            head + [Piece(.space, " "), link, Piece(.separator, " "), Piece(.link, "[[code](https://github.com/o/r)]")]),
        LayoutCase(
            "ordered marker", "12) [2023/10] **T** *A.* [[p](u)]",
            [Piece(.marker, "12) "), Piece(.date, "[2023/10]"), Piece(.space, " "), Piece(.title, "**T**"),
             Piece(.space, " "), Piece(.authors, "*A.*"), Piece(.space, " "), Piece(.link, "[[p](u)]")]),
        LayoutCase(
            "star marker and tab", "*\t[2023/10] **T** *A.* [[p](u)]",
            [Piece(.marker, "*\t"), Piece(.date, "[2023/10]"), Piece(.space, " "), Piece(.title, "**T**"),
             Piece(.space, " "), Piece(.authors, "*A.*"), Piece(.space, " "), Piece(.link, "[[p](u)]")]),
        LayoutCase(
            "emoji before the date, bold title", "+ 🔥 [2023/10] **T** *A.* [[p](u)]",
            [Piece(.marker, "+ "), Piece(.other, "🔥"), Piece(.space, " "), Piece(.date, "[2023/10]"),
             Piece(.space, " "), Piece(.title, "**T**"), Piece(.space, " "), Piece(.authors, "*A.*"),
             Piece(.space, " "), Piece(.link, "[[p](u)]")]),
        LayoutCase(
            "news bullet", "- 💥 [2023/11/06] Our review is at [here](https://arxiv.org/abs/2311.01918).",
            [Piece(.marker, "- "), Piece(.other, "💥"), Piece(.space, " "), Piece(.date, "[2023/11/06]"),
             Piece(.space, " "), Piece(.other, "Our review is at [here](https://arxiv.org/abs/2311.01918).")]),
        LayoutCase(
            "badge before the date", "- ![new](https://img.shields.io/a.svg) [2023/10] **T** *A.* [[p](u)]",
            [Piece(.marker, "- "), Piece(.other, "![new](https://img.shields.io/a.svg)"), Piece(.space, " "),
             Piece(.date, "[2023/10]"), Piece(.space, " "), Piece(.title, "**T**"), Piece(.space, " "),
             Piece(.authors, "*A.*"), Piece(.space, " "), Piece(.link, "[[p](u)]")]),
        LayoutCase(
            "title wrapped onto a continuation line",
            "- [2023/06] **SYNAPSE: Few-Shot Exemplars for\n  Human-Level Control.** *L. Zheng et al.* [[paper](u)]",
            [Piece(.marker, "- "), Piece(.date, "[2023/06]"), Piece(.space, " "),
             Piece(.title, "**SYNAPSE: Few-Shot Exemplars for"), Piece(.lineBreak, "\n  "),
             Piece(.title, "Human-Level Control.**"), Piece(.space, " "), Piece(.authors, "*L. Zheng et al.*"),
             Piece(.space, " "), Piece(.link, "[[paper](u)]")]),
        LayoutCase(
            "CRLF continuation between title and authors", "- [2023/10] **T** \r\n  *A.* [[p](u)]",
            [Piece(.marker, "- "), Piece(.date, "[2023/10]"), Piece(.space, " "), Piece(.title, "**T**"),
             Piece(.lineBreak, " \r\n  "), Piece(.authors, "*A.*"), Piece(.space, " "), Piece(.link, "[[p](u)]")]),
        LayoutCase(
            "text after the title", "- [2023/03] **Title**. *A. et al.* [[paper](u)]",
            [Piece(.marker, "- "), Piece(.date, "[2023/03]"), Piece(.space, " "), Piece(.title, "**Title**"),
             Piece(.other, "."), Piece(.space, " "), Piece(.authors, "*A. et al.*"), Piece(.space, " "),
             Piece(.link, "[[paper](u)]")]),
        LayoutCase(
            "text after the authors", "- [2023/06] **PULSE** *OpenMedLab*. [[code](u)]",
            [Piece(.marker, "- "), Piece(.date, "[2023/06]"), Piece(.space, " "), Piece(.title, "**PULSE**"),
             Piece(.space, " "), Piece(.authors, "*OpenMedLab*"), Piece(.other, "."), Piece(.space, " "),
             Piece(.link, "[[code](u)]")]),
        LayoutCase(
            "trailing badge and venue", "- [2023/10] **T** *A.* [[p](u)] ![stars](https://img.shields.io/s) (ICLR 2024) ",
            [Piece(.marker, "- "), Piece(.date, "[2023/10]"), Piece(.space, " "), Piece(.title, "**T**"),
             Piece(.space, " "), Piece(.authors, "*A.*"), Piece(.space, " "), Piece(.link, "[[p](u)]"),
             Piece(.space, " "), Piece(.other, "![stars](https://img.shields.io/s) (ICLR 2024)"), Piece(.space, " ")]),
        LayoutCase(
            "trailing blanks only", "- [2023/10] **T** *A.* [[p](u)]  ",
            [Piece(.marker, "- "), Piece(.date, "[2023/10]"), Piece(.space, " "), Piece(.title, "**T**"),
             Piece(.space, " "), Piece(.authors, "*A.*"), Piece(.space, " "), Piece(.link, "[[p](u)]"),
             Piece(.space, "  ")]),
        LayoutCase(
            "unclosed parenthesis: the rest is other",
            "- [2023/10] **T** *A.* [[paper](https://x.org/a_(b] [[code](u)]",
            [Piece(.marker, "- "), Piece(.date, "[2023/10]"), Piece(.space, " "), Piece(.title, "**T**"),
             Piece(.space, " "), Piece(.authors, "*A.*"), Piece(.space, " "),
             Piece(.other, "[[paper](https://x.org/a_(b] [[code](u)]")]),
        LayoutCase(
            "stray [ before a link (game list line 75)", "- [2024/12] **T** *NeurIPS 2024* [[paper](p)[[code](c)]",
            [Piece(.marker, "- "), Piece(.date, "[2024/12]"), Piece(.space, " "), Piece(.title, "**T**"),
             Piece(.space, " "), Piece(.authors, "*NeurIPS 2024*"), Piece(.space, " "), Piece(.other, "["),
             Piece(.link, "[paper](p)"), Piece(.link, "[[code](c)]")]),
        LayoutCase(
            "stray ] between links (game list line 172)", "- [2023/10] **T** *arXiv* [[paper]](p)][[code](c)]",
            [Piece(.marker, "- "), Piece(.date, "[2023/10]"), Piece(.space, " "), Piece(.title, "**T**"),
             Piece(.space, " "), Piece(.authors, "*arXiv*"), Piece(.space, " "), Piece(.link, "[[paper]](p)"),
             Piece(.separator, "]"), Piece(.link, "[[code](c)]")]),
        LayoutCase(
            "plain title", "- [2023/10] Plain Title: with (parens) *A.* [[p](u)]",
            [Piece(.marker, "- "), Piece(.date, "[2023/10]"), Piece(.space, " "),
             Piece(.title, "Plain Title: with (parens)"), Piece(.space, " "), Piece(.authors, "*A.*"),
             Piece(.space, " "), Piece(.link, "[[p](u)]")]),
        LayoutCase(
            "bold title holding brackets and a colon", "- [2023/10] **T [v2]: (x)** *A.* [[p](u)]",
            [Piece(.marker, "- "), Piece(.date, "[2023/10]"), Piece(.space, " "), Piece(.title, "**T [v2]: (x)**"),
             Piece(.space, " "), Piece(.authors, "*A.*"), Piece(.space, " "), Piece(.link, "[[p](u)]")]),
        LayoutCase(
            "unclosed bold title ends before the authors", "- [2023/10] **Title *A.* [[p](u)]",
            [Piece(.marker, "- "), Piece(.date, "[2023/10]"), Piece(.space, " "), Piece(.title, "**Title"),
             Piece(.space, " "), Piece(.authors, "*A.*"), Piece(.space, " "), Piece(.link, "[[p](u)]")]),
        LayoutCase(
            "unclosed authors end before the links", "- [2023/10] **T** *A. et al. [[p](u)]",
            [Piece(.marker, "- "), Piece(.date, "[2023/10]"), Piece(.space, " "), Piece(.title, "**T**"),
             Piece(.space, " "), Piece(.authors, "*A. et al."), Piece(.space, " "), Piece(.link, "[[p](u)]")]),
        LayoutCase(
            "ToC bullet", "- [Introduction](#introduction)",
            [Piece(.marker, "- "), Piece(.link, "[Introduction](#introduction)")]),
        LayoutCase(
            "prose item", "- This work proposes PCA-EVAL, which benchmarks (a) and (b).",
            [Piece(.marker, "- "), Piece(.title, "This work proposes PCA-EVAL, which benchmarks (a) and (b).")]),
        LayoutCase("bare marker", "-", [Piece(.marker, "-")]),
        LayoutCase(
            "no marker at all", "**T** *A.* [[p](u)]",
            [Piece(.title, "**T**"), Piece(.space, " "), Piece(.authors, "*A.*"), Piece(.space, " "),
             Piece(.link, "[[p](u)]")]),
    ]
}

/// An item with one deviation whose span is marked: `«…»` around it, or `↓` where an empty
/// (insertion point) span sits.
struct DeviationCase: Sendable, CustomTestStringConvertible {
    let kind: EntryDeviation.Kind
    let marked: String
    init(_ kind: EntryDeviation.Kind, _ marked: String) {
        self.kind = kind
        self.marked = marked
    }
    var testDescription: String { "\(kind): \(marked)" }

    /// The text without markers and the marked byte range.
    var unmarked: (text: String, span: Range<Int>) {
        var bytes: [UInt8] = []
        var lower = 0
        var upper = 0
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "«": lower = bytes.count
            case "»": upper = bytes.count
            case "↓":
                lower = bytes.count
                upper = bytes.count
            default: bytes += Array(String(scalar).utf8)
            }
        }
        return (String(decoding: bytes, as: UTF8.self), lower..<upper)
    }

    static let all: [DeviationCase] = [
        DeviationCase(.missingDate, "- ↓**T** *A.* [[p](u)]"),
        DeviationCase(.missingDate, "- ↓[Introduction](#introduction)"),
        DeviationCase(.missingDate, "- ↓[1] **T** *A.* [[p](u)]"),
        DeviationCase(.dateVariant, "- «[2023-10]» **T** *A.* [[p](u)]"),
        DeviationCase(.dateVariant, "- «[2023/9]» **T** *A.* [[p](u)]"),
        DeviationCase(.dateVariant, "- «[2023]» **T** *A.* [[p](u)]"),
        DeviationCase(.dateVariant, "- «[2023/10/05]» **T** *A.* [[p](u)]"),
        DeviationCase(.malformedDate, "- «[2023/13]» **T** *A.* [[p](u)]"),
        DeviationCase(.malformedDate, "- «[2023/00]» **T** *A.* [[p](u)]"),
        DeviationCase(.malformedDate, "- «[23/10]» **T** *A.* [[p](u)]"),
        DeviationCase(.malformedDate, "- «[2023/10/45]» **T** *A.* [[p](u)]"),
        DeviationCase(.malformedDate, "- «[2023-1]» **T** *A.* [[p](u)]"),
        DeviationCase(.malformedDate, "- «[2023/10-05]» **T** *A.* [[p](u)]"),
        DeviationCase(.malformedDate, "- «[99999999999999999999999/10]» **T** *A.* [[p](u)]"),
        DeviationCase(.textBeforeDate, "- «🔥» [2023/10] **T** *A.* [[p](u)]"),
        DeviationCase(.textBeforeDate, "- «NEW ✨» [2023/10] **T** *A.* [[p](u)]"),
        DeviationCase(.missingTitle, "- [2023/10] ↓[[p](u)]"),
        DeviationCase(.missingTitle, "- [2023/10]↓"),
        DeviationCase(.titleMarkup, "- [2023/10] «*T*» *A.* [[p](u)]"),
        DeviationCase(.titleMarkup, "- [2023/10] «_T_» *A.* [[p](u)]"),
        DeviationCase(.titleMarkup, "- [2023/10] «Plain T» *A.* [[p](u)]"),
        DeviationCase(.unclosedMarkup, "- [2023/10] «**»T *A.* [[p](u)]"),
        DeviationCase(.unclosedMarkup, "- [2023/10] «_»T [[p](u)]"),
        DeviationCase(.unclosedMarkup, "- [2023/10] **T** «*»A. [[p](u)]"),
        DeviationCase(.missingAuthors, "- [2023/10] **T**↓ [[p](u)]"),
        DeviationCase(.missingAuthors, "- [2023/10] **T**↓"),
        DeviationCase(.textAfterTitle, "- [2023/10] **T**«.» *A.* [[p](u)]"),
        DeviationCase(.textAfterTitle, "- [2023/10] **T** «A. Author» [[p](u)]"),
        DeviationCase(.textAfterAuthors, "- [2023/10] **T** *A*«.» [[p](u)]"),
        DeviationCase(.textAfterAuthors, "- [2023/10] **T** *Lin Xu et al.* «(NUS) arXiv.» [[p](u)]"),
        DeviationCase(.linkSyntax, "- [2023/10] **T** *A.* «[[code]](https://x)»"),
        DeviationCase(.linkSyntax, "- [2023/10] **T** *A.* «[code](https://x)»"),
        DeviationCase(.linkSyntax, "- [2023/10] **T** *A.* «[code]»"),
        DeviationCase(.linkSyntax, "- [2023/10] **T** *A.* [[p](u)] «[[code]]»"),
        DeviationCase(.unbalancedBrackets, "- [2023/10] **T** *A.* «[»[paper](p)[[code](c)]"),
        DeviationCase(.unbalancedBrackets, "- [2023/10] **T** *A.* [[paper]«(»https://x.org/a_(b] [[code](c)]"),
        DeviationCase(.unbalancedBrackets, "- [2023/10] **T** *A.* [[p](u)] «[»[code"),
        DeviationCase(.unbalancedBrackets, "- [2023/10] **T** *A.* [[p](u)] ![badge]«(»x"),
        DeviationCase(.unbalancedBrackets, "- [18 Apr 2024]«]» [[arXiv 2024]](https://x) **T**"),
        DeviationCase(.trailingText, "- [2023/10] **T** *A.* [[p](u)] «(ICLR 2024)»"),
        DeviationCase(.trailingText, "- [2023/10] **T** *A.* [[p](u)]«.»"),
        DeviationCase(.trailingText, "- [2023/10] **T** *A.* [[p](u)] «![stars](https://img.shields.io/s) 🔥»  "),
        DeviationCase(.noLinks, "- [2023/10] **T** *A.*↓"),
        DeviationCase(.noLinks, "- [2023/10] **T** *A.* (ICLR)↓"),
    ]
}

/// A date as written and what it must parse to.
struct DateCase: Sendable, CustomTestStringConvertible {
    let written: String
    let form: EntryDate.Form
    let year: Int
    let month: Int?
    let day: Int?
    /// The deviation the date adds, if any.
    let deviation: EntryDeviation.Kind?
    var testDescription: String { written }

    static let all: [DateCase] = [
        DateCase(written: "[2023/10]", form: .yearMonth, year: 2023, month: 10, day: nil, deviation: nil),
        DateCase(written: "[2023/10/05]", form: .yearMonthDay, year: 2023, month: 10, day: 5, deviation: .dateVariant),
        DateCase(written: "[2023-10]", form: .dashed, year: 2023, month: 10, day: nil, deviation: .dateVariant),
        DateCase(written: "[2023/9]", form: .singleDigitMonth, year: 2023, month: 9, day: nil, deviation: .dateVariant),
        DateCase(written: "[2023]", form: .year, year: 2023, month: nil, day: nil, deviation: .dateVariant),
        DateCase(written: "[2023/13]", form: .yearMonth, year: 2023, month: 13, day: nil, deviation: .malformedDate),
        DateCase(written: "[2023/00]", form: .yearMonth, year: 2023, month: 0, day: nil, deviation: .malformedDate),
        DateCase(written: "[23/10]", form: .yearMonth, year: 23, month: 10, day: nil, deviation: .malformedDate),
        DateCase(written: "[2023/10/45]", form: .yearMonthDay, year: 2023, month: 10, day: 45, deviation: .malformedDate),
        DateCase(written: "[2023/0]", form: .singleDigitMonth, year: 2023, month: 0, day: nil, deviation: .malformedDate),
        // Only the first nine digits of a run count, so huge numbers cannot overflow.
        DateCase(
            written: "[2023/\(String(repeating: "9", count: 40))]", form: .yearMonth, year: 2023, month: 999_999_999,
            day: nil, deviation: .malformedDate),
    ]
}

/// Links as written and how they must parse.
struct LinkCase: Sendable, CustomTestStringConvertible {
    let written: String
    let syntax: EntryLink.Syntax
    let label: String
    let url: String?
    var testDescription: String { written }

    static let all: [LinkCase] = [
        LinkCase(written: "[[paper](https://arxiv.org/abs/2310.1)]", syntax: .innerURL, label: "paper", url: "https://arxiv.org/abs/2310.1"),
        LinkCase(written: "[[code]](https://github.com/o/r)", syntax: .outerURL, label: "code", url: "https://github.com/o/r"),
        LinkCase(written: "[paper](https://arxiv.org/abs/2310.1)", syntax: .plain, label: "paper", url: "https://arxiv.org/abs/2310.1"),
        LinkCase(written: "[paper]", syntax: .bare, label: "paper", url: nil),
        LinkCase(written: "[[paper]]", syntax: .bare, label: "paper", url: nil),
        LinkCase(written: "[[project page](https://x.io/p)]", syntax: .innerURL, label: "project page", url: "https://x.io/p"),
        LinkCase(
            written: "[[wiki](https://en.wikipedia.org/wiki/A_(b))]", syntax: .innerURL, label: "wiki",
            url: "https://en.wikipedia.org/wiki/A_(b)"),
        LinkCase(
            written: "[[doc](https://x.org/a_(b_(c))_d)]", syntax: .innerURL, label: "doc", url: "https://x.org/a_(b_(c))_d"),
        LinkCase(written: "[[esc](https://x.org/a\\)b)]", syntax: .innerURL, label: "esc", url: "https://x.org/a\\)b"),
        LinkCase(written: "[[]()]", syntax: .innerURL, label: "", url: ""),
    ]
}

@Suite struct EntryParserTests {
    @Test(arguments: LayoutCase.all)
    func layout(_ c: LayoutCase) {
        let (entry, bytes) = EntryCheck.parse(c.text)
        #expect(EntryCheck.layout(entry, bytes) == c.pieces)
        #expect(EntryCheck.violations(entry, bytes).isEmpty, "\(EntryCheck.violations(entry, bytes))")
    }

    @Test(arguments: DeviationCase.all)
    func deviation(_ c: DeviationCase) {
        let (text, span) = c.unmarked
        let (entry, bytes) = EntryCheck.parse(text)
        #expect(entry.deviations.contains(EntryDeviation(c.kind, span)), "\(entry.deviations)")
        #expect(EntryCheck.violations(entry, bytes).isEmpty, "\(EntryCheck.violations(entry, bytes))")
    }

    @Test func everyDeviationKindIsExercised() {
        let covered = Set(DeviationCase.all.map(\.kind))
        #expect(covered == Set(EntryDeviation.Kind.allCases))
    }

    @Test(arguments: DateCase.all)
    func date(_ c: DateCase) throws {
        let (entry, bytes) = EntryCheck.parse("- \(c.written) **T** *A.* [[p](u)]")
        let date = try #require(entry.date)
        #expect(date.range == EntryCheck.span(of: c.written, in: bytes))
        #expect(date.form == c.form)
        #expect(date.year == c.year)
        #expect(date.month == c.month)
        #expect(date.day == c.day)
        let dateDeviations = entry.deviations.filter { $0.kind == .dateVariant || $0.kind == .malformedDate }
        #expect(dateDeviations == (c.deviation.map { [EntryDeviation($0, date.range)] } ?? []))
        #expect(entry.isPaper)
    }

    @Test(arguments: ["[2023/10]x", "[Introduction]", "[1]", "[12345]", "[2023/10/05/01]", "[2023//10]", "[/10]", "[2023/10", "[ 2023/10]"])
    func notADate(_ written: String) {
        let (entry, bytes) = EntryCheck.parse("- \(written) **T**")
        if written == "[2023/10]x" {
            // A date followed by text is still a date; the text is the (plain) title.
            #expect(entry.date?.range == EntryCheck.span(of: "[2023/10]", in: bytes))
        } else {
            #expect(entry.date == nil)
            #expect(entry.deviations.first?.kind == .missingDate)
        }
        #expect(EntryCheck.violations(entry, bytes).isEmpty)
    }

    @Test(arguments: LinkCase.all)
    func link(_ c: LinkCase) throws {
        let (entry, bytes) = EntryCheck.parse("- [2023/10] **T** *A.* \(c.written) trailing")
        let link = try #require(entry.links.first)
        #expect(entry.links.count == 1)
        #expect(link.syntax == c.syntax)
        #expect(link.range == EntryCheck.span(of: c.written, in: bytes))
        #expect(EntryCheck.text(bytes, link.label) == c.label)
        #expect(link.url.map { EntryCheck.text(bytes, $0) } == c.url)
        #expect(entry.deviations.contains { $0.kind == .linkSyntax } == (c.syntax != .innerURL))
        #expect(entry.deviations.contains(EntryDeviation(.trailingText, EntryCheck.span(of: "trailing", in: bytes) ?? 0..<0)))
    }

    @Test func separatorsAreTheBytesBetweenLinks() throws {
        let text = "- [2023/10] **T** *A.* [[a](1)][[b](2)] [[c](3)]  [[d](4)], [[e](5)]"
        let (entry, bytes) = EntryCheck.parse(text)
        #expect(entry.links.map { EntryCheck.text(bytes, $0.label) } == ["a", "b", "c", "d", "e"])
        #expect(entry.separators.map { EntryCheck.text(bytes, $0) } == ["", " ", "  ", ", "])
        let first = try #require(EntryCheck.span(of: "][[b]", in: bytes))
        #expect(entry.separators[0] == first.lowerBound + 1..<first.lowerBound + 1, "an empty separator sits between ] and [")
        #expect(entry.parts(in: bytes).filter { $0.kind == .separator }.map { EntryCheck.text(bytes, $0.range) } == [" ", "  ", ", "])
        #expect(entry.deviations.isEmpty, "\(entry.deviations)")
    }

    @Test func templateEntryHasNoDeviations() throws {
        let text = "- [2023/11] **MEDITRON-70B: Scaling Medical Pretraining** *Zeming Chen et al. arXiv.* [[paper](https://arxiv.org/abs/2311.16079)][[code](https://github.com/epfLLM/meditron)]"
        let (entry, bytes) = EntryCheck.parse(text)
        #expect(entry.deviations.isEmpty)
        #expect(entry.isPaper)
        #expect(entry.marker == EntryCheck.span(of: "- ", in: bytes))
        let title = try #require(entry.title)
        #expect(title.markup == .bold)
        #expect(title.range == EntryCheck.span(of: "**MEDITRON-70B: Scaling Medical Pretraining**", in: bytes))
        #expect(title.text == EntryCheck.span(of: "MEDITRON-70B: Scaling Medical Pretraining", in: bytes))
        let authors = try #require(entry.authors)
        #expect(authors.range == EntryCheck.span(of: "*Zeming Chen et al. arXiv.*", in: bytes))
        #expect(authors.text == EntryCheck.span(of: "Zeming Chen et al. arXiv.", in: bytes))
        #expect(entry.links.map(\.url).map { $0.map { EntryCheck.text(bytes, $0) } } == [
            "https://arxiv.org/abs/2311.16079", "https://github.com/epfLLM/meditron",
        ])
    }

    @Test func newsBulletsAreNotPapersButEmojiEntriesAre() {
        let news = EntryCheck.parse("- 💥 [2023/11/06] Our review paper is available at [here](https://arxiv.org/abs/2311.01918).").entry
        #expect(news.date?.form == .yearMonthDay)
        #expect(news.title == nil && news.links.isEmpty && !news.isPaper)
        let decorated = EntryCheck.parse("- 🔥 [2023/10] **T** *A.* [[p](u)]").entry
        #expect(decorated.isPaper)
        #expect(decorated.deviations.map(\.kind) == [.textBeforeDate])
        #expect(!EntryCheck.parse("- [Introduction](#introduction)").entry.isPaper)
    }

    @Test func rangesOutsideTheBytesAreClamped() {
        let bytes = Array("- [2023/10] **T**".utf8)
        for range in [-5..<3, 10..<400, 500..<600, 0..<0] {
            let entry = EntryParser.parse(bytes, range: range, line: 1, lastLine: 1)
            #expect(EntryCheck.violations(entry, bytes).isEmpty, "\(range)")
        }
        let inner = EntryParser.parse(bytes, range: 2..<11, line: 1, lastLine: 1)
        #expect(inner.date?.range == 2..<11 && inner.marker.isEmpty)
    }
}
