import PaperLintCore

/// Whether titles end with a period, counted per section and for the whole list.
///
/// Lists often differ by section (surveys written as sentences, model names without), so with
/// `title-period: auto` a section with at least `minimumSectionVotes` votes and a clear
/// majority follows its own majority; other sections follow the list's. `paperlint init`
/// writes `auto` when some section's majority contradicts the list's.
public struct TitlePeriods: Sendable {
    /// Fewer votes than this and a section follows the whole list.
    public static let minimumSectionVotes = 3

    /// `.require` votes for titles ending with a period, `.forbid` for those without one.
    public private(set) var file = Tally<Requirement>()
    /// Votes by index into `document.sections`.
    public private(set) var sections: [Int: Tally<Requirement>] = [:]

    /// Counts the titles of `entries`.
    public init(_ document: Document, _ entries: [Entry]) {
        var cursor = document.sectionCursor()
        for entry in entries {
            guard let vote = Self.vote(entry, document.bytes) else { continue }
            file.add(vote)
            sections[cursor.section(containing: entry.line), default: Tally()].add(vote)
        }
    }

    /// What the title of `entry` says about the period: nil when it cannot tell (no title, a
    /// title ending in `?`, `!`, an ellipsis, a quote or an abbreviation such as `et al.`).
    ///
    /// `**Title**.` votes for a period: the writer meant one and put it outside the markup.
    public static func vote(_ entry: Entry, _ bytes: [UInt8]) -> Requirement? {
        guard let title = entry.title, !title.text.isEmpty,
            !entry.deviations.contains(where: { $0.kind == .unclosedMarkup && title.range.contains($0.range.lowerBound) })
        else { return nil }
        // `And![image](…)`: a plain title glued to an image or a link has not ended there.
        if title.markup == .plain, title.range.upperBound < bytes.count,
            bytes[title.range.upperBound] == UInt8(ascii: "!") || bytes[title.range.upperBound] == UInt8(ascii: "[")
        {
            return nil
        }
        switch ending(bytes, title.text) {
        case .period: return .require
        case .bare: return strayPeriod(entry, bytes) != nil ? .require : .forbid
        case .other: return nil
        }
    }

    enum Ending { case period, bare, other }

    /// How the title text ends.
    static func ending(_ bytes: [UInt8], _ text: Range<Int>) -> Ending {
        var end = text.upperBound
        while end > text.lowerBound && ASCII.isBlank(bytes[end - 1]) { end -= 1 }
        guard end > text.lowerBound else { return .other }
        let last = bytes[end - 1]
        if last == UInt8(ascii: ".") {
            if end - 1 > text.lowerBound && bytes[end - 2] == UInt8(ascii: ".") { return .other }  // `...`
            // The last word: an abbreviation (`et al.`, `U.S.`, `etc.`) ends with a period of its own.
            var start = end - 1
            while start > text.lowerBound && !ASCII.isBlank(bytes[start - 1]) { start -= 1 }
            let word = bytes[start..<(end - 1)]
            if word.contains(UInt8(ascii: ".")) { return .other }
            let lowered = String(decoding: word, as: UTF8.self).lowercased()
            if ["al", "etc", "inc", "vs", "jr", "co", "ltd"].contains(lowered) { return .other }
            return .period
        }
        // Terminal punctuation other than a period, closing quotes, and their UTF-8 forms (`…` `”` `’`).
        if last == UInt8(ascii: "?") || last == UInt8(ascii: "!") || last == UInt8(ascii: "\"")
            || last == UInt8(ascii: "'")
        {
            return .other
        }
        if end - text.lowerBound >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80
            && [0xA6, 0x9D, 0x99].contains(bytes[end - 1])
        {
            return .other
        }
        return .bare
    }

    /// The `.` of `**Title**.`: a text-after-title deviation that is exactly one period.
    static func strayPeriod(_ entry: Entry, _ bytes: [UInt8]) -> Range<Int>? {
        guard let title = entry.title else { return nil }
        for deviation in entry.deviations where deviation.kind == .textAfterTitle {
            guard deviation.range.lowerBound >= title.range.upperBound, deviation.range.count == 1,
                bytes[deviation.range.lowerBound] == UInt8(ascii: ".")
            else { continue }
            return deviation.range
        }
        return nil
    }

    /// True when a section with enough votes clearly disagrees with the whole list.
    public var sectionsDisagree: Bool {
        guard let overall = Self.strictWinner(file) else { return false }
        return sections.values.contains { local in
            local.total >= Self.minimumSectionVotes && Self.strictWinner(local).map { $0 != overall } ?? false
        }
    }

    static func strictWinner(_ tally: Tally<Requirement>) -> Requirement? {
        let yes = tally.counts[.require] ?? 0, no = tally.counts[.forbid] ?? 0
        return yes > no ? .require : no > yes ? .forbid : nil
    }
}
