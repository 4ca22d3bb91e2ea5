/// A calendar month.
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }
    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
    /// Whole months from `self` to `other` (negative when `other` is earlier).
    public func months(to other: YearMonth) -> Int { (other.year - year) * 12 + (other.month - month) }
    public var description: String { "\(year)/\(month < 10 ? "0" : "")\(month)" }
}

/// A list's house style and the linter settings, resolved from a preset and `.paperlint.yml`.
///
/// Pure values: loading and validating YAML happens in PaperLintKit.
public struct Configuration: Sendable, Equatable {
    /// The preset this configuration started from.
    public var presetName: String
    /// Files linted when no path is given, relative to the repository root.
    public var files: [String]
    public var style: HouseStyle
    public var labels: LabelVocabulary
    public var order: OrderDirection
    public var duplicateScope: DuplicateScope
    /// Headings (compared case-insensitively, emoji and punctuation ignored) whose entries are not checked.
    public var skipSections: [String]
    /// Severity overrides by rule id; a rule mapped to nil is off.
    public var severities: [String: Severity?]
    /// Matters of taste, off unless listed under `taste:` (version pins, `www.` hosts, ToC coverage).
    public var taste: Set<TasteCheck> = []
    /// `hook: {fix: true}`: the pre-commit hook applies safe fixes to the staged content first.
    public var hookFixes = false
    /// The current month, for "date in the future" checks. Rules read no clock: the engine
    /// sets this; nil disables those checks (rule examples).
    public var today: YearMonth?

    public init(
        presetName: String, files: [String] = ["README.md"], style: HouseStyle = HouseStyle(),
        labels: LabelVocabulary = LabelVocabulary(), order: OrderDirection = .auto,
        duplicateScope: DuplicateScope = .section, skipSections: [String] = [], severities: [String: Severity?] = [:]
    ) {
        self.presetName = presetName
        self.files = files
        self.style = style
        self.labels = labels
        self.order = order
        self.duplicateScope = duplicateScope
        self.skipSections = skipSections
        self.severities = severities
    }

    /// The built-in defaults without any preset: what rule examples are checked against.
    public static let `default` = Configuration(presetName: "none")

    /// The severity of rule `id`: the configured one, else `fallback`; nil when the rule is off.
    public func severity(of id: String, default fallback: Severity) -> Severity? {
        if let configured = severities[id] { return configured }
        return fallback
    }

    /// True when entries under a heading with this text are not checked.
    /// A trailing parenthetical is ignored: "Table of Content (ToC)" matches "Table of Content".
    public func skips(section heading: String) -> Bool {
        let keys = Self.headingKeys(heading)
        return skipSections.contains { keys.contains(Self.sectionKey($0)) }
    }

    /// The keys a heading matches a `skip-sections` item by: its own, and without a trailing
    /// parenthetical. Empty keys are dropped (a heading of emoji only matches nothing).
    public static func headingKeys(_ heading: String) -> [String] {
        var keys = [sectionKey(heading)]
        if heading.hasSuffix(")"), let open = heading.lastIndex(of: "(") {
            keys.append(sectionKey(String(heading[..<open])))
        }
        return keys.filter { !$0.isEmpty }
    }

    /// Lowercased letters, digits and single spaces: "🔔 News" and "news" compare equal.
    ///
    /// Latin-1 and Latin Extended letters are dropped too: an emoji mis-decoded as
    /// Windows-1252 ("ðŸ”” News") is still the News section. Both sides drop them alike.
    public static func sectionKey(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for character in text.lowercased() {
            if let scalar = character.unicodeScalars.first, (0x80...0x24F).contains(scalar.value) {
                pendingSpace = true
                continue
            }
            if character.isLetter || character.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(character)
            } else {
                pendingSpace = true
            }
        }
        return out
    }
}

/// How entries are written in this list: for each key, the accepted forms.
///
/// An empty list means "learn it": the forms the list itself uses (see `HouseForms` in
/// PaperLintRules). A preset supplies none; `.paperlint.yml` pins one form or several
/// (`date: [YYYY/MM, YYYY]`).
public struct HouseStyle: Sendable, Equatable {
    public var date: [DateStyle]
    public var title: [TitleStyle]
    public var titlePeriod: [Requirement]
    public var authors: [AuthorStyle]
    public var linkSyntax: [LinkSyntaxStyle]
    public var linkSeparator: [LinkSeparatorStyle]
    public var arxivForm: [ArxivForm]

    public init(
        date: [DateStyle] = [.yearMonth], title: [TitleStyle] = [.bold], titlePeriod: [Requirement] = [],
        authors: [AuthorStyle] = [.authorsVenue], linkSyntax: [LinkSyntaxStyle] = [.innerURL],
        linkSeparator: [LinkSeparatorStyle] = [], arxivForm: [ArxivForm] = []
    ) {
        self.date = date
        self.title = title
        self.titlePeriod = titlePeriod
        self.authors = authors
        self.linkSyntax = linkSyntax
        self.linkSeparator = linkSeparator
        self.arxivForm = arxivForm
    }

    /// Every key learned from the list: what a preset gives and what no configuration means.
    public static let learned = HouseStyle(date: [], title: [], titlePeriod: [], authors: [], linkSyntax: [], linkSeparator: [], arxivForm: [])
}

/// A choice every key of the YAML shares: its spelling and a one-line meaning for docs and errors.
public protocol StyleChoice: RawRepresentable, CaseIterable, Sendable, Equatable where RawValue == String {}

public enum DateStyle: String, StyleChoice {
    case yearMonth = "YYYY/MM", yearMonthDay = "YYYY/MM/DD", year = "YYYY"
    case dashed = "YYYY-MM", dashedDay = "YYYY-MM-DD", dotted = "YYYY.MM", dottedDay = "YYYY.MM.DD"
    /// `Oct 2023`, `October 2023`.
    case monthName = "Mon YYYY"
    /// `5 Oct 2023`.
    case dayMonthName = "D Mon YYYY"
    case auto

    /// How many parts the form writes: 1 (year), 2 (and month) or 3 (and day).
    public var parts: Int {
        switch self {
        case .year: 1
        case .yearMonth, .dashed, .dotted, .monthName, .auto: 2
        case .yearMonthDay, .dashedDay, .dottedDay, .dayMonthName: 3
        }
    }
}

public enum TitleStyle: String, StyleChoice {
    case bold, italic, plain
    /// `[Title](url)`: the title is the paper's link.
    case link
    case auto
}

public enum Requirement: String, StyleChoice {
    case require, forbid, auto
}

public enum AuthorStyle: String, StyleChoice {
    /// `*Zeming Chen et al. NeurIPS 2023.*`
    case authorsVenue = "authors-venue"
    /// `*NeurIPS 2023*`
    case venue
    case none, auto
}

public enum LinkSyntaxStyle: String, StyleChoice {
    case innerURL = "[[label](url)]"
    case outerURL = "[[label]](url)"
    case plain = "[label](url)"
    case auto
}

public enum LinkSeparatorStyle: String, StyleChoice {
    /// `] [[`
    case space
    /// `][[`
    case none
    case auto
}

public enum ArxivForm: String, StyleChoice {
    /// `https://arxiv.org/abs/2310.12345`
    case abs
    /// `https://arxiv.org/pdf/2310.12345`
    case pdf
    case auto
}

public enum OrderDirection: String, StyleChoice {
    case newestFirst = "newest-first", oldestFirst = "oldest-first", auto, none
}

/// A check of taste rather than correctness: off by default, on when `taste:` lists it.
public enum TasteCheck: String, StyleChoice, Hashable {
    /// arXiv links pinned to a version (`abs/2310.12345v2`) where the list links the latest.
    case arxivVersion = "arxiv-version"
    /// arXiv links on `www.` or `export.` hosts.
    case arxivHost = "arxiv-host"
    /// Every section heading listed in the table of contents.
    case tocCoverage = "toc-coverage"
    /// Anchors in the exact case of the heading's slug (GitHub matches them in any case).
    case tocCase = "toc-case"
    /// One word for one kind of link: `[[repo]]` renamed to the list's `[[code]]`.
    case labelAliases = "label-aliases"
    /// No blanks between a link's parentheses and its URL (`( https://… )`, legal Markdown).
    case linkPadding = "link-padding"
    /// arXiv links in the list's one form, `abs/` or `pdf/` (both open the paper).
    case arxivForm = "arxiv-form"
    /// Link labels in the list's own case (`[[Code]]` among `[[code]]`).
    case labelCase = "label-case"
    /// Months and days below 10 with or without their zero, as the list writes them (`[2024/6]`).
    case datePadding = "date-padding"
    /// The order of the links after the paper link (`[[project]]` before `[[code]]`).
    case labelOrder = "label-order"
    /// A single space at the end of an entry line: invisible, and it changes nothing rendered.
    case trailingSpace = "trailing-space"
}

public enum DuplicateScope: String, StyleChoice {
    case section, file
}

/// Link labels: canonical spellings in their canonical order, and aliases that mean them.
public struct LabelVocabulary: Sendable, Equatable {
    /// Canonical labels in the order links should appear (`paper` before `code` …).
    public var order: [String]
    /// Alias (as written, compared case-insensitively) → canonical label.
    public var aliases: [String: String]

    public init(order: [String] = [], aliases: [String: String] = [:]) {
        self.order = order
        self.aliases = aliases
    }

    /// The canonical label for `label` (itself, a case variant, or an alias), or nil if unknown.
    public func canonical(_ label: String) -> String? {
        let key = label.lowercased()
        // An ASCII name lowercases to as many bytes: one of another length cannot match.
        let length = key.utf8.count
        let mayMatch = { (name: String) in name.utf8.count == length || name.utf8.contains { $0 >= 0x80 } }
        if let exact = order.first(where: { mayMatch($0) && $0.lowercased() == key }) { return exact }
        if let alias = aliases.first(where: { mayMatch($0.key) && $0.key.lowercased() == key }) { return alias.value }
        return nil
    }

    /// Position of a canonical label in the canonical order.
    public func rank(_ canonical: String) -> Int? { order.firstIndex(of: canonical) }
}
