import PaperLintCore
import PaperLintRules
import PaperLintTestSupport
import Testing

@Suite struct PunctuationRuleTests {
    func configuration(_ period: Requirement = .auto, authors: AuthorStyle = .authorsVenue) -> Configuration {
        var configuration = Configuration(presetName: "test", skipSections: ["News", "Table of Contents", "Citing"])
        configuration.style.titlePeriod = period.rawValue == "auto" ? [] : [period]
        configuration.style.authors = authors.rawValue == "auto" ? [] : [authors]
        return configuration
    }

    func check(_ text: String, _ configuration: Configuration? = nil) -> [Diagnostic] {
        PunctuationRule().check(Document(text), configuration ?? self.configuration())
    }

    func fixed(_ text: String, _ configuration: Configuration? = nil) -> String {
        let edits = check(text, configuration).compactMap(\.fix).flatMap(\.edits)
        return String(decoding: Fix(.safe, "all", edits: edits).applied(to: Array(text.utf8)), as: UTF8.self)
    }

    func lines(_ document: Document, _ found: [Diagnostic]) -> [Int] {
        found.map { document.line(containing: $0.range.lowerBound) }
    }

    @Test func healthcareKnownDefectsAndSectionMajorities() throws {
        let bytes = try Fixtures.bytes(Fixtures.healthcare)
        let document = Document(bytes: bytes)
        let found = PunctuationRule().check(document, configuration())
        // 55 and 164 are the known defects, 153 misses its final period. Intent changed: 126, 128
        // and 129, the three titles with a period among the nine of "Strategies", are no longer
        // reported: a section needs ten titles to have a style of its own, and list-wide titles
        // with a period (27 of 109) are a real share, hence house style.
        try #require(lines(document, found) == [55, 153, 164])
        // Punctuation is style: warnings now.
        #expect(found.allSatisfy { $0.severity == .warning && $0.fix?.safety == .safe })
        func fixedLine(_ index: Int) -> String {
            let line = document.line(containing: found[index].range.lowerBound)
            let applied = found[index].fix!.applied(to: bytes)
            let start = document.lineStarts[line - 1]
            let end = applied[start...].firstIndex(of: 0x0A) ?? applied.count
            return String(decoding: applied[start..<end], as: UTF8.self)
        }
        #expect(found[0].message == "period outside the italic segment: `*OpenMedLab*.`")
        #expect(fixedLine(0) == "- [2023/06] **PULSE** *OpenMedLab.* [[code](https://github.com/openmedlab/PULSE)]")
        #expect(found[1].message.hasPrefix("italic segment `*Jie Huang, Kevin Chen-Chuan Chang. ACL'23 Findings*` does not end with a period"))
        #expect(found[1].message.hasSuffix("(108 of the other 109 italic segments end with a period)"))
        #expect(fixedLine(1).contains("*Jie Huang, Kevin Chen-Chuan Chang. ACL'23 Findings.* [[paper]"))
        // The stray period after the title moves inside the bold markup (titles with periods are house style).
        #expect(fixedLine(2).contains("**Large AI Models in Health Informatics: Applications, Challenges, and the Future.** *Jianing Qiu"))
    }

    @Test func strayPunctuationAfterTheTitle() {
        let bare = "- [2023/05] **Alpha** *A. B. arXiv.* [[paper](u)]\n- [2023/04] **Beta** *A. B. arXiv.* [[paper](u)]\n"
        // The list has no title periods: the stray mark goes.
        #expect(fixed(bare + "- [2023/03] **Gamma**. *C. D. arXiv.* [[paper](u)]\n")
            == bare + "- [2023/03] **Gamma** *C. D. arXiv.* [[paper](u)]\n")
        #expect(fixed(bare + "- [2023/03] **Gamma**,*C. D. arXiv.* [[paper](u)]\n")
            == bare + "- [2023/03] **Gamma** *C. D. arXiv.* [[paper](u)]\n")
        // A title that already ends with a period keeps it; only the extra one goes.
        #expect(fixed("- [2023/03] **Gamma.**. *C. D. arXiv.* [[paper](u)]\n", configuration(.require))
            == "- [2023/03] **Gamma.** *C. D. arXiv.* [[paper](u)]\n")
        // Words between title and segment are not punctuation: entry-format's business.
        #expect(check("- [2023/03] **Gamma** (Oral) *C. D. arXiv.* [[paper](u)]\n").isEmpty)
        #expect(check(bare + "- [2023/03] **Gamma**. *C. D. arXiv.* [[paper](u)]\n").first?.message
            == "stray `.` after the bold title in `**Gamma**.`")
    }

    @Test func strayPunctuationAfterTheSegment() {
        #expect(fixed("- [2023/06] **P** *OpenMedLab*. [[code](u)]\n") == "- [2023/06] **P** *OpenMedLab.* [[code](u)]\n")
        #expect(fixed("- [2023/06] **P** *OpenMedLab.*. [[code](u)]\n") == "- [2023/06] **P** *OpenMedLab.* [[code](u)]\n")
        #expect(fixed("- [2023/06] **P** *OpenMedLab*;[[code](u)]\n") == "- [2023/06] **P** *OpenMedLab.* [[code](u)]\n")
        // In a venue list the period is dropped rather than moved in: learned from the list …
        let venues = (1...6).map { "- [2023/0\($0)] **V\($0)** *ICLR 2024* [[code](u)]\n" }.joined()
        #expect(fixed(venues + "- [2023/06] **P** *ICLR 2024*. [[code](u)]\n", configuration(.forbid, authors: .auto))
            == venues + "- [2023/06] **P** *ICLR 2024* [[code](u)]\n")
        // … and configured: a list of bare venues loses the stray period.
        let venue = configuration(.forbid, authors: .venue)
        #expect(fixed("- [2023/06] **P** *ICLR 2024*. [[code](u)]\n", venue) == "- [2023/06] **P** *ICLR 2024* [[code](u)]\n")
        #expect(check("- [2023/06] **P** *ICLR 2024* [[code](u)]\n", venue).isEmpty)
    }

    @Test func segmentPeriodOnlyForAuthorsVenue() {
        let missing = "- [2022/12] **T** *J. Huang, K. Chang. ACL'23 Findings* [[paper](u)]\n"
        #expect(fixed(missing) == "- [2022/12] **T** *J. Huang, K. Chang. ACL'23 Findings.* [[paper](u)]\n")
        #expect(check(missing, configuration(authors: .venue)).isEmpty)
        #expect(check(missing, configuration(authors: .none)).isEmpty)
        // With `auto`, a list of venues has no final periods to expect.
        let venues = "- [2023/10] **A** *ICLR 2024* [[paper](u)]\n- [2023/09] **B** *NeurIPS 2023* [[paper](u)]\n"
        #expect(check(venues + missing, configuration(authors: .auto)).isEmpty)
        // An unclosed segment is entry-format's to report.
        #expect(check("- [2022/12] **T** *J. Huang [[paper](u)]\n").isEmpty)
    }

    /// OS-Agent-Survey: `38. [2024/05/23] AndroidWorld: … Agents. ![image](…)` once lost its words
    /// to a pasted image (`And![image](…)`), and the stub `And` was told it lacks a final period.
    @Test func aTitleGluedToAnImageHasNotEnded() {
        let entries = (1...9).map { "\($0). [2024/05/0\($0)] Paper \($0) title here. [[paper](https://x.org/\($0))]\n" }.joined()
        #expect(check(entries + "10. [2024/05/23] And![image](https://x.org/i.png)\n").isEmpty)
        #expect(check(entries + "10. [2024/05/23] AndroidWorld [[paper](https://x.org/a)]\n").count == 1)
    }

    // The fixture grew: a section needs ten titles to follow its own forms, and the list-wide
    // fallback reports only next to an 85% majority where the other form is under 10%.
    @Test func titlePeriodPerSectionWithFallbackToTheList() {
        let models = (1...100).map { "- [2023/10] **Model \($0)** *A. B. arXiv.* [[paper](u)]\n" }.joined()
        let surveys = (1...10).map { "- [2023/10] **A Survey of Topic \($0).** *A. B. arXiv.* [[paper](u)]\n" }.joined()
        let text = "## Models\n" + models + "## Surveys\n" + surveys
            + "## Small\n- [2023/10] **Epsilon.** *A. B. arXiv.* [[paper](u)]\n- [2023/09] **Zeta** *A. B. arXiv.* [[paper](u)]\n"
        let document = Document(text)
        let found = PunctuationRule().check(document, configuration())
        // "Small" has two titles: it follows the list (101 of the other 111 have no period);
        // "Surveys" follows its own forms and is not reported.
        #expect(lines(document, found) == [114])
        #expect(found.first?.message == "title ends with a period (`**Epsilon.**`) where most titles in this list have none (101 of the other 111)")
        // A section of ten or more titles never faults a form the list uses: new surveys written
        // like the rest of the list (Awesome-VLA-Robotics) are not told to take a period.
        let odd = text + "## More Surveys\n" + surveys + "- [2023/09] **A Survey of Topic Eleven** *A. B. arXiv.* [[paper](u)]\n"
        // (With twenty titles ending in one, 16% of the list, “Epsilon.” stands now too.)
        #expect(check(odd).isEmpty)
        // Where the list rejects the form too, the section names the finding.
        let withPeriods = models.replacingOccurrences(of: "** *", with: ".** *")
        let strict = "## Models\n" + withPeriods + "## Surveys\n" + surveys + "- [2023/09] **A Survey of Topic Eleven** *A. B. arXiv.* [[paper](u)]\n"
        #expect(check(strict).map(\.message) == ["title has no final period (`**A Survey of Topic Eleven**`) where most titles under “Surveys” end with one (10 of the other 10)"])
        #expect(check(text, configuration(.require)).count == 101)
        #expect(check(text, configuration(.forbid)).count == 11)
        #expect(check(text, configuration(.forbid)).first?.message
            == "title ends with a period (`**A Survey of Topic 1.**`) where entry.title-period is `forbid` (101 of the other 111 titles have none)")
        // Intent changed: in the small list this test used to show (4 + 1 bare titles, 3 + 1 with
        // a period) both forms are a real share, so neither is reported.
        let small = """
            ## Models
            - [2023/10] **Alpha** *A. B. arXiv.* [[paper](u)]
            - [2023/09] **Beta** *A. B. arXiv.* [[paper](u)]
            - [2023/08] **Gamma** *A. B. arXiv.* [[paper](u)]
            - [2023/07] **Delta** *A. B. arXiv.* [[paper](u)]
            ## Surveys
            - [2023/10] **A Survey of Alpha.** *A. B. arXiv.* [[paper](u)]
            - [2023/09] **A Survey of Beta.** *A. B. arXiv.* [[paper](u)]
            - [2023/08] **A Survey of Gamma.** *A. B. arXiv.* [[paper](u)]
            ## Small
            - [2023/10] **Epsilon.** *A. B. arXiv.* [[paper](u)]
            - [2023/09] **Zeta** *A. B. arXiv.* [[paper](u)]

            """
        #expect(check(small).isEmpty)
    }

    @Test func titlesThatCannotTakeOrLoseAPeriod() {
        let require = configuration(.require), forbid = configuration(.forbid)
        for title in ["Can LLMs Reason?", "Wow!", "Wait…", "Scaling Laws, etc.", "Smith et al.", "Made in the U.S.", "\"Quoted.\"", "More..."] {
            let text = "- [2023/10] **\(title)** *A. B. arXiv.* [[paper](u)]\n"
            #expect(check(text, require).isEmpty, "\(title)")
            #expect(check(text, forbid).isEmpty, "\(title)")
        }
        #expect(fixed("- [2023/10] **Title** *A. B.* [[paper](u)]\n", require) == "- [2023/10] **Title.** *A. B.* [[paper](u)]\n")
        #expect(fixed("- [2023/10] **Title.** *A. B.* [[paper](u)]\n", forbid) == "- [2023/10] **Title** *A. B.* [[paper](u)]\n")
        // An unclosed title is not judged.
        #expect(check("- [2023/10] **Title *A. B.* [[paper](u)]\n", require).isEmpty)
    }

    /// Found by FixPropertyTests: a plain title wrapped onto a line holding only a number got
    /// its period there, and `9.` at the start of a line is an ordered list marker, so the fix
    /// split the entry into two list items (the second taking the authors and links). The same
    /// for an italic segment whose last line is a number, and for removing the stray `.` of a
    /// segment whose closing `*` starts a line (`*.` becomes the bullet `* `).
    @Test func noFixThatStartsAListItem() {
        let require = configuration(.require)
        let help = ", rewrapping the entry so that no line starts like a list item"
        for (line, rest) in [("9", " *A. B.* [[paper](u)]"), ("  42", "\t*A. B.*"), ("2", ""), ("2", "\r")] {
            let text = "- [2023/05] Med-PaLM\n\(line)\(rest)\n"
            let found = check(text, require)
            #expect(found.count == 1 && found.first?.fix == nil, "\(text.debugDescription): \(found)")
            #expect(found.first?.help == "end the title with a period" + help)
        }
        for text in [
            "- [2023/05] **Med-PaLM.** *A. B. ICLR\n2024 *\n",  // the segment's final period
            "- [2023/05] **Med-PaLM.** *A. B. ICLR\n2024 *. [[paper](u)]\n",  // moving the period inside
        ] {
            let found = check(text, configuration(.require, authors: .authorsVenue))
            #expect(found.count == 1 && found.first?.fix == nil && found.first?.help?.hasSuffix(help) == true, "\(text.debugDescription): \(found)")
        }
        // Removing the stray period. The venue style is learned from six venue entries here: with
        // `authors: [venue]` configured the period is moved in instead (known issue in
        // strayPunctuationAfterTheSegment), which never reaches the removal.
        let venues = (1...6).map { "- [2023/0\($0)] **V\($0).** *ICLR 2024* [[code](u)]\n" }.joined()
        let removal = check(venues + "- [2023/05] **Med-PaLM.** *ICLR 2024\n*.\t[[paper](u)]\n", configuration(.auto, authors: .auto))
        #expect(removal.count == 1 && removal.first?.fix == nil && removal.first?.help?.hasSuffix(help) == true, "\(removal)")
        // A period moved into a segment whose closing `*` starts a line goes before the line break.
        let wrapped = "- [2023/05] **Med-PaLM.** *A. B. ICLR 2024\n*. [[paper](u)]\n"
        #expect(fixed(wrapped, require) != "- [2023/05] **Med-PaLM.** *A. B. ICLR 2024\n.* [[paper](u)]\n")
        // Not a marker: more than nine digits, a letter before the digits, or markup after them.
        #expect(fixed("- [2023/05] Med-PaLM\n1234567890 *A. B.*\n", require) == "- [2023/05] Med-PaLM\n1234567890. *A. B.*\n")
        #expect(fixed("- [2023/05] Med-PaLM\nv2 *A. B.*\n", require) == "- [2023/05] Med-PaLM\nv2. *A. B.*\n")
        #expect(fixed("- [2023/05] **Med-PaLM\n2** *A. B.*\n", require) == "- [2023/05] **Med-PaLM\n2.** *A. B.*\n")
        #expect(fixed("- [2023/05] **Med-PaLM.** *A. B. ICLR\n2024*\n", require) == "- [2023/05] **Med-PaLM.** *A. B. ICLR\n2024.*\n")
    }

    @Test func titlePeriodsVotes() throws {
        let document = Document(bytes: try Fixtures.bytes(Fixtures.healthcare))
        var configuration = configuration()
        configuration.skipSections = ["News", "Table of Contents", "Citing", "Repositories"]
        let periods = TitlePeriods(document, document.paperEntries(configuration))
        // 164's `**Title**.` votes for a period; 131 ends with `?` and does not vote.
        #expect(periods.file.counts[.forbid] == 82 && periods.file.counts[.require] == 27)
        #expect(periods.sectionsDisagree)
    }

    @Test(.enabled(if: Fixtures.sharedSample("agent-papers-README.md") != nil, "../shared/samples absent: skipped"))
    func agentPapersMissingPeriods() throws {
        let document = Document(bytes: try Fixtures.bytes(try #require(Fixtures.sharedSample("agent-papers-README.md"))))
        var configuration = configuration(.require)
        configuration.skipSections = ["News", "Table of Contents", "Citation"]
        let found = PunctuationRule().check(document, configuration)
        let segments = found.filter { $0.message.hasPrefix("italic segment") }.map { document.line(containing: $0.range.lowerBound) }
        #expect(segments == [181, 408, 411, 412, 413, 415, 418, 419, 421, 425])
        let titles = found.filter { $0.message.hasPrefix("title has no final period") }.map { document.line(containing: $0.range.lowerBound) }
        #expect(titles == [129, 207, 208, 279, 280, 298, 337, 365, 366, 406, 407, 583, 599, 680])
    }
}
