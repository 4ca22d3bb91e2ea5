import PaperLintCore
import PaperLintRules
import PaperLintTestSupport
import Testing

@Suite struct DateFormatRuleTests {
    func configuration(_ date: DateStyle = .yearMonth, today: YearMonth? = nil) -> Configuration {
        var configuration = Configuration(presetName: "test", skipSections: ["News"])
        configuration.style.date = date.rawValue == "auto" ? [] : [date]
        configuration.today = today
        // Zero-padding is a matter of taste; these tests check it.
        configuration.taste = [.datePadding]
        return configuration
    }

    @Test func paddingIsTasteByDefault() {
        var plain = configuration()
        plain.taste = []
        // Intent changed: next to a padded date (alone, an entry has no house style to miss).
        #expect(check(entry("[2023/08]") + "- [2023/9] **Title** *A. Author. arXiv.* [[paper](https://a.org/1)]\n", plain).isEmpty)
        #expect(check(entry("[2023/08]") + "- [2023/9] **Title** *A. Author. arXiv.* [[paper](https://a.org/1)]\n", configuration()).count == 1)
        #expect(check("- [2023/9] **Title** *A. Author. arXiv.* [[paper](https://a.org/1)]\n", configuration()).isEmpty)
    }

    func check(_ text: String, _ configuration: Configuration) -> [Diagnostic] {
        DateFormatRule().check(Document(text), configuration)
    }

    func entry(_ date: String) -> String { "- \(date) **Title** *A. Author. arXiv.* [[paper](https://a.org/1)]\n" }

    func fixed(_ text: String, _ configuration: Configuration) -> String {
        let edits = check(text, configuration).compactMap(\.fix).flatMap(\.edits)
        return String(decoding: Fix(.safe, "all", edits: edits).applied(to: Array(text.utf8)), as: UTF8.self)
    }

    @Test func variantsGetTheConfiguredFormWithTheRightSafety() throws {
        let cases: [(String, String, FixSafety?)] = [
            ("[2023-10]", "[2023/10]", .safe),
            ("[2023/9]", "[2023/09]", .safe),
            ("[2023-9]", "[2023/09]", .safe),
            ("[2023/10/05]", "[2023/10]", .unsafe),
            ("[2023-10-05]", "[2023/10]", .unsafe),
            ("[2023]", "[2023]", nil),
        ]
        // Intent changed: each next to one padded `[YYYY/MM]` date, which shows the padding (a
        // date alone in its list has no house padding to miss).
        let other = entry("[2023/08]")
        for (written, expected, safety) in cases {
            let found = check(other + entry(written), configuration())
            #expect(found.count == 1, "\(written)")
            #expect(found.first?.fix?.safety == safety, "\(written)")
            #expect(found.first?.message.hasPrefix("date `\(written)` is written ") == true, "\(written)")
            if safety != nil { #expect(fixed(other + entry(written), configuration()) == other + entry(expected)) }
        }
        #expect(check(entry("[2023]"), configuration()).first?.message
            == "date `[2023]` is written YYYY; the configured form is `[YYYY/MM]`; the month is missing")
        // Messages count the other entries' dates (none above, so no count).
        #expect(check(entry("[2023/10]") + entry("[2023/09]") + entry("[2023]"), configuration()).first?.message
            == "date `[2023]` is written YYYY; the configured form is `[YYYY/MM]` (used by 2 of the other 2 dates); the month is missing")
    }

    @Test func configuredDayFormKeepsDaysAndCannotInventThem() {
        let days = configuration(.yearMonthDay)
        #expect(fixed(entry("[2023-10-05]"), days) == entry("[2023/10/05]"))
        let missing = check(entry("[2023/10]"), days)
        #expect(missing.count == 1 && missing[0].fix == nil)
        #expect(missing[0].message.hasSuffix("the day is missing"))
        #expect(check(entry("[2023/10/05]"), days).isEmpty)
    }

    // The fixture grew from 3 day dates to 6: with fewer than five other dates any form another
    // entry uses is accepted (and YYYY/MM, the grammar's default).
    @Test func autoFollowsTheListsMajorityAndNamesIt() {
        let days = ["[2023/10/05]", "[2023/09/01]", "[2023/08/31]", "[2023/08/30]", "[2023/08/29]", "[2023/08/28]"].map(entry).joined()
        let text = days + entry("[2023/08]")
        let found = check(text, configuration(.auto))
        #expect(found.map(\.range.lowerBound) == [Array(text.utf8).count - entry("[2023/08]").utf8.count + 2])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message == "date `[2023/08]` is written YYYY/MM; this list writes `[YYYY/MM/DD]` (6 of the other 6 dates); the day is missing")
        // No majority, nothing to follow: a few dates in two forms, each used by another entry.
        #expect(check(entry("[2023/10/05]") + entry("[2023/09/01]") + entry("[2023/09]"), configuration(.auto)).isEmpty)
        // A form used by >= 3 and >= 10% of the others is house style (classic papers as `[YYYY]`).
        #expect(check(days + entry("[2017]") + entry("[2016]") + entry("[2015]") + entry("[2014]"), configuration(.auto)).isEmpty)
        // Intent changed: with a single other date, the grammar default YYYY/MM is accepted but a
        // form no other entry uses is not (it used to be "no majority, nothing to follow").
        #expect(check(entry("[2023/10/05]") + entry("[2023/09]"), configuration(.auto)).map(\.message)
            == ["date `[2023/10/05]` is written YYYY/MM/DD; this list writes `[YYYY/MM]` (1 of the other 1 dates)"])
        // Variants vote for the form they are a spelling of.
        #expect(fixed(entry("[2023-10]") + entry("[2023/9]") + entry("[2023/08]"), configuration(.auto))
            == entry("[2023/10]") + entry("[2023/09]") + entry("[2023/08]"))
    }

    @Test func impossibleDatesAreReportedWithoutAFix() {
        for bad in ["[2023/13]", "[2023/00]", "[23/10]", "[2023/02/29]", "[2023/04/31]", "[1949/12]"] {
            let found = check(entry(bad), configuration())
            #expect(found.count == 1 && found.first?.fix == nil, "\(bad)")
        }
        #expect(check(entry("[2023/02/29]"), configuration()).first?.message == "date `[2023/02/29]` does not exist: February 2023 has 28 days")
        #expect(check(entry("[2024/02/29]"), configuration(.yearMonthDay)).isEmpty)
        #expect(check(entry("[2000/02/29]"), configuration(.yearMonthDay)).isEmpty)
        #expect(check(entry("[1950/01]"), configuration()).isEmpty)
        #expect(check(entry("[2023/13]"), configuration()).first?.message == "date `[2023/13]` has month 13; months run from 01 to 12")
    }

    @Test func futureNeedsToday() {
        let june = YearMonth(year: 2026, month: 6)
        #expect(check(entry("[2099/01]"), configuration()).isEmpty)
        #expect(check(entry("[2026/06]"), configuration(today: june)).isEmpty)
        #expect(check(entry("[2026/07]"), configuration(today: june)).first?.message
            == "date `[2026/07]` is in the future (this month is 2026/06)")
        #expect(check(entry("[2027]"), configuration(.year, today: june)).count == 1)
        #expect(check(entry("[2026]"), configuration(.year, today: june)).isEmpty)
    }

    @Test func onlyPaperEntriesOutsideSkippedSectionsAndCode() {
        let text = """
            ## News
            - [2023-10] **We released** *the code.* [[code](https://g.com/r)]
            - 💥 [2023/11/6] We gave a talk.

            ## Papers
            ```
            - [2023-10] **In code** *A. B.* [[paper](u)]
            ```
            - [2023/10] **Paper** *A. B. arXiv.* [[paper](https://a.org/1)]

            """
        #expect(check(text, configuration()).isEmpty)
    }

    @Test func healthcareDatesAreClean() throws {
        let document = Document(bytes: try Fixtures.bytes(Fixtures.healthcare))
        var configuration = configuration(today: YearMonth(year: 2026, month: 6))
        configuration.skipSections = ["News", "Table of Contents", "Citing"]
        #expect(DateFormatRule().check(document, configuration).isEmpty)
    }

    @Test(.enabled(if: Fixtures.sharedSample("agent-papers-README.md") != nil, "../shared/samples absent: skipped"))
    func agentPapersHaveTwoDashedDates() throws {
        let document = Document(bytes: try Fixtures.bytes(try #require(Fixtures.sharedSample("agent-papers-README.md"))))
        let found = DateFormatRule().check(document, configuration(.auto))
        #expect(found.map { document.line(containing: $0.range.lowerBound) } == [200, 244])
        // The fix rewrites the date inside its brackets: `[2023-03]` → `[2023/03]`.
        #expect(found.allSatisfy { $0.fix?.edits.map(\.replacement) == ["2023/03"] && $0.fix?.safety == .safe })
        #expect(found.allSatisfy { $0.fix?.edits.map { document.string($0.range) } == ["2023-03"] })
    }

    /// Dates beside a venue, in parentheses or with a month's name: judged in the list's own
    /// form, rewritten inside their brackets, and a venue's year alone is never a missing month.
    @Test func listFormsBeyondTheTemplate() {
        let learned = configuration(.auto)
        let dotted = (1...6).map { "- [arXiv 2023.0\($0)] Plain Title \($0) [[paper]](https://a.org/\($0))\n" }.joined()
        let slashed = "- [arXiv 2023/07] Odd One [[paper]](https://a.org/7)\n"
        let venueYears = "- [KDD 2023] Conference Paper [[paper]](https://a.org/k)\n- [NeurIPS 2022] Another [[paper]](https://a.org/n)\n"
        // The odd form is reported, with a safe fix inside the brackets; the venue years are not.
        let found = check(dotted + slashed + venueYears, learned)
        #expect(found.map(\.message) == ["date `[arXiv 2023/07]` is written YYYY/MM; this list writes `[YYYY.MM]` (6 of the other 6 dates)"])
        #expect(fixed(dotted + slashed + venueYears, learned) == dotted + "- [arXiv 2023.07] Odd One [[paper]](https://a.org/7)\n" + venueYears)
        // A list of `(YYYY-MM)` dates keeps them; a `[5 May 2025]` list keeps its names.
        let parenthesized = (1...6).map { "* (2023-0\($0)) [A Title Link Number \($0)](https://a.org/\($0))\n" }.joined()
        #expect(check(parenthesized, learned).isEmpty)
        let named = (1...6).map { "- [\($0) May 2025] [[arXiv 2025]](https://a.org/\($0)) **Title \($0)**\n" }.joined()
        #expect(check(named, learned).isEmpty)
        let numeric = "- [2025/05/07] [[arXiv 2025]](https://a.org/9) **Title 9**\n"
        #expect(fixed(named + numeric, learned) == named + "- [7 May 2025] [[arXiv 2025]](https://a.org/9) **Title 9**\n")
        // A day that does not exist is reported whatever the form.
        #expect(check(named + "- [31 Apr 2025] [[arXiv 2025]](https://a.org/9) **Title 9**\n", learned).map(\.message)
            == ["date `[31 Apr 2025]` does not exist: April 2025 has 30 days"])
    }
}
