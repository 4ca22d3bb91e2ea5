import PaperLintCore

/// The paper `paperlint add` writes, from flags, an issue form or an arXiv response.
///
/// Every field is untrusted (an issue form is written by anyone): `validated()` refuses what
/// could break the list (line breaks, control and direction characters, HTML, non-`https`
/// URLs, oversized fields) and escapes the Markdown a title may carry, so the entry renders
/// as the words given and nothing else.
public struct NewPaper: Sendable, Equatable {
    public struct Link: Sendable, Equatable {
        public var label: String
        public var url: String
        public init(label: String, url: String) {
            self.label = label
            self.url = url
        }
    }

    public var section: String?
    public var title: String?
    public var authors: String?
    public var venue: String?
    /// As given (`2023/10`, `2023-10-05`, `Oct 2023`); parsed by `PaperDate(parsing:)`.
    public var date: String?
    public var links: [Link] = []

    public init(
        section: String? = nil, title: String? = nil, authors: String? = nil, venue: String? = nil, date: String? = nil,
        links: [Link] = []
    ) {
        self.section = section
        self.title = title
        self.authors = authors
        self.venue = venue
        self.date = date
        self.links = links
    }

    /// Fields of `other` fill the ones this paper lacks (flags over an issue or an arXiv response).
    public func filling(from other: NewPaper) -> NewPaper {
        var merged = self
        merged.section = section ?? other.section
        merged.title = title ?? other.title
        merged.authors = authors ?? other.authors
        merged.venue = venue ?? other.venue
        merged.date = date ?? other.date
        let given = Set(links.map { $0.label.lowercased() })
        merged.links += other.links.filter { !given.contains($0.label.lowercased()) }
        return merged
    }

    /// Field limits, in Unicode scalars: far above any real title, far below what could
    /// flood a README.
    static let limits = (title: 300, authors: 600, venue: 120, label: 40, url: 600, section: 200)
}

/// A checked paper: one-line, escaped Markdown text and `https` URLs.
struct CheckedPaper: Sendable, Equatable {
    var section: String
    /// Markdown-escaped.
    var title: String
    /// Author names, in order, Markdown-escaped.
    var authors: [String]
    var venue: String?
    var date: PaperDate
    var links: [NewPaper.Link]
    /// The title as given (unescaped), for matching against the list's titles.
    var plainTitle: String
}

extension NewPaper {
    /// The paper with every field checked, or an error naming the field and what to do.
    func validated(today: YearMonth?) throws(PaperLintError) -> CheckedPaper {
        guard let section = try Self.text(section, field: "--section", limit: Self.limits.section) else {
            throw PaperLintError("--section: missing; name the section to add the paper to (its heading text or anchor)")
        }
        guard let title = try Self.text(title, field: "--title", limit: Self.limits.title) else {
            throw PaperLintError("--title: missing; give the paper's title")
        }
        guard let dateText = date.map { $0.trimmingBlanks() }, !dateText.isEmpty else {
            throw PaperLintError("--date: missing; give the paper's date as YYYY/MM (its arXiv month), e.g. --date 2023/10")
        }
        guard let date = PaperDate(parsing: dateText) else {
            throw PaperLintError("--date '\(Self.shown(dateText))': not a date; write YYYY/MM, YYYY/MM/DD or YYYY (e.g. 2023/10)")
        }
        if let today, date.year * 100 + (date.month ?? 1) > today.year * 100 + today.month {
            throw PaperLintError("--date \(dateText): in the future; give the month the paper appeared")
        }
        let authorList = try Self.plainWords(try Self.text(authors, field: "--authors", limit: Self.limits.authors), field: "--authors")
            .map(Self.names) ?? []
        let venue = try Self.plainWords(try Self.text(venue, field: "--venue", limit: Self.limits.venue), field: "--venue")
        var links: [NewPaper.Link] = []
        for link in self.links {
            guard let label = try Self.text(link.label, field: "--link label", limit: Self.limits.label),
                label.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || " -.+".unicodeScalars.contains($0) })
            else {
                throw PaperLintError("--link '\(Self.shown(link.label))=…': a label is a word or two (paper, code, project page)")
            }
            if links.contains(where: { $0.label.lowercased() == label.lowercased() }) {
                throw PaperLintError("--link \(label)=…: given twice; give each label once")
            }
            links.append(NewPaper.Link(label: label, url: try Self.url(link.url, label: label)))
        }
        return CheckedPaper(
            section: section, title: Self.escaped(title), authors: authorList.map(Self.escaped), venue: venue.map(Self.escaped),
            date: date, links: links, plainTitle: title)
    }

    /// Trimmed, inner blanks collapsed; nil when empty. Refuses line breaks, control and
    /// direction characters, HTML tags and oversized text.
    static func text(_ value: String?, field: String, limit: Int) throws(PaperLintError) -> String? {
        guard let value else { return nil }
        var out = ""
        var count = 0
        var pendingSpace = false
        for scalar in value.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                throw PaperLintError("\(field): has a line break; give it on one line")
            }
            if scalar == " " || scalar == "\t" || scalar == "\u{A0}" {
                pendingSpace = true
                continue
            }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                throw PaperLintError("\(field): has a control character (U+\(hex(scalar))); remove it")
            }
            if invisible.contains(scalar.value) {
                throw PaperLintError("\(field): has an invisible direction or width mark (U+\(hex(scalar))); remove it")
            }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
            count += 1
            if count > limit {
                throw PaperLintError("\(field): longer than \(limit) characters; shorten it")
            }
        }
        if let tag = htmlTag(in: out) {
            throw PaperLintError("\(field): has HTML (\(tag)); write plain text")
        }
        if let entity = htmlEntity(in: out) {
            throw PaperLintError("\(field): has an HTML entity (\(entity)); write the character itself")
        }
        return out.isEmpty ? nil : out
    }

    /// Direction marks and overrides, zero-width characters and the byte-order mark: they
    /// reorder or hide text (a title that reads one way and sorts or links another).
    static let invisible: Set<UInt32> = [
        0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2066, 0x2067,
        0x2068, 0x2069, 0xFEFF,
    ]

    /// `<script>`, `</a>`, `<!--`, `<img …`: a `<` that opens a tag or a comment.
    static func htmlTag(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        for index in scalars.indices where scalars[index] == "<" && index + 1 < scalars.count {
            let next = scalars[index + 1]
            guard next == "/" || next == "!" || next == "?" || (next.isASCII && next.properties.isAlphabetic) else { continue }
            let end = scalars[index...].firstIndex(of: ">") ?? min(scalars.count, index + 12)
            let tag = String(String.UnicodeScalarView(scalars[index..<min(end + 1, scalars.count, index + 24)]))
            // `a <b` (a comparison) is text; a tag closes.
            if scalars[index...].contains(">") || next == "!" { return tag }
        }
        return nil
    }

    /// `&amp;`, `&#233;`, `&#x3C;`: an entity renders as another character (`&#x3C;script>`
    /// as a tag), so a field holds the character itself.
    static func htmlEntity(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        for index in scalars.indices where scalars[index] == "&" {
            var end = index + 1
            while end < scalars.count, end - index <= 32, scalars[end].isASCII,
                scalars[end].properties.isAlphabetic || scalars[end].properties.numericType != nil || scalars[end] == "#"
            {
                end += 1
            }
            if end > index + 1, end < scalars.count, scalars[end] == ";" {
                return String(String.UnicodeScalarView(scalars[index...end]))
            }
        }
        return nil
    }

    /// Markup characters no author name or venue needs, refused rather than escaped: the
    /// italic segment they stand in ends at the first `*`, escaped or not.
    static func plainWords(_ value: String?, field: String) throws(PaperLintError) -> String? {
        if let value, let bad = value.first(where: { "*[]`|\\<>{}".contains($0) }) {
            throw PaperLintError("\(field): has '\(bad)', which names and venues do not need; remove it")
        }
        return value
    }

    /// Author names from `A, B and C` or `A; B; C`.
    static func names(_ text: String) -> [String] {
        var parts = [text]
        for separator in ["; ", ", and ", " and ", ", "] {
            parts = parts.flatMap { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
        }
        return parts.map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
    }

    /// Markdown that would be read as markup, escaped with a backslash: `*`, `_` at a word
    /// edge, backticks, brackets, `|`, `\`, `~`, and `<`.
    static func escaped(_ text: String) -> String {
        var out = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\", "*", "`", "[", "]", "|", "<", "~":
                out.append("\\")
            case "_":
                let before = index > 0 ? characters[index - 1] : " "
                let after = index + 1 < characters.count ? characters[index + 1] : " "
                if !(before.isLetter || before.isNumber) || !(after.isLetter || after.isNumber) { out.append("\\") }
            default:
                break
            }
            out.append(character)
        }
        return out
    }

    /// An `https` URL with a host, no blanks or quotes; parentheses percent-encoded so the
    /// Markdown link cannot end early.
    static func url(_ value: String, label: String) throws(PaperLintError) -> String {
        let field = "--link \(label)"
        guard let url = try text(value, field: field, limit: limits.url), !url.contains(" ") else {
            throw PaperLintError("\(field)=URL: \(value.isEmpty ? "empty" : "has a space"); give one https URL")
        }
        guard url.lowercased().hasPrefix("https://") else {
            throw PaperLintError("\(field)=\(shown(url)): only https URLs are written; give the https:// address")
        }
        let rest = url.dropFirst("https://".count)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostName = host.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        guard hostName.contains("."), hostName.utf8.allSatisfy({ ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }),
            !hostName.hasPrefix("."), !hostName.hasSuffix(".")
        else {
            throw PaperLintError("\(field)=\(shown(url)): '\(shown(String(host)))' is not a host name; give the paper's https address")
        }
        if let bad = url.unicodeScalars.first(where: { "<>\"`\\{}^".unicodeScalars.contains($0) }) {
            throw PaperLintError("\(field)=\(shown(url)): has '\(bad)', which a Markdown link cannot hold; percent-encode it")
        }
        return url.replacing("(", with: "%28").replacing(")", with: "%29")
    }

    /// A value shortened for an error message.
    static func shown(_ text: String) -> String { text.count > 60 ? String(text.prefix(57)) + "…" : text }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
