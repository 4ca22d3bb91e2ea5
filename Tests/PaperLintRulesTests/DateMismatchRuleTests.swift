import PaperLintCore
import PaperLintRules
import PaperLintTestSupport
import Testing

@Suite struct DateMismatchRuleTests {
    let configuration = Configuration(
        presetName: "test", labels: LabelVocabulary(order: ["paper", "code", "blog"], aliases: ["arxiv": "paper"]),
        skipSections: ["News"])

    func check(_ text: String) -> (Document, [Diagnostic]) {
        let document = Document(text)
        return (document, DateMismatchRule().check(document, configuration))
    }

    func entry(_ date: String, _ url: String, label: String = "paper") -> String {
        "- [\(date)] **Title** *A. Author et al. arXiv.* [[\(label)](\(url))]\n"
    }

    func reported(_ date: String, _ url: String) -> Bool { !check(entry(date, url)).1.isEmpty }

    @Test func healthcareReportsLine68NotLine44() throws {
        let document = Document(bytes: try Fixtures.bytes(Fixtures.healthcare))
        let found = DateMismatchRule().check(document, configuration)
        // Line 44 is dated 2023/10 with id 2309.00237: one month, within the tolerance.
        #expect(found.map { document.line(containing: $0.range.lowerBound) } == [68])
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.message == "dated [2023/04] but its arXiv id 2310.15896 is from 2023/10")
        #expect(diagnostic.fix?.safety == .unsafe)
        #expect(diagnostic.fix?.edits.map(\.replacement) == ["2023/10"])
        #expect(diagnostic.fix?.edits.map { document.string($0.range) } == ["2023/04"])
        #expect(diagnostic.related.map { document.string($0.range) } == ["https://arxiv.org/abs/2310.15896"])
    }

    @Test func toleranceIsOneMonthEitherWayAcrossYears() {
        #expect(!reported("2023/10", "https://arxiv.org/abs/2309.00237"))
        #expect(!reported("2023/08", "https://arxiv.org/abs/2309.00237"))
        #expect(reported("2023/07", "https://arxiv.org/abs/2309.00237"))
        #expect(reported("2023/11", "https://arxiv.org/abs/2309.00237"))
        #expect(!reported("2023/12", "https://arxiv.org/abs/2401.00001"))
        #expect(!reported("2024/01", "https://arxiv.org/abs/2312.00001"))
        #expect(reported("2024/02", "https://arxiv.org/abs/2312.00001"))
        #expect(reported("2022/01", "https://arxiv.org/abs/2301.00001"))
    }

    @Test func fixKeepsTheEntrysDateForm() {
        func fixed(_ date: String, _ url: String) -> String? {
            let (document, found) = check(entry(date, url))
            return found.first?.fix.map { String(decoding: $0.applied(to: document.bytes), as: UTF8.self) }
        }
        #expect(fixed("2023/04", "https://arxiv.org/abs/2310.15896") == entry("2023/10", "https://arxiv.org/abs/2310.15896"))
        #expect(fixed("2023-04", "https://arxiv.org/abs/2310.15896") == entry("2023-10", "https://arxiv.org/abs/2310.15896"))
        #expect(fixed("2023/4", "https://arxiv.org/abs/2309.15896") == entry("2023/9", "https://arxiv.org/abs/2309.15896"))
        #expect(fixed("2023/4", "https://arxiv.org/abs/2311.15896") == entry("2023/11", "https://arxiv.org/abs/2311.15896"))
        // A day cannot be known: reported, not fixed.
        #expect(reported("2023/04/05", "https://arxiv.org/abs/2310.15896"))
        #expect(fixed("2023/04/05", "https://arxiv.org/abs/2310.15896") == nil)
        #expect(fixed("2023-04-05", "https://arxiv.org/abs/2310.15896") == nil)
    }

    @Test func whatIsNotChecked() {
        // Year-only and malformed dates, old-style ids, non-arXiv and non-paper links.
        #expect(!reported("2023", "https://arxiv.org/abs/2101.00001"))
        #expect(!reported("2023/13", "https://arxiv.org/abs/2101.00001"))
        #expect(!reported("2002/01", "https://arxiv.org/abs/cs/0112017"))
        #expect(!reported("2023/01", "https://openreview.net/forum?id=abc"))
        #expect(check(entry("2023/01", "https://arxiv.org/abs/2101.00001", label: "blog")).1.isEmpty)
        #expect(check("## News\n" + entry("2023/01", "https://arxiv.org/abs/2101.00001")).1.isEmpty)
        #expect(check("```\n" + entry("2023/01", "https://arxiv.org/abs/2101.00001") + "```\n").1.isEmpty)
    }

    @Test func everyArxivFormAndTheArxivDOI() {
        for url in ["https://arxiv.org/pdf/2302.04023v2.pdf", "http://export.arxiv.org/abs/2302.04023", "https://doi.org/10.48550/arXiv.2302.04023"] {
            let (_, found) = check(entry("2023/08", url))
            #expect(found.map(\.message) == ["dated [2023/08] but its arXiv id 2302.04023 is from 2023/02"], "\(url)")
        }
    }

    /// The fix writes the arXiv month in the date's own form, inside its brackets, and leaves a
    /// venue beside the date alone.
    @Test func fixKeepsTheDatesOwnForm() throws {
        let cases: [(String, String)] = [
            ("- (arXiv 2024.5) Some Plain Title, [[Paper]](https://arxiv.org/pdf/2309.06180.pdf)\n", "(arXiv 2023.9)"),
            ("- [arXiv 2024.05] Some Plain Title [[paper]](https://arxiv.org/abs/2309.06180)\n", "[arXiv 2023.09]"),
            ("* **[2025-5]** Title. ([Paper](https://arxiv.org/abs/2406.11815))\n", "[2024-6]"),
            ("- [Jan 2024] [[ICLR 2024]](https://arxiv.org/abs/2309.06180) **Title**\n", "[Sep 2023]"),
        ]
        for (text, expected) in cases {
            let (document, found) = check(text)
            let fix = try #require(found.first?.fix, "\(text)")
            let result = String(decoding: fix.applied(to: document.bytes), as: UTF8.self)
            #expect(result.contains(expected), "\(result)")
            #expect(fix.message == "date the entry \(expected)")
        }
    }

    /// A list that dates papers by venue, revision or another preprint server (a real share
    /// dated months from their arXiv month, either way) is not told about those dates; a whole
    /// number of years off is still a slip. Intent changed: an earlier date used to be reported
    /// in such a list too, but awesome-bioagent-papers dates 5 of 7 arXiv papers away from their
    /// ids, earlier and later, by their bioRxiv or journal month.
    @Test func datesAwayFromTheIdAreTheListsWhereItDatesByVenue() {
        let matching = (1...8).map { entry("2023/0\($0)", "https://arxiv.org/abs/230\($0).0000\($0)") }.joined()
        let later = (1...3).map { entry("2023/0\($0 + 4)", "https://arxiv.org/abs/230\($0).1000\($0)") }.joined()
        let early = entry("2023/01", "https://arxiv.org/abs/2306.20000")
        let slip = entry("2024/02", "https://arxiv.org/abs/2302.30000")
        // 3 of 12 others dated months away: the list's way, earlier or later; the year is a slip.
        let (document, found) = check(matching + later + early + slip)
        #expect(found.map { document.line(containing: $0.range.lowerBound) } == [13])
        // One later or earlier date among papers dated by arXiv month is a slip.
        let (single, alone) = check(matching + entry("2023/05", "https://arxiv.org/abs/2301.10001"))
        #expect(alone.map { single.line(containing: $0.range.lowerBound) } == [9])
        let (before, first) = check(matching + early)
        #expect(first.map { before.line(containing: $0.range.lowerBound) } == [9])
    }

    /// LLM-in-Vision files papers under month headings (`### 2024.3`) and dates each entry with
    /// its section's month, a revision's month for an older paper: that date is the filing month.
    @Test func aMonthsHeadingDatesWhenThePaperWasFiled() {
        let matching = (1...8).map { entry("2023/0\($0)", "https://arxiv.org/abs/230\($0).0000\($0)") }.joined()
        let filed = entry("2024/03", "https://arxiv.org/abs/2311.02684")
        for heading in ["2024.3", "2024/03", "March 2024", "📅 Mar 2024"] {
            #expect(check("## Papers\n" + matching + "### \(heading)\n" + filed).1.isEmpty, "\(heading)")
        }
        // A heading of another month, or of a topic, says nothing about the date.
        #expect(check("## Papers\n" + matching + "### 2024.4\n" + filed).1.count == 1)
        #expect(check("## Papers\n" + matching + "### Top 10 of 2024\n" + filed).1.count == 1)
        // The id's own month a year on is a slip of the year, under its month's heading too.
        #expect(check("## Papers\n" + matching + "### 2024.5\n" + entry("2024/05", "https://arxiv.org/abs/2305.02345")).1.count == 1)
        // Intent changed: a date before the arXiv id, under its month's heading, is the month the
        // paper came out elsewhere (LLM-in-Vision's "ChatGPT for Robotics", a February 2023 tech
        // report whose link became arXiv 2306.17582, kept under 2023.2). Without the heading it
        // is still reported, and a year before the id is a slip under any heading.
        let early = entry("2023/03", "https://arxiv.org/abs/2311.02684")
        #expect(check("## Papers\n" + matching + "### 2023.3\n" + early).1.isEmpty)
        #expect(check("## Papers\n" + matching + "### Agents\n" + early).1.count == 1)
        let yearEarly = entry("2022/11", "https://arxiv.org/abs/2311.02684")
        #expect(check("## Papers\n" + matching + "### 2022.11\n" + yearEarly).1.count == 1)
    }

    /// git-disl dates ICLR submissions by the day OpenReview made them public (2024/10/05),
    /// months before their arXiv ids: an entry linking its OpenReview page may be dated earlier.
    @Test func anOpenReviewSubmissionDatesItsEntry() {
        let matching = (1...8).map { entry("2023/0\($0)", "https://arxiv.org/abs/230\($0).0000\($0)") }.joined()
        let submitted = "- [2024/10] **SaLoRA** *A. B. ICLR2025.* [[paper](https://arxiv.org/abs/2501.01765)] [[Openreview](https://openreview.net/forum?id=GOoVzE9nSj)]\n"
        #expect(check(matching + submitted).1.isEmpty)
        // Without the OpenReview link, or a whole year early, or later than the id: reported.
        #expect(check(matching + submitted.replacingOccurrences(of: "openreview.net", with: "example.org")).1.count == 1)
        #expect(check(matching + submitted.replacingOccurrences(of: "2024/10", with: "2024/01")).1.count == 1)
        #expect(check(matching + submitted.replacingOccurrences(of: "2024/10", with: "2025/06")).1.count == 1)
    }
}
