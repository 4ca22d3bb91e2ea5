extension EntryParser.Scanner {
    /// Where the date was found, as `parseDate` reports it.
    struct ParsedDate {
        var date: EntryDate?
        /// Text stood before the date: such items are news bullets unless a bold title follows.
        var hasPrefix = false
        /// The `**` of a bold title that the date opens (`**[2023] Title**`).
        var boldTitle: Int?
    }

    /// The date, possibly after emoji, badges or words on the first line: in brackets, in
    /// parentheses right after the marker, bold (`**[2023-10]**`), or opening a bold title.
    mutating func parseDate() -> ParsedDate {
        let from = emitted
        var index = from
        var found: (date: EntryDate, isValid: Bool)?
        var boldOpen: Int?
        // The date must come before anything that looks like a title, on the first line.
        while index < end {
            let current = byte(index)
            if current == ASCII.openBracket {
                found = scanDate(at: index, closer: ASCII.closeBracket)
                break
            }
            if current == ASCII.openParen && index == from {
                found = scanDate(at: index, closer: ASCII.closeParen)
                break
            }
            if current == ASCII.asterisk && byte(index + 1) == ASCII.asterisk && byte(index + 2) == ASCII.openBracket {
                found = scanDate(at: index + 2, closer: ASCII.closeBracket)
                if found != nil { boldOpen = index }
                break
            }
            if current == ASCII.asterisk || current == ASCII.underscore || current == ASCII.backtick
                || current == ASCII.newline
            {
                break
            }
            if current == ASCII.exclamation && byte(index + 1) == ASCII.openBracket {
                // A badge image before the date: skip it whole.
                guard case .image(let after) = scanLink(at: index) else { break }
                index = after
                continue
            }
            index += 1
        }
        guard let (date, isValid) = found else {
            deviate(.missingDate, from..<from)
            return ParsedDate()
        }
        let prefix = emitGap(to: boldOpen ?? date.range.lowerBound, kind: .other)
        if !prefix.isEmpty { deviate(.textBeforeDate, prefix) }
        var parsed = ParsedDate(date: date, hasPrefix: !prefix.isEmpty)
        let close = date.range.upperBound
        if let boldOpen {
            // `**[2023-10]**` is a bold date; `**[2023] Title**` a bold title the date opens
            // (its `**` is a title part, the date a date part inside the title).
            if byte(close) == ASCII.asterisk && byte(close + 1) == ASCII.asterisk {
                emit(.other, to: date.range.lowerBound)
                emit(.date, to: close)
                emit(.other, to: close + 2)
            } else {
                emit(.title, to: date.range.lowerBound)
                emit(.date, to: close)
                parsed.boldTitle = boldOpen
            }
        } else {
            emit(.date, to: close)
            // `[18 Apr 2024]] **Title**`: a bracket too many after the date, not a title.
            if bytes[date.range.lowerBound] == ASCII.openBracket && byte(close) == ASCII.closeBracket {
                emit(.other, to: close + 1)
                deviate(.unbalancedBrackets, close..<close + 1)
            }
        }
        if !isValid {
            deviate(.malformedDate, date.range)
        } else if date.form != .yearMonth || date.venue != nil || boldOpen != nil
            || bytes[date.range.lowerBound] != ASCII.openBracket
        {
            deviate(.dateVariant, date.range)
        }
        return parsed
    }

    /// Reads a date between `open` and the next `closer`, and classifies it.
    ///
    /// The brackets hold one date, `D+(S D+(S D+)?)?` (S is `/`, `-` or `.`) or `[D] Mon YYYY`,
    /// and possibly words beside it (a venue: `[arXiv 2023.07]`, `[2024.06 Preprint]`). Returns
    /// nil when they hold no date (`[Introduction]`, `[1]`, `[2310.12345]`) or when words beside
    /// the date are a link's label (`[KDD 2023](url)`). A date-like value that is not a valid date
    /// (`[2023/13]`, `[23/10]`) comes back with `isValid` false and its numbers as written. Only
    /// the first 80 bytes are read, and only the first nine digits of a run contribute to a
    /// value, so nothing overflows.
    mutating func scanDate(at open: Int, closer: UInt8) -> (date: EntryDate, isValid: Bool)? {
        // `[ 2023/10]` is not written as a date.
        guard !ASCII.isSpace(byte(open + 1)) else { return nil }
        // Most dates are one word (`[2023/10]`): the words after the first are gathered only
        // when there are any.
        var first: Range<Int>?
        var words: [Range<Int>] = []
        var index = open + 1
        while index < end && index - open <= 80 {
            let current = byte(index)
            if current == closer { break }
            if current == ASCII.openBracket || current == ASCII.closeBracket || current == ASCII.openParen
                || current == ASCII.closeParen || current == ASCII.newline || current == ASCII.carriageReturn
            {
                return nil
            }
            if ASCII.isBlank(current) {
                index += 1
                continue
            }
            let start = index
            while index < end {
                let next = byte(index)
                if ASCII.isBlank(next) || next == closer || next == ASCII.openBracket || next == ASCII.closeBracket
                    || next == ASCII.openParen || next == ASCII.closeParen || next == ASCII.newline
                {
                    break
                }
                index += 1
            }
            if let first, words.isEmpty { words.append(first) }
            if first == nil { first = start..<index } else { words.append(start..<index) }
        }
        guard index < end, byte(index) == closer, let first, words.count <= 8,
            (words.last ?? first).upperBound == index
        else { return nil }
        let range = open..<index + 1
        if words.isEmpty {
            guard let numeric = numericDate(first) else { return nil }
            return (numeric.date(range: range, value: first, venue: nil), numeric.isValid)
        }
        // Words beside the date: a venue, unless the brackets are a link's label.
        guard byte(range.upperBound) != ASCII.openParen else { return nil }
        if let named = namedDate(words) {
            let venue = Self.venue(words, excluding: named.words)
            return (EntryDate(range: range, year: named.year, month: named.month, day: named.day,
                              form: named.day == nil ? .monthName : .dayMonthName, value: named.value, venue: venue), true)
        }
        for (position, word) in words.enumerated() {
            guard let numeric = numericDate(word), numeric.isPlausibleYear, !numeric.hasPlaceholder else { continue }
            let venue = Self.venue(words, excluding: position..<position + 1)
            return (numeric.date(range: range, value: word, venue: venue), numeric.isValid)
        }
        return nil
    }

    /// The bytes from the first to the last of `words` outside `excluding`: the venue beside a
    /// date (spanning the date when words stand on both sides of it).
    private static func venue(_ words: [Range<Int>], excluding: Range<Int>) -> Range<Int>? {
        let others = words[..<excluding.lowerBound] + words[excluding.upperBound...]
        guard let first = others.first, let last = others.last else { return nil }
        return first.lowerBound..<last.upperBound
    }

    /// A date written with digits, as read: up to three groups of digits and the separators
    /// between them, held inline (an entry's date was two arrays, allocated per entry).
    struct NumericDate {
        /// How many groups were read (1–3).
        private(set) var count = 0
        private var values: (Int, Int, Int) = (0, 0, 0)
        private var digitCounts: (Int, Int, Int) = (0, 0, 0)
        private var separators: (UInt8, UInt8) = (0, 0)
        var hasPlaceholder = false

        /// The value of group `index` (its first nine digits).
        func value(_ index: Int) -> Int { index == 0 ? values.0 : index == 1 ? values.1 : values.2 }
        /// How many digits group `index` has.
        func digits(_ index: Int) -> Int { index == 0 ? digitCounts.0 : index == 1 ? digitCounts.1 : digitCounts.2 }
        /// The separator after group `index` (0 or 1).
        func separator(_ index: Int) -> UInt8 { index == 0 ? separators.0 : separators.1 }

        /// Adds a group; the caller reads at most three.
        mutating func append(value: Int, digits: Int) {
            switch count {
            case 0: (values.0, digitCounts.0) = (value, digits)
            case 1: (values.1, digitCounts.1) = (value, digits)
            default: (values.2, digitCounts.2) = (value, digits)
            }
            count += 1
        }

        /// Sets the separator after the last group.
        mutating func separate(_ byte: UInt8) {
            if count == 1 { separators.0 = byte } else { separators.1 = byte }
        }

        var isPlausibleYear: Bool { digits(0) == 4 && (1900...2099).contains(value(0)) }

        var isValid: Bool {
            if hasPlaceholder || digits(0) != 4 { return false }
            guard count > 1 else { return true }
            let first = separator(0)
            guard (1...12).contains(value(1)) else { return false }
            if count == 2 {
                // `[2023/9]` and `[2023.9]` are dates; `[2023-9]` is an ISO date missing its zero.
                return digits(1) == 2 || (digits(1) == 1 && first != ASCII.hyphen)
            }
            return first == separator(1) && (1...31).contains(value(2))
                && (first == ASCII.period ? digits(1) <= 2 && digits(2) <= 2 : digits(1) == 2 && digits(2) == 2)
        }

        func date(range: Range<Int>, value: Range<Int>, venue: Range<Int>?) -> EntryDate {
            let year = hasPlaceholder ? 0 : self.value(0)
            let month = hasPlaceholder || count < 2 ? nil : self.value(1)
            let day = hasPlaceholder || count < 3 ? nil : self.value(2)
            let form: EntryDate.Form
            switch (count, count > 1 ? separator(0) : nil) {
            case (1, _): form = .year
            case (_, ASCII.hyphen?): form = .dashed
            case (_, ASCII.period?): form = .dotted
            case (2, _): form = hasPlaceholder || digits(1) != 1 ? .yearMonth : .singleDigitMonth
            default: form = .yearMonthDay
            }
            return EntryDate(range: range, year: year, month: month, day: day, form: form, value: value, venue: venue)
        }
    }

    /// Reads `D+(S D+(S D+)?)?` filling `word` exactly; `?` and `X` stand for digits of a
    /// placeholder (`[????/??]`). Nil for anything else, for a lone number that is not a year
    /// (`[1]`, a footnote), and for dotted groups of more than two digits (`2310.12345` is an
    /// arXiv id).
    private mutating func numericDate(_ word: Range<Int>) -> NumericDate? {
        var date = NumericDate()
        var index = word.lowerBound
        while true {
            var value = 0
            var digits = 0
            while index < word.upperBound {
                let current = byte(index)
                if current == ASCII.questionMark || current == UInt8(ascii: "X") || current == UInt8(ascii: "x") {
                    date.hasPlaceholder = true
                } else {
                    guard ASCII.isDigit(current) else { break }
                    if digits < 9 { value = value * 10 + Int(current - ASCII.zero) }
                }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            date.append(value: value, digits: digits)
            if index == word.upperBound { break }
            let next = byte(index)
            guard (next == ASCII.slash || next == ASCII.hyphen || next == ASCII.period) && date.count < 3 else { return nil }
            date.separate(next)
            index += 1
        }
        // A lone short number (`[1]`) is a footnote or a counter, not a date.
        guard date.digits(0) == 4 || date.count > 1 else { return nil }
        if date.count > 1 && date.separator(0) == ASCII.period && (1..<date.count).contains(where: { date.digits($0) > 2 }) { return nil }
        if date.hasPlaceholder && date.digits(0) != 4 { return nil }
        return date
    }

    /// `Mon YYYY` or `D Mon YYYY` among `words` (`Oct`, `Oct.`, `October`, any case; the day
    /// without its zero or with it).
    private mutating func namedDate(_ words: [Range<Int>])
        -> (year: Int, month: Int, day: Int?, value: Range<Int>, words: Range<Int>)?
    {
        for position in words.indices.dropLast() {
            guard let month = monthNumber(words[position]) else { continue }
            let yearWord = words[position + 1]
            guard yearWord.count == 4, let year = number(yearWord), (1900...2099).contains(year) else { continue }
            if position > 0, words[position - 1].count <= 2, let day = number(words[position - 1]), (1...31).contains(day) {
                return (year, month, day, words[position - 1].lowerBound..<yearWord.upperBound, position - 1..<position + 2)
            }
            return (year, month, nil, words[position].lowerBound..<yearWord.upperBound, position..<position + 2)
        }
        return nil
    }

    private mutating func number(_ word: Range<Int>) -> Int? {
        var value = 0
        for index in word {
            let current = byte(index)
            guard ASCII.isDigit(current) else { return nil }
            value = value * 10 + Int(current - ASCII.zero)
        }
        return value
    }

    /// 1–12 for an English month name or its three-letter (or `Sept`) abbreviation, with an
    /// optional final `.`.
    private mutating func monthNumber(_ word: Range<Int>) -> Int? {
        var upper = word.upperBound
        if upper > word.lowerBound && byte(upper - 1) == ASCII.period { upper -= 1 }
        let length = upper - word.lowerBound
        guard length >= 3 && length <= 9 else { return nil }
        var name: [UInt8] = []
        name.reserveCapacity(length)
        for index in word.lowerBound..<upper {
            let current = byte(index)
            guard ASCII.isAlphanumeric(current) && !ASCII.isDigit(current) else { return nil }
            name.append(current | 0x20)
        }
        for (number, full) in Self.monthNames.enumerated() {
            if name == full || name.elementsEqual(full.prefix(3))
                || (number == 8 && name.elementsEqual("sept".utf8))
            {
                return number + 1
            }
        }
        return nil
    }

    /// The month names in lowercase bytes, for `monthNumber`.
    static let monthNames = EntryDate.monthNames.map { Array($0.lowercased().utf8) }
}
