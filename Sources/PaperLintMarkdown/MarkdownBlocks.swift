import Ccmark

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
public struct MarkdownBlocks: Sendable {
    public var items: [ListItemBlock] = []
    public var headings: [HeadingBlock] = []
    public var paragraphs: [LineSpan] = []
    /// Regions whose bytes are not Markdown prose: fenced and indented code,
    /// HTML blocks, tables, front matter. Rules leave them alone.
    public var opaque: [LineSpan] = []
    /// YAML front matter (`---` … `---` at the very start), if any.
    public var frontMatter: LineSpan?

    public init() {}

    /// Parses `bytes` with cmark-gfm (GitHub extensions attached) and keeps the block layout.
    ///
    /// `lineIsBlank(n)` tells whether 1-based line `n` is blank; it is used to clamp the
    /// end of blocks, because cmark-gfm can report a list item as ending on the blank line
    /// that follows it.
    public init(parsing bytes: [UInt8], lineIsBlank: (Int) -> Bool) {
        _ = MarkdownParser.registerExtensionsOnce
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var start = 0
        if let (span, end) = Self.frontMatter(in: bytes) {
            // cmark would read front matter as a thematic break and a setext heading; feed it
            // blank lines instead, so every later line keeps its number.
            frontMatter = span
            opaque.append(span)
            let blanks = [CChar](repeating: 0x0A, count: span.last)
            blanks.withUnsafeBufferPointer { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            start = end
        }
        bytes[start...].withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
        }
        guard let root = cmark_parser_finish(parser) else { return }
        defer { cmark_node_free(root) }
        collect(root, lineIsBlank: lineIsBlank)
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

    private mutating func collect(_ root: OpaquePointer, lineIsBlank: (Int) -> Bool) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var listDepth = 0
        var headingIndex: Int?
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LIST {
                if event == CMARK_EVENT_ENTER { listDepth += 1 } else if event == CMARK_EVENT_EXIT { listDepth -= 1 }
                continue
            }
            if type == CMARK_NODE_HEADING && event == CMARK_EVENT_EXIT { headingIndex = nil }
            guard event == CMARK_EVENT_ENTER else { continue }
            // Inline nodes carry no reliable positions; only a heading's text is kept from them.
            if type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_INLINE) {
                if let headingIndex {
                    if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                        headings[headingIndex].text += cmark_node_get_literal(node).flatMap { String(validatingCString: $0) } ?? ""
                    } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                        headings[headingIndex].text += " "
                    }
                }
                continue
            }
            let span = Self.span(of: node, lineIsBlank: lineIsBlank)
            switch type {
            case CMARK_NODE_ITEM:
                items.append(ListItemBlock(lines: span, depth: max(0, listDepth - 1)))
            case CMARK_NODE_HEADING:
                headingIndex = headings.count
                headings.append(HeadingBlock(level: Int(cmark_node_get_heading_level(node)), lines: span, text: ""))
            case CMARK_NODE_PARAGRAPH:
                paragraphs.append(span)
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
                opaque.append(span)
            default:
                // Extension blocks (tables) have dynamic type ids; their name tells them apart.
                if let name = cmark_node_get_type_string(node), String(validatingCString: name) == "table" {
                    opaque.append(span)
                }
            }
        }
    }

    private static func span(of node: OpaquePointer, lineIsBlank: (Int) -> Bool) -> LineSpan {
        let first = Int(cmark_node_get_start_line(node))
        var last = Int(cmark_node_get_end_line(node))
        while last > first && lineIsBlank(last) { last -= 1 }
        return LineSpan(max(1, first), last)
    }
}

private enum MarkdownParser {
    /// cmark-gfm keeps its extension registry in a process-wide table; fill it once.
    static let registerExtensionsOnce: Void = { cmark_gfm_core_extensions_ensure_registered() }()
}
