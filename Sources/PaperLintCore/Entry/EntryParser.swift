import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import PaperLintMarkdown
import Synchronization

/// Parses list items into `Entry` values.
///
/// The template is
///
///     MARKER [PREFIX] DATE SP TITLE SP AUTHORS SP LINK (SEP LINK)* [TRAILING]
///     - [2023/10] **Title** *A. Author et al. arXiv.* [[paper](url)] [[code](url)]
///
/// and every departure from it is kept, located, as an `EntryDeviation`: the parser never
/// rejects an item. ToC links, news bullets and prose items become entries too, mostly made of
/// `.other` parts; `Entry.isPaper` tells them apart.
///
/// The parser reads UTF-8 bytes and compares only ASCII bytes, so every part boundary falls
/// between scalars. It runs in time linear in the item's length: each lookahead either consumes
/// what it read or ends the scan (an unclosed bracket makes the rest of the item `.other`).
public enum EntryParser {
    /// Parses one list item.
    ///
    /// - Parameters:
    ///   - bytes: the document's bytes.
    ///   - range: bytes from the list marker (after indentation) to the end of the item's last
    ///     line, without its line terminator. It is clamped to `bytes`.
    ///   - line: 1-based line of the item's first line.
    ///   - lastLine: 1-based line of the item's last line.
    /// - Returns: an entry whose `parts` cover `range` exactly. Never traps, never throws.
    public static func parse(_ bytes: [UInt8], range: Range<Int>, line: Int, lastLine: Int) -> Entry {
        parseCounting(bytes, range: range, line: line, lastLine: lastLine).entry
    }

    /// Every list item of `document` as an `Entry`, in document order.
    ///
    /// An entry starts at the list marker of the item's first line and ends before the first
    /// later line that starts another list item (a nested item is an entry of its own); trailing
    /// blank lines are dropped. Continuation lines belong to the entry.
    public static func entries(in document: Document) -> [Entry] {
        // A chunk for each core, of 256 items at least: a pre-commit check of a 2,000-entry
        // list waited for its entries on one core (4,096-item chunks), the rules idle.
        let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        return entries(in: document, chunkSize: min(4096, max(256, (document.blocks.items.count + cores - 1) / cores)))
    }

    /// `entries(in:)` with chunks of about `chunkSize` items (tests cut small chunks).
    static func entries(in document: Document, chunkSize: Int) -> [Entry] {
        let items = document.blocks.items
        // Large lists are parsed in chunks on every core. A chunk starts at an item on a new
        // line, so the only state carried from item to item (a shared first line) starts fresh.
        var cuts = [0]
        var index = chunkSize
        while index < items.count {
            while index < items.count && items[index].lines.first == items[index - 1].lines.first { index += 1 }
            if index < items.count { cuts.append(index) }
            index = index > Int.max - chunkSize ? items.count : index + chunkSize
        }
        cuts.append(items.count)
        guard cuts.count > 2 else { return entries(in: document, items: items[...]) }
        let bounds = cuts
        let chunks = Mutex([[Entry]](repeating: [], count: bounds.count - 1))
        DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { chunk in
            let parsed = entries(in: document, items: items[bounds[chunk]..<bounds[chunk + 1]])
            chunks.withLock { $0[chunk] = parsed }
        }
        return chunks.withLock { $0.flatMap { $0 } }
    }

    private static func entries(in document: Document, items: ArraySlice<ListItemBlock>) -> [Entry] {
        let bytes = document.bytes
        let lineCount = document.lineCount
        var entries: [Entry] = []
        entries.reserveCapacity(items.count)
        // Items that open on the same line (`- - nested`) share it: each starts after the
        // marker of the one before.
        var previousLine = 0
        var previousMarkerEnd = 0
        for position in items.indices {
            let item = items[position]
            let first = item.lines.first
            guard first >= 1 && first <= lineCount else { continue }
            var last = min(item.lines.last, lineCount)
            var next = first + 1
            while next <= last {
                if document.isListItemStart(next) {
                    last = next - 1
                    break
                }
                next += 1
            }
            while last > first && isBlank(bytes, document.contentRange(ofLine: last)) { last -= 1 }

            let firstLine = document.contentRange(ofLine: first)
            var start = firstLine.lowerBound
            if first == previousLine && previousMarkerEnd > start && previousMarkerEnd <= firstLine.upperBound {
                start = previousMarkerEnd
            }
            // Indentation, and the `>` of a block quote holding the list.
            while start < firstLine.upperBound && isIndentation(bytes[start]) { start += 1 }
            var end = max(start, document.contentRange(ofLine: last).upperBound)
            // An item whose first line opens another item (`- - nested`) holds only its
            // marker: the text after it is the nested item's. Bounding it there keeps a line
            // of n nested markers linear rather than parsing its tail n times.
            let nextIndex = items.index(after: position)
            if nextIndex < items.endIndex && items[nextIndex].lines.first == first {
                end = min(end, markerEnd(bytes, from: start, to: end))
                last = first
            }
            let entry = parse(bytes, range: start..<end, line: first, lastLine: last)
            previousLine = first
            previousMarkerEnd = entry.marker.upperBound
            entries.append(entry)
        }
        return entries
    }

    /// `parse` plus the number of bytes the scanner examined; tests bound it to prove linearity.
    static func parseCounting(
        _ bytes: [UInt8], range: Range<Int>, line: Int, lastLine: Int
    ) -> (entry: Entry, steps: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer, range: range, recordsParts: false)
            let entry = scanner.parseEntry(line: line, lastLine: lastLine)
            return (entry, scanner.steps)
        }
    }

    /// `parse` with the parts of the item recorded (`Entry.parts(in:)`); recording changes
    /// nothing else.
    static func parseRecordingParts(
        _ bytes: [UInt8], range: Range<Int>, line: Int, lastLine: Int
    ) -> (entry: Entry, parts: [EntryPart]) {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer, range: range, recordsParts: true)
            let entry = scanner.parseEntry(line: line, lastLine: lastLine)
            return (entry, scanner.parts)
        }
    }

    /// Where a list marker starting at `start` (`-`, `*`, `+`, or up to nine digits and `.`
    /// or `)`) ends, with the spaces after it.
    private static func markerEnd(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var index = start
        while index < end && index - start < 9 && bytes[index] >= ASCII.zero && bytes[index] <= ASCII.nine { index += 1 }
        if index < end { index += 1 }  // the bullet, or the `.`/`)` after the digits
        while index < end && (bytes[index] == ASCII.space || bytes[index] == ASCII.tab) { index += 1 }
        return index
    }

    private static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy { $0 == ASCII.space || $0 == ASCII.tab }
    }

    private static func isIndentation(_ byte: UInt8) -> Bool {
        byte == ASCII.space || byte == ASCII.tab || byte == ASCII.greaterThan
    }
}

extension EntryParser {
    /// The state of parsing one item: a cursor over its bytes and the parts emitted so far.
    ///
    /// Parts are only ever appended through `emit`, which continues where the previous part
    /// ended, so they are contiguous and ordered by construction.
    struct Scanner {
        /// The document's bytes, valid while the scanner lives (`parseCounting` lends them):
        /// every byte of an item is read through `byte(_:)`, without the array's checks.
        let bytes: UnsafeBufferPointer<UInt8>
        let start: Int
        let end: Int
        /// Bytes examined, counting re-reads.
        private(set) var steps = 0
        /// The parts emitted so far, when they are recorded (`Entry.parts(in:)`); a parse for
        /// the rules records none.
        private(set) var parts: [EntryPart] = []
        private let recordsParts: Bool
        var deviations: [EntryDeviation] = []
        /// Everything before this offset is covered by parts, recorded or not.
        private(set) var emitted: Int

        /// A scanner over `range`, clamped to `bytes`.
        init(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, recordsParts: Bool) {
            self.bytes = bytes
            start = min(max(range.lowerBound, 0), bytes.count)
            end = min(max(range.upperBound, start), bytes.count)
            emitted = start
            self.recordsParts = recordsParts
        }

        /// The first index from `index` (before the item's end) of a byte equal to `a`, `b` or
        /// `c`, or the end; the bytes passed over count as read.
        mutating func skip(from index: Int, to a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
            let from = max(index, start)
            guard from < end else { return max(index, end) }
            let found = ASCII.firstIndex(of: a, b, c, in: bytes, from: from, to: end)
            steps += found - from
            return found
        }

        /// The byte at `index`, or 0 outside the item (0 matches no byte the grammar looks for).
        mutating func byte(_ index: Int) -> UInt8 {
            steps += 1
            guard index >= start && index < end else { return 0 }
            return bytes[index]
        }

        mutating func parseEntry(line: Int, lastLine: Int) -> Entry {
            let marker = parseMarker()
            let parsed = parseDate()
            let date = parsed.date
            var title: EntryTitle?
            var authors: EntryAuthors?
            var links: [EntryLink] = []
            var separators: [Range<Int>] = []
            if parsed.hasPrefix && parsed.boldTitle == nil && !startsBold(at: skipSpace(from: emitted)) {
                // A news bullet (`- 💥 [2023/11/06] We released …`): prose, not a paper.
                emitGap(to: end, kind: .other)
            } else {
                // `[31 Jul 2025] [[arXiv 2025]](url) **Title**`: the paper link before the title.
                let leading = parsed.boldTitle == nil ? parseLeadingLink() : nil
                title = parseTitle(boldFrom: parsed.boldTitle)
                authors = parseAuthors()
                let gapKind: EntryDeviation.Kind? =
                    authors != nil ? .textAfterAuthors : title != nil ? .textAfterTitle : nil
                (links, separators) = parseLinks(gapDeviation: gapKind, leading: leading)
            }
            emit(.other, to: end)
            return Entry(
                line: line, lastLine: lastLine, range: start..<end, marker: marker, date: date,
                title: title, authors: authors, links: links, separators: separators,
                deviations: sortedDeviations())
        }

        /// `-`, `*`, `+`, or up to nine digits and `.` or `)`, then the blanks after it.
        mutating func parseMarker() -> Range<Int> {
            var index = start
            let first = byte(index)
            if first == ASCII.hyphen || first == ASCII.asterisk || first == ASCII.plus {
                index += 1
            } else if ASCII.isDigit(first) {
                var digits = 0
                while digits < 9 && index < end && ASCII.isDigit(byte(index)) {
                    index += 1
                    digits += 1
                }
                let delimiter = byte(index)
                guard delimiter == ASCII.period || delimiter == ASCII.closeParen else { return start..<start }
                index += 1
            } else {
                return start..<start
            }
            guard index == end || ASCII.isSpace(byte(index)) else { return start..<start }
            while index < end && ASCII.isBlank(byte(index)) { index += 1 }
            emit(.marker, to: index)
            return start..<index
        }

        // MARK: Emitting parts

        /// Covers `emitted..<upper` with parts of `kind`; runs of blanks that hold a newline
        /// become `.lineBreak` parts.
        mutating func emit(_ kind: EntryPart.Kind, to upper: Int) {
            let upper = min(upper, end)
            guard upper > emitted else { return }
            guard recordsParts else {
                steps += upper - emitted
                emitted = upper
                return
            }
            // Most parts lie on one line: no newline, no line break to split out.
            guard bytes[emitted..<upper].contains(ASCII.newline) else {
                steps += upper - emitted
                append(kind, emitted..<upper)
                emitted = upper
                return
            }
            var segment = emitted
            var index = emitted
            while index < upper {
                guard ASCII.isSpace(byte(index)) else {
                    index += 1
                    continue
                }
                var runEnd = index
                var hasNewline = false
                while runEnd < upper {
                    let next = byte(runEnd)
                    guard ASCII.isSpace(next) else { break }
                    if next == ASCII.newline { hasNewline = true }
                    runEnd += 1
                }
                if hasNewline {
                    append(kind, segment..<index)
                    append(.lineBreak, index..<runEnd)
                    segment = runEnd
                }
                index = runEnd
            }
            append(kind, segment..<upper)
            emitted = upper
        }

        /// Covers `emitted..<upper`: leading and trailing blanks as `.space`, the rest as `kind`.
        /// Returns the range of the non-blank middle (empty when the gap is blank).
        @discardableResult
        mutating func emitGap(to upper: Int, kind: EntryPart.Kind) -> Range<Int> {
            let upper = min(upper, end)
            guard upper > emitted else { return emitted..<emitted }
            var low = emitted
            while low < upper && ASCII.isSpace(byte(low)) { low += 1 }
            let high = trimSpace(upper, floor: low)
            emit(.space, to: low)
            emit(kind, to: high)
            emit(.space, to: upper)
            return low..<high
        }

        private mutating func append(_ kind: EntryPart.Kind, _ range: Range<Int>) {
            guard recordsParts, !range.isEmpty else { return }
            if let last = parts.last, last.kind == kind, last.range.upperBound == range.lowerBound,
                kind == .space || kind == .other || kind == .lineBreak
            {
                parts[parts.count - 1].range = last.range.lowerBound..<range.upperBound
            } else {
                parts.append(EntryPart(kind, range))
            }
        }

        mutating func deviate(_ kind: EntryDeviation.Kind, _ range: Range<Int>) {
            deviations.append(EntryDeviation(kind, range))
        }

        /// Deviations by position; those at the same offset keep the order they were found in.
        private func sortedDeviations() -> [EntryDeviation] {
            deviations.enumerated()
                .sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }
                .map(\.element)
        }

        // MARK: Small scans

        /// The first offset at or after `index` that is not a blank or line break.
        mutating func skipSpace(from index: Int) -> Int {
            var index = index
            while index < end && ASCII.isSpace(byte(index)) { index += 1 }
            return index
        }

        /// `upper` moved back over blanks and line breaks, not below `floor`.
        mutating func trimSpace(_ upper: Int, floor: Int) -> Int {
            var upper = upper
            while upper > floor && ASCII.isSpace(byte(upper - 1)) { upper -= 1 }
            return upper
        }

        mutating func startsBold(at index: Int) -> Bool {
            byte(index) == ASCII.asterisk && byte(index + 1) == ASCII.asterisk
        }
    }
}
