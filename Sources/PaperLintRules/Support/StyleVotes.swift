import PaperLintCore

/// What one entry says about each style key: the one classification that the rules learn
/// the house style from at run time and that `paperlint init` writes, so the two never
/// disagree about what a list does.
public enum StyleVotes {
    /// The date's form, for a real date whose form says something (`DateFormatRule.votes`).
    public static func date(_ entry: Entry, _ bytes: [UInt8]) -> DateStyle? {
        votingDate(entry, bytes)?.date.style
    }

    /// The entry's date and how it is written, when it votes (see `date`): date-format reads
    /// its padding from the same parse.
    static func votingDate(_ entry: Entry, _ bytes: [UInt8]) -> (date: EntryDate, written: WrittenDate)? {
        guard let date = entry.date, DateFormatRule.votes(date) else { return nil }
        let written = WrittenDate(bytes, date)
        return written.problem(today: nil) == nil ? (date, written) : nil
    }

    /// The title's markup.
    public static func title(_ entry: Entry) -> TitleStyle? {
        entry.title.map { TitleStyle(rawValue: $0.markup.rawValue) ?? .plain }
    }

    /// What the italic segment after the title holds: `*Zeming Chen et al. NeurIPS 2023.*`
    /// names people, `*NeurIPS 2023*` only a venue.
    public static func authors(_ entry: Entry, _ bytes: [UInt8]) -> AuthorStyle {
        guard let segment = entry.authors else { return .none }
        let text = bytes[segment.text]
        // ASCII text (almost every segment) is read as bytes; other text as characters, whose
        // grapheme clusters may hide a final period.
        if text.allSatisfy({ $0 < 0x80 }) {
            return text.last == UInt8(ascii: ".") || ASCII.contains(text, etAl) || ASCII.contains(text, commaSpace) ? .authorsVenue : .venue
        }
        let string = String(decoding: text, as: UTF8.self)
        return string.hasSuffix(".") || string.contains(" et al") || string.contains(", ") ? .authorsVenue : .venue
    }

    private static let etAl = Array(" et al".utf8), commaSpace = Array(", ".utf8)

    /// The syntax of each link with a URL, in the configuration's terms. A title written as a
    /// link (`[Title](url)`) votes for `[label](url)`: a list that links its titles that way
    /// writes its other links so too.
    public static func linkSyntax(_ entry: Entry) -> [LinkSyntaxStyle] { Array(linkSyntaxVotes(entry)) }

    /// `linkSyntax(_:)` with the first three votes in place: the rules read every entry's.
    static func linkSyntaxVotes(_ entry: Entry) -> SmallArray<LinkSyntaxStyle> {
        var votes = SmallArray<LinkSyntaxStyle>(filler: .plain)
        if entry.title?.markup == .link { votes.append(.plain) }
        for link in entry.links { if let style = linkSyntax(of: link.syntax) { votes.append(style) } }
        return votes
    }

    /// A link's syntax in the configuration's terms; nil for a bare `[[label]]`.
    static func linkSyntax(of syntax: EntryLink.Syntax) -> LinkSyntaxStyle? {
        switch syntax {
        case .innerURL: .innerURL
        case .outerURL: .outerURL
        case .plain: .plain
        case .bare: nil
        }
    }

    /// `] [[` or `][[` between two double-bracket links separated by blanks only (text or a line
    /// break between links is not a separator, nor is the gap between single-bracket links).
    public static func separators(_ entry: Entry, _ bytes: [UInt8]) -> [(range: Range<Int>, style: LinkSeparatorStyle)] {
        entry.separators.indices.compactMap { index in
            let separator = entry.separators[index]
            guard bytes[separator].allSatisfy(ASCII.isBlank), isDoubleBracket(entry.links[index], bytes),
                isDoubleBracket(entry.links[index + 1], bytes)
            else { return nil }
            return (separator, separator.isEmpty ? .none : .space)
        }
    }

    /// The form of each arXiv article link (`abs/` or `pdf/`; an `html/` link votes for neither).
    public static func arxivForms(_ entry: Entry, _ bytes: [UInt8]) -> [ArxivForm] {
        entry.links.compactMap { link in
            guard let url = link.url, ArxivURLRule.isArxivArticle(bytes, url), let id = ArxivID.parse(bytes[url]) else { return nil }
            switch id.form {
            case .abs: return .abs
            case .pdf: return .pdf
            default: return nil
            }
        }
    }

    /// The direction each list of entries runs in, where its dates show one (`OrderRule`'s
    /// own evidence: at least four dated entries, 80% of them in one sorted run).
    public static func orders(_ document: Document, _ configuration: Configuration) -> [OrderDirection] {
        OrderRule.lists(document, configuration).compactMap { entries in
            OrderRule.direction(.auto, OrderRule.keyed(entries).map(\.key)).map { $0.newestFirst ? .newestFirst : .oldestFirst }
        }
    }

    /// `[[label](url)]`, `[[label]](url)` or `[[label]]`.
    static func isDoubleBracket(_ link: EntryLink, _ bytes: [UInt8]) -> Bool {
        link.range.count > 2 && bytes[link.range.lowerBound + 1] == UInt8(ascii: "[")
    }
}
