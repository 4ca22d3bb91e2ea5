import Synchronization
import PaperLintCore

/// Whether two titles name one paper.
extension PaperIdentity {
    /// True when two titles clearly name different papers: not equal once normalised, fewer
    /// than half of their content words shared (Jaccard < 0.5), and neither word set inside
    /// the other ("Voyager" vs "Voyager: An Open-Ended Embodied Agent …" is one paper).
    /// `factsA` and `factsB` are the facts of the titles as written.
    static func titlesDiffer(_ a: PaperIdentity, _ b: PaperIdentity, _ factsA: TitleFacts, _ factsB: TitleFacts) -> Bool {
        guard let keyA = a.titleKey, let keyB = b.titleKey, keyA != keyB else { return false }
        return factsDiffer(factsA, factsB)
    }

    /// `titlesDiffer` for two titles known to differ once normalised.
    static func factsDiffer(_ factsA: TitleFacts, _ factsB: TitleFacts) -> Bool {
        if factsA.names(factsB) || factsB.names(factsA) { return false }
        let wordsA = factsA.words, wordsB = factsB.words
        let shared = sharedCount(wordsA, wordsB)
        if shared == min(wordsA.count, wordsB.count) { return false }
        let union = wordsA.count + wordsB.count - shared
        return union > 0 && shared * 2 < union
    }

    /// What comparing a title needs, computed once per title: its content words, the
    /// lowercased words before its first colon (all of them without one), and whether those
    /// are its distinctive name.
    struct TitleFacts: Sendable {
        var words: [String]
        var lead: [String]
        var isName: Bool

        init(_ title: String) {
            words = PaperIdentity.words(title)
            lead = PaperIdentity.leadWords(title)
            // No colon byte, no name: skips the scan by characters for most titles.
            let colon = UInt8(ascii: ":")
            isName = (title.utf8.withContiguousStorageIfAvailable { $0.contains(colon) } ?? title.utf8.contains(colon))
                && PaperIdentity.hasName(title)
        }

        /// True when `other` starts with this title's distinctive name, ignoring case.
        func names(_ other: TitleFacts) -> Bool {
            isName && other.lead.count >= lead.count && zip(lead, other.lead).allSatisfy { $0 == $1 }
        }
    }

    /// `titleWords` of the title up to its first colon, lowercased (an ASCII title is split
    /// and lowercased byte by byte, with the same result).
    static func leadWords(_ title: String) -> [String] {
        guard ASCII.isASCII(title) else { return leadWordsByCharacters(title) }
        var title = title
        return title.withUTF8 { utf8 in
            var words: [String] = []
            forEachWord(utf8, before: utf8.firstIndex(of: UInt8(ascii: ":")) ?? utf8.count) { word in
                words.append(String(unsafeUninitializedCapacity: word.count) { lowered in
                    for offset in 0..<word.count { lowered[offset] = ASCII.lowercased(utf8[word.lowerBound + offset]) }
                    return word.count
                })
            }
            return words
        }
    }

    /// Each word of an ASCII title before `end` (`titleWords` read as bytes: runs between
    /// spaces, `*` and `_`), as a range of `utf8`.
    private static func forEachWord(_ utf8: UnsafeBufferPointer<UInt8>, before end: Int, _ body: (Range<Int>) -> Void) {
        let isSeparator = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") }
        var index = 0
        while index < end {
            guard !isSeparator(utf8[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < end && !isSeparator(utf8[index]) { index += 1 }
            body(start..<index)
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

    /// `name(title) != nil`, read as bytes when the title is ASCII.
    static func hasName(_ title: String) -> Bool {
        guard ASCII.isASCII(title) else { return name(title) != nil }
        var title = title
        return title.withUTF8 { utf8 in
            guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
            var words = 0, isCoined = false
            forEachWord(utf8, before: colon) { word in
                words += 1
                isCoined = isCoined || word.contains { index in
                    let byte = utf8[index]
                    return (index > word.lowerBound && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || PaperIdentity.isDigit(byte)
                        || byte == UInt8(ascii: "-")
                }
            }
            return (1...5).contains(words) && isCoined
        }
    }

    /// `leadWords` for any title, character by character.
    static func leadWordsByCharacters(_ title: String) -> [String] {
        titleWords(Substring(title).prefix(while: { $0 != ":" })).map { $0.lowercased() }
    }

    fileprivate static func titleWords(_ text: Substring) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "*" || $0 == "_" })
    }

    /// Compares titles of one list of identities, computing each title's words once and only
    /// for entries that get compared (those sharing a link with another).
    struct TitleComparison {
        let papers: [PaperIdentity]
        private let document: Document
        private let facts: TitleFactsCache

        init(_ papers: [PaperIdentity], in document: Document, _ configuration: Configuration) {
            self.papers = papers
            self.document = document
            facts = document.memo("title facts", configuration) { TitleFactsCache() }
        }

        /// True when `papers[a]` and `papers[b]` clearly name different papers.
        func differ(_ a: Int, _ b: Int) -> Bool {
            // The keys' numbers (set by `all`) tell equal keys apart without comparing strings.
            if let idA = papers[a].titleID, let idB = papers[b].titleID {
                guard idA != idB else { return false }
            } else {
                guard let keyA = papers[a].titleKey, let keyB = papers[b].titleKey, keyA != keyB else { return false }
            }
            return PaperIdentity.factsDiffer(facts.facts(a, papers, document), facts.facts(b, papers, document))
        }
    }

    /// Each compared title's facts, computed once for `duplicate` and `link-title-mismatch`
    /// both (indices into `PaperIdentity.all`).
    final class TitleFactsCache: Sendable {
        private let known = Mutex<[Int: TitleFacts]>([:])

        func facts(_ index: Int, _ papers: [PaperIdentity], _ document: Document) -> TitleFacts {
            if let found = known.withLock({ $0[index] }) { return found }
            // Computed outside the lock, so the other rule comparing titles does not wait; if it
            // computed the same title meanwhile, its facts (equal to these) are kept.
            let computed = TitleFacts(papers[index].title(in: document) ?? "")
            return known.withLock { known in
                if let found = known[index] { return found }
                known[index] = computed
                return computed
            }
        }
    }

    /// Ligatures spelled out, so titles compare by their letters (`normalizedTitle`, `words`).
    static let ligatures: [Character: String] = [
        "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st", "æ": "ae", "œ": "oe", "ß": "ss",
    ]

    /// Content words of a title, lowercased, sorted and each once: runs of letters and digits
    /// minus a few English function words ("a", "of", "the" …), which say nothing about which
    /// paper it is. (A sorted array, not a set: titles have a handful of words, and comparing
    /// two sorted lists needs no hashing.)
    static func words(_ title: String) -> [String] {
        ASCII.isASCII(title) ? asciiWords(title) : wordsByCharacters(title)
    }

    /// `words` read by characters (any title; `asciiWords` gives the same for ASCII).
    static func wordsByCharacters(_ title: String) -> [String] {
        var all: [String] = []
        var current = ""
        for character in title.lowercased() {
            if let spelled = ligatures[character] {
                current += spelled
            } else if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                all.append(current)
                current = ""
            }
        }
        if !current.isEmpty { all.append(current) }
        all.sort()
        var unique: [String] = []
        unique.reserveCapacity(all.count)
        for word in all where unique.last != word { unique.append(word) }
        let content = unique.filter { !functionWords.contains($0) }
        return content.isEmpty ? unique : content
    }

    /// `words` of an ASCII title, worked on its bytes: an ASCII string orders as its bytes
    /// do, so the words are sorted, made unique and sifted as byte runs, and only the words
    /// kept become strings (dense lists compare thousands of titles).
    static func asciiWords(_ title: String) -> [String] {
        var title = title
        return title.withUTF8 { utf8 in
            // The letters and digits, lowercased, and the runs they form: both in scratch
            // space on the stack, sorted, made unique and sifted in place.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(utf8.count, 1)) { lowered in
                withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: utf8.count / 2 + 1) { runs in
                    var count = 0, start = 0, runCount = 0
                    for byte in utf8 {
                        if isDigit(byte) || isLetter(byte) {
                            lowered[count] = isLetter(byte) ? byte | 0x20 : byte
                            count += 1
                        } else if count > start {
                            runs[runCount] = start..<count
                            runCount += 1
                            start = count
                        }
                    }
                    if count > start {
                        runs[runCount] = start..<count
                        runCount += 1
                    }
                    let bytes = UnsafeBufferPointer(lowered)
                    func precedes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
                        let common = min(a.count, b.count)
                        for offset in 0..<common where bytes[a.lowerBound + offset] != bytes[b.lowerBound + offset] {
                            return bytes[a.lowerBound + offset] < bytes[b.lowerBound + offset]
                        }
                        return a.count < b.count
                    }
                    func equal(_ a: Range<Int>, _ b: Range<Int>) -> Bool { !precedes(a, b) && !precedes(b, a) }
                    var sorted = UnsafeMutableBufferPointer(rebasing: runs[0..<runCount])
                    sorted.sort(by: precedes)
                    var unique = 0
                    for index in 0..<runCount where unique == 0 || !equal(runs[unique - 1], runs[index]) {
                        runs[unique] = runs[index]
                        unique += 1
                    }
                    let functionWords = functionWordBytes
                    func isContent(_ run: Range<Int>) -> Bool {
                        run.count > functionWordLongest
                            || !functionWords.contains { word in word.count == run.count && word.elementsEqual(bytes[run]) }
                    }
                    // The content words, or every word of a title made only of function words.
                    let contentCount = (0..<unique).count { isContent(runs[$0]) }
                    let keepsAll = contentCount == 0
                    var words: [String] = []
                    words.reserveCapacity(keepsAll ? unique : contentCount)
                    for index in 0..<unique where keepsAll || isContent(runs[index]) {
                        let run = runs[index]
                        words.append(String(unsafeUninitializedCapacity: run.count) { word in
                            _ = word.initialize(from: bytes[run])
                            return run.count
                        })
                    }
                    return words
                }
            }
        }
    }

    /// `functionWords` as bytes, for `asciiWords`.
    private static let functionWordBytes: [[UInt8]] = functionWords.sorted().map { Array($0.utf8) }
    /// No run longer than this is a function word.
    private static let functionWordLongest = functionWords.map(\.utf8.count).max() ?? 0

    /// How many words two lists from `words` share.
    static func sharedCount(_ a: [String], _ b: [String]) -> Int {
        var (i, j, shared) = (0, 0, 0)
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }

    private static let functionWords: Set<String> = [
        "a", "an", "the", "of", "in", "on", "for", "and", "or", "with", "to", "via", "by", "as", "at", "from",
        "is", "are", "be", "its", "their", "into", "towards", "toward",
    ]
}
