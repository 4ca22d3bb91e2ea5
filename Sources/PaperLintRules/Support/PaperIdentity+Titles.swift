import Synchronization
import PaperLintCore

/// Whether two titles name one paper.
extension PaperIdentity {
    /// True when two titles clearly name different papers: not equal once normalised, fewer
    /// than half of their content words shared (Jaccard < 0.5), and neither word set inside
    /// the other ("Voyager" vs "Voyager: An Open-Ended Embodied Agent …" is one paper).
    static func titlesDiffer(_ a: PaperIdentity, _ b: PaperIdentity) -> Bool {
        titlesDiffer(a, b, TitleFacts(a.title ?? ""), TitleFacts(b.title ?? ""))
    }

    /// `titlesDiffer(_:_:)` with each title's facts already computed.
    static func titlesDiffer(_ a: PaperIdentity, _ b: PaperIdentity, _ factsA: TitleFacts, _ factsB: TitleFacts) -> Bool {
        guard let keyA = a.titleKey, let keyB = b.titleKey, keyA != keyB else { return false }
        if factsA.names(factsB) || factsB.names(factsA) { return false }
        let wordsA = factsA.words, wordsB = factsB.words
        let shared = wordsA.intersection(wordsB).count
        if shared == min(wordsA.count, wordsB.count) { return false }
        let union = wordsA.count + wordsB.count - shared
        return union > 0 && shared * 2 < union
    }

    /// What comparing a title needs, computed once per title: its content words, and its
    /// distinctive name (lowercased), if it has one.
    struct TitleFacts: Sendable {
        var title: String
        var words: Set<String>
        var name: [String]?

        init(_ title: String) {
            self.title = title
            words = PaperIdentity.words(title)
            // No colon byte, no name: skips the scan by characters for most titles.
            name = title.utf8.contains(UInt8(ascii: ":")) ? PaperIdentity.name(title)?.map { $0.lowercased() } : nil
        }

        /// True when `other` starts with this title's distinctive name, ignoring case.
        func names(_ other: TitleFacts) -> Bool {
            guard let name else { return false }
            let words = PaperIdentity.titleWords(Substring(other.title).prefix(while: { $0 != ":" }))
            return words.count >= name.count && zip(name, words).allSatisfy { $0 == $1.lowercased() }
        }
    }

    /// The paper's name before its title's first colon (`Shake-VLA` of `Shake-VLA: Shake, Stir,
    /// and Pour …`), as its words, when it is distinctive: at most five words, one of them an
    /// acronym or a coined word (a capital after its first letter, a digit or a hyphen). A paper
    /// renamed between arXiv versions keeps it; `Large Language Models:` names nothing.
    static func name(_ title: String) -> [Substring]? {
        guard let colon = title.firstIndex(of: ":") else { return nil }
        let words = titleWords(title[..<colon])
        guard (1...5).contains(words.count) else { return nil }
        let isCoined = { (word: Substring) in
            word.dropFirst().contains(where: \.isUppercase) || word.contains(where: \.isNumber) || word.contains("-")
        }
        return words.contains(where: isCoined) ? words : nil
    }

    fileprivate static func titleWords(_ text: Substring) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "*" || $0 == "_" })
    }

    /// Compares titles of one list of identities, computing each title's words once and only
    /// for entries that get compared (those sharing a link with another).
    struct TitleComparison {
        let papers: [PaperIdentity]
        private let facts: TitleFactsCache

        init(_ papers: [PaperIdentity], in document: Document, _ configuration: Configuration) {
            self.papers = papers
            facts = document.memo("title facts", configuration) { TitleFactsCache() }
        }

        /// True when `papers[a]` and `papers[b]` clearly name different papers.
        func differ(_ a: Int, _ b: Int) -> Bool {
            guard let keyA = papers[a].titleKey, let keyB = papers[b].titleKey, keyA != keyB else { return false }
            return PaperIdentity.titlesDiffer(papers[a], papers[b], facts.facts(a, papers), facts.facts(b, papers))
        }
    }

    /// Each compared title's facts, computed once for `duplicate` and `link-title-mismatch`
    /// both (indices into `PaperIdentity.all`).
    final class TitleFactsCache: Sendable {
        private let known = Mutex<[Int: TitleFacts]>([:])

        func facts(_ index: Int, _ papers: [PaperIdentity]) -> TitleFacts {
            known.withLock { known in
                if let found = known[index] { return found }
                let computed = TitleFacts(papers[index].title ?? "")
                known[index] = computed
                return computed
            }
        }
    }
}
