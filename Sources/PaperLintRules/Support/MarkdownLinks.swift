import PaperLintCore

/// A Markdown link, image or link reference definition found on one line.
///
///     [[paper](https://arxiv.org/abs/2310.12345)]   → inner = destination = https://arxiv.org/abs/2310.12345
///     [a]( <https://x.org/a b> "Title")            → inner = ` <https://x.org/a b> "Title"`, destination = https://x.org/a b
///     [ref]: https://x.org "Title"                  → a definition; destination = https://x.org
struct MarkdownLink: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case link, image, definition
        /// `[label](` whose `(` never closes on the line: `inner` and `destination` run to the line's end.
        case unclosed
    }
    var kind: Kind
    /// True when the destination was written in angle brackets (`<…>`), where spaces are allowed.
    var isAngled: Bool
    // 32-bit spans (ByteSpan): every link of the file is kept for the rules that read them.
    private let rangeSpan: ByteSpan
    private let innerSpan: ByteSpan
    private let destinationSpan: ByteSpan
    /// From the `[` (or `!`) to the closing `)`; for a definition, the whole line content.
    var range: Range<Int> { rangeSpan.range }
    /// Everything between the parentheses (after `]:` for a definition).
    var inner: Range<Int> { innerSpan.range }
    /// The destination: `inner` without surrounding blanks, angle brackets or title.
    var destination: Range<Int> { destinationSpan.range }

    init(kind: Kind, range: Range<Int>, inner: Range<Int>, destination: Range<Int>, isAngled: Bool) {
        self.kind = kind
        self.isAngled = isAngled
        (rangeSpan, innerSpan, destinationSpan) = (ByteSpan(range), ByteSpan(inner), ByteSpan(destination))
    }
}

/// Finds links the way CommonMark reads them, line by line, outside code and HTML.
///
/// Destinations end at the `)` that balances their `(`, like the entry parser and cmark;
/// unlike cmark, a destination with spaces is still returned (the `url` rule reports it).
/// Backslash escapes and inline code spans are skipped. Links never span lines in the
/// lists this tool reads, so a link broken across lines is not seen.
enum MarkdownLinks {
    /// `links(in:)`, scanned once for all rules. With a focus, only the links its rules can
    /// read: those on focused lines (the only ones `url` judges) and those on lines with a
    /// `#` (every anchor link, which `toc` reads whole). Lines are scanned one by one, so
    /// these are exactly the links of those lines.
    static func shared(in document: Document, _ configuration: Configuration) -> [MarkdownLink] {
        document.memo("markdown links", configuration) {
            guard document.focus != nil else { return links(in: document) }
            return links(in: document) { line, content in
                document.isInFocus(line, line) || ASCII.firstIndex(of: ASCII.hash, in: document.bytes, from: content.lowerBound, to: content.upperBound) != nil
            }
        }
    }

    /// Every link of the lines `includes` accepts (all of them by default), in document order.
    static func links(in document: Document, lines includes: (Int, Range<Int>) -> Bool = { _, _ in true }) -> [MarkdownLink] {
        var found: [MarkdownLink] = []
        for line in 1...document.lineCount where !document.isOpaque(line) {
            let content = document.contentRange(ofLine: line)
            guard document.bytes[content].contains(ASCII.closeBracket), includes(line, content) else { continue }
            scan(document.bytes, content, into: &found)
        }
        return found
    }

    static func scan(_ bytes: [UInt8], _ content: Range<Int>, into found: inout [MarkdownLink]) {
        if let definition = definition(bytes, content) {
            found.append(definition)
            return
        }
        var opens: [Int] = []
        var index = content.lowerBound
        let end = content.upperBound
        while index < end {
            let byte = bytes[index]
            switch byte {
            case ASCII.backslash:
                index += 2
                continue
            case ASCII.backtick:
                index = skipCodeSpan(bytes, from: index, end: end)
                continue
            case ASCII.openBracket:
                opens.append(index)
            case ASCII.closeBracket:
                guard let open = opens.popLast() else { break }
                guard index + 1 < end, bytes[index + 1] == ASCII.openParen else { break }
                guard let close = closingParen(bytes, from: index + 1, end: end) else {
                    let rest = index + 2..<end
                    found.append(MarkdownLink(kind: .unclosed, range: open..<end, inner: rest, destination: rest, isAngled: false))
                    return
                }
                let isImage = open > content.lowerBound && bytes[open - 1] == ASCII.exclamation
                let inner = index + 2..<close
                let (destination, angled) = destination(bytes, inner)
                found.append(MarkdownLink(
                    kind: isImage ? .image : .link, range: (isImage ? open - 1 : open)..<close + 1, inner: inner,
                    destination: destination, isAngled: angled))
                index = close + 1
                continue
            default:
                break
            }
            index += 1
        }
    }

    /// `[label]: destination "title"` with at most three spaces of indentation.
    private static func definition(_ bytes: [UInt8], _ content: Range<Int>) -> MarkdownLink? {
        var index = content.lowerBound
        while index < content.upperBound && index - content.lowerBound < 3 && bytes[index] == ASCII.space { index += 1 }
        guard index < content.upperBound, bytes[index] == ASCII.openBracket,
            index + 1 < content.upperBound, bytes[index + 1] != ASCII.openBracket
        else { return nil }
        var close = index + 1
        while close < content.upperBound && bytes[close] != ASCII.closeBracket {
            if bytes[close] == ASCII.openBracket { return nil }
            close += bytes[close] == ASCII.backslash ? 2 : 1
        }
        guard close + 1 < content.upperBound, close > index + 1, bytes[close + 1] == ASCII.colon else { return nil }
        let inner = close + 2..<content.upperBound
        var start = inner.lowerBound
        while start < inner.upperBound && ASCII.isBlank(bytes[start]) { start += 1 }
        guard start < inner.upperBound else { return nil }
        if bytes[start] == ASCII.lessThan, let gt = bytes[start..<inner.upperBound].firstIndex(of: ASCII.greaterThan) {
            return MarkdownLink(kind: .definition, range: content, inner: inner, destination: start + 1..<gt, isAngled: true)
        }
        var stop = start
        while stop < inner.upperBound && !ASCII.isBlank(bytes[stop]) { stop += 1 }
        return MarkdownLink(kind: .definition, range: content, inner: inner, destination: start..<stop, isAngled: false)
    }

    /// The destination inside `( … )`: blanks trimmed, `<…>` unwrapped, a trailing `"title"`,
    /// `'title'` or `(title)` after a blank removed.
    static func destination(_ bytes: [UInt8], _ inner: Range<Int>) -> (Range<Int>, isAngled: Bool) {
        var start = inner.lowerBound, end = inner.upperBound
        while start < end && ASCII.isBlank(bytes[start]) { start += 1 }
        while end > start && ASCII.isBlank(bytes[end - 1]) { end -= 1 }
        guard start < end else { return (start..<start, false) }
        if bytes[start] == ASCII.lessThan, let gt = bytes[start + 1..<end].firstIndex(of: ASCII.greaterThan) {
            return (start + 1..<gt, true)
        }
        let last = bytes[end - 1]
        let opener: UInt8? = switch last {
        case ASCII.doubleQuote: ASCII.doubleQuote
        case ASCII.singleQuote: ASCII.singleQuote
        case ASCII.closeParen: ASCII.openParen
        default: nil
        }
        if let opener, let blank = bytes[start..<end].firstIndex(where: ASCII.isBlank) {
            var titleStart = blank
            while titleStart < end && ASCII.isBlank(bytes[titleStart]) { titleStart += 1 }
            if titleStart < end - 1 && bytes[titleStart] == opener {
                return (start..<blank, false)
            }
        }
        return (start..<end, false)
    }

    /// Just past the code span opened by the backtick run at `index`, or past the run when it never closes.
    private static func skipCodeSpan(_ bytes: [UInt8], from index: Int, end: Int) -> Int {
        var runEnd = index
        while runEnd < end && bytes[runEnd] == ASCII.backtick { runEnd += 1 }
        let length = runEnd - index
        var scan = runEnd
        while scan < end {
            guard bytes[scan] == ASCII.backtick else {
                scan += 1
                continue
            }
            var closeEnd = scan
            while closeEnd < end && bytes[closeEnd] == ASCII.backtick { closeEnd += 1 }
            if closeEnd - scan == length { return closeEnd }
            scan = closeEnd
        }
        return runEnd
    }

    /// The `)` that balances the `(` at `open`, skipping escapes.
    private static func closingParen(_ bytes: [UInt8], from open: Int, end: Int) -> Int? {
        var depth = 0
        var index = open
        while index < end {
            switch bytes[index] {
            case ASCII.backslash:
                index += 2
                continue
            case ASCII.openParen:
                depth += 1
            case ASCII.closeParen:
                depth -= 1
                if depth == 0 { return index }
            default:
                break
            }
            index += 1
        }
        return nil
    }
}
