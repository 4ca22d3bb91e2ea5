import PaperLintCore

/// Each paper entry follows the list's template:
/// `- [YYYY/MM] **Title** *Authors. Venue.* [[label](url)] [[label](url)]`.
public struct EntryFormatRule: Rule {
    public static let description = RuleDescription(
        id: "entry-format",
        defaultSeverity: .error,
        summary: "A paper entry follows the list's template: date, title markup, italic segment, links.",
        rationale: """
            Checks the shape of each paper entry against the list's house style. Errors are what \
            breaks the rendered list: a bracket or emphasis that never closes (closing a link's \
            missing `]` is a safe fix). Warnings, each only where the list itself does otherwise \
            as a strong habit (or `entry.*` pins the form): a title in other markup than the \
            list's, no italic author/venue segment where the list writes one, a link syntax the \
            list does not use (`[label](url)` among `[[label](url)]`; the two double-bracket \
            forms render alike and are both accepted unless one is pinned), a missing date among \
            dated entries (a list with several undated entries has them on purpose), emoji \
            before the date, words between the parts (not a venue and year after the title in a \
            list without italic segments: `**Title**, RSS 2025`), links without a URL, entries \
            without a link (or with their links inside the title's markup). Notes and badges after the links (`(Oral)`, `✅`, star badges) are the list's to \
            add and are not reported. Converting link syntaxes into one another is a safe fix: \
            no byte of the label or URL changes. An entry that `entry-format`, `whitespace`, \
            `punctuation` and `link-spacing` find wrong in three or more places is reported once, \
            as `entry-format`, with every message and the fixes of all of them. Entries that \
            share one template can be read, \
            sorted and checked by tools; the other rules rely on the parts being where the \
            template puts them.
            """,
        nonTriggering: EntryFormatRule.nonTriggeringExamples,
        triggering: EntryFormatRule.triggeringExamples,
        corrections: EntryFormatRule.correctionExamples)

    public init() {}

    public func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        let entries = document.checkedEntries(configuration)
        let template = Template(document, entries, configuration)
        var found: [Diagnostic] = []
        // A list with several undated entries among dated ones (products, tools) has them on purpose.
        let dateless = Self.datelessEntries(document, configuration, dated: entries)
        for entry in dateless.count > 1 ? [] : dateless where document.isInFocus(entry) {
            found.append(template.missingDate(entry))
        }
        for entry in entries where document.isInFocus(entry) {
            found += template.diagnostics(entry).sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Items that look like paper entries but for the date: a bold title and a link with a URL,
    /// in a checked section whose dated entries outnumber them.
    static func datelessEntries(_ document: Document, _ configuration: Configuration, dated: [Entry]) -> [Entry] {
        var candidates: [Int: [Entry]] = [:]
        var sections: [Int] = []
        for entry in document.entries where entry.date == nil && !document.isOpaque(entry.line) {
            guard let title = entry.title, title.markup == .bold, entry.links.contains(where: { $0.url != nil })
            else { continue }
            let section = document.sectionIndex(containing: entry.line)
            if let heading = document.sections[section].heading, configuration.skips(section: heading.text) { continue }
            if candidates[section] == nil { sections.append(section) }
            candidates[section, default: []].append(entry)
        }
        // Dated entries are counted only in the sections that hold a candidate (most lists: none).
        return sections.flatMap { section in
            let entries = candidates[section] ?? []
            return document.entryRun(dated, inSection: section).count > entries.count ? entries : []
        }
    }
}

/// The house style resolved for one document, and the checks of one entry against it. Each
/// form is learned from the whole list the first time an entry's check reads it: a staged
/// check whose new entries have no text before the date never tallies that habit.
private final class Template {
    let document: Document
    let configuration: Configuration
    private let entries: [Entry]
    lazy var title = document.houseForms(configuration.style.title, defaults: [.bold], entries, vote: StyleVotes.title)
    lazy var authors = AuthorSegment.forms(document, entries, configuration)
    lazy var linkSyntax: HouseForms<LinkSyntaxStyle> = {
        var forms = document.houseForms(configuration.style.linkSyntax, defaults: [.innerURL], entries, votes: StyleVotes.linkSyntaxVotes)
        // Every syntax renders the same link: one a few other links use is written on purpose.
        forms.acceptsRecurring = true
        return forms
    }()
    /// Whether entries carry text before the date, between their parts, after the links,
    /// links without a URL, or no link at all: a list that does it on purpose is not flagged.
    lazy var leading = habit([.textBeforeDate])
    lazy var between = habit([.textAfterTitle, .textAfterAuthors]) { [document] in !document.bytes[$0.range].allSatisfy(ASCII.isStrayPunctuation) }
    lazy var trailing: HouseForms<Bool> = {
        let badges = BadgeScanner(bytes: document.bytes)
        return habit([.trailingText]) { !badges.isOnlyBadges($0.range) }
    }()
    lazy var bare = document.habit(entries) { entry in entry.links.contains { $0.url == nil } }
    lazy var linkless = habit([.noLinks])
    lazy var date: String = {
        let form = configuration.style.date.first.map { WrittenDate.Shape(style: $0).pattern(padded: true) }
        return "[\(form ?? Self.commonDate(document, entries))]"
    }()

    init(_ document: Document, _ entries: [Entry], _ configuration: Configuration) {
        self.document = document
        self.configuration = configuration
        self.entries = entries
    }

    /// Whether entries as a habit have a deviation of `kinds` that `counts`.
    private func habit(_ kinds: Set<EntryDeviation.Kind>, _ counts: @escaping (EntryDeviation) -> Bool = { _ in true }) -> HouseForms<Bool> {
        document.habit(entries) { entry in entry.deviations.contains { kinds.contains($0.kind) && counts($0) } }
    }

    /// The date form most entries use, for the message about an entry without one.
    static func commonDate(_ document: Document, _ entries: [Entry]) -> String {
        var tally = Tally<String>()
        for entry in entries.prefix(200) {
            guard let date = entry.date else { continue }
            tally.add(WrittenDate(document.bytes, date).pattern)
        }
        return tally.winner ?? "YYYY/MM"
    }

    func error(_ range: Range<Int>, _ message: String, help: String, fix: Fix? = nil) -> Diagnostic {
        Diagnostic(rule: EntryFormatRule.self, range: range, message: message, help: help, fix: fix)
    }

    func warning(_ range: Range<Int>, _ message: String, help: String, fix: Fix? = nil) -> Diagnostic {
        Diagnostic(rule: EntryFormatRule.self, severity: .warning, range: range, message: message, help: help, fix: fix)
    }

    func missingDate(_ entry: Entry) -> Diagnostic {
        let range = entry.title?.range ?? entry.range
        return warning(
            range, "entry \(document.quoted(range, limit: 40)) has no date; the entries around it start with `\(date)`",
            help: "add the month of first publication before the title: `- \(date) **Title** …`")
    }

    func diagnostics(_ entry: Entry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var brackets: [Diagnostic] = []
        let bytes = document.bytes
        for deviation in entry.deviations {
            switch deviation.kind {
            case .textBeforeDate:
                guard leading.judge(true, lines: entry.lines) != nil else { continue }
                found.append(warning(
                    deviation.range, "\(document.quoted(deviation.range, limit: 30)) before the date; entries start with the date",
                    help: "move it after the links, or remove it"))
            case .missingTitle:
                // `[Title][https://…]`: a link whose URL went into square brackets.
                if let pair = EntryFormatRule.squareBracketedURL(bytes, in: entry.range) {
                    found.append(error(
                        pair.middle..<pair.close + 1,
                        "link \(document.quoted(pair.open..<pair.close + 1, limit: 40)) has its URL in square brackets",
                        help: "write the URL in parentheses: `[Title](https://…)`",
                        fix: Fix(.safe, "put the URL in parentheses", edits: [
                            Edit(replacing: pair.middle + 1..<pair.middle + 2, with: "("),
                            Edit(replacing: pair.close..<pair.close + 1, with: ")"),
                        ])))
                    continue
                }
                found.append(error(
                    entry.date.map { $0.range.upperBound..<$0.range.upperBound } ?? deviation.range,
                    "entry has no title after the date", help: "add the title in bold: `**Title**`"))
            case .unclosedMarkup:
                let mark = document.quoted(deviation.range)
                let part = entry.title.map { $0.range.contains(deviation.range.lowerBound) } == true ? "title" : "italic segment"
                found.append(error(
                    deviation.range, "\(mark) opens the \(part) but is never closed",
                    help: "close it with \(mark) at the end of the \(part)"))
            case .unbalancedBrackets:
                brackets.append(unbalanced(entry, deviation.range))
            case .textAfterTitle, .textAfterAuthors:
                // Lone punctuation there is the punctuation rule's; a missing segment is reported below.
                guard !bytes[deviation.range].allSatisfy(ASCII.isStrayPunctuation) else { continue }
                if deviation.kind == .textAfterTitle && entry.authors == nil && wantsSegment(entry) { continue }
                // Text after a title with no italic segment stands between the title and the links.
                let place = deviation.kind == .textAfterAuthors ? "between the italic segment and the links"
                    : entry.authors == nil ? "between the title and the links" : "between the title and the italic segment"
                if entry.links.isEmpty || between.judge(true, lines: entry.lines) == nil { continue }
                // `**Title**, RSS 2025 [[paper](…)]`: where the list writes no italic segment, a
                // venue and year after the title have no other place to go.
                if entry.authors == nil && !wantsSegment(entry) && EntryFormatRule.namesAYear(bytes[deviation.range]) { continue }
                if EntryFormatRule.isParenthesised(bytes[deviation.range]) { continue }  // a remark, on purpose
                // `And![image](…)roidLab: …`: a screenshot pasted into the title splits it.
                let isImage = bytes[deviation.range].starts(with: [ASCII.exclamation, ASCII.openBracket])
                found.append(warning(
                    deviation.range, isImage ? "an image \(document.quoted(deviation.range, limit: 40)) splits the title"
                        : "text \(document.quoted(deviation.range, limit: 40)) \(place)",
                    help: isImage ? "remove the pasted image and join the title" : entry.authors == nil && !wantsSegment(entry)
                        ? "move it after the links" : "move it into the italic segment, or after the links"))
            case .trailingText:
                // Notes after the links (`*(UT Austin)*`, `✅`, `*code coming soon*`) are what
                // lists add on purpose; lone punctuation there (`.`, a stray `]`) is a slip.
                let text = bytes[deviation.range].filter { !ASCII.isBlank($0) && $0 != ASCII.newline }
                guard !text.isEmpty, text.allSatisfy({ ASCII.isStrayPunctuation($0) || $0 == ASCII.closeBracket || $0 == ASCII.closeParen }),
                    trailing.judge(true, lines: entry.lines) != nil
                else { continue }
                found.append(warning(
                    deviation.range, "stray \(document.quoted(deviation.range, limit: 20)) after the links",
                    help: "remove it"))
            case .noLinks:
                // A link whose bracket never closes is reported as such, not as a missing link.
                if entry.deviations.contains(where: { $0.kind == .unbalancedBrackets }) { continue }
                guard linkless.judge(true, lines: entry.lines) != nil else { continue }
                // `**Title [[paper](u)]**`: the links are there, inside the title's markup.
                if let title = entry.title, [.bold, .italic].contains(title.markup), let first = EntryFormatRule.firstLink(in: bytes[title.text]) {
                    found.append(warning(
                        first..<first, "the title's markup also holds the links, from \(document.quoted(first..<title.text.upperBound, limit: 24))",
                        help: "end the title before its links: `**Title** [[paper](…)]`"))
                    continue
                }
                let at = entry.authors?.range ?? entry.title?.range ?? entry.date?.range ?? deviation.range
                found.append(warning(
                    at.upperBound..<at.upperBound, "entry has no link; \(linkless.judge(true, lines: entry.lines)!.reason({ _ in "a link" }, unit: "entries"))",
                    help: "add a link to the paper: `\(linkExample("paper", "https://…"))`"))
            case .missingAuthors:
                if let missing = missingSegment(entry, deviation.range) { found.append(missing) }
            case .missingDate, .dateVariant, .malformedDate, .linkSyntax, .titleMarkup:
                continue  // date-format reports dates; markup and link syntax are judged against the list's style below
            }
        }
        if let markup = titleMarkup(entry) { found.append(markup) }
        // Where a bracket cannot be closed by a fix, rewriting the links around it could leave
        // the entry worse (`[[a](u) [b](v)]` → `[[a](u) [[b](v)]]`): report them without a fix.
        let canRewriteLinks = brackets.allSatisfy { $0.fix != nil }
        found += brackets
        for link in entry.links {
            if var diagnostic = linkDiagnostic(entry, link) {
                if !canRewriteLinks { diagnostic.fix = nil }
                found.append(diagnostic)
            }
        }
        return found
    }

    /// True when an entry without an italic segment departs from the house style.
    func wantsSegment(_ entry: Entry) -> Bool { authors.judge(.none, lines: entry.lines) != nil }

    private func missingSegment(_ entry: Entry, _ at: Range<Int>) -> Diagnostic? {
        guard let deviation = authors.judge(.none, lines: entry.lines), let title = entry.title else { return nil }
        let form = deviation.value == .venue ? "`*Venue*`" : "`*Authors. Venue.*`"
        let name = deviation.value == .venue ? "venue" : "author/venue"
        var message = "no italic \(name) segment after the title \(document.quoted(title.range, limit: 40))"
        let text = entry.deviations.first { $0.kind == .textAfterTitle }
        if let text { message += " (plain text \(document.quoted(text.range, limit: 30)) instead)" }
        return warning(
            title.range, message + "; " + deviation.reason({ $0 == .venue ? "`*Venue*`" : "`*Authors. Venue.*`" }, unit: "entries"),
            help: "add the \(name) in italics after the title: \(form)")
    }

    private func titleMarkup(_ entry: Entry) -> Diagnostic? {
        guard let written = entry.title, let expected = title.judge(TitleStyle(rawValue: written.markup.rawValue) ?? .plain, lines: entry.lines)
        else { return nil }
        let names: [String: String] = [
            "bold": "`**Title**`", "italic": "`*Title*`", "plain": "plain text", "link": "a link `[Title](url)`",
        ]
        let form = names[expected.value.rawValue] ?? expected.value.rawValue
        let text = document.string(written.text)
        let delimiter = expected.value == .bold ? "**" : expected.value == .italic ? "*" : ""
        // A link title keeps its URL, a title becomes a link only with one, a bold title holding
        // the date (`**[2023] Title**`) keeps it, and highlighted words stay highlighted: no
        // rewrite there.
        let holdsDate = written.markup == .bold && written.text.lowerBound != written.range.lowerBound + 2
        let fix = written.markup == .link || expected.value == .link || holdsDate || text.contains("*")
            ? nil : Fix(.unsafe, "write the title as \(form)", Edit(replacing: written.range, with: delimiter + text + delimiter))
        return Diagnostic(
            rule: EntryFormatRule.self, severity: .warning, range: written.range,
            message: "title \(document.quoted(written.range, limit: 40)) is \(names[written.markup.rawValue] ?? "plain text"); "
                + expected.reason({ names[$0.rawValue] ?? $0.rawValue }, unit: "titles"),
            help: "write the title as \(form)",
            fix: fix)
    }

    /// A link of the wrong syntax, or one without a URL.
    private func linkDiagnostic(_ entry: Entry, _ link: EntryLink) -> Diagnostic? {
        // Quoted only for a finding: most links have none, and quoting costs an allocation.
        var shown: String { document.quoted(link.range, limit: 40) }
        guard let url = link.url else {
            // `[2023/04]` on a line that lost its list marker joins the entry above: a date, not a link.
            guard bare.judge(true, lines: entry.lines) != nil, !EntryFormatRule.isDateShaped(document.bytes[link.label]),
                EntryFormatRule.squareBracketedURL(document.bytes, in: entry.range) == nil  // reported as one link
            else { return nil }
            return warning(
                link.range, "link \(shown) has no URL",
                help: "add the URL (`\(linkExample(document.string(link.label), "https://…"))`) or remove the link")
        }
        // A `[[label](url)` missing its `]` is reported with the bracket.
        if hasStrayBracket(entry, before: link) { return nil }
        guard let style = StyleVotes.linkSyntax(of: link.syntax), let expected = linkSyntax.judge(style, lines: entry.lines) else { return nil }
        // `[[label]](url)` and `[[label](url)]` render the same bracketed label: unless one is
        // configured, a list that writes both may keep both. The one link of a list written
        // the other way is still a slip.
        if !linkSyntax.isConfigured && Set([style, expected.value]) == [.innerURL, .outerURL] && linkSyntax.isUsedElsewhere(style) {
            return nil
        }
        let rewritten = Self.link(document.string(link.label), document.string(url), expected.value)
        var replaced = link.range
        var message = "link \(shown) is written `\(link.syntax.rawValue)`"
        // `[[paper]](url)]`: the writer meant `[[paper](url)]` and closed it after the URL; the
        // stray `]` goes with the rewrite when it is the one bracket too many in the entry.
        let bytes = document.bytes
        if expected.value == .innerURL, link.range.upperBound < entry.range.upperBound,
            bytes[link.range.upperBound] == UInt8(ascii: "]")
        {
            let rest = bytes[link.range.lowerBound..<entry.range.upperBound]
            if rest.count(where: { $0 == UInt8(ascii: "]") }) == rest.count(where: { $0 == UInt8(ascii: "[") }) + 1 {
                replaced = link.range.lowerBound..<(link.range.upperBound + 1)
                message += " with a stray `]` after it"
            }
        }
        return warning(
            link.range, message + "; " + expected.reason({ "`\($0.rawValue)`" }, unit: "links"),
            help: "write it as `\(rewritten)`",
            fix: Fix(.safe, "rewrite the link as \(expected.value.rawValue)", Edit(replacing: replaced, with: rewritten)))
    }

    static func link(_ label: String, _ url: String, _ style: LinkSyntaxStyle) -> String {
        switch style {
        case .outerURL: "[[\(label)]](\(url))"
        case .plain: "[\(label)](\(url))"
        case .innerURL, .auto: "[[\(label)](\(url))]"
        }
    }

    func linkExample(_ label: String, _ url: String) -> String {
        Self.link(label, url, linkSyntax.configured.first ?? linkSyntax.accepted.first ?? .innerURL)
    }

    private func hasStrayBracket(_ entry: Entry, before link: EntryLink) -> Bool {
        entry.deviations.contains { $0.kind == .unbalancedBrackets && $0.range.upperBound == link.range.lowerBound }
    }

    /// A `[` or `(` that never closes; when it is the outer `[` of `[[label](url)` the fix closes it.
    private func unbalanced(_ entry: Entry, _ range: Range<Int>) -> Diagnostic {
        let mark = document.quoted(range)
        if let date = entry.date, date.range.upperBound == range.lowerBound {
            let after = range.upperBound < entry.range.upperBound && ASCII.isBlank(document.bytes[range.upperBound])
            return error(
                range, "stray \(mark) after the date \(document.quoted(date.range))", help: "remove it",
                fix: Fix(.safe, "remove the stray `]`", Edit(replacing: range, with: after ? "" : " ")))
        }
        if let link = entry.links.first(where: { $0.range.lowerBound == range.upperBound }), link.syntax == .plain {
            let written = document.quoted(range.lowerBound..<link.range.upperBound, limit: 40)
            // Close it only when that balances the rest of the entry: in `[[a](u) [b](v)]` the
            // `]` that closes the stray `[` is already there, after the second link.
            let bytes = document.bytes[range.lowerBound..<entry.range.upperBound]
            let balance = bytes.count { $0 == UInt8(ascii: "[") } - bytes.count { $0 == UInt8(ascii: "]") }
            guard balance == 1 else {
                return error(
                    range, "`[` before \(document.quoted(link.range, limit: 30)) closes only after the links that follow it",
                    help: "give each link its own brackets: `\(linkExample("label", "url"))`")
            }
            let fix = linkSyntax.accepts(.innerURL)
                ? Fix(.safe, "close the link with `]`", Edit(replacing: link.range.upperBound..<link.range.upperBound, with: "]"))
                : nil
            return error(
                range, "link \(written) opens `[[` but closes with `)` only", help: "add the missing `]` after the URL", fix: fix)
        }
        return error(
            range, "\(mark) never closes; the rest of the entry renders as plain text",
            help: "close the bracket, or escape it as `\\\(document.string(range))`")
    }

    private func isOnlyBadges(_ range: Range<Int>) -> Bool { BadgeScanner(bytes: document.bytes).isOnlyBadges(range) }
}
