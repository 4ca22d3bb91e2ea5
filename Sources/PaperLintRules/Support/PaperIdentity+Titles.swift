import PaperLintCore

/// Whether two titles name one paper.
extension PaperIdentity {
    /// True when two titles clearly name different papers: not equal once normalised, fewer
    /// than half of their content words shared (Jaccard < 0.5), and neither word set inside
    /// the other ("Voyager" vs "Voyager: An Open-Ended Embodied Agent …" is one paper).
    static func titlesDiffer(_ a: PaperIdentity, _ b: PaperIdentity) -> Bool {
        titlesDiffer(a, b, words(a.title ?? ""), words(b.title ?? ""))
    }

    /// `titlesDiffer(_:_:)` with the titles' word sets already computed.
    static func titlesDiffer(_ a: PaperIdentity, _ b: PaperIdentity, _ wordsA: Set<String>, _ wordsB: Set<String>) -> Bool {
        guard let keyA = a.titleKey, let keyB = b.titleKey, keyA != keyB else { return false }
        if isNamedBy(a.title ?? "", b.title ?? "") || isNamedBy(b.title ?? "", a.title ?? "") { return false }
        let shared = wordsA.intersection(wordsB).count
        if shared == min(wordsA.count, wordsB.count) { return false }
        let union = wordsA.count + wordsB.count - shared
        return union > 0 && shared * 2 < union
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

    /// True when `other` starts with the distinctive name of `title`, ignoring case.
    static func isNamedBy(_ title: String, _ other: String) -> Bool {
        guard let name = name(title) else { return false }
        let words = titleWords(Substring(other).prefix(while: { $0 != ":" }))
        return words.count >= name.count && zip(name, words).allSatisfy { $0.lowercased() == $1.lowercased() }
    }

    private static func titleWords(_ text: Substring) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "*" || $0 == "_" })
    }

    /// Compares titles of one list of identities, computing each title's words once and only
    /// for entries that get compared (those sharing a link with another).
    struct TitleComparison {
        let papers: [PaperIdentity]
        private var words: [Int: Set<String>] = [:]

        init(_ papers: [PaperIdentity]) { self.papers = papers }

        /// True when `papers[a]` and `papers[b]` clearly name different papers.
        mutating func differ(_ a: Int, _ b: Int) -> Bool {
            guard let keyA = papers[a].titleKey, let keyB = papers[b].titleKey, keyA != keyB else { return false }
            return PaperIdentity.titlesDiffer(papers[a], papers[b], wordSet(a), wordSet(b))
        }

        private mutating func wordSet(_ index: Int) -> Set<String> {
            if let known = words[index] { return known }
            let computed = PaperIdentity.words(papers[index].title ?? "")
            words[index] = computed
            return computed
        }
    }
}
