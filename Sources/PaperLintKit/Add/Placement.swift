import PaperLintCore
import PaperLintRules

/// Where a new entry goes in its section, and which entry it is modelled on.
struct Placement {
    /// The new entry is inserted before this line (one past the section's last entry at the end).
    var line: Int
    /// Its position among the section's entries.
    var index: Int
    var entries: [(entry: Entry, key: Int?)]
    /// True when the section's entries stand apart, a blank line between each two (a loose
    /// list): the new entry gets one too.
    var loose: Bool

    /// At the date's place in the section's direction: in a newest-first section before the
    /// first entry of the same month or older, in an oldest-first one before the first of
    /// the same month or newer (among equal dates, first); after the last entry when none is.
    init(section: Int, date: PaperDate, in document: Document, _ configuration: Configuration, path: String) throws(PaperLintError) {
        let (entries, newestFirst, _) = PaperLookup.placement(section: section, in: document, configuration)
        guard let last = entries.last else {
            let name = document.sections[section].heading?.text ?? "the text before the first heading"
            throw PaperLintError("\(path): “\(name)” has no paper entries to model the new one on; add the first one by hand")
        }
        self.entries = entries
        let key = date.sortKey
        let monthless = entries.allSatisfy { ($0.key ?? 0) % 100 == 0 }
        let newKey = monthless ? date.year * 100 : key
        let found = entries.firstIndex { entry in
            guard let other = entry.key else { return false }
            // Dated to the day, both: the day decides within the month.
            if other == newKey, let day = date.day, let otherDay = entry.entry.date?.day {
                return newestFirst ? otherDay <= day : otherDay >= day
            }
            return newestFirst ? other <= newKey : other >= newKey
        }
        var apart = 0, together = 0
        for (above, below) in zip(entries, entries.dropFirst()) {
            let end = PaperLookup.blockLastLine(of: above.entry, in: document, configuration)
            if below.entry.line == end + 1 { together += 1 }
            if below.entry.line == end + 2 && document.text(ofLine: end + 1).trimmingBlanks().isEmpty { apart += 1 }
        }
        loose = apart > together
        if let found {
            index = found
            line = Self.lineAbove(entries[found].entry, in: document)
        } else {
            index = entries.count
            line = PaperLookup.blockLastLine(of: last.entry, in: document, configuration) + 1
        }
    }

    /// The entry's first line, or the suppression comment right above it, which belongs to it.
    private static func lineAbove(_ entry: Entry, in document: Document) -> Int {
        var line = entry.line
        while line > 1 {
            let text = document.text(ofLine: line - 1).trimmingBlanks()
            guard text.hasPrefix("<!--"), text.contains("paperlint-disable-next-line") else { break }
            line -= 1
        }
        return line
    }

    /// The section's entries with no finding, in the shape most of them share (date form,
    /// title markup, author segment, link syntax and separator), the nearest to the new
    /// entry's place. Where no entry of the section is clean, the list's clean entries (a
    /// flagged neighbour would pass its blemish on); where none is, the section's own.
    static func model(_ placement: Placement, in document: Document, _ configuration: Configuration, found: [Diagnostic]) -> Entry {
        var flagged: Set<Int> = []
        for finding in found where finding.severity >= .warning { flagged.formUnion(document.lines(spanning: finding.range)) }
        func isClean(_ entry: Entry) -> Bool { !(entry.line...entry.lastLine).contains(where: flagged.contains) }
        let own = placement.entries.map(\.entry)
        var pool = own.filter(isClean)
        if pool.isEmpty { pool = document.paperEntries(configuration).filter(isClean) }
        if pool.isEmpty { pool = own }
        var shapes: [Shape: Int] = [:]
        for entry in pool { shapes[Shape(entry, document), default: 0] += 1 }
        let common = shapes.max { ($0.value, $1.key.rank) < ($1.value, $0.key.rank) }?.key
        // The distance in lines to where the new entry goes.
        let line = placement.index < own.count ? own[placement.index].line : (own.last?.lastLine ?? 0) + 1
        return pool.filter { Shape($0, document) == common }.min { abs($0.line - line) < abs($1.line - line) } ?? pool[0]
    }

    /// What makes two entries look alike.
    struct Shape: Hashable {
        var date: String?
        var dateVenue: Bool
        var title: EntryTitle.Markup?
        var authors: AuthorStyle
        var links: EntryLink.Syntax?
        var separator: [UInt8]
        var other: Bool

        init(_ entry: Entry, _ document: Document) {
            date = entry.date.map { $0.style.rawValue + String(document.bytes[$0.range.lowerBound]) }
            dateVenue = entry.date?.venue != nil
            title = entry.title?.markup
            authors = StyleVotes.authors(entry, document.bytes)
            links = entry.links.first?.syntax
            separator = entry.separators.first.map { Array(document.bytes[$0]) } ?? []
            other = entry.parts(in: document.bytes).contains { $0.kind == .other }
        }

        /// Tie-break: the plainer shape (no badges, no venue in the date) wins.
        var rank: Int { (other ? 2 : 0) + (dateVenue ? 1 : 0) }
    }
}

/// The section `--section` names: by heading text (emoji, case and punctuation aside) or
/// by anchor (`#multimodal-llms`), with a did-you-mean.
enum SectionChoice {
    static func resolve(_ name: String, in document: Document, _ configuration: Configuration, path: String) throws(PaperLintError) -> Int {
        let anchor = name.hasPrefix("#") ? String(name.dropFirst()) : name
        let key = Configuration.sectionKey(name)
        let headed = document.sections.indices.filter { document.sections[$0].heading != nil }
        if let exact = headed.first(where: { document.sections[$0].heading.map { $0.slug.trimmingPrefix("#") == anchor } ?? false }) {
            return exact
        }
        let matches = headed.filter { index in
            document.sections[index].heading.map { Configuration.headingKeys($0.text).contains(key) } ?? false
        }
        let papers = Set(document.paperEntries(configuration).map { document.sectionIndex(containing: $0.line) })
        let withPapers = matches.filter(papers.contains)
        if matches.count == 1 { return matches[0] }
        if withPapers.count == 1 { return withPapers[0] }
        if matches.count > 1 {
            let anchors = matches.compactMap { document.sections[$0].heading?.slug }.map { $0.hasPrefix("#") ? $0 : "#" + $0 }
            throw PaperLintError("--section '\(name)': \(matches.count) sections have that heading; give its anchor (\(anchors.joined(separator: ", ")))")
        }
        let names = headed.filter(papers.contains).compactMap { document.sections[$0].heading?.text }
        throw PaperLintError(
            "--section '\(NewPaper.shown(name))': no such heading in \(path)\(Suggestions.clause(name, names)); give a heading's text or anchor")
    }
}

extension String {
    func trimmingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
