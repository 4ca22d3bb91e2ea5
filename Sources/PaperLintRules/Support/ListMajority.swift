import PaperLintCore

/// The form a style key asks for, and how much of the list already uses it.
///
/// A configured value is the maintainer's word; an `auto` value is the list's own majority.
/// Either way messages name the list's count, so a reader sees why the minority is flagged.
struct Expected<Value: Hashable & Sendable>: Sendable {
    var value: Value
    var isConfigured: Bool
    /// Votes for `value` and all votes; nil when the list casts none.
    var votes: (count: Int, total: Int)?

    /// "this list writes `[[label](url)]` (161 of 164 links)", or for a configured value
    /// "the configured form is `] [[` (used by 48 of 51 separators)".
    func reason(_ form: String, unit: String) -> String {
        guard isConfigured else {
            return "this list writes \(form)" + (votes.map { " (\($0.count) of \($0.total) \(unit))" } ?? "")
        }
        return "the configured form is \(form)" + (votes.map { " (used by \($0.count) of \($0.total) \(unit))" } ?? "")
    }

    /// The configured value, or the majority of `tally` when `configured` is nil (`auto`);
    /// nil when the value is `auto` and the list casts no vote or ties: without a clear
    /// majority there is no minority to flag.
    static func resolve(_ configured: Value?, _ tally: Tally<Value>) -> Expected? {
        let chosen = configured ?? tally.winner
        guard let chosen else { return nil }
        if configured == nil {
            let top = tally.counts[chosen] ?? 0
            guard !tally.counts.contains(where: { $0.key != chosen && $0.value == top }) else { return nil }
        }
        let votes = tally.total > 0 ? (tally.counts[chosen] ?? 0, tally.total) : nil
        return Expected(value: chosen, isConfigured: configured != nil, votes: votes)
    }
}

extension Document {
    /// `text` of `range` in backticks for a message, shortened in the middle past `limit` scalars
    /// so a long title still shows its start and the part that matters at its end.
    func quoted(_ range: Range<Int>, limit: Int = 60) -> String {
        let scalars = Array(string(range).unicodeScalars)
        guard scalars.count > limit else { return "`" + String(String.UnicodeScalarView(scalars)) + "`" }
        let head = scalars.prefix(limit * 2 / 3), tail = scalars.suffix(limit / 3)
        return "`" + String(String.UnicodeScalarView(head)) + "…" + String(String.UnicodeScalarView(tail)) + "`"
    }

    /// The last words of `range` in backticks, cut at a blank: "`…Vision and Beyond**`".
    func quotedEnd(_ range: Range<Int>, about count: Int = 24) -> String {
        guard range.count > count + 8 else { return "`" + string(range) + "`" }
        var start = range.upperBound - count
        while start < range.upperBound && !Byte.isBlank(bytes[start]) { start += 1 }
        while start < range.upperBound && Byte.isBlank(bytes[start]) { start += 1 }
        if start >= range.upperBound - 2 { start = range.upperBound - count }
        // Never start inside a multi-byte scalar.
        while start < range.upperBound && bytes[start] & 0xC0 == 0x80 { start += 1 }
        return "`…" + string(start..<range.upperBound) + "`"
    }

    /// Paper entries whose first line is outside code, HTML blocks and tables.
    func checkedEntries(_ configuration: Configuration) -> [Entry] {
        paperEntries(configuration)
    }
}

/// What the italic segment after the title holds, as `paperlint init` classifies it.
enum AuthorSegment {
    /// `*Zeming Chen et al. NeurIPS 2023.*` names people; `*NeurIPS 2023*` only a venue.
    static func style(of entry: Entry, _ bytes: [UInt8]) -> AuthorStyle {
        guard let segment = entry.authors else { return .none }
        let text = String(decoding: bytes[segment.text], as: UTF8.self)
        return text.hasSuffix(".") || text.contains(" et al") || text.contains(", ") ? .authorsVenue : .venue
    }

    /// The configured author style, or the list's majority with `auto`.
    static func expected(_ document: Document, _ entries: [Entry], _ configuration: Configuration) -> Expected<AuthorStyle>? {
        let configured = configuration.style.authors
        var tally = Tally<AuthorStyle>()
        for entry in entries { tally.add(style(of: entry, document.bytes)) }
        return Expected.resolve(configured == .auto ? nil : configured, tally)
    }
}
