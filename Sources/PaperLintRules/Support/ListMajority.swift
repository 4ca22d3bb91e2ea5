import PaperLintCore

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
        while start < range.upperBound && !ASCII.isBlank(bytes[start]) { start += 1 }
        while start < range.upperBound && ASCII.isBlank(bytes[start]) { start += 1 }
        if start >= range.upperBound - 2 { start = range.upperBound - count }
        // Never start inside a multi-byte scalar.
        while start < range.upperBound && bytes[start] & 0xC0 == 0x80 { start += 1 }
        return "`…" + string(start..<range.upperBound) + "`"
    }

    /// Paper entries whose first line is outside code, HTML blocks and tables.
    func checkedEntries(_ configuration: Configuration) -> [Entry] {
        paperEntries(configuration)
    }

    /// The indices of the entries of `entries` (in document order) that lie in section
    /// `section`: one run of them, found by binary search.
    func entryRun(_ entries: [Entry], inSection section: Int) -> Range<Int> {
        let first = sections[section].heading?.line ?? 1, last = sections[section].lastLine
        return entries.partitioningIndex { $0.line >= first }..<entries.partitioningIndex { $0.line > last }
    }
}

/// What the italic segment after the title holds, as `paperlint init` classifies it.
enum AuthorSegment {
    /// `*Zeming Chen et al. NeurIPS 2023.*` names people; `*NeurIPS 2023*` only a venue.
    static func style(of entry: Entry, _ bytes: [UInt8]) -> AuthorStyle { StyleVotes.authors(entry, bytes) }

    /// The configured author styles, or the list's own with `auto`.
    static func forms(_ document: Document, _ entries: [Entry], _ configuration: Configuration) -> HouseForms<AuthorStyle> {
        document.houseForms(configuration.style.authors, defaults: [.authorsVenue], entries) { style(of: $0, document.bytes) }
    }
}
