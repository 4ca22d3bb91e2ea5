extension EntryParser.Scanner {
    /// `**Title**` (the template), `*Title*` or `_Title_`, a link `[Title](url)`, or plain text
    /// up to the first `*` or `[` (a `**keyword**` inside it belongs to it). A title may span
    /// lines. `boldFrom` is the `**` of a bold title that the date opened (`**[2023] Title**`).
    mutating func parseTitle(boldFrom: Int? = nil) -> EntryTitle? {
        if let boldFrom {
            return boldTitle(at: boldFrom, text: skipSpace(from: emitted))
        }
        let open = skipSpace(from: emitted)
        guard open < end else {
            deviate(.missingTitle, open..<open)
            return nil
        }
        let first = byte(open)
        let isBold = startsBold(at: open)
        if isBold {
            let close = inlineBold(at: open)
            if !isKeyword(boldAt: open, closingAt: close) {
                // The closing `**` is known (nothing but title bytes lie before it): no need to
                // look for it again.
                guard let close else { return boldTitle(at: open, text: open + 2) }
                return emitTitle(open..<close, text: open + 2..<close - 2, markup: .bold)
            }
        }
        if !isBold && (first == ASCII.asterisk || first == ASCII.underscore) {
            return italicTitle(at: open, delimiter: first)
        }
        if first == ASCII.openBracket, let title = linkTitle(at: open) {
            return title
        }
        var index = open
        while index < end {
            let current = byte(index)
            if current == ASCII.openBracket, let close = bracketInsideWord(at: index, floor: open) {
                index = close + 1
                continue
            }
            if current == ASCII.asterisk, let close = inlineBold(at: index) {
                index = close
                continue
            }
            if current == ASCII.asterisk || current == ASCII.openBracket { break }
            if current == ASCII.exclamation && byte(index + 1) == ASCII.openBracket { break }
            index += 1
        }
        var upper = trimSpace(index, floor: open)
        // `Title, [[Paper]](url)` and `Title. ([Paper](url), …)`: the comma or the parenthesis
        // opening the links is not part of the title.
        if upper > open + 1 && (byte(upper - 1) == UInt8(ascii: ",") || byte(upper - 1) == ASCII.openParen) {
            upper = trimSpace(upper - 1, floor: open)
        }
        guard upper > open else {
            deviate(.missingTitle, open..<open)
            return nil
        }
        return emitTitle(open..<upper, text: open..<upper, markup: .plain)
    }

    /// True when the `**` at `open` highlights words of a plain title rather than enclosing it:
    /// the title goes on right after it (`**Mobile**VLM`, `**Gemini**: A Family …`,
    /// `**Video**-LLaVA`), or words follow it up to a comma before the links, the way a list
    /// that highlights keywords ends its titles (`**Calibrated** Self-Rewarding Models,
    /// [[Paper]](…)`). `**Title** A. Author [[paper](…)]` stays a bold title with text after it.
    /// `close`: `inlineBold(at: open)`.
    private mutating func isKeyword(boldAt open: Int, closingAt close: Int?) -> Bool {
        guard let close else { return false }
        let after = byte(close)
        if ASCII.isAlphanumeric(after) || after == ASCII.hyphen || after == UInt8(ascii: ":") { return true }
        guard ASCII.isBlank(after) else { return false }
        // The rest of the title's line: up to the first `[`, or a `*` that opens no keyword.
        var index = close
        var last: UInt8 = 0
        while index < end {
            let current = byte(index)
            if current == ASCII.openBracket || current == ASCII.newline { break }
            if current == ASCII.asterisk {
                guard let keyword = inlineBold(at: index) else { break }
                index = keyword
                last = ASCII.asterisk
                continue
            }
            if !ASCII.isBlank(current) { last = current }
            index += 1
        }
        return last == UInt8(ascii: ",")
    }

    /// Just past the closing `**` of a `**keyword**` inside a plain title, on the same line and
    /// before any `[`; nil when `index` does not open one.
    private mutating func inlineBold(at index: Int) -> Int? {
        guard byte(index + 1) == ASCII.asterisk, !ASCII.isSpace(byte(index + 2)) else { return nil }
        var close = index + 2
        while close < end {
            // Titles are long: the bytes up to the next line break, `[` or `*` are passed over at once.
            close = skip(from: close, to: ASCII.newline, ASCII.openBracket, ASCII.asterisk)
            guard close < end else { break }
            let current = byte(close)
            if current == ASCII.newline || current == ASCII.openBracket { return nil }
            if current == ASCII.asterisk {
                guard byte(close + 1) == ASCII.asterisk, close > index + 2 else { return nil }
                return close + 2
            }
            close += 1
        }
        return nil
    }

    /// `[Title](url)` where the title is the paper's link: a label of at least three words,
    /// so that `[paper](url)` and `[[code](url)]` stay links.
    private mutating func linkTitle(at open: Int) -> EntryTitle? {
        guard byte(open + 1) != ASCII.openBracket, byte(open + 1) != ASCII.exclamation,
            case .link(let link, nil) = scanLink(at: open), link.syntax == .plain, let url = link.url
        else { return nil }
        var words = 1
        var index = link.label.lowerBound
        while index < link.label.upperBound {
            if ASCII.isBlank(byte(index)) { words += 1 }
            index += 1
        }
        guard words >= 3 else { return nil }
        emit(.space, to: open)
        emit(.title, to: link.range.upperBound)
        deviate(.titleMarkup, link.range)
        return EntryTitle(range: link.range, text: link.label, markup: .link, url: url)
    }

    /// The `]` of a bracket that is part of a word of a plain title (`Tur[k]ingBench`): letters
    /// on both sides, a short label without brackets inside, no `(` after it. Nil otherwise.
    private mutating func bracketInsideWord(at index: Int, floor: Int) -> Int? {
        guard index > floor, ASCII.isAlphanumeric(byte(index - 1)), index + 1 < end, byte(index + 1) != ASCII.openBracket
        else { return nil }
        var close = index + 1
        while close < end && close - index <= 16 {
            let current = byte(close)
            if current == ASCII.closeBracket {
                guard close > index + 1, close + 1 < end, ASCII.isAlphanumeric(byte(close + 1)) else { return nil }
                return close
            }
            if current == ASCII.openBracket || current == ASCII.newline || ASCII.isBlank(current) { return nil }
            close += 1
        }
        return nil
    }

    /// The bold title opened by the `**` at `open`, whose text starts at `text`.
    private mutating func boldTitle(at open: Int, text: Int) -> EntryTitle {
        // One pass finds the closing `**` and, in case there is none, where the title would
        // end instead: at the author segment's `*` or the first link.
        var fallback: Int?
        var index = max(text, emitted)
        while index < end {
            let current = byte(index)
            if current == ASCII.asterisk {
                if byte(index + 1) == ASCII.asterisk {
                    return emitTitle(open..<index + 2, text: text..<max(text, index), markup: .bold)
                }
                if fallback == nil { fallback = index }
            } else if current == ASCII.openBracket && fallback == nil {
                fallback = index
            }
            index += 1
        }
        deviate(.unclosedMarkup, open..<open + 2)
        let upper = trimSpace(fallback ?? end, floor: text)
        return emitTitle(open..<upper, text: text..<upper, markup: .bold)
    }

    private mutating func italicTitle(at open: Int, delimiter: UInt8) -> EntryTitle {
        var fallback: Int?
        var index = open + 1
        while index < end {
            let current = byte(index)
            if current == delimiter {
                return emitTitle(open..<index + 1, text: open + 1..<index, markup: .italic)
            }
            if fallback == nil && (current == ASCII.openBracket || current == ASCII.asterisk) { fallback = index }
            index += 1
        }
        deviate(.unclosedMarkup, open..<open + 1)
        let upper = trimSpace(fallback ?? end, floor: open + 1)
        return emitTitle(open..<upper, text: open + 1..<upper, markup: .italic)
    }

    private mutating func emitTitle(_ range: Range<Int>, text: Range<Int>, markup: EntryTitle.Markup) -> EntryTitle {
        emit(.space, to: range.lowerBound)
        emit(.title, to: range.upperBound)
        if markup != .bold { deviate(.titleMarkup, range) }
        return EntryTitle(range: range, text: text, markup: markup)
    }

    /// The italic author (or venue) segment after the title: the first single `*` before any
    /// link. Text before it is `.other` (`.textAfterTitle`).
    mutating func parseAuthors() -> EntryAuthors? {
        let from = emitted
        var index = from
        while index < end {
            let current = byte(index)
            if current == ASCII.asterisk || current == ASCII.openBracket { break }
            if current == ASCII.exclamation && byte(index + 1) == ASCII.openBracket { break }
            index += 1
        }
        guard index < end && byte(index) == ASCII.asterisk else {
            deviate(.missingAuthors, from..<from)
            return nil
        }
        let gap = emitGap(to: index, kind: .other)
        if !gap.isEmpty { deviate(.textAfterTitle, gap) }
        let open = index
        var fallback: Int?
        index += 1
        while index < end {
            let current = byte(index)
            if current == ASCII.asterisk {
                emit(.authors, to: index + 1)
                return EntryAuthors(range: open..<index + 1, text: open + 1..<index)
            }
            if current == ASCII.openBracket && fallback == nil { fallback = index }
            index += 1
        }
        deviate(.unclosedMarkup, open..<open + 1)
        let upper = trimSpace(fallback ?? end, floor: open + 1)
        emit(.authors, to: upper)
        return EntryAuthors(range: open..<upper, text: open + 1..<upper)
    }
}
