import PaperLintCore

/// Byte-level readings of an entry's text that the entry-format checks share.
extension EntryFormatRule {
    /// True when `text` holds a year from 1900 to 2099 as a word of its own (`RSS 2025`).
    static func namesAYear(_ text: ArraySlice<UInt8>) -> Bool {
        var index = text.startIndex
        while index + 4 <= text.endIndex {
            let isStart = index == text.startIndex || !ASCII.isDigit(text[index - 1])
            let isEnd = index + 4 == text.endIndex || !ASCII.isDigit(text[index + 4])
            if isStart && isEnd && text[index..<index + 4].allSatisfy(ASCII.isDigit)
                && (text[index] == UInt8(ascii: "1") && text[index + 1] == UInt8(ascii: "9")
                    || text[index] == UInt8(ascii: "2") && text[index + 1] == UInt8(ascii: "0"))
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// True when `text`, blanks aside, is one remark in parentheses (`(for diffusion model)`,
    /// `(Oral)`): written on purpose wherever it stands. Its parentheses must balance, and the
    /// first one must close only at the end.
    static func isParenthesised(_ text: ArraySlice<UInt8>) -> Bool {
        guard let first = text.firstIndex(where: { !ASCII.isBlank($0) }),
            let last = text.lastIndex(where: { !ASCII.isBlank($0) }),
            last > first, text[first] == ASCII.openParen, text[last] == ASCII.closeParen
        else { return false }
        var depth = 0
        for index in first...last {
            if text[index] == ASCII.openParen { depth += 1 } else if text[index] == ASCII.closeParen { depth -= 1 }
            if depth == 0 && index < last { return false }
        }
        return depth == 0
    }

    /// Where the first `[…](…)` link starts in `text`, if it holds one.
    static func firstLink(in text: ArraySlice<UInt8>) -> Int? {
        var open: Int?
        for index in text.indices {
            if text[index] == UInt8(ascii: "[") {
                if open == nil { open = index }
            } else if text[index] == UInt8(ascii: "]") && index + 1 < text.endIndex && text[index + 1] == UInt8(ascii: "(") {
                return open
            } else if text[index] == UInt8(ascii: "]") && index + 1 < text.endIndex && text[index + 1] != UInt8(ascii: "]") {
                open = nil
            }
        }
        return nil
    }

    /// Four digits, then only digits and `/`, `.` or `-`: a bracketed date such as `2023/04`.
    static func isDateShaped(_ label: ArraySlice<UInt8>) -> Bool {
        return label.count >= 4 && label.prefix(4).allSatisfy(ASCII.isDigit)
            && label.allSatisfy { ASCII.isDigit($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    /// `[Title][https://…]` in `range`: the `[` that opens the title, the `]` that closes it
    /// (followed by `[http`), and the `]` that closes the URL, which holds no blank.
    static func squareBracketedURL(_ bytes: [UInt8], in range: Range<Int>) -> (open: Int, middle: Int, close: Int)? {
        var index = range.lowerBound
        while index + 5 < range.upperBound {
            defer { index += 1 }
            guard bytes[index] == ASCII.closeBracket, bytes[index + 1] == UInt8(ascii: "["),
                bytes[(index + 2)..<min(range.upperBound, index + 6)].elementsEqual("http".utf8)
            else { continue }
            guard let close = bytes[(index + 2)..<range.upperBound].firstIndex(where: { $0 == ASCII.closeBracket || ASCII.isBlank($0) }),
                bytes[close] == ASCII.closeBracket,
                let open = bytes[range.lowerBound..<index].lastIndex(of: UInt8(ascii: "["))
            else { return nil }
            return (open, index, close)
        }
        return nil
    }
}

/// Reads text after the links that may be only badges.
struct BadgeScanner {
    let bytes: [UInt8]

    /// Text after the links that is only images and linked images (star badges).
    func isOnlyBadges(_ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            if ASCII.isBlank(bytes[index]) || bytes[index] == 0x0A {
                index += 1
                continue
            }
            let opensBadge = bytes[index] == UInt8(ascii: "!")
                || (bytes[index] == UInt8(ascii: "[") && index + 1 < range.upperBound && bytes[index + 1] == UInt8(ascii: "!"))
            guard opensBadge else { return false }
            // Skip to the end of the badge: its last `)` before a blank or the end.
            var depth = 0
            var closed = false
            while index < range.upperBound {
                let byte = bytes[index]
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 && (index + 1 == range.upperBound || ASCII.isBlank(bytes[index + 1])) {
                        closed = true
                        index += 1
                        break
                    }
                }
                index += 1
            }
            guard closed else { return false }
        }
        return true
    }
}
