import PaperLintMarkdown
import Synchronization

/// A Markdown file as UTF-8 bytes, with a line table and its block structure.
///
/// Everything a rule needs is derived once here; rules work on byte offsets and
/// build `String`s only for messages and replacements.
public final class Document: Sendable {
    /// The file's bytes, exactly as read.
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// Block layout from cmark-gfm.
    public let blocks: MarkdownBlocks
    /// Headings in document order, with GitHub anchors.
    public let headings: [Heading]
    /// The preamble and one section per heading, in document order.
    public let sections: [Section]
    /// Each section's heading line (1 for the preamble): `sectionIndex(containing:)` searches
    /// these numbers, not the sections, whose headings' strings a probe would retain.
    let sectionHeadingLines: [Int]
    /// What the change touched: the one scope the check filters by and the rules read.
    public let scope: ChangeScope
    /// The lines whose findings will be kept (`scope.kept`), or nil for all of them.
    ///
    /// A rule may skip work whose findings could only fall outside these lines: every finding
    /// it reports on a focused line must be exactly the one it would report without a focus.
    /// File-wide facts (majorities, identities, anchors) are still taken from the whole file.
    public var focus: LineSet? { scope.kept }
    /// The lines a change added or modified (`scope.changed`), or nil outside a diff. The house
    /// style is learned from the entries that touch none of them, so a contributor's new entries
    /// are judged against the list as it was. Unlike `focus`, it changes what rules report.
    public var changed: LineSet? { scope.changed }
    /// Per-line facts (index = 1-based line number), see `LineFlags`.
    private let flags: [LineFlags]
    /// The scope over this document's lines, for the questions rules ask per entry.
    private let scopeIndex: ScopeIndex
    /// Parsed on first use: a run whose rules need no entries never pays for them.
    private let entryCache: Mutex<[Entry]?>
    /// Values derived from the document and a configuration, shared by the rules (see `memo`).
    private let memos = Mutex<[Memo]>([])

    private struct Memo {
        var key: String
        var configuration: Configuration
        var cell: MemoCell
    }

    /// One memoised value; its lock is held while the value is computed, so rules running
    /// side by side that ask for it wait for one computation instead of each making it.
    private final class MemoCell: Sendable {
        let value = Mutex<(any Sendable)?>(nil)
    }

    /// The value `compute` derives from this document and `configuration`, computed once per
    /// key and configuration: several rules need the same paper entries, identities or links.
    /// `compute` may ask for other memos (never, directly or not, for its own key).
    public func memo<T: Sendable>(_ key: String, _ configuration: Configuration, _ compute: () -> T) -> T {
        let cell = memos.withLock { memos in
            if let found = memos.first(where: { $0.key == key && $0.configuration == configuration }) { return found.cell }
            let cell = MemoCell()
            memos.append(Memo(key: key, configuration: configuration, cell: cell))
            return cell
        }
        return cell.value.withLock { value in
            if let known = value as? T { return known }
            let computed = compute()
            value = computed
            return computed
        }
    }

    /// Drops the entries and every memo; the document derives them again if asked. A check
    /// that has its findings needs none of them while it reports.
    public func releaseDerivedValues() {
        entryCache.withLock { $0 = nil }
        memos.withLock { $0 = [] }
    }

    /// Every list item parsed as an entry, in document order (see `EntryParser`).
    public var entries: [Entry] {
        entryCache.withLock { cache in
            if let cache { return cache }
            let parsed = EntryParser.entries(in: self)
            cache = parsed
            return parsed
        }
    }

    /// The text of a byte range (for messages and replacements).
    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Creates a document; `bytes` must already be valid UTF-8 (see `UTF8Check`).
    public convenience init(bytes: [UInt8], focus: LineSet? = nil, changed: LineSet? = nil) {
        self.init(bytes: bytes, scope: ChangeScope(kept: focus, changed: changed))
    }

    public init(bytes: [UInt8], scope: ChangeScope) {
        self.bytes = bytes
        self.scope = scope
        entryCache = Mutex(nil)
        let starts = Self.lineStarts(bytes)
        self.lineStarts = starts
        scopeIndex = ScopeIndex(scope, lineStarts: starts)
        let blank: @Sendable (Int) -> Bool = { [starts] line in
            guard line >= 1 && line <= starts.count else { return true }
            let end = line < starts.count ? starts[line] : bytes.count
            return bytes[starts[line - 1]..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        }
        // A plain piece (headings, bullet lists, paragraphs) is read by a line scan that gives
        // exactly cmark-gfm's blocks; anything else goes to cmark-gfm (see MarkdownSkim).
        let blocks = MarkdownBlocks(parsing: bytes, lineIsBlank: blank, skimmable: { _ in true })
        self.blocks = blocks
        self.flags = Self.lineFlags(blocks, lineCount: starts.count)
        var slugger = Slugger()
        let headings = blocks.headings.map {
            Heading(level: $0.level, line: $0.lines.first, text: $0.text, slug: slugger.slug($0.text))
        }
        self.headings = headings
        self.sections = Self.sections(headings, lineCount: starts.count)
        sectionHeadingLines = sections.map { $0.heading?.line ?? 1 }
    }

    /// `parsed` under another scope: its lines, blocks, headings and entries (none of which
    /// depend on the scope) taken as they are. A check parses a change's new side while git
    /// diffs it, before it knows which lines changed.
    public init(_ parsed: Document, scope: ChangeScope) {
        bytes = parsed.bytes
        self.scope = scope
        lineStarts = parsed.lineStarts
        scopeIndex = ScopeIndex(scope, lineStarts: parsed.lineStarts)
        blocks = parsed.blocks
        flags = parsed.flags
        headings = parsed.headings
        sections = parsed.sections
        sectionHeadingLines = parsed.sectionHeadingLines
        entryCache = Mutex(parsed.entryCache.withLock { $0 })
    }

    /// Where each line starts. A line ends at `\n`, or at a lone `\r` (old Mac files), as
    /// CommonMark and cmark-gfm count lines; a file without `\r` (most) is cut with memchr.
    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        let hasCarriageReturn = ASCII.firstIndex(of: UInt8(ascii: "\r"), in: bytes, from: 0, to: bytes.count) != nil
        if !hasCarriageReturn {
            var from = 0
            while let newline = ASCII.firstIndex(of: UInt8(ascii: "\n"), in: bytes, from: from, to: bytes.count),
                newline + 1 < bytes.count
            {
                starts.append(newline + 1)
                from = newline + 1
            }
            return starts
        }
        for (offset, byte) in bytes.enumerated() where offset + 1 < bytes.count {
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && bytes[offset + 1] != UInt8(ascii: "\n")) {
                starts.append(offset + 1)
            }
        }
        return starts
    }

    /// Convenience for tests and examples.
    public convenience init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    /// Number of lines (a final line without a newline counts; an empty file has one empty line).
    public var lineCount: Int { lineStarts.count }

    /// Byte range of line `line` (1-based) without its line terminator (`\n` or `\r\n`).
    public func contentRange(ofLine line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        if end > start && bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    /// Byte range of line `line` including its terminator.
    public func fullRange(ofLine line: Int) -> Range<Int> {
        lineStarts[line - 1]..<(line < lineStarts.count ? lineStarts[line] : bytes.count)
    }

    /// The 1-based line holding byte `offset` (an offset at the end of the file belongs to the last line).
    public func line(containing offset: Int) -> Int {
        max(1, lineStarts.partitioningIndex { $0 > offset })
    }

    /// 1-based line and column of `offset`; the column counts Unicode scalars from the line start.
    public func position(of offset: Int) -> SourcePosition {
        let line = line(containing: offset)
        let end = min(offset, bytes.count)
        // An ASCII run has a column per byte.
        var index = ASCII.endOfASCII(bytes, from: lineStarts[line - 1], to: end)
        var column = 1 + index - lineStarts[line - 1]
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourcePosition(line: line, column: column)
    }

    /// The text of line `line`, without its terminator.
    public func text(ofLine line: Int) -> String {
        String(decoding: bytes[contentRange(ofLine: line)], as: UTF8.self)
    }

    /// True when a change touched some line of `first...last`; false outside a diff.
    public func isChanged(_ first: Int, _ last: Int) -> Bool { scopeIndex.changes(first...max(first, last), scope) }

    /// True without a focus, or when some line of `first...last` is focused.
    public func isInFocus(_ first: Int, _ last: Int) -> Bool { scopeIndex.touches(first...max(first, last), scope) }

    /// True without a focus, or when a line of the byte range `range` is focused (the lines
    /// of `lines(spanning:)`: its first byte's to its last byte's).
    public func isInFocus(bytes range: Range<Int>) -> Bool {
        guard focus != nil else { return true }
        guard range.lowerBound >= 0 else {
            let lines = lines(spanning: range)
            return isInFocus(lines.lowerBound, lines.upperBound)
        }
        return scopeIndex.touchesBytes(range.lowerBound, max(range.lowerBound, range.upperBound - 1))
    }

    /// The lines the byte range `range` touches: its first byte's line to its last byte's (an
    /// empty range, or one ending with its line break, does not reach the next line).
    public func lines(spanning range: Range<Int>) -> ClosedRange<Int> {
        let first = line(containing: range.lowerBound)
        return first...max(first, line(containing: max(range.lowerBound, range.upperBound - 1)))
    }

    /// True when line `line` starts a list item (an entry candidate).
    public func isListItemStart(_ line: Int) -> Bool { flags[line].contains(.listItemStart) }
    /// True when line `line` lies inside a list item (first line or continuation).
    public func isInListItem(_ line: Int) -> Bool { flags[line].contains(.inListItem) }
    /// True when line `line` is inside code, an HTML block or a table.
    public func isOpaque(_ line: Int) -> Bool { flags[line].contains(.opaque) }
    /// True when line `line` is a paragraph line followed by another line of the same
    /// paragraph: two trailing spaces there are a Markdown hard line break.
    public func continuesParagraph(_ line: Int) -> Bool { flags[line].contains(.paragraphContinues) }

    private static func lineFlags(_ blocks: MarkdownBlocks, lineCount: Int) -> [LineFlags] {
        var flags = [LineFlags](repeating: [], count: lineCount + 2)
        func mark(_ span: LineSpan, _ flag: LineFlags) {
            let last = min(span.last, lineCount)
            guard span.first <= last else { return }
            for line in span.first...last { flags[line].insert(flag) }
        }
        for item in blocks.items {
            if item.lines.first <= lineCount { flags[item.lines.first].insert(.listItemStart) }
            // Items nest, so covered lines are marked once per level; depth is small in practice.
            if item.depth == 0 { mark(item.lines, .inListItem) }
        }
        for item in blocks.items where item.depth > 0 && !flags[item.lines.first].contains(.inListItem) {
            mark(item.lines, .inListItem)
        }
        for paragraph in blocks.paragraphs where paragraph.last > paragraph.first {
            mark(LineSpan(paragraph.first, paragraph.last - 1), .paragraphContinues)
        }
        for region in blocks.opaque { mark(region, .opaque) }
        return flags
    }
}

/// A 1-based line and a 1-based column counted in Unicode scalars.
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
    public var description: String { "\(line):\(column)" }
}

struct LineFlags: OptionSet, Sendable {
    let rawValue: UInt8
    static let listItemStart = LineFlags(rawValue: 1)
    static let inListItem = LineFlags(rawValue: 2)
    static let opaque = LineFlags(rawValue: 4)
    static let paragraphContinues = LineFlags(rawValue: 8)
}
