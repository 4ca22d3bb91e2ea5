extension EntryParser.Scanner {
    /// The bracketed date, possibly after emoji, badges or words on the first line.
    ///
    /// Returns whether text stood before the date: such items are news bullets unless a bold
    /// title follows.
    mutating func parseDate() -> (date: EntryDate?, hasPrefix: Bool) {
        let from = emitted
        var index = from
        // The date must come before anything that looks like a title, on the first line.
        while index < end {
            let current = byte(index)
            if current == ASCII.openBracket { break }
            if current == ASCII.asterisk || current == ASCII.underscore || current == ASCII.backtick
                || current == ASCII.newline
            {
                index = end
                break
            }
            if current == ASCII.exclamation && byte(index + 1) == ASCII.openBracket {
                // A badge image before the date: skip it whole.
                guard case .image(let after) = scanLink(at: index) else {
                    index = end
                    break
                }
                index = after
                continue
            }
            index += 1
        }
        guard index < end, let scanned = scanDate(at: index) else {
            deviate(.missingDate, from..<from)
            return (nil, false)
        }
        let date = scanned.date
        let prefix = emitGap(to: index, kind: .other)
        if !prefix.isEmpty { deviate(.textBeforeDate, prefix) }
        emit(.date, to: date.range.upperBound)
        if !scanned.isValid {
            deviate(.malformedDate, date.range)
        } else if date.form != .yearMonth {
            deviate(.dateVariant, date.range)
        }
        return (date, !prefix.isEmpty)
    }

    /// Reads `[D+(S D+(S D+)?)?]` at `open` (S is `/` or `-`) and classifies it.
    ///
    /// Returns nil when the brackets do not hold a date (`[Introduction]`, `[1]`); a date-like
    /// value that is not a valid date (`[2023/13]`, `[23/10]`) comes back with `isValid` false
    /// and its numbers as written. Digit runs of any length are read, but only their first nine
    /// digits contribute to the value, so nothing overflows.
    mutating func scanDate(at open: Int) -> (date: EntryDate, isValid: Bool)? {
        var groups: [(value: Int, digits: Int)] = []
        var separators: [UInt8] = []
        var index = open + 1
        // `[????/??]`, `[2023/XX]`: a date left as a placeholder is a malformed date.
        var hasPlaceholder = false
        while true {
            var value = 0
            var digits = 0
            while index < end {
                let current = byte(index)
                if current == ASCII.questionMark || current == UInt8(ascii: "X") || current == UInt8(ascii: "x") {
                    hasPlaceholder = true
                } else {
                    guard ASCII.isDigit(current) else { break }
                    if digits < 9 { value = value * 10 + Int(current - ASCII.zero) }
                }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            groups.append((value, digits))
            let next = byte(index)
            if next == ASCII.closeBracket { break }
            guard (next == ASCII.slash || next == ASCII.hyphen) && groups.count < 3 else { return nil }
            separators.append(next)
            index += 1
        }
        let range = open..<index + 1
        let year = groups[0]
        if hasPlaceholder {
            guard year.digits == 4 else { return nil }
            let form: EntryDate.Form = groups.count == 1 ? .year : groups.count == 2 ? .yearMonth : .yearMonthDay
            return (EntryDate(range: range, year: 0, month: nil, day: nil, form: form), false)
        }
        switch groups.count {
        case 1:
            // `[2023]`; a lone short number (`[1]`) is a footnote or a counter, not a date.
            guard year.digits == 4 else { return nil }
            return (EntryDate(range: range, year: year.value, month: nil, day: nil, form: .year), true)
        case 2:
            let month = groups[1]
            let isDashed = separators[0] == ASCII.hyphen
            let form: EntryDate.Form = isDashed ? .dashed : month.digits == 1 ? .singleDigitMonth : .yearMonth
            let isValid = year.digits == 4 && (1...12).contains(month.value)
                && (month.digits == 2 || (month.digits == 1 && !isDashed))
            return (EntryDate(range: range, year: year.value, month: month.value, day: nil, form: form), isValid)
        default:
            let month = groups[1]
            let day = groups[2]
            let isDashed = separators[0] == ASCII.hyphen
            let form: EntryDate.Form = isDashed ? .dashed : .yearMonthDay
            let isValid = year.digits == 4 && month.digits == 2 && day.digits == 2
                && separators[0] == separators[1] && (1...12).contains(month.value) && (1...31).contains(day.value)
            return (
                EntryDate(range: range, year: year.value, month: month.value, day: day.value, form: form), isValid
            )
        }
    }
}
