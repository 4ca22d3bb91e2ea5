import PaperLintCore
import PaperLintRules

/// Where a new entry goes in its section, and which entry it is modelled on.
struct Placement {
    /// The new entry is inserted before this line (one past the section's last entry at the end).
    var line: Int
    /// Its position among the section's entries.
    var index: Int
    var entries: [(entry: Entry, key: Int?)]

    /// At the date's place in the section's direction: in a newest-first section before the
    /// first entry of the same month or older, in an oldest-first one before the first of
    /// the same month or newer (among equal dates, first); after the last entry when none is.
    init(section: Int, date: PaperDate, in document: Document, _ configuration: Configuration, path: String) throws(PaperLintError) {
        let (entries, newestFirst) = PaperLookup.placement(section: section, in: document, configuration)
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
            return newestFirst ? other <= newKey : other >= newKey
        }
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
    /// entry's place; entries with findings only where no entry is clean.
    static func model(_ placement: Placement, in document: Document, _ configuration: Configuration) -> Entry {
        var flagged: Set<Int> = []
        for finding in RuleRunner.run(document, configuration) where finding.severity >= .warning {
            let first = document.line(containing: finding.range.lowerBound)
            let last = document.line(containing: max(finding.range.lowerBound, finding.range.upperBound - 1))
            for line in first...max(first, last) { flagged.insert(line) }
        }
        let positions = placement.entries.indices
        let clean = positions.filter { position in
            let entry = placement.entries[position].entry
            return !(entry.line...entry.lastLine).contains(where: flagged.contains)
        }
        let pool = clean.isEmpty ? Array(positions) : clean
        var shapes: [Shape: Int] = [:]
        for position in pool { shapes[Shape(placement.entries[position].entry, document), default: 0] += 1 }
        let common = shapes.max { ($0.value, $1.key.rank) < ($1.value, $0.key.rank) }?.key
        let chosen = pool.filter { Shape(placement.entries[$0].entry, document) == common }
        let nearest = chosen.min { abs($0 - placement.index) < abs($1 - placement.index) } ?? pool[0]
        return placement.entries[nearest].entry
    }

    /// What makes two entries look alike.
    struct Shape: Hashable {
        var date: String?
        var dateVenue: Bool
        var title: EntryTitle.Markup?
        var authors: Bool
        var links: EntryLink.Syntax?
        var separator: [UInt8]
        var other: Bool

        init(_ entry: Entry, _ document: Document) {
            date = entry.date.map { $0.style.rawValue + String(document.bytes[$0.range.lowerBound]) }
            dateVenue = entry.date?.venue != nil
            title = entry.title?.markup
            authors = entry.authors != nil
            links = entry.links.first?.syntax
            separator = entry.separators.first.map { Array(document.bytes[$0]) } ?? []
            other = entry.parts.contains { $0.kind == .other }
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
