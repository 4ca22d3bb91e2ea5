extension EntryParser.Scanner {
    /// `**Title**` (the template), `*Title*` or `_Title_`, or plain text up to the first `*`
    /// or `[`. A title may span lines.
    mutating func parseTitle() -> EntryTitle? {
        let open = skipSpace(from: emitted)
        guard open < end else {
            deviate(.missingTitle, open..<open)
            return nil
        }
        let first = byte(open)
        if startsBold(at: open) {
            return boldTitle(at: open)
        }
        if first == ASCII.asterisk || first == ASCII.underscore {
            return italicTitle(at: open, delimiter: first)
        }
        var index = open
        while index < end {
            let current = byte(index)
            if current == ASCII.openBracket, let close = bracketInsideWord(at: index, floor: open) {
                index = close + 1
                continue
            }
            if current == ASCII.asterisk || current == ASCII.openBracket { break }
            if current == ASCII.exclamation && byte(index + 1) == ASCII.openBracket { break }
            index += 1
        }
        let upper = trimSpace(index, floor: open)
        guard upper > open else {
            deviate(.missingTitle, open..<open)
            return nil
        }
        return emitTitle(open..<upper, text: open..<upper, markup: .plain)
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

    private mutating func boldTitle(at open: Int) -> EntryTitle {
        // One pass finds the closing `**` and, in case there is none, where the title would
        // end instead: at the author segment's `*` or the first link.
        var fallback: Int?
        var index = open + 2
        while index < end {
            let current = byte(index)
            if current == ASCII.asterisk {
                if byte(index + 1) == ASCII.asterisk {
                    return emitTitle(open..<index + 2, text: open + 2..<index, markup: .bold)
                }
                if fallback == nil { fallback = index }
            } else if current == ASCII.openBracket && fallback == nil {
                fallback = index
            }
            index += 1
        }
        deviate(.unclosedMarkup, open..<open + 2)
        let upper = trimSpace(fallback ?? end, floor: open + 2)
        return emitTitle(open..<upper, text: open + 2..<upper, markup: .bold)
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
