/// One paper entry, parsed from the bytes of a list item.
///
/// Every part carries its exact UTF-8 byte span in the document. `parts(in:)` covers the
/// item's bytes from the list marker to the end of its last line without gaps or overlaps,
/// so joining the parts' bytes reproduces the item byte for byte.
///
/// A class with constant fields: rules pass entries around, group and pair them, and a
/// reference costs one pointer and one reference count where the value (three arrays and
/// a dozen ranges) cost ~250 bytes and three counts per copy. Two entries are equal when all
/// their fields are.
public final class Entry: Sendable, Hashable {
    /// 1-based line of the item's first line.
    public let line: Int
    /// 1-based line of the item's last line (continuation lines belong to the entry).
    public let lastLine: Int
    /// Bytes of the whole item: from the list marker to the end of its last line, no line terminator.
    public var range: Range<Int> { rangeSpan.range }
    /// The list marker and the blanks after it (`- `, `* `, `1. `).
    public var marker: Range<Int> { markerSpan.range }
    // Ranges in 32 bits (`ByteSpan`; `@ByteRange` in the date, title, authors, links and
    // parts): a list keeps every entry while its rules run, about 90 bytes an entry less.
    private let rangeSpan: ByteSpan
    private let markerSpan: ByteSpan
    public let date: EntryDate?
    public let title: EntryTitle?
    /// The italic author/venue segment (`*Zeming Chen et al. NeurIPS 2023.*`).
    public let authors: EntryAuthors?
    public let links: [EntryLink]
    /// The bytes between consecutive links (`links.count - 1` of them, each possibly empty).
    public let separators: [Range<Int>]
    /// How the item departs from the entry template; empty for a well-formed entry.
    public let deviations: [EntryDeviation]

    public init(
        line: Int, lastLine: Int, range: Range<Int>, marker: Range<Int>, date: EntryDate?,
        title: EntryTitle?, authors: EntryAuthors?, links: [EntryLink], separators: [Range<Int>],
        deviations: [EntryDeviation]
    ) {
        self.line = line
        self.lastLine = lastLine
        rangeSpan = ByteSpan(range)
        markerSpan = ByteSpan(marker)
        self.date = date
        self.title = title
        self.authors = authors
        self.links = links
        self.separators = separators
        self.deviations = deviations
    }

    /// Everything parsed, in order, covering `range`: the entry parsed again from `bytes`, the
    /// bytes it was parsed from. No rule reads the parts, and a list's rules keep all of its
    /// entries: the parts were 7 MB of a 50,000-entry list's peak, and an allocation each.
    public func parts(in bytes: [UInt8]) -> [EntryPart] {
        EntryParser.parseRecordingParts(bytes, range: range, line: line, lastLine: lastLine).parts
    }

    /// True when the item looks like a paper entry (a date, or a bold title followed by links),
    /// as opposed to a ToC link or a news bullet.
    public var isPaper: Bool { date != nil && (title != nil || !links.isEmpty) }

    public static func == (a: Entry, b: Entry) -> Bool {
        a === b
            || (a.line == b.line && a.lastLine == b.lastLine && a.range == b.range && a.marker == b.marker
                && a.date == b.date && a.title == b.title && a.authors == b.authors
                && a.links == b.links && a.separators == b.separators && a.deviations == b.deviations)
    }

    /// The item's bytes identify it within a document; equal entries have equal ranges and lines.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(range)
    }
}

/// A labelled span of an entry.
public struct EntryPart: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case marker, date, title, authors, link, separator
        /// Blanks between the date, title, authors and links.
        case space
        /// Emoji, badges, images, or any text the template has no place for.
        case other
        /// A line break and the indentation of a continuation line.
        case lineBreak
    }
    public var kind: Kind
    @ByteRange public var range: Range<Int>
    public init(_ kind: Kind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// `[2023/10]` and its variants.
///
/// Lists write the date in many ways; every one of these is read, and `form` says which:
/// `[2023/10]`, `[2023/10/05]`, `[2023-10]`, `[2023/9]`, `[2023]`, `[2023.10]`, `[Oct 2023]`,
/// `[5 Oct 2023]`; in brackets or parentheses (`(2023-10)`), bold (`**[2023-10]**`), or at the
/// start of a bold title (`**[2023] Title**`); with a venue beside it in the same brackets
/// (`[arXiv 2023.10]`, `(NeurIPS 2023)`, `[2023.10 Preprint]`).
public struct EntryDate: Sendable, Hashable {
    public enum Form: String, Sendable, Hashable, CaseIterable {
        /// `[2023/10]`: the template.
        case yearMonth = "YYYY/MM"
        /// `[2023/10/05]`
        case yearMonthDay = "YYYY/MM/DD"
        /// `[2023-10]`, `[2023-9]`, `[2023-10-05]`
        case dashed = "YYYY-MM"
        /// `[2023/9]`
        case singleDigitMonth = "YYYY/M"
        /// `[2023]`
        case year = "YYYY"
        /// `[2023.10]`, `[2023.9]`, `[2023.10.05]`
        case dotted = "YYYY.MM"
        /// `[Oct 2023]`, `[October 2023]`
        case monthName = "Mon YYYY"
        /// `[5 Oct 2023]`
        case dayMonthName = "D Mon YYYY"
    }
    /// The whole bracketed date, brackets (or parentheses) and any venue included.
    @ByteRange public var range: Range<Int>
    /// The date itself inside `range`: `2023/10` of `[2023/10]`, `2023.07` of `[arXiv 2023.07]`.
    @ByteRange public var value: Range<Int>
    /// Words beside the date in the same brackets (`arXiv` of `[arXiv 2023.07]`).
    @OptionalByteRange public var venue: Range<Int>?
    public var year: Int
    /// 1–12 when well-formed; out-of-range values are kept as written (the date-format rule reports them).
    public var month: Int?
    public var day: Int?
    public var form: Form

    /// `value` defaults to `range` without its brackets.
    public init(
        range: Range<Int>, year: Int, month: Int?, day: Int?, form: Form, value: Range<Int>? = nil,
        venue: Range<Int>? = nil
    ) {
        self.range = range
        self.value = value ?? (range.lowerBound + 1)..<max(range.lowerBound + 1, range.upperBound - 1)
        self.venue = venue
        self.year = year
        self.month = month
        self.day = day
        self.form = form
    }

    /// Sort key: year * 100 + month (0 when unknown).
    public var sortKey: Int { year * 100 + (month ?? 0) }

    /// The months' English names, January first.
    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// True when the date is written with its month's name (`[Oct 2023]`, `[5 Oct 2023]`).
    public var isNamed: Bool { form == .monthName || form == .dayMonthName }

    /// The form as a style a list can be configured with (`entry.date`): how many parts and
    /// how they are separated, whatever the padding.
    public var style: DateStyle {
        switch form {
        case .year: .year
        case .yearMonth, .singleDigitMonth, .yearMonthDay: day == nil && month != nil ? .yearMonth : month == nil ? .year : .yearMonthDay
        case .dashed: day == nil ? .dashed : .dashedDay
        case .dotted: day == nil ? .dotted : .dottedDay
        case .monthName: .monthName
        case .dayMonthName: .dayMonthName
        }
    }
}

public struct EntryTitle: Sendable, Hashable {
    public enum Markup: String, Sendable, Hashable, CaseIterable {
        case bold, italic, plain
        /// `[Title](url)`: the title is the paper's link.
        case link
    }
    /// The title with its markup (`**Title**`, `[Title](url)`). A date written inside a bold
    /// title (`**[2023] Title**`) lies inside this range, not inside `text`.
    @ByteRange public var range: Range<Int>
    /// The title text without markup.
    @ByteRange public var text: Range<Int>
    public var markup: Markup
    /// The URL of a `.link` title, without parentheses.
    @OptionalByteRange public var url: Range<Int>?

    public init(range: Range<Int>, text: Range<Int>, markup: Markup, url: Range<Int>? = nil) {
        self.range = range
        self.text = text
        self.markup = markup
        self.url = url
    }
}

public struct EntryAuthors: Sendable, Hashable {
    /// The segment with its asterisks (`*A. Author et al. arXiv.*`).
    @ByteRange public var range: Range<Int>
    /// The text inside the asterisks.
    @ByteRange public var text: Range<Int>

    public init(range: Range<Int>, text: Range<Int>) {
        self.range = range
        self.text = text
    }
}

public struct EntryLink: Sendable, Hashable {
    public enum Syntax: String, Sendable, Hashable, CaseIterable {
        /// `[[label](url)]`: the template.
        case innerURL = "[[label](url)]"
        /// `[[label]](url)`
        case outerURL = "[[label]](url)"
        /// `[label](url)`
        case plain = "[label](url)"
        /// `[label]` or `[[label]]` with no URL.
        case bare = "[label]"
    }
    /// The whole link.
    @ByteRange public var range: Range<Int>
    /// The label text (`paper`), without brackets.
    @ByteRange public var label: Range<Int>
    /// The URL without parentheses; nil for `.bare`.
    @OptionalByteRange public var url: Range<Int>?
    public var syntax: Syntax

    public init(range: Range<Int>, label: Range<Int>, url: Range<Int>?, syntax: Syntax) {
        self.range = range
        self.label = label
        self.url = url
        self.syntax = syntax
    }
}

/// A departure from the entry template, located in the entry.
public struct EntryDeviation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// No `[YYYY/MM]`-like date at the start.
        case missingDate
        /// Emoji, badges or words between the list marker and the date (`- 🔥 [2023/10] …`).
        case textBeforeDate
        /// A date in a recognised variant form (`[2023-10]`, `[2023/9]`, `[2023]`, `[2023/10/05]`).
        case dateVariant
        /// Brackets that look like a date but are not one (`[2023/13]`, `[23/10]`).
        case malformedDate
        case missingTitle
        /// Title in italics or plain text instead of bold.
        case titleMarkup
        /// `**` or `*` opened and never closed on the line.
        case unclosedMarkup
        case missingAuthors
        /// Text between the title and the author segment (e.g. the `.` of `**Title**.`).
        case textAfterTitle
        /// Text after the author segment and before the links (e.g. the `.` of `*OpenMedLab*.`).
        case textAfterAuthors
        /// A link not written `[[label](url)]`.
        case linkSyntax
        /// A `[` or `(` of a link that never closes.
        case unbalancedBrackets
        /// Text after the last link.
        case trailingText
        case noLinks
    }
    public var kind: Kind
    @ByteRange public var range: Range<Int>
    public init(_ kind: Kind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// A `Range<Int>` property stored as a `ByteSpan`: 8 bytes instead of 16.
@propertyWrapper
public struct ByteRange: Sendable, Hashable {
    private var span: ByteSpan

    public init(wrappedValue: Range<Int>) { span = ByteSpan(wrappedValue) }

    public var wrappedValue: Range<Int> {
        get { span.range }
        set { span = ByteSpan(newValue) }
    }
}

/// An optional `Range<Int>` property stored as a `ByteSpan?`.
@propertyWrapper
public struct OptionalByteRange: Sendable, Hashable {
    private var span: ByteSpan?

    public init(wrappedValue: Range<Int>?) { span = wrappedValue.map(ByteSpan.init) }

    public var wrappedValue: Range<Int>? {
        get { span?.range }
        set { span = newValue.map(ByteSpan.init) }
    }
}

/// A byte range of a document in 32 bits (documents are at most 4 GiB, see
/// Linter.validatedDocument): an entry has a dozen parts or more, and a large list keeps
/// every entry's parts, links and deviations while its rules run; 8 bytes a range instead
/// of 16.
public struct ByteSpan: Sendable, Hashable {
    private var start: UInt32
    private var end: UInt32

    public init(_ range: Range<Int>) {
        start = UInt32(range.lowerBound)
        end = UInt32(range.upperBound)
    }

    public var range: Range<Int> { Int(start)..<Int(end) }
}
