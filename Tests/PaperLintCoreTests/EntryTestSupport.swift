@testable import PaperLintCore

/// Helpers shared by the entry parser tests.
enum EntryCheck {
    /// Parses `text` as a whole list item (the range is all of it).
    static func parse(_ text: String) -> (entry: Entry, bytes: [UInt8]) {
        let bytes = Array(text.utf8)
        return (EntryParser.parse(bytes, range: 0..<bytes.count, line: 1, lastLine: 1), bytes)
    }

    /// Byte range of the `occurrence`-th (0-based) appearance of `needle` in `haystack`.
    static func span(of needle: String, in haystack: [UInt8], occurrence: Int = 0) -> Range<Int>? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty && pattern.count <= haystack.count else { return nil }
        var seen = 0
        for start in 0...(haystack.count - pattern.count) where haystack[start..<start + pattern.count].elementsEqual(pattern) {
            if seen == occurrence { return start..<start + pattern.count }
            seen += 1
        }
        return nil
    }

    static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The parts as (kind, text) pairs, for comparing against an expected layout.
    static func layout(_ entry: Entry, _ bytes: [UInt8]) -> [Piece] {
        entry.parts(in: bytes).map { Piece($0.kind, text(bytes, $0.range)) }
    }

    /// Everything that must hold for any entry of any input; returns what does not.
    static func violations(_ entry: Entry, _ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        let range = entry.range
        func inside(_ inner: Range<Int>, _ outer: Range<Int>, _ what: String) {
            if inner.lowerBound < outer.lowerBound || inner.upperBound > outer.upperBound {
                problems.append("\(what) \(inner) outside \(outer)")
            }
        }
        guard range.lowerBound >= 0 && range.upperBound <= bytes.count else {
            return ["entry range \(range) outside the \(bytes.count) bytes"]
        }
        // The parts are read again from the entry's range: that parse is the entry itself.
        let (reparsed, parts) = EntryParser.parseRecordingParts(bytes, range: range, line: entry.line, lastLine: entry.lastLine)
        if reparsed != entry { problems.append("parsing the entry's range again gives another entry") }
        // Parts: contiguous, ordered, non-empty, covering the range, reproducing the bytes.
        var cursor = range.lowerBound
        var joined: [UInt8] = []
        joined.reserveCapacity(range.count)
        for part in parts {
            if part.range.lowerBound != cursor { problems.append("part \(part.kind) \(part.range) does not start at \(cursor)") }
            if part.range.isEmpty { problems.append("empty part \(part.kind) at \(part.range.lowerBound)") }
            inside(part.range, range, "part \(part.kind)")
            guard part.range.lowerBound >= 0 && part.range.upperBound <= bytes.count && !part.range.isEmpty else { continue }
            if bytes[part.range.lowerBound] & 0xC0 == 0x80 { problems.append("part \(part.kind) \(part.range) splits a scalar") }
            switch part.kind {
            case .lineBreak where !bytes[part.range].contains(UInt8(ascii: "\n")):
                problems.append("line break \(part.range) holds no newline")
            case .space where !bytes[part.range].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }):
                problems.append("space \(part.range) holds more than blanks")
            default:
                break
            }
            joined += bytes[part.range]
            cursor = part.range.upperBound
        }
        if cursor != range.upperBound { problems.append("parts end at \(cursor), the entry at \(range.upperBound)") }
        if !joined.elementsEqual(bytes[range]) { problems.append("joined parts differ from the entry bytes") }

        // Components lie inside the entry and inside each other, and are made of their parts
        // (split only by line breaks).
        let partIndex = Dictionary(parts.enumerated().map { ($1.range.lowerBound, $0) }, uniquingKeysWith: { a, _ in a })
        func made(of kind: EntryPart.Kind, _ component: Range<Int>, _ what: String) {
            guard !component.isEmpty else { return }
            guard var index = partIndex[component.lowerBound] else {
                return problems.append("\(what) \(component) does not start a part")
            }
            while index < parts.count && parts[index].range.upperBound < component.upperBound {
                if parts[index].kind != kind && parts[index].kind != .lineBreak { break }
                index += 1
            }
            if index >= parts.count || parts[index].kind != kind
                || parts[index].range.upperBound != component.upperBound
            {
                problems.append("\(what) \(component) is not covered by \(kind) parts")
            }
        }
        if entry.marker.lowerBound != range.lowerBound && !entry.marker.isEmpty { problems.append("marker not at the start") }
        inside(entry.marker, range, "marker")
        made(of: .marker, entry.marker, "marker")
        if let date = entry.date {
            inside(date.range, range, "date")
            made(of: .date, date.range, "date")
        }
        if let title = entry.title {
            inside(title.range, range, "title")
            inside(title.text, title.range, "title text")
            if let date = entry.date, title.range.contains(date.range.lowerBound) {
                // `**[2023] Title**`: the date opens the bold title; title parts stand around it.
                inside(date.range, title.range, "date in the title")
                made(of: .title, title.range.lowerBound..<date.range.lowerBound, "title before its date")
                made(of: .title, date.range.upperBound..<title.range.upperBound, "title after its date")
                if title.text.lowerBound < date.range.upperBound { problems.append("title text \(title.text) holds the date") }
            } else {
                made(of: .title, title.range, "title")
            }
        }
        if let authors = entry.authors {
            inside(authors.range, range, "authors")
            inside(authors.text, authors.range, "authors text")
            made(of: .authors, authors.range, "authors")
        }
        var previousEnd = range.lowerBound
        for link in entry.links {
            inside(link.range, range, "link")
            inside(link.label, link.range, "link label")
            if let url = link.url { inside(url, link.range, "link url") }
            if link.range.lowerBound < previousEnd { problems.append("link \(link.range) overlaps the previous one") }
            previousEnd = link.range.upperBound
            made(of: .link, link.range, "link")
        }
        if entry.separators.count != max(0, entry.links.count - 1) {
            problems.append("\(entry.separators.count) separators for \(entry.links.count) links")
        } else {
            for (index, separator) in entry.separators.enumerated()
            where separator != entry.links[index].range.upperBound..<entry.links[index + 1].range.lowerBound {
                problems.append("separator \(separator) is not the gap between links \(index) and \(index + 1)")
            }
        }
        for deviation in entry.deviations { inside(deviation.range, range, "deviation \(deviation.kind)") }
        return problems
    }
}

/// One expected part: its kind and its exact text.
struct Piece: Hashable, Sendable, CustomStringConvertible {
    let kind: EntryPart.Kind
    let text: String
    init(_ kind: EntryPart.Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
    var description: String { "\(kind)(\(text.debugDescription))" }
}
