import PaperLintCore

/// One paper link under two clearly different titles: almost always a link pasted from the
/// neighbouring entry.
public struct LinkTitleMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "link-title-mismatch",
        defaultSeverity: .error,
        summary: "One paper link must not stand under two different titles.",
        rationale: """
            When two entries give the same paper link (the same arXiv id in any URL form, the \
            same DOI, or the same normalised URL) but their titles name clearly different papers, \
            one of the links is wrong: usually copied from the entry above and never edited. \
            Readers following it land on the wrong paper. Titles count as different when they \
            are not equal ignoring case and punctuation, share fewer than half of their content \
            words, and neither is contained in the other, so "Voyager" and "Voyager: An \
            Open-Ended Embodied Agent", a corrected typo, or a paper renamed between arXiv \
            versions under its distinctive name ("Shake-VLA: …" twice) are not reported (equal papers are \
            `duplicate`'s business). The later entry's link is reported, pointing at the entry \
            that uses it first, unless the arXiv id's month names the later entry (its date lies \
            within a month of it, and closer than the first's): then the first entry is the one \
            with the pasted link. There is no fix: \
            only a person can find the right link.
            """,
        nonTriggering: LinkTitleMismatchRule.nonTriggeringExamples,
        triggering: LinkTitleMismatchRule.triggeringExamples)

    public init() {}

    public func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        let papers = PaperIdentity.all(in: document, configuration)
        // Per link: the entries that used it under distinct titles, first one first.
        var users: [Int: [Int]] = [:]
        let titles = PaperIdentity.TitleComparison(papers, in: document, configuration)
        var found: [Diagnostic] = []
        var reported: Set<Int> = []
        // A finding lies on the paper link of one of the entries sharing it: with a focus, only
        // links some focused entry carries can have one (each entry has one paper link, so
        // the others' comparisons decide nothing about these). A staged check of a dense
        // list compared thousands of titles for nothing.
        let judged: Set<Int>? = document.focus == nil ? nil : Set(papers.lazy.compactMap { paper in
            paper.paperLink.flatMap { document.isInFocus(bytes: $0.range) ? paper.linkID : nil }
        })
        for (index, paper) in papers.enumerated() {
            guard let key = paper.linkKey, let id = paper.linkID, paper.titleKey != nil, paper.paperLink != nil else { continue }
            if let judged, !judged.contains(id) { continue }
            guard let earlier = users[id] else {
                users[id] = [index]
                continue
            }
            // A title agreeing with any earlier use is fine (or a duplicate); report only a new one.
            guard earlier.allSatisfy({ titles.differ($0, index) }) else { continue }
            // A handful of variants is plenty; keeps a pathological list linear.
            if earlier.count < 8 { users[id]?.append(index) }
            // The later entry is reported, unless the arXiv month clears it and not the first:
            // then the first entry carries the pasted link.
            var (culprit, other) = (index, earlier[0])
            var reason = ""
            let earlierDistance = arxivDistance(papers[other], key)
            let owner = Self.monthOwner(earlier: earlierDistance, later: arxivDistance(paper, key))
            if owner == .later {
                // The arXiv month names the entry the link belongs to: the other carries it by mistake.
                (culprit, other) = (other, culprit)
                reason = (earlierDistance ?? 0) > DateMismatchRule.tolerance
                    ? "; its arXiv month fits that entry, not this one" : "; its arXiv month is closer to that entry's date"
            } else if owner == .earlier {
                // The later entry carries it, as by default.
            } else if document.changed != nil && document.isChanged(papers[culprit].entry) != document.isChanged(papers[other].entry) {
                // Otherwise, in a diff, the finding belongs to the change, above or below the
                // old entry: the contributor pasted the link, or brought the clashing title.
                if document.isChanged(papers[other].entry) { (culprit, other) = (other, culprit) }
            }
            guard reported.insert(culprit).inserted, let link = papers[culprit].paperLink else { continue }
            // A finding the diff filter would drop is not put in words (a dense list's thousands
            // of quoted titles were a third of the rule's time in a staged check).
            guard document.isInFocus(bytes: link.range) else { continue }
            let holder = papers[other]
            let holderLink = holder.paperLink?.range ?? PaperIdentity.head(of: holder.entry)
            found.append(Diagnostic(
                rule: Self.self, range: link.range,
                message: "\(key.evidence) is also the link of \(holder.quotedTitle(in: document)), a different title\(reason)",
                help: "check which paper the link belongs to and paste the right link for \(papers[culprit].quotedTitle(in: document))",
                related: [RelatedLocation(range: holderLink, message: "the same link, for \(holder.quotedTitle(in: document))")]))
        }
        // An earlier entry may be reported after a later one.
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

extension LinkTitleMismatchRule {
    /// How many months the entry's date lies from the month its arXiv id encodes; nil when
    /// either is unknown.
    private func arxivDistance(_ paper: PaperIdentity, _ key: PaperIdentity.LinkKey) -> Int? {
        guard key.kind == .arxiv, let date = paper.entry.date, let month = date.month, (1...12).contains(month),
            let encoded = PaperIdentity.arxivMonth(key.value)
        else { return nil }
        return abs(YearMonth(year: date.year, month: month).months(to: encoded))
    }

    enum MonthOwner { case earlier, later }

    /// Which of two entries sharing an arXiv link its month names: the one whose date lies
    /// within `date-mismatch`'s tolerance of it and closer than the other's (an entry dated
    /// the id's own month against one dated a month later); nil when the month cannot tell.
    static func monthOwner(earlier: Int?, later: Int?) -> MonthOwner? {
        guard let earlier, let later, earlier != later, min(earlier, later) <= DateMismatchRule.tolerance else { return nil }
        return earlier < later ? .earlier : .later
    }

    static let nonTriggeringExamples: [Example] = [
        Example("""
            - [2023/05] **VOYAGER** *arXiv.* [[paper](https://arxiv.org/abs/2305.16291)]
            - [2023/05] **Voyager: An Open-Ended Embodied Agent with Large Language Models** *arXiv.* [[paper](https://arxiv.org/pdf/2305.16291.pdf)]

            """),
        // A corrected typo is the same title.
        Example("""
            - [2022/01] **Language Models as Zero-Shot Planners** *ICML.* [[paper](https://proceedings.mlr.press/v162/huang22a.html)]
            - [2022/01] **Language Models as Zero-Shot Planner** *ICML.* [[paper](https://proceedings.mlr.press/v162/huang22a.html)]

            """),
        // A shared code link says nothing: two papers may share a repository.
        Example("""
            - [2024/04] **Self-playing Adversarial Language Game** *arXiv.* [[paper](https://arxiv.org/abs/2404.10642)] [[code](https://github.com/o/r)]
            - [2024/05] **Agent Planning with World Knowledge Model** *arXiv.* [[paper](https://arxiv.org/abs/2405.14205)] [[code](https://github.com/o/r)]

            """),
        Example("""
            - [2024/08] **Atari-GPT** *arXiv.* [[paper](https://arxiv.org/abs/2408.15950)]
            - [2024/08] **AMONGAGENTS** *arXiv.* [[paper](https://arxiv.org/abs/2408.15951)]

            """),
    ]

    static let triggeringExamples: [Example] = [
        Example("""
            - [2024/08] **Atari-GPT: Multimodal Models as Low-Level Policies for Atari Games** *arXiv.* [[paper](https://arxiv.org/pdf/2408.15950)]
            - [2024/08] **AMONGAGENTS: Evaluating Language Models in Social Deduction** *arXiv.* ↓[[paper](https://arxiv.org/pdf/2408.15950)]

            """),
        // Any URL form of the same arXiv id, in any section.
        Example("""
            ## Competition Games
            - [2024/08] **Theory of Mind in Guandan** *arXiv.* [[paper](https://arxiv.org/pdf/2408.02559)]
            ## Communication Games
            - [2024/07] **AMONGAGENTS** *arXiv.* ↓[[paper](https://arxiv.org/abs/2408.02559v1)]

            """),
        Example("""
            - [2023/04] **Generative Agents: Interactive Simulacra** *UIST.* [[paper](https://doi.org/10.1145/3586183.3606763)]
            - [2023/07] **Communicative Agents for Software Development** *arXiv.* ↓[[paper](https://dl.acm.org/doi/10.1145/3586183.3606763)]

            """),
        // The arXiv month fits the later entry only: the first one has the pasted link.
        Example("""
            - [2023/10] **FireAct: Toward Language Agent Fine-tuning** *arXiv.* ↓[[paper](https://arxiv.org/abs/2305.16291)]
            - [2023/05] **Voyager: An Open-Ended Embodied Agent** *arXiv.* [[paper](https://arxiv.org/abs/2305.16291)]

            """),
        // Each further title is reported once.
        Example("""
            - [2023/10] **Steve-Eye: Visual Perception in Open Worlds** *ICLR.* [[paper](https://openreview.net/forum?id=NltzxpG0nz)]
            - [2023/10] **LLaMA Rider: Exploring the Open World** *arXiv.* ↓[[paper](https://openreview.net/forum?id=NltzxpG0nz)]
            - [2023/10] **LLaMA Rider: Exploring the Open World** *arXiv.* [[paper](https://openreview.net/forum?id=NltzxpG0nz)]
            - [2023/11] **JARVIS-1: Memory-Augmented Multimodal Agents** *arXiv.* ↓[[paper](https://openreview.net/forum?id=NltzxpG0nz)]

            """),
    ]
}
