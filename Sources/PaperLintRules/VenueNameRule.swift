import PaperLintCore

/// Well-known venues in their own spelling: `arXiv`, `NeurIPS`, `ICLR`, `ACL`, …
public struct VenueNameRule: Rule {
    public static let description = RuleDescription(
        id: "venue-name",
        defaultSeverity: .warning,
        summary: "Well-known venues in their own spelling (`arXiv`, `NeurIPS`, `ICLR`, `ACL`).",
        rationale: """
            Checks the words of each paper entry's italic author/venue segment against the \
            spellings venues give themselves: `Arxiv` and `arxiv` are `arXiv`, `Neurips` is \
            `NeurIPS`, `iclr` is `ICLR`, `Openreview` is `OpenReview`. Only whole words are \
            read, so `arxiv.org` in a URL or `Oracle` are left alone; only the case differs, so \
            the safe fix cannot change what the entry says. A spelling that a real share of the \
            list's own segments uses for that venue (at least three, and 10%) is its house \
            style and is not reported. Venue names are how readers scan a list for a conference \
            and how tools group entries; `Arxiv` beside `arXiv` reads as a typo.
            """,
        nonTriggering: [
            Example("- [2023/10] **Title** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2310.12345)]\n"),
            Example("- [2023/10] **Title** *A. Author et al. NeurIPS 2023 (Oral).* [[paper](u)]\n"),
            Example("- [2023/10] **Title** *B. Oracle, C. Aclan. ICLR.* [[paper](u)]\n"),
            Example("- [2023/10] **Arxiv in a Title** *A. Author. arXiv.* [[paper](u)]\n"),
            // A list that writes the venue its own way, throughout.
            Example("""
                - [2023/10] **A** *A. B. Arxiv.* [[paper](u)]
                - [2023/09] **B** *C. D. Arxiv.* [[paper](u)]
                - [2023/08] **C** *E. F. Arxiv.* [[paper](u)]
                - [2023/07] **D** *G. H. Arxiv.* [[paper](u)]

                """),
        ],
        triggering: [
            Example("- [2023/10] **Title** *A. Author et al. ↓Arxiv.* [[paper](u)]\n"),
            Example("- [2023/10] **Title** *↓Neurips2024* [[paper](u)]\n"),
            Example("- [2023/10] **Title** *A. B. ↓iclr 2024, ↓Openreview.* [[paper](u)]\n"),
        ],
        corrections: [
            (Example("- [2023/10] **Title** *A. Author et al. arxiv.* [[paper](u)]\n"),
             Example("- [2023/10] **Title** *A. Author et al. arXiv.* [[paper](u)]\n")),
            (Example("- [2023/10] **Title** *Emnlp 2023 Findings* [[paper](u)]\n"),
             Example("- [2023/10] **Title** *EMNLP 2023 Findings* [[paper](u)]\n")),
        ])

    /// Lowercased name → the venue's own spelling.
    static let spellings: [String: String] = {
        let names = [
            "arXiv", "bioRxiv", "medRxiv", "OpenReview", "NeurIPS", "NIPS", "ICLR", "ICML", "ACL", "EMNLP", "NAACL", "EACL",
            "AACL", "COLING", "TACL", "CVPR", "ICCV", "ECCV", "WACV", "AAAI", "IJCAI", "KDD", "SIGIR", "WSDM", "CIKM",
            "TMLR", "JMLR", "TPAMI", "CoRL", "ICRA", "IROS", "RSS", "COLM", "AISTATS", "UAI", "ICSE", "ASE", "ISSTA",
            "MICCAI", "NAACL-HLT",
        ]
        var table: [String: String] = [:]
        for name in names { table[name.lowercased()] = name }
        return table
    }()

    /// The names of `spellings` by shape (length, first letter, last letter; see `shape`),
    /// lowercased, with their own spelling: most words of an author segment are names of
    /// people, ruled out by their shape, and a word of a venue's shape is compared byte by
    /// byte before a string is made of it.
    static let namesByShape: [[(lowercased: [UInt8], spelling: String)]] = {
        var table = [[(lowercased: [UInt8], spelling: String)]](repeating: [], count: 32 * 32 * 32)
        for (key, spelling) in spellings.sorted(by: { $0.key < $1.key }) { table[shape(Array(key.utf8)[...])].append((Array(key.utf8), spelling)) }
        return table
    }()

    /// A word's shape index: its length (31 for any longer) and its first and last bytes, case folded.
    static func shape(_ word: ArraySlice<UInt8>) -> Int {
        guard let first = word.first, let last = word.last else { return 0 }
        return min(word.count, 31) << 10 | Int((first | 0x20) & 31) << 5 | Int((last | 0x20) & 31)
    }

    /// The venue spelled by `word` (ASCII letters and hyphens), ignoring case, if any.
    static func venue(_ word: ArraySlice<UInt8>) -> String? {
        for name in namesByShape[shape(word)] where name.lowercased.count == word.count
            && zip(name.lowercased, word).allSatisfy({ $0 == ASCII.lowercased($1) })
        {
            return name.spelling
        }
        return nil
    }

    public init() {}

    public func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        let entries = document.checkedEntries(configuration)
        let bytes = document.bytes
        // The words a finding can be about: focused venue words not spelled as the venue is.
        var candidates: [(entry: Entry, range: Range<Int>, key: String, written: String)] = []
        for entry in entries where document.isInFocus(entry) {
            guard let segment = entry.authors else { continue }
            Self.forEachWord(bytes, segment.text) { range in
                guard document.isInFocus(bytes: range), let canonical = Self.venue(bytes[range]) else { return }
                let written = String(decoding: bytes[range], as: UTF8.self)
                if written != canonical { candidates.append((entry, range, canonical, written)) }
            }
        }
        guard !candidates.isEmpty else { return [] }
        // The list's own spellings of those venues: a habit it keeps is its style.
        let keys = Set(candidates.map(\.key))
        let reference = document.referenceMask(entries)
        var forms: [String: HouseForms<String>] = [:]
        for (index, entry) in entries.enumerated() where reference.isReference?[index] ?? true {
            guard let segment = entry.authors else { continue }
            Self.forEachWord(bytes, segment.text) { range in
                guard let canonical = Self.venue(bytes[range]), keys.contains(canonical) else { return }
                forms[canonical, default: Self.forms(canonical, reference.changed)].add(String(decoding: bytes[range], as: UTF8.self))
            }
        }
        return candidates.compactMap { word -> Diagnostic? in
            let house = forms[word.key] ?? Self.forms(word.key, reference.changed)
            guard let deviation = house.judge(word.written, lines: word.entry.lines) else { return nil }
            let others = deviation.total == 0 ? "" : " (\(deviation.count) of the other \(deviation.total) in this list)"
            return Diagnostic(
                rule: Self.self, range: word.range,
                message: "`\(word.written)` is spelled `\(word.key)`\(others)",
                help: "write `\(word.key)`",
                fix: Fix(.safe, "write \(word.key)", Edit(replacing: word.range, with: word.key)))
        }
    }

    private static func forms(_ canonical: String, _ changed: LineSet?) -> HouseForms<String> {
        HouseForms<String>(configured: [], defaults: [canonical], isStyle: false, changed: changed)
    }

    /// Runs of ASCII letters (with inner hyphens, `NAACL-HLT`) that are whole words: not part of
    /// a domain (`arxiv.org`) or of a longer token with a non-ASCII letter.
    /// They are handed to `body` in order, with nothing allocated.
    static func forEachWord(_ bytes: [UInt8], _ range: Range<Int>, _ body: (Range<Int>) -> Void) {
        func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") }
        var index = range.lowerBound
        while index < range.upperBound {
            guard isLetter(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < range.upperBound
                && (isLetter(bytes[index])
                    || (bytes[index] == ASCII.hyphen && index + 1 < range.upperBound && isLetter(bytes[index + 1])))
            {
                index += 1
            }
            let before = start > range.lowerBound ? bytes[start - 1] : 0x20
            let after = index < range.upperBound ? bytes[index] : 0x20
            let next = index + 1 < range.upperBound ? bytes[index + 1] : 0x20
            let isDomain = (after == ASCII.period || after == ASCII.slash) && isLetter(next)
            let isPath = before == ASCII.slash || before == ASCII.period && start - 1 > range.lowerBound && isLetter(bytes[start - 2])
            if !isDomain && !isPath && before < 0x80 && after < 0x80 { body(start..<index) }
        }
    }
}
