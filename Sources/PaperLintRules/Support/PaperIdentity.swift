import PaperLintCore

/// What identifies a paper across entries: its paper link (as an arXiv id, a DOI or a
/// normalised URL) and its normalised title. Shared by `duplicate`, `link-title-mismatch`
/// and `date-mismatch`.
struct PaperIdentity: Sendable {
    /// Which kind of link key an entry's paper link reduces to.
    enum LinkKind: String, Hashable, Sendable {
        case arxiv = "arXiv id"
        case doi = "DOI"
        case url = "URL"
    }

    /// The key of the paper link: `2310.12345`, `10.1145/3586183.3606763`, `example.org/paper`.
    struct LinkKey: Hashable, Sendable {
        var kind: LinkKind
        var value: String
        /// "arXiv id 2305.15072", "DOI 10.1145/…", "URL example.org/p".
        var evidence: String { "\(kind.rawValue) \(value)" }
    }

    /// The entry this identity describes.
    let entry: Entry
    let linkKey: LinkKey?
    /// `normalizedTitle(title)`; nil without a title or when nothing is left.
    let titleKey: String?
    // In 32 bits, numbers standing for the values below: the rules keep every paper's
    // identity, 120 bytes each with these spelled out, 64 now.
    private let sectionIndex: Int32
    private let paperLinkSlot: Int32
    private var linkNumber: Int32 = -1, titleNumber: Int32 = -1

    /// Index of the innermost section holding the entry.
    var section: Int { Int(sectionIndex) }
    /// The link naming the paper (see `paperLink(of:in:_:)`), if any.
    var paperLink: EntryLink? { Self.link(inSlot: Int(paperLinkSlot), of: entry) }
    /// `linkKey` and `titleKey` as numbers, equal exactly when the keys are (set by `all`):
    /// the rules match thousands of papers by them without hashing strings again.
    var linkID: Int? { linkNumber < 0 ? nil : Int(linkNumber) }
    var titleID: Int? { titleNumber < 0 ? nil : Int(titleNumber) }

    /// The identity of every paper entry of `document`, computed once for all rules.
    static func all(in document: Document, _ configuration: Configuration) -> [PaperIdentity] {
        document.memo("paper identities", configuration) {
            var roles = LabelRoles()
            var sections = document.sectionCursor()
            var papers = document.paperEntries(configuration).map {
                PaperIdentity($0, in: document, configuration, roles: &roles, section: sections.section(containing: $0.line))
            }
            var links: [LinkKey: Int] = [:], titles: [String: Int] = [:]
            links.reserveCapacity(papers.count)
            titles.reserveCapacity(papers.count)
            for index in papers.indices {
                if let key = papers[index].linkKey { papers[index].linkNumber = Int32(Self.number(key, in: &links)) }
                if let key = papers[index].titleKey { papers[index].titleNumber = Int32(Self.number(key, in: &titles)) }
            }
            return papers
        }
    }

    /// The number of `key` in `numbers`, a new one for a new key (one lookup: the inout
    /// access inserts the default when the key is new).
    private static func number<Key: Hashable>(_ key: Key, in numbers: inout [Key: Int]) -> Int {
        let next = numbers.count
        return value(&numbers[key, default: next])
    }

    private static func value(_ slot: inout Int) -> Int { slot }

    init(_ entry: Entry, in document: Document, _ configuration: borrowing Configuration) {
        var roles = LabelRoles()
        self.init(entry, in: document, configuration, roles: &roles, section: document.sectionIndex(containing: entry.line))
    }

    /// `roles`: the labels' roles known so far, shared by the identities of one list;
    /// `section`: the index of the section holding the entry.
    init(_ entry: Entry, in document: Document, _ configuration: borrowing Configuration, roles: inout LabelRoles, section: Int) {
        self.entry = entry
        sectionIndex = Int32(truncatingIfNeeded: section)
        let slot = Self.paperLinkSlot(of: entry, in: document, configuration, roles: &roles)
        paperLinkSlot = Int32(truncatingIfNeeded: slot)
        linkKey = Self.link(inSlot: slot, of: entry)?.url.flatMap { Self.linkKey(document.bytes[$0]) }
        // The title itself is not kept (4 MB of strings at 50k entries): `title(in:)` reads it
        // again for the few entries whose titles are compared word by word.
        titleKey = entry.title.map { Self.normalizedTitle(document.bytes, $0.text) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The title as written, without markup.
    func title(in document: Document) -> String? { entry.title.map { document.string($0.text) } }

    /// The date and title of an entry: where a file-level finding about it is shown.
    static func head(of entry: Entry) -> Range<Int> {
        let start = entry.date?.range.lowerBound ?? entry.marker.upperBound
        let end = entry.title?.range.upperBound ?? entry.date?.range.upperBound ?? entry.range.upperBound
        return start..<max(start, end)
    }

    /// The title shortened for a message: `“PathAsst: Redefining Pathology through…”`.
    func quotedTitle(in document: Document) -> String { Self.quoted(title(in: document) ?? "untitled entry") }

    // MARK: - The paper link

    /// Canonical labels whose links are commonly shared between papers (one repository or
    /// project page for several papers) and so never identify a paper.
    static let sharedLabels: Set<String> = [
        "code", "project", "demo", "dataset", "benchmark", "model", "blog", "slides", "video", "website",
    ]

    /// The link that names the paper: the first link labelled `paper` (or an alias of it),
    /// else the title when it is a link, else the first link with a URL whose label is not a commonly shared one (`code`,
    /// `project`, `demo` …). An entry with only a code link has no paper link: two papers
    /// may share one repository.
    static func paperLink(of entry: Entry, in document: Document, _ configuration: Configuration) -> EntryLink? {
        var roles = LabelRoles()
        return link(inSlot: paperLinkSlot(of: entry, in: document, configuration, roles: &roles), of: entry)
    }

    /// What a link's label says about the link: it names the paper, it is one of the commonly
    /// shared labels, or neither.
    enum LabelRole { case paper, shared, other }

    /// Each label's role, worked out once per spelling: a list writes a handful of labels on
    /// thousands of links, and working one out lowercases it and searches the vocabulary.
    struct LabelRoles {
        private var known: [String: LabelRole] = [:]
        private var recent = RecentSpellings<LabelRole>()

        /// The role of the label written at `label`: a label written as one read before is
        /// known by its bytes, without a string made of it.
        mutating func role(of label: Range<Int>, in document: Document, _ configuration: borrowing Configuration) -> LabelRole {
            if let role = recent.value(for: label, in: document.bytes) { return role }
            let role = role(of: document.string(label), configuration)
            recent.remember(role, for: label, in: document.bytes)
            return role
        }

        mutating func role(of written: String, _ configuration: borrowing Configuration) -> LabelRole {
            if let role = known[written] { return role }
            let label = trimmed(written).lowercased()
            let canonical = configuration.labels.canonical(label)?.lowercased() ?? label
            let role: LabelRole = canonical == "paper" ? .paper : sharedLabels.contains(canonical) ? .shared : .other
            known[written] = role
            return role
        }
    }

    /// Where `paperLink(of:in:_:)` finds the link: an index into `entry.links`, `titleSlot`
    /// for the title's own link, or `noSlot`.
    private static func paperLinkSlot(
        of entry: Entry, in document: Document, _ configuration: borrowing Configuration, roles: inout LabelRoles
    ) -> Int {
        var fallback = noSlot
        for (index, link) in entry.links.enumerated() where link.url != nil {
            let role = roles.role(of: link.label, in: document, configuration)
            if role == .paper { return index }
            if fallback == noSlot && role == .other { fallback = index }
        }
        // `[Title](url)`: the title links to the paper.
        if let title = entry.title, title.markup == .link, title.url != nil { return titleSlot }
        return fallback
    }

    private static let titleSlot = -1, noSlot = -2

    /// The link in `slot` (see `paperLinkSlot`) of `entry`.
    private static func link(inSlot slot: Int, of entry: Entry) -> EntryLink? {
        if slot >= 0 { return entry.links[slot] }
        guard slot == titleSlot, let title = entry.title, let url = title.url else { return nil }
        return EntryLink(range: title.range, label: title.text, url: url, syntax: .plain)
    }

    // MARK: - Titles

    /// Letters and digits only, lowercased (Unicode-aware), ligatures spelled out:
    /// "PathAsst: Redefining  Pathology…" and "pathasst redefining pathology" compare equal.
    /// Strings hash by canonical equivalence, so precomposed and decomposed accents match too.
    static func normalizedTitle(_ title: String) -> String {
        // Most titles are ASCII: a byte loop avoids grapheme breaking.
        let ascii = title.utf8.withContiguousStorageIfAvailable { utf8 -> String? in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            return asciiKey(utf8)
        }
        if let ascii = ascii ?? nil { return ascii }
        var key = ""
        key.reserveCapacity(title.utf8.count)
        for character in title.lowercased() {
            if let spelled = ligatures[character] {
                key += spelled
            } else if character.isLetter || character.isNumber {
                key.append(character)
            }
        }
        return key
    }

    /// `normalizedTitle` of the title in `bytes[range]`, read from the bytes: an ASCII title
    /// (most are) becomes its key without a string of the title in between.
    static func normalizedTitle(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        guard ASCII.endOfASCII(bytes, from: range.lowerBound, to: range.upperBound) == range.upperBound else {
            return normalizedTitle(String(decoding: bytes[range], as: UTF8.self))
        }
        return bytes.withUnsafeBufferPointer { asciiKey(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The letters and digits of ASCII `text`, lowercased.
    private static func asciiKey(_ text: UnsafeBufferPointer<UInt8>) -> String {
        titleKeyBytes.withUnsafeBufferPointer { table in
            String(unsafeUninitializedCapacity: text.count) { key in
                var count = 0
                for byte in text {
                    let folded = table[Int(byte)]
                    if folded != 0 {
                        key[count] = folded
                        count += 1
                    }
                }
                return count
            }
        }
    }

    /// Each byte as a title key keeps it: an ASCII letter lowercased, a digit as it is, and
    /// 0 for anything else.
    private static let titleKeyBytes: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        let value = UInt8(byte)
        return isLetter(value) ? value | 0x20 : isDigit(value) ? value : 0
    }

    /// `“Title”`, cut at a word boundary after about 48 characters: `“A Long Title Of…”`.
    static func quoted(_ title: String, limit: Int = 48) -> String {
        let trimmed = Self.trimmed(title)
        // ASCII without a carriage return is one character per byte: cut by bytes, the same.
        if trimmed.utf8.allSatisfy({ $0 < 0x80 && $0 != ASCII.carriageReturn }) {
            guard trimmed.utf8.count > limit else { return "“\(trimmed)”" }
            var cut = Array(trimmed.utf8.prefix(limit))
            if let space = cut.lastIndex(of: ASCII.space), space > limit / 2 { cut.removeSubrange(space...) }
            while let last = cut.last, last == ASCII.space || last == UInt8(ascii: ",") || last == UInt8(ascii: ":") || last == ASCII.period {
                cut.removeLast()
            }
            return "“" + String(decoding: cut, as: UTF8.self) + "…”"
        }
        return quotedByCharacters(trimmed, limit: limit)
    }

    /// `quoted` for any text, character by character.
    static func quotedByCharacters(_ trimmed: String, limit: Int) -> String {
        guard trimmed.count > limit else { return "“\(trimmed)”" }
        var cut = trimmed.prefix(limit)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = cut[..<space]
        }
        while let last = cut.last, last == " " || last == "," || last == ":" || last == "." { cut = cut.dropLast() }
        return "“\(cut)…”"
    }

    /// Without leading and trailing spaces and tabs.
    static func trimmed(_ text: String) -> String {
        // Most labels have no blank at either end: nothing to copy. (A blank `Character` is
        // the one byte, so a text whose first and last bytes are not blanks has none to trim.)
        if let first = text.utf8.first, let last = text.utf8.last, !ASCII.isBlank(first) && !ASCII.isBlank(last) {
            return text
        }
        var view = Substring(text)
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }

    /// "“Multimodal LLMs in Medicine”", or "the text before the first heading".
    static func sectionName(_ section: Int, in document: Document) -> String {
        document.sections[section].heading.map { "“\(trimmed($0.text))”" } ?? "the text before the first heading"
    }
}

