import PaperLintCore
import PaperLintRules

/// Writes a new entry the way a maintainer does: copy a neighbour and change its words.
///
/// The model is an entry of the same section that `check` finds nothing on. Its bytes are
/// kept (list marker, indentation, date brackets, title markup, author segment, link syntax
/// and separator, spaces) and only its facts are replaced: the date (in the model's form
/// and padding), the title (with the model's final period or none), the authors and venue,
/// the links (in the list's label spellings and order). Badges, emoji and remarks of the
/// model belong to its paper and are left out.
struct EntryComposer {
    let document: Document
    let configuration: Configuration
    let habits: ListHabits

    /// The entry's text (its lines, without the last line end) and notes about fields the
    /// list has no place for.
    struct Composed {
        var text: String
        var notes: [String]
    }

    /// A byte range of the model and what replaces it.
    private struct Substitution {
        var range: Range<Int>
        var bytes: [UInt8]
    }

    func compose(_ paper: CheckedPaper, model: Entry) throws(PaperLintError) -> Composed {
        var substitutions: [Substitution] = []
        var notes: [String] = []
        var links = habits.ordered(paper.links, configuration)
        // A link labelled with a venue and year (`[[ICLR 2025]](url)`) carries the venue.
        var venueWritten = paper.venue != nil && model.links.contains { Self.containsYear(document.string($0.label)) }
        let parts = model.parts(in: document.bytes)
        var removed: Set<Int> = []  // indices of model parts left out

        if let date = model.date {
            let written = document.string(date.value)
            if let missing = paper.date.missingPart(for: date) {
                throw PaperLintError(
                    "--date: the list dates its entries like \(document.string(date.range)), to the \(missing); give the paper's \(missing) too")
            }
            substitutions.append(Substitution(
                range: date.value, bytes: Array(paper.date.rendered(like: written, date, padMonths: habits.padMonths, padDays: habits.padDays).utf8)))
            if let venue = date.venue {
                let words = paper.venue ?? (links.contains { Self.isArxiv($0.url) } ? "arXiv" : "Preprint")
                substitutions.append(Substitution(range: venue, bytes: Array(words.utf8)))
                venueWritten = paper.venue != nil
            }
        }
        guard let title = model.title else {
            throw PaperLintError("line \(model.line): the list's entries have no title to write; add this paper by hand")
        }
        substitutions.append(Substitution(range: title.text, bytes: Array(Self.title(paper.title, like: document.string(title.text)).utf8)))
        if title.markup == .link, let url = title.url {
            // `[Title](url)`: the title links to the paper, the other links follow.
            guard let index = links.firstIndex(where: { ListHabits.canonical($0.label, configuration) == "paper" }) ?? links.indices.first else {
                throw PaperLintError("--link: the list links each title to its paper; give --link paper=URL")
            }
            substitutions.append(Substitution(range: url, bytes: Array(links.remove(at: index).url.utf8)))
        }
        if let authors = model.authors {
            let modelText = document.string(authors.text)
            let venueOnly = StyleVotes.authors(model, document.bytes) == .venue
            // A preprint in a list that names the venue after the authors (`et al. arXiv.`),
            // or only the venue (`*arXiv*`), is named as the list names its preprints.
            let preprint = paper.venue == nil && (venueOnly || Self.namesVenue(modelText)) && paper.links.contains { Self.isArxiv($0.url) }
                ? "arXiv" : nil
            let venue = venueWritten ? nil : paper.venue ?? preprint
            let text = venueOnly ? venue.map { Self.authors([], venue: $0, like: modelText) ?? $0 } : Self.authors(paper.authors, venue: venue, like: modelText)
            if let text {
                substitutions.append(Substitution(range: authors.text, bytes: Array(text.utf8)))
                venueWritten = venueWritten || paper.venue != nil
            } else if let index = parts.firstIndex(where: { $0.kind == .authors }) {
                removed.insert(index)
            }
            if venueOnly && !paper.authors.isEmpty {
                notes.append("the list names no authors in its entries, only the venue; --authors is not written")
            }
        } else if !paper.authors.isEmpty {
            notes.append("the list names no authors in its entries; --authors is not written")
        }
        if paper.venue != nil && !venueWritten {
            notes.append("the list has no place for a venue in its entries; --venue is not written")
        }
        substitutions += try linkSubstitutions(links, model: model, parts: parts, paper: paper, removed: &removed)
        for (index, part) in parts.enumerated() where part.kind == .other { removed.insert(index) }
        substitutions += removals(parts, removed)
        return Composed(text: String(decoding: apply(substitutions, to: model), as: UTF8.self), notes: notes)
    }

    /// The model's runs of adjacent links get the new links: all of them where the model has
    /// one run; where it has a run before the title and one after (`[[ICLR 2025]](url)
    /// **Title** [[Code]](url)`), the paper link the first, the others the last. A run whose
    /// link is labelled with a year (`[[arXiv 2025]]`) names the venue in its label, so the
    /// new link does too.
    private func linkSubstitutions(
        _ links: [NewPaper.Link], model: Entry, parts: [EntryPart], paper: CheckedPaper, removed: inout Set<Int>
    ) throws(PaperLintError) -> [Substitution] {
        var runs: [[Int]] = []  // indices of model parts, one array per run of links
        var open = false
        for (index, part) in parts.enumerated() {
            switch part.kind {
            case .link:
                if open { runs[runs.count - 1].append(index) } else { runs.append([index]) }
                open = true
            case .separator: if open { runs[runs.count - 1].append(index) }
            default: open = false
            }
        }
        guard let firstRun = runs.first, let lastRun = runs.last else {
            if links.isEmpty { return [] }
            return [Substitution(
                range: model.range.upperBound..<model.range.upperBound,
                bytes: Array(" ".utf8) + render(links, syntax: .innerURL, separator: habits.separator))]
        }
        let syntax = model.links.first?.syntax ?? .innerURL
        // The model's own separator between two adjacent links, else the list's usual one.
        let separator = runs.lazy.flatMap { $0 }.first { parts[$0].kind == .separator }
            .map { Array(document.bytes[parts[$0].range]) } ?? habits.separator
        let paperIndex = links.firstIndex { ListHabits.canonical($0.label, configuration) == "paper" } ?? links.indices.first
        var rest = links
        let paperLink = paperIndex.map { rest.remove(at: $0) }
        let leads = model.title.map { parts[firstRun[0]].range.lowerBound < $0.range.lowerBound } ?? false
        var groups: [(run: [Int], links: [NewPaper.Link])]
        var trailing: [NewPaper.Link] = []
        if runs.count > 1 {
            groups = [(firstRun, paperLink.map { [$0] } ?? []), (lastRun, rest)]
            for run in runs.dropFirst().dropLast() { removed.formUnion(run) }
        } else if leads && !rest.isEmpty {
            // `[[ICLR 2025]](url) **Title**`: the paper link leads, the others follow the title.
            groups = [(firstRun, paperLink.map { [$0] } ?? [])]
            trailing = rest
        } else {
            groups = [(firstRun, links)]
        }
        var out: [Substitution] = []
        for (run, assigned) in groups {
            guard !assigned.isEmpty else {
                removed.formUnion(run)
                continue
            }
            let range = parts[run[0]].range.lowerBound..<parts[run[run.count - 1]].range.upperBound
            let modelLabel = model.links.first { $0.range.lowerBound == range.lowerBound }.map { document.string($0.label) } ?? ""
            let venueLabel = Self.containsYear(modelLabel) && assigned.count == 1 ? venueLabel(paper, assigned[0]) : nil
            out.append(Substitution(range: range, bytes: render(assigned, syntax: syntax, separator: separator, label: venueLabel)))
        }
        if !trailing.isEmpty {
            let end = model.range.upperBound
            out.append(Substitution(range: end..<end, bytes: Array(" ".utf8) + render(trailing, syntax: syntax, separator: separator)))
        }
        return out
    }

    /// `ICLR 2025`, or `arXiv 2023` for a preprint: a venue label with its year.
    private func venueLabel(_ paper: CheckedPaper, _ link: NewPaper.Link) -> String {
        let venue = paper.venue ?? (Self.isArxiv(link.url) ? "arXiv" : "Preprint")
        return Self.containsYear(venue) ? venue : "\(venue) \(paper.date.year)"
    }

    /// True when `text` holds a four-digit year from 1900 on (`NeurIPS 2023`, `arXiv 2025`).
    static func containsYear(_ text: String) -> Bool {
        var run = 0
        for (index, character) in text.enumerated() {
            run = character.isASCII && character.isNumber ? run + 1 : 0
            if run == 4 {
                let digits = text.dropFirst(index - 3).prefix(4)
                let next = text.dropFirst(index + 1).first
                if (digits.hasPrefix("19") || digits.hasPrefix("20")) && !(next?.isNumber ?? false) { return true }
            }
        }
        return false
    }

    /// Left-out parts, each with the blank before it (or after it, at the start of the entry).
    private func removals(_ parts: [EntryPart], _ removed: Set<Int>) -> [Substitution] {
        var out: [Substitution] = []
        var taken: Set<Int> = []
        for index in removed.sorted() {
            var range = parts[index].range
            taken.insert(index)
            if index > 0, parts[index - 1].kind == .space, !taken.contains(index - 1) {
                range = parts[index - 1].range.lowerBound..<range.upperBound
                taken.insert(index - 1)
            } else if index + 1 < parts.count, parts[index + 1].kind == .space, !taken.contains(index + 1) {
                range = range.lowerBound..<parts[index + 1].range.upperBound
                taken.insert(index + 1)
            }
            out.append(Substitution(range: range, bytes: []))
        }
        return out
    }

    /// The model's lines (from its first line's indentation) with the substitutions applied;
    /// a substitution inside a removed part gives way to the removal.
    private func apply(_ substitutions: [Substitution], to model: Entry) -> [UInt8] {
        let start = document.lineStarts[model.line - 1]
        let sorted = substitutions.sorted { ($0.range.lowerBound, $1.range.count) < ($1.range.lowerBound, $0.range.count) }
        var out: [UInt8] = []
        var cursor = start
        for substitution in sorted where substitution.range.lowerBound >= cursor {
            out += document.bytes[cursor..<substitution.range.lowerBound]
            out += substitution.bytes
            cursor = substitution.range.upperBound
        }
        out += document.bytes[cursor..<max(cursor, model.range.upperBound)]
        while let last = out.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { out.removeLast() }
        return out
    }

    private func render(_ links: [NewPaper.Link], syntax: EntryLink.Syntax, separator: [UInt8], label given: String? = nil) -> [UInt8] {
        var out: [UInt8] = []
        for (index, link) in links.enumerated() {
            if index > 0 { out += separator }
            let label = given ?? habits.spelled(link.label, configuration)
            let text = switch syntax {
            case .innerURL, .bare: "[[\(label)](\(link.url))]"
            case .outerURL: "[[\(label)]](\(link.url))"
            case .plain: "[\(label)](\(link.url))"
            }
            out += Array(text.utf8)
        }
        return out
    }

    /// The title with the model's final period, or without one where the model has none
    /// (a title ending in `?` or `!` keeps it).
    static func title(_ title: String, like model: String) -> String {
        let endsWithPeriod = model.hasSuffix(".") && !model.hasSuffix("..")
        if endsWithPeriod && !title.hasSuffix(".") && !title.hasSuffix("?") && !title.hasSuffix("!") { return title + "." }
        if !endsWithPeriod && title.hasSuffix(".") && !title.hasSuffix("..") { return String(title.dropLast()) }
        return title
    }

    /// The author segment's text in the model's way: `First Author et al.` where the model
    /// abbreviates, every name otherwise; then the venue; the model's final period or none.
    /// Nil when there is nothing to write.
    static func authors(_ names: [String], venue: String?, like model: String) -> String? {
        guard !names.isEmpty || venue != nil else { return nil }
        let abbreviates = model.contains("et al")
        var text: String
        if names.isEmpty {
            text = ""
        } else if abbreviates && names.count > 2 {
            text = names[0] + (model.contains("et al.") ? " et al." : " et al")
        } else if names.count == 2 {
            text = names[0] + " and " + names[1]
        } else {
            text = names.joined(separator: ", ")
        }
        let endsWithPeriod = model.hasSuffix(".")
        if let venue {
            text = text.isEmpty ? venue : (text.hasSuffix(".") ? text : text + ".") + " " + venue
        }
        if endsWithPeriod && !text.hasSuffix(".") { text += "." }
        if !endsWithPeriod && text.hasSuffix(".") && !text.hasSuffix("al.") { text.removeLast() }
        return text
    }

    /// True when the model's author segment goes on after `et al.` (`Chen et al. NeurIPS 2023.`).
    static func namesVenue(_ text: String) -> Bool {
        guard let range = text.firstRange(of: "et al.") else { return false }
        return text[range.upperBound...].contains { $0.isLetter || $0.isNumber }
    }

    static func isArxiv(_ url: String) -> Bool { url.lowercased().contains("arxiv.org/") }
}
