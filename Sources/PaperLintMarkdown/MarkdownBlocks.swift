import Ccmark
import Dispatch
import Synchronization

/// A 1-based, inclusive range of source lines, as cmark-gfm reports positions.
public struct LineSpan: Hashable, Sendable, CustomStringConvertible {
    public var first: Int
    public var last: Int

    public init(_ first: Int, _ last: Int) {
        self.first = first
        self.last = max(first, last)
    }

    public func contains(_ line: Int) -> Bool { line >= first && line <= last }
    public var description: String { first == last ? "\(first)" : "\(first)-\(last)" }
}

/// One list item: where it starts and ends, and how deeply it is nested.
public struct ListItemBlock: Hashable, Sendable {
    /// Lines the item covers, clamped to its last non-blank line.
    public var lines: LineSpan
    /// 0 for a top-level list item, 1 for an item in a list inside an item, …
    public var depth: Int
}

/// A heading (ATX or setext) with its level, source lines and plain text.
public struct HeadingBlock: Hashable, Sendable {
    public var level: Int
    public var lines: LineSpan
    /// The rendered text: inline markup removed, entities and escapes decoded (`\&` → `&`).
    public var text: String
}

/// The block structure of a Markdown document, as plain values.
///
/// Built from cmark-gfm's tree; the C nodes never leave this module.
public struct MarkdownBlocks: Sendable, Equatable {
    public var items: [ListItemBlock] = []
    public var headings: [HeadingBlock] = []
    public var paragraphs: [LineSpan] = []
    /// Regions whose bytes are not Markdown prose: fenced and indented code,
    /// HTML blocks, tables, front matter. Rules leave them alone.
    public var opaque: [LineSpan] = []
    /// YAML front matter (`---` … `---` at the very start), if any.
    public var frontMatter: LineSpan?

    public init() {}

    /// Parses `bytes` with cmark-gfm (the table extension attached) and keeps the block layout.
    ///
    /// `lineIsBlank(n)` tells whether 1-based line `n` is blank; it is used to clamp the
    /// end of blocks, because cmark-gfm can report a list item as ending on the blank line
    /// that follows it.
    ///
    /// A large file is cut into pieces at top-level headings (see `MarkdownPieces`) and the
    /// pieces are parsed on every core; when a cut could have changed the result (a code or
    /// HTML block left open at the end of a piece, a heading that a link reference definition
    /// elsewhere could change) the file is parsed again in one piece. `pieceBytes` is the
    /// smallest piece worth a parser of its own.
    ///
    /// `skimmable(lines)` tells whether a piece covering `lines` may be read by `MarkdownSkim`
    /// instead; a piece it cannot read exactly still goes to cmark-gfm.
    public init(
        parsing bytes: [UInt8], lineIsBlank: @Sendable (Int) -> Bool, pieceBytes: Int = 64 * 1024,
        skimmable: (@Sendable (ClosedRange<Int>) -> Bool)? = nil
    ) {
        _ = MarkdownParser.registerExtensionsOnce
        var start = 0
        if let (span, end) = Self.frontMatter(in: bytes) {
            frontMatter = span
            start = end
        }
        let firstLine = frontMatter.map { $0.last + 1 } ?? 1
        let pieces = MarkdownPieces.split(bytes, from: start, firstLine: firstLine, pieceBytes: pieceBytes)
        if pieces.count > 1 {
            // Each piece lands in its own slot, as the rules do in RuleRunner.run.
            let slots = Mutex([Piece?](repeating: nil, count: pieces.count))
            DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
                let piece = pieces[index]
                // The last piece ends with the file: nothing after it can be cut off.
                let lineCount = index + 1 < pieces.count ? pieces[index + 1].firstLine - piece.firstLine : Int.max
                let lines = piece.firstLine...(lineCount == Int.max ? Int.max : piece.firstLine + lineCount - 1)
                let skimmed = skimmable.flatMap { $0(lines) ? MarkdownSkim.blocks(bytes, piece.range, firstLine: piece.firstLine) : nil }
                let parsed = skimmed.map { Piece(skimmed: $0) } ?? Piece(
                    parsing: bytes, piece.range, firstLine: piece.firstLine, lineCount: lineCount, frontMatter: nil, lineIsBlank: lineIsBlank)
                slots.withLock { $0[index] = parsed }
            }
            let parsed = slots.withLock { $0.compactMap { $0 } }
            if parsed.dropLast().allSatisfy({ !$0.endsOpen })
                && !MarkdownPieces.referenceDefinitionsMayMatter(bytes, parsed.flatMap(\.blocks.headings))
            {
                self = Self.merged(parsed.map(\.blocks), frontMatter: frontMatter)
                return
            }
        }
        // One piece (a small file, or one a cut could change): skimmed whole when it is plain.
        if skimmable?(firstLine...Int.max) == true, let skimmed = MarkdownSkim.blocks(bytes, start..<bytes.count, firstLine: firstLine) {
            self = Self.merged([skimmed], frontMatter: frontMatter)
            return
        }
        self = Piece(
            parsing: bytes, start..<bytes.count, firstLine: firstLine, lineCount: Int.max, frontMatter: frontMatter, lineIsBlank: lineIsBlank
        ).blocks
    }

    private static func merged(_ parts: [MarkdownBlocks], frontMatter: LineSpan?) -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        blocks.frontMatter = frontMatter
        if let frontMatter { blocks.opaque.append(frontMatter) }
        for part in parts {
            blocks.items += part.items
            blocks.headings += part.headings
            blocks.paragraphs += part.paragraphs
            blocks.opaque += part.opaque
        }
        return blocks
    }

    /// One parse of a byte range starting at `firstLine`; line numbers are the file's.
    private struct Piece: Sendable {
        var blocks = MarkdownBlocks()
        /// True when a code or HTML block runs to the piece's last line: it may not end there.
        var endsOpen = false

        /// A piece `MarkdownSkim` read: it leaves no block open.
        init(skimmed: MarkdownBlocks) { blocks = skimmed }

        /// `lineCount`: the lines of the piece (Int.max for one that ends the file).
        init(
            parsing bytes: [UInt8], _ range: Range<Int>, firstLine: Int, lineCount: Int, frontMatter: LineSpan?,
            lineIsBlank: (Int) -> Bool
        ) {
            guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return }
            defer { cmark_parser_free(parser) }
            // Only the block extension matters: tables are opaque regions. Inline extensions
            // (autolink, strikethrough) would re-walk every inline node after parsing, for nothing.
            if let ext = cmark_find_syntax_extension("table") {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
            if let frontMatter {
                // cmark would read front matter as a thematic break and a setext heading; feed it
                // blank lines instead, so every later line keeps its number.
                blocks.frontMatter = frontMatter
                blocks.opaque.append(frontMatter)
                let blanks = [CChar](repeating: 0x0A, count: frontMatter.last)
                blanks.withUnsafeBufferPointer { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            }
            bytes[range].withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        cmark_parser_feed(parser, $0, buffer.count)
                    }
                }
            }
            guard let root = cmark_parser_finish(parser) else { return }
            defer { cmark_node_free(root) }
            // With front matter fed as blank lines, cmark's numbers are already the file's.
            let offset = frontMatter == nil ? firstLine - 1 : 0
            endsOpen = blocks.collect(root, offset: offset, lastLine: lineCount, lineIsBlank: lineIsBlank)
        }
    }

    /// Front matter: a first line `---`, up to a line `---` or `...`. Returns its lines and
    /// the offset just past its closing line.
    static func frontMatter(in bytes: [UInt8]) -> (LineSpan, Int)? {
        func line(at start: Int) -> (content: ArraySlice<UInt8>, next: Int) {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var content = bytes[start..<end]
            if content.last == 0x0D { content = content.dropLast() }
            return (content, min(end + 1, bytes.count))
        }
        let dashes: [UInt8] = Array("---".utf8), dots: [UInt8] = Array("...".utf8)
        var (first, offset) = line(at: 0)
        guard Array(first) == dashes, offset < bytes.count else { return nil }
        var number = 1
        while offset < bytes.count {
            (first, offset) = line(at: offset)
            number += 1
            if Array(first) == dashes || Array(first) == dots { return (LineSpan(1, number), offset) }
        }
        return nil
    }

    /// Walks the block tree in document order without descending into paragraphs: inline
    /// nodes are most of the tree and carry no reliable positions; only a heading's inline
    /// text is read. An explicit stack keeps deeply nested lists off the call stack.
    ///
    /// cmark's line numbers are shifted by `offset`; returns true when a code or HTML block
    /// reaches `lastLine` (cmark's numbering), so it may be left open.
    private mutating func collect(_ root: OpaquePointer, offset: Int, lastLine: Int, lineIsBlank: (Int) -> Bool) -> Bool {
        var endsOpen = false
        var stack: [(node: OpaquePointer, listDepth: Int)] = [(root, 0)]
        func span(_ node: OpaquePointer) -> LineSpan { Self.span(of: node, offset: offset, lineIsBlank: lineIsBlank) }
        while let (node, listDepth) = stack.popLast() {
            let type = cmark_node_get_type(node)
            var childDepth = listDepth
            var descend = true
            switch type {
            case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_FOOTNOTE_DEFINITION:
                break
            case CMARK_NODE_LIST:
                childDepth = listDepth + 1
            case CMARK_NODE_ITEM:
                items.append(ListItemBlock(lines: span(node), depth: max(0, listDepth - 1)))
            case CMARK_NODE_HEADING:
                headings.append(HeadingBlock(
                    level: Int(cmark_node_get_heading_level(node)), lines: span(node), text: Self.inlineText(of: node)))
                descend = false
            case CMARK_NODE_PARAGRAPH:
                paragraphs.append(span(node))
                descend = false
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
                var block = span(node)
                // cmark can end an HTML block one line early (a comment closed by `-->` after
                // blank lines reports `N:0`); its literal holds every line it took.
                if type == CMARK_NODE_HTML_BLOCK, let literal = cmark_node_get_literal(node) {
                    var lines = 0
                    var cursor = literal
                    while cursor.pointee != 0 {
                        if cursor.pointee == 0x0A { lines += 1 }
                        cursor += 1
                    }
                    let last = Int(cmark_node_get_start_line(node)) + offset + max(lines, 1) - 1
                    if last > block.last { block = LineSpan(block.first, last) }
                }
                opaque.append(block)
                if max(Int(cmark_node_get_end_line(node)), block.last - offset) >= lastLine { endsOpen = true }
                descend = false
            case CMARK_NODE_THEMATIC_BREAK:
                descend = false
            default:
                // Extension blocks (tables) have dynamic type ids; their name tells them apart.
                if let name = cmark_node_get_type_string(node), String(validatingCString: name) == "table" {
                    opaque.append(span(node))
                }
                descend = false
            }
            guard descend else { continue }
            // Push children last-first so they pop in document order.
            var child = cmark_node_last_child(node)
            while let current = child {
                stack.append((current, childDepth))
                child = cmark_node_previous(current)
            }
        }
        return endsOpen
    }

    /// The plain text of a heading: its text and code spans, breaks as spaces.
    private static func inlineText(of heading: OpaquePointer) -> String {
        var text = ""
        var stack: [OpaquePointer] = []
        var child = cmark_node_last_child(heading)
        while let current = child {
            stack.append(current)
            child = cmark_node_previous(current)
        }
        while let node = stack.popLast() {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += cmark_node_get_literal(node).flatMap { String(validatingCString: $0) } ?? ""
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
            var inner = cmark_node_last_child(node)
            while let current = inner {
                stack.append(current)
                inner = cmark_node_previous(current)
            }
        }
        return text
    }

    private static func span(of node: OpaquePointer, offset: Int, lineIsBlank: (Int) -> Bool) -> LineSpan {
        let first = Int(cmark_node_get_start_line(node)) + offset
        var last = Int(cmark_node_get_end_line(node)) + offset
        while last > first && lineIsBlank(last) { last -= 1 }
        return LineSpan(max(1, first), last)
    }
}

private enum MarkdownParser {
    /// cmark-gfm keeps its extension registry in a process-wide table; fill it once.
    static let registerExtensionsOnce: Void = { cmark_gfm_core_extensions_ensure_registered() }()
}
