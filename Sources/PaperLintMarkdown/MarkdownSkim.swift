/// The block layout of a plain piece of a paper list, read from its bytes without cmark-gfm.
///
/// Most of a paper list is headings and bullet lists: rules need its entries and headings
/// (majorities, duplicates, anchors), and a full CommonMark parse of such text finds nothing
/// a line scan does not, at several times the cost. A piece made
/// only of blank lines, ATX headings with plain text, bullet lists with plain nesting and
/// paragraphs has a layout a line scan can tell exactly; anything else (code, HTML, quotes,
/// tables, ordered lists, thematic breaks, setext headings, tabs in indentation, lazy
/// continuation lines, reference definitions, heading markup) makes `blocks` return nil,
/// and the piece goes to cmark-gfm. Tests compare the two on samples, seeded files and
/// every README revision of the corpus.
enum MarkdownSkim {
    private struct OpenItem {
        var firstLine: Int
        /// Column where the item's text starts: lines indented this far belong to it.
        var contentColumn: Int
        var lastLine: Int
        var depth: Int
        /// Index in `items` of this item's block.
        var index: Int
    }

    private struct Paragraph {
        var first: Int
        var last: Int
        /// Items open when it started: a continuation line must not close any of them.
        var depth: Int
    }

    /// The blocks of `bytes[range]`, whose first line is line `firstLine` of the file; nil
    /// when the piece holds anything a line scan might read differently from cmark-gfm.
    static func blocks(_ bytes: [UInt8], _ range: Range<Int>, firstLine: Int) -> MarkdownBlocks? {
        var blocks = MarkdownBlocks()
        var open: [OpenItem] = []
        var paragraph: Paragraph?
        var previousBlank = true
        var line = firstLine
        var lineStart = range.lowerBound

        func closeParagraph() {
            if let current = paragraph { blocks.paragraphs.append(LineSpan(current.first, current.last)) }
            paragraph = nil
        }
        /// Closes the open items at `depth` and deeper, innermost first.
        func closeItems(from depth: Int) {
            while let last = open.last, last.depth >= depth {
                blocks.items[last.index].lines = LineSpan(last.firstLine, last.lastLine)
                open.removeLast()
                if let parent = open.indices.last { open[parent].lastLine = max(open[parent].lastLine, last.lastLine) }
            }
        }

        // Without a `\r` in the piece (most), a line ends at the next `\n`, found by memchr.
        let hasCarriageReturn = MarkdownPieces.firstIndex(of: 0x0D, in: bytes, from: range.lowerBound, to: range.upperBound) != nil
        while lineStart < range.upperBound {
            let (end, next) = MarkdownPieces.line(bytes, from: lineStart, to: range.upperBound, hasCarriageReturn: hasCarriageReturn)
            defer {
                lineStart = next
                line += 1
            }
            var indent = lineStart
            while indent < end && bytes[indent] == 0x20 { indent += 1 }
            if indent == end || bytes[indent...].prefix(end - indent).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                closeParagraph()
                previousBlank = true
                continue
            }
            guard bytes[indent] != 0x09 else { return nil }  // tabs in indentation: columns get subtle
            let column = indent - lineStart
            let text = bytes[indent..<end]
            // The items this line still belongs to: those whose text column it reaches.
            let keep = open.firstIndex { column < $0.contentColumn } ?? open.count
            let container = keep > 0 ? open[keep - 1].contentColumn : 0
            let relative = column - container
            if relative >= 4 {
                // Indented past the container: paragraph text if one is open right above, else code.
                guard var current = paragraph, !previousBlank, current.depth == keep else { return nil }
                current.last = line
                paragraph = current
                for index in open.indices { open[index].lastLine = line }
                previousBlank = false
                continue
            }
            if let level = atxLevel(text) {
                guard column == 0, let title = plainHeadingText(text, level: level) else { return nil }
                closeParagraph()
                closeItems(from: 0)
                blocks.headings.append(HeadingBlock(level: level, lines: LineSpan(line, line), text: title))
                previousBlank = false
                continue
            }
            if let contentOffset = bulletContent(text) {
                // A new item: siblings and deeper items of what stays open close first.
                guard !startsBlock(text.dropFirst(contentOffset)), !hasReferenceDefinitionShape(text.dropFirst(contentOffset))
                else { return nil }
                closeParagraph()
                closeItems(from: keep)
                blocks.items.append(ListItemBlock(lines: LineSpan(line, line), depth: open.count))
                open.append(OpenItem(
                    firstLine: line, contentColumn: column + contentOffset, lastLine: line, depth: open.count,
                    index: blocks.items.count - 1))
                for index in open.indices { open[index].lastLine = line }
                paragraph = Paragraph(first: line, last: line, depth: open.count)
                previousBlank = false
                continue
            }
            guard !startsBlock(text) else { return nil }
            if var current = paragraph, !previousBlank, current.depth == keep {
                current.last = line
                paragraph = current
            } else {
                // Right after a paragraph of a deeper item, text less indented than that item's
                // would be a lazy continuation line: leave those to cmark.
                guard previousBlank || paragraph == nil, !hasReferenceDefinitionShape(text) else { return nil }
                closeParagraph()
                closeItems(from: keep)
                paragraph = Paragraph(first: line, last: line, depth: keep)
            }
            for index in open.indices { open[index].lastLine = line }
            previousBlank = false
        }
        closeParagraph()
        closeItems(from: 0)
        blocks.paragraphs.sort { $0.first < $1.first }
        return blocks
    }

    /// 1 to 6 for `#`…`######` followed by a blank or the end of the line.
    private static func atxLevel(_ text: ArraySlice<UInt8>) -> Int? {
        let hashes = text.prefix { $0 == 0x23 }.count
        guard hashes >= 1 && hashes <= 6 else { return nil }
        let after = text.dropFirst(hashes).first
        return after == nil || after == 0x20 || after == 0x09 ? hashes : nil
    }

    /// The heading's text when it has no inline markup, escapes or entities to render.
    private static func plainHeadingText(_ text: ArraySlice<UInt8>, level: Int) -> String? {
        var content = text.dropFirst(level)
        while let first = content.first, first == 0x20 || first == 0x09 { content = content.dropFirst() }
        while let last = content.last, last == 0x20 || last == 0x09 { content = content.dropLast() }
        // A closing sequence of #s (after a blank, or the whole content) is not text.
        let closing = content.reversed().prefix { $0 == 0x23 }.count
        if closing > 0 {
            let rest = content.dropLast(closing)
            if rest.isEmpty || rest.last == 0x20 || rest.last == 0x09 {
                content = rest
                while let last = content.last, last == 0x20 || last == 0x09 { content = content.dropLast() }
            }
        }
        let special: Set<UInt8> = [0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x26, 0x21, 0x7E, 0x23, 0x09, 0x7C]
        guard !content.contains(where: { special.contains($0) }), !content.contains(where: { $0 < 0x20 }) else { return nil }
        // Two or more spaces inside are kept as written; cmark keeps them too.
        return String(decoding: content, as: UTF8.self)
    }

    /// For `- `, `* ` or `+ ` followed by 1 to 4 spaces and text: the offset of the text.
    private static func bulletContent(_ text: ArraySlice<UInt8>) -> Int? {
        guard let marker = text.first, marker == 0x2D || marker == 0x2A || marker == 0x2B else { return nil }
        let spaces = text.dropFirst().prefix { $0 == 0x20 }.count
        guard spaces >= 1 && spaces <= 4, text.count > 1 + spaces else { return nil }
        let first = text[text.startIndex + 1 + spaces]
        guard first != 0x09 else { return nil }
        return 1 + spaces
    }

    /// Text that opens a block of its own, or might: quotes, HTML, code fences, tables,
    /// ordered lists, thematic breaks and setext underlines, bullets (where no item may start).
    private static func startsBlock(_ text: ArraySlice<UInt8>) -> Bool {
        guard let first = text.first else { return false }
        // A `|` may make a table row (memchr: every line of the list is looked at).
        if MarkdownPieces.firstIndex(of: 0x7C, in: text) != nil { return true }
        switch first {
        case 0x3E, 0x3C, 0x7C:  // > < |
            return true
        case 0x60, 0x7E:  // ``` or ~~~ opens a fence
            return text.prefix(3).allSatisfy { $0 == first } && text.count >= 3
        case 0x2D, 0x2A, 0x2B, 0x5F, 0x3D:  // - * + _ =
            // A bullet, or a line of one mark and blanks (thematic break, setext underline).
            let second = text.dropFirst().first
            if first != 0x5F && first != 0x3D && (second == nil || second == 0x20 || second == 0x09) { return true }
            return text.allSatisfy { $0 == first || $0 == 0x20 || $0 == 0x09 }
        case 0x30...0x39:
            let digits = text.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            let after = text.dropFirst(digits).first
            return after == 0x2E || after == 0x29
        default:
            return false
        }
    }

    /// `[label]: …` (or a `[` whose label may go on over the next line, or holds an escape),
    /// which cmark may read as a link reference definition rather than text. A label ends at
    /// its first unescaped `]`, so only the bytes up to the first `]` are looked at.
    private static func hasReferenceDefinitionShape(_ text: ArraySlice<UInt8>) -> Bool {
        guard text.first == 0x5B else { return false }
        guard let close = text.firstIndex(of: 0x5D) else { return true }
        if text[text.startIndex..<close].contains(0x5C) { return true }
        return close + 1 < text.endIndex && text[close + 1] == 0x3A
    }
}
