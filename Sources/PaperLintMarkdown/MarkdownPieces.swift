#if canImport(Glibc)
import Glibc
#endif

/// Where a large Markdown file can be cut so that parsing the pieces on their own gives the
/// same blocks as parsing the whole.
///
/// A piece starts at a top-level ATX heading (`#` in the first column) that follows a blank
/// line: such a line closes every list, block quote, paragraph, indented code block and
/// blank-line-ended HTML block before it. What it does not close — a fenced code block or an
/// HTML block of kinds 1 to 5 left open — is tracked here approximately, to avoid cuts that
/// would be wasted, and checked exactly after parsing (`MarkdownBlocks` re-parses in one piece
/// when a piece ends inside such a block).
enum MarkdownPieces {
    struct Piece: Sendable {
        var range: Range<Int>
        /// 1-based line of the piece's first byte in the file.
        var firstLine: Int
    }

    /// Pieces of at least `pieceBytes` (the last one may be smaller) covering `start..<bytes.count`.
    static func split(_ bytes: [UInt8], from start: Int, firstLine: Int, pieceBytes: Int) -> [Piece] {
        guard pieceBytes <= (bytes.count - start) / 2 else { return [Piece(range: start..<bytes.count, firstLine: firstLine)] }
        var pieces: [Piece] = []
        var pieceStart = start, pieceLine = firstLine
        var line = firstLine
        var lineStart = start
        var previousBlank = true
        var fence: (byte: UInt8, count: Int)?
        var htmlEnd: [UInt8]?
        // Without a `\r` in the file (most), a line ends at the next `\n`, found by memchr.
        let hasCarriageReturn = Self.firstIndex(of: 0x0D, in: bytes, from: start) != nil
        while lineStart < bytes.count {
            let (end, next) = Self.line(bytes, from: lineStart, to: bytes.count, hasCarriageReturn: hasCarriageReturn)
            let content = bytes[lineStart..<end]
            let blank = content.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if let open = fence {
                if let close = fenceRun(content), close.byte == open.byte, close.count >= open.count, close.onlyBlanksAfter { fence = nil }
            } else if let marker = htmlEnd {
                if contains(content, marker) { htmlEnd = nil }
            } else if let open = fenceRun(content) {
                fence = (open.byte, open.count)
            } else if let marker = htmlBlockEnd(content), !contains(content.dropFirst(4), marker) {
                htmlEnd = marker
            } else if previousBlank && isATXHeading(content) && lineStart - pieceStart >= pieceBytes
                && bytes.count - lineStart >= pieceBytes
            {
                pieces.append(Piece(range: pieceStart..<lineStart, firstLine: pieceLine))
                pieceStart = lineStart
                pieceLine = line
            }
            previousBlank = blank
            lineStart = next
            line += 1
        }
        pieces.append(Piece(range: pieceStart..<bytes.count, firstLine: pieceLine))
        return pieces
    }

    /// The line starting at `start` (before `limit`): where its content ends, at a `\n`, a
    /// `\r` or `limit`, and where the next line starts, after `\n`, `\r\n` or a lone `\r`.
    /// Text without a `\r` (`hasCarriageReturn` false; most files) is cut with memchr.
    static func line(_ bytes: [UInt8], from start: Int, to limit: Int, hasCarriageReturn: Bool) -> (end: Int, next: Int) {
        var end = start
        if hasCarriageReturn {
            while end < limit && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
        } else {
            end = firstIndex(of: 0x0A, in: bytes, from: start, to: limit) ?? limit
        }
        var next = end
        if next < limit { next += bytes[next] == 0x0D && next + 1 < limit && bytes[next + 1] == 0x0A ? 2 : 1 }
        return (end, next)
    }

    /// The first `byte` at or after `start` (and before `end`, the end of `bytes` by default), by memchr.
    static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int, to end: Int? = nil) -> Int? {
        let end = min(end ?? bytes.count, bytes.count)
        guard start < end else { return nil }
        return firstIndex(of: byte, in: bytes[start..<end])
    }

    /// The index (in the array the slice is of) of the first `byte` of `bytes`, by memchr.
    static func firstIndex(of byte: UInt8, in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, let found = memchr(base, Int32(byte), raw.count) else { return nil }
            return bytes.startIndex + base.distance(to: UnsafeRawPointer(found))
        }
    }

    /// True when a link reference definition in one piece could change a heading in another:
    /// the file has a `]:` and some heading's text still shows a `[`.
    static func referenceDefinitionsMayMatter(_ bytes: [UInt8], _ headings: [HeadingBlock]) -> Bool {
        guard headings.contains(where: { $0.text.utf8.contains(0x5B) }) else { return false }
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x5D && bytes[index + 1] == 0x3A { return true }
            index += 1
        }
        return false
    }

    /// `#` to `######` in the first column, then a blank or the end of the line.
    private static func isATXHeading(_ content: ArraySlice<UInt8>) -> Bool {
        var index = content.startIndex
        while index < content.endIndex && content[index] == 0x23 && index - content.startIndex < 7 { index += 1 }
        let hashes = index - content.startIndex
        return hashes >= 1 && hashes <= 6 && (index == content.endIndex || content[index] == 0x20 || content[index] == 0x09)
    }

    /// A run of three or more backticks or tildes after at most three spaces.
    private static func fenceRun(_ content: ArraySlice<UInt8>) -> (byte: UInt8, count: Int, onlyBlanksAfter: Bool)? {
        var index = content.startIndex
        while index < content.endIndex && content[index] == 0x20 && index - content.startIndex < 4 { index += 1 }
        guard index - content.startIndex <= 3, index < content.endIndex, content[index] == 0x60 || content[index] == 0x7E else { return nil }
        let byte = content[index]
        var end = index
        while end < content.endIndex && content[end] == byte { end += 1 }
        guard end - index >= 3 else { return nil }
        return (byte, end - index, content[end...].allSatisfy { $0 == 0x20 || $0 == 0x09 })
    }

    /// The end marker of an HTML block of kinds 1 to 5 opening on this line (`<!--` … `-->`,
    /// `<pre` … `</pre>`, …), after at most three spaces.
    private static func htmlBlockEnd(_ content: ArraySlice<UInt8>) -> [UInt8]? {
        var index = content.startIndex
        while index < content.endIndex && content[index] == 0x20 && index - content.startIndex < 4 { index += 1 }
        guard index - content.startIndex <= 3, index + 1 < content.endIndex, content[index] == 0x3C else { return nil }
        let rest = content[(index + 1)...].prefix(9).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if rest.starts(with: "!--".utf8) { return Array("-->".utf8) }
        if rest.starts(with: "![cdata[".utf8) { return Array("]]>".utf8) }
        if rest.starts(with: "?".utf8) { return Array("?>".utf8) }
        if rest.first == 0x21 { return Array(">".utf8) }
        for tag in ["script", "pre", "style", "textarea"] where rest.starts(with: tag.utf8) {
            let after = rest.dropFirst(tag.utf8.count).first
            if after == nil || after == 0x20 || after == 0x3E || after == 0x09 { return Array("</\(tag)>".utf8) }
        }
        return nil
    }

    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var index = haystack.startIndex
        while index + needle.count <= haystack.endIndex {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
