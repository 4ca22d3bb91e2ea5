import PaperLintCore

/// An entry dated far from the month its arXiv id encodes.
///
/// A new-style arXiv id (`2310.15896`) says when the paper was submitted; an entry dated
/// months away usually carries a typo or the date of another paper.
public struct DateMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "date-mismatch",
        defaultSeverity: .warning,
        summary: "Date entries near the month of their arXiv id.",
        rationale: """
            A new-style arXiv id starts with the year and month the paper was submitted \
            (`2310.15896` is from 2023/10). An entry whose `[YYYY/MM]` date is further than one \
            month from it was most likely dated by hand from memory, or copied from the entry \
            above, and then sorts into the wrong place. One month either way is tolerated: \
            papers submitted at the end of a month are announced in the next, and lists often \
            date a revision. Where a real share of the list's other arXiv papers (at least 3 and \
            10%) are dated months away from their ids too, earlier or later, the list dates by \
            venue, revision or another preprint server on purpose and is not told; a whole \
            number of years off is a slip of the year all the same. Under a \
            heading naming the entry's month (`### 2023.9`) the date, earlier or later, is the \
            month the list filed the paper, unless it is a whole number of years off (a slip of \
            the year); so is an earlier date in an entry that links its OpenReview submission \
            (the day the venue made it public). This is a warning. Only the paper link counts (an arXiv URL in any form, or an arXiv DOI \
            `10.48550/arXiv.ID`); year-only dates and old-style ids (`cs/0112017`) are not \
            checked. The fix, unsafe, rewrites the date to the arXiv month in the entry's own \
            date form; a date with a day is left to the author, since the day cannot be known.
            """,
        nonTriggering: [
            Example("- [2023/10] **AlpaCare** *Zhang et al. arXiv.* [[paper](https://arxiv.org/abs/2310.14558)]\n"),
            // One month either way is tolerated.
            Example("- [2023/10] **Publicly Shareable Clinical LLM** *S. Kweon et al. arXiv.* [[paper](https://arxiv.org/abs/2309.00237)]\n"),
            Example("- [2023/09] **Motif** *ICLR 2024* [[paper](https://arxiv.org/abs/2310.00166.pdf)]\n"),
            // Only the paper link counts; a year-only date is not compared.
            Example("- [2023/10] **A** *A. Author.* [[code](https://github.com/o/r)] [[blog](https://arxiv.org/abs/2101.00001)]\n"),
            Example("- [2023] **A** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2101.00001)]\n"),
            Example("- [2002/01] **Old style** *A. Author.* [[paper](https://arxiv.org/abs/cs/0112017)]\n"),
        ],
        triggering: [
            Example("- ↓[2023/04] **BianQue** *Yirong Chen et al. arXiv.* [[paper](https://arxiv.org/abs/2310.15896)]\n"),
            Example("- ↓[2024/04] **Learning From Failure** *arXiv* [[paper](https://arxiv.org/pdf/2402.11651)]\n"),
            // An arXiv DOI names the id too.
            Example("- ↓[2023/08] **A Multitask Evaluation of ChatGPT.** *Y. Bang et al. arXiv.* [[paper](https://doi.org/10.48550/arXiv.2302.04023)]\n"),
            Example("- ↓[2023-04] **Learning Distributed Representations** *F. Hill et al. arXiv.* [[paper](https://arxiv.org/abs/1602.03483)]\n"),
            Example("- ↓[2023/9] **A** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2312.00001v3)]\n"),
        ],
        corrections: [
            (
                Example("- [2023/04] **BianQue** *Y. Chen et al. arXiv.* [[paper](https://arxiv.org/abs/2310.15896)]\n"),
                Example("- [2023/10] **BianQue** *Y. Chen et al. arXiv.* [[paper](https://arxiv.org/abs/2310.15896)]\n")
            ),
            (
                Example("- [2023-04] **A** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/1602.03483)]\n"),
                Example("- [2016-02] **A** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/1602.03483)]\n")
            ),
            (
                Example("- [2023/1] **A** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2305.00001)]\n"),
                Example("- [2023/5] **A** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2305.00001)]\n")
            ),
        ])

    /// Months either way that are not reported.
    static let tolerance = 1

    public init() {}

    /// An entry dated by month whose paper link is a new-style arXiv id.
    private struct Dated {
        var entry: Entry
        var dated: YearMonth
        var submitted: YearMonth
        var url: Range<Int>
        var id: String
        /// Months from the arXiv month to the entry's date: positive when dated later.
        var offset: Int { submitted.months(to: dated) }
        /// Dated beyond the tolerance from the id, but not a whole number of years off.
        var isMonthsAway: Bool { abs(offset) > DateMismatchRule.tolerance && offset % 12 != 0 }
    }

    /// A paper dated to the month that links its arXiv id, with both months.
    private static func dated(_ paper: PaperIdentity) -> Dated? {
        guard let date = paper.entry.date, date.form != .year, (1000...9999).contains(date.year),
            let month = date.month, (1...12).contains(month),
            let key = paper.linkKey, key.kind == .arxiv, let url = paper.paperLink?.url,
            let submitted = PaperIdentity.arxivMonth(key.value)
        else { return nil }
        return Dated(entry: paper.entry, dated: YearMonth(year: date.year, month: month), submitted: submitted, url: url, id: key.value)
    }

    public func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // The identities `duplicate` and `link-title-mismatch` use: an arXiv link key is the id.
        let papers = PaperIdentity.all(in: document, configuration)
        // A date months from the id is a venue's, a revision's or another preprint server's date
        // where the list dates that way on purpose: where a real share of its other arXiv papers
        // are dated months away too (awesome-bioagent-papers: 5 of 7, either way), not where it
        // dates by arXiv month (Agent4SE: 123 of 126). A whole number of years off is a slip.
        // Learned from every dated paper, once a focused one is months away.
        let away = OnFirstUse {
            var dated: [Dated] = []
            // Room for every paper at once: grown by doubling, the list held its old and new
            // buffers together, 7 MB at the peak of a 50k-entry run.
            dated.reserveCapacity(papers.count)
            for paper in papers {
                guard let one = Self.dated(paper) else { continue }
                dated.append(one)
            }
            let awayByEntry = Dictionary(dated.map { ($0.entry.line, $0.isMonthsAway) }, uniquingKeysWith: { a, _ in a })
            return document.habit(dated.map(\.entry)) { awayByEntry[$0.line] ?? false }
        }
        for paper in papers {
            // A finding sits on the date: only focused dates are read.
            guard let date = paper.entry.date, document.isInFocus(bytes: date.range), let paper = Self.dated(paper) else { continue }
            let (id, url, submitted) = (paper.id, paper.url, paper.submitted)
            guard abs(paper.offset) > Self.tolerance else { continue }
            if paper.isMonthsAway && away.value.accepts(true, lines: paper.entry.lines) { continue }
            // An entry that links its OpenReview submission may date it by the day the venue made
            // it public, months before the arXiv id (git-disl's ICLR submissions, 2024/10/05).
            if paper.offset < 0 && paper.offset % 12 != 0 && Self.linksOpenReview(paper.entry, document.bytes) { continue }
            // Under a month's heading (`### 2023.9`) carrying that same month, the date says when
            // the list filed the paper: LLM-in-Vision files a revised paper under the month it read
            // it, and a tech report under the month it came out, before its arXiv id. The id's own
            // month a year off is a slip of the year, filed or not.
            if paper.offset % 12 != 0 && Self.headingMonth(document, paper.entry.line) == paper.dated {
                continue
            }
            let written = document.string(date.range)
            found.append(Diagnostic(
                rule: Self.self, range: date.range,
                message: "dated \(written) but its arXiv id \(id) is from \(submitted)",
                help: "date the entry by its arXiv month, or keep a venue date and suppress this line",
                related: [RelatedLocation(range: url, message: "arXiv id \(id): \(submitted)")],
                fix: Self.replacement(for: date, submitted, document.bytes).map {
                    Fix(.unsafe, "date the entry \($0.shown)", Edit(replacing: date.value, with: $0.value))
                }))
        }
        return found
    }

    /// True when one of the entry's links is on `openreview.net`.
    static func linksOpenReview(_ entry: Entry, _ bytes: [UInt8]) -> Bool {
        let host = Array("openreview.net/".utf8)
        return entry.links.contains { link in
            guard let url = link.url else { return false }
            let text = bytes[url]
            return text.starts(with: Array("https://".utf8) + host) || text.starts(with: Array("http://".utf8) + host)
                || text.starts(with: Array("https://www.".utf8) + host)
        }
    }

    /// The month a section's heading names when it names nothing else (`2023.9`, `2023/09`,
    /// `September 2023`, `📅 Sep 2023`): the section files papers by month.
    static func headingMonth(_ document: Document, _ line: Int) -> YearMonth? {
        guard let text = document.sections[document.sectionIndex(containing: line)].heading?.text else { return nil }
        var year: Int?, month: Int?
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            if let number = Int(word), word.allSatisfy(\.isASCII) {
                if word.count == 4 && year == nil && (1900...2100).contains(number) {
                    year = number
                } else if word.count <= 2 && month == nil && (1...12).contains(number) {
                    month = number
                } else {
                    return nil
                }
            } else if month == nil, word.count >= 3,
                let index = EntryDate.monthNames.firstIndex(where: { $0.lowercased().hasPrefix(word) })
            {
                month = index + 1
            } else if word.allSatisfy(\.isLetter) || word.allSatisfy(\.isNumber) {
                return nil  // another word: a topic, not a month
            }
        }
        guard let year, let month else { return nil }
        return YearMonth(year: year, month: month)
    }

    /// The arXiv month written in the date's own form (its value, and the whole date as shown);
    /// nil for a form with a day.
    static func replacement(for date: EntryDate, _ month: YearMonth, _ bytes: [UInt8]) -> (value: String, shown: String)? {
        guard date.day == nil, date.month != nil else { return nil }
        var written = WrittenDate(bytes, date)
        written.groups[0].value = month.year
        written.groups[1].value = month.month
        let value = written.text(in: written.shape, padded: written.isNamed || written.groups[1].digits != 1)
        return (value, written.replacing(bytes, with: value))
    }
}
