import PaperLintCore

/// The date of a new paper, as precise as it was given, and its rendering in the list's form.
struct PaperDate: Sendable, Equatable {
    var year: Int
    var month: Int?
    var day: Int?

    /// `2023/10`, `2023-10`, `2023.10`, `2023/10/05`, `2023-10-05T17:59:59Z` (arXiv's
    /// `published`), `2023`, `Oct 2023`, `October 2023`, `5 Oct 2023`; nil for anything else
    /// or an impossible month or day.
    init?(parsing text: String) {
        var words: [String] = []
        var current = ""
        var timeSeen = false
        for character in text {
            if character == "T" && current.count == 2 && words.count == 2 {
                timeSeen = true
                words.append(current)
                current = ""
                break
            }
            if character.isLetter || character.isNumber {
                // Letters and digits never share a word: "5Oct" is two.
                if let last = current.last, last.isNumber != character.isNumber {
                    words.append(current)
                    current = ""
                }
                current.append(character)
            } else if "/-. ,".contains(character) {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                return nil
            }
        }
        if !timeSeen && !current.isEmpty { words.append(current) }
        var year: Int?, month: Int?, day: Int?
        var numbers: [String] = []
        for word in words {
            if let first = word.first, first.isLetter {
                guard month == nil, let named = Self.month(named: word) else { return nil }
                month = named
            } else {
                numbers.append(word)
            }
        }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.count <= 4 }) else { return nil }
        if month != nil {
            // `Oct 2023`, `5 Oct 2023`, `Oct 5, 2023`.
            guard let yearIndex = numbers.firstIndex(where: { $0.count == 4 }), numbers.count <= 2 else { return nil }
            year = Int(numbers[yearIndex])
            day = numbers.indices.first { $0 != yearIndex }.flatMap { Int(numbers[$0]) }
        } else {
            // Year first: `2023`, `2023/10`, `2023/10/05`.
            guard numbers[0].count == 4, numbers.count <= 3, numbers.dropFirst().allSatisfy({ $0.count <= 2 }) else { return nil }
            year = Int(numbers[0])
            month = numbers.count > 1 ? Int(numbers[1]) : nil
            day = numbers.count > 2 ? Int(numbers[2]) : nil
        }
        guard let year, (1900...2999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...Self.days(in: month, of: year)).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    init(year: Int, month: Int?, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// How `order` compares it: `year * 100 + month`.
    var sortKey: Int { year * 100 + (month ?? 0) }

    static func month(named word: String) -> Int? {
        let lower = word.lowercased()
        guard lower.count >= 3 else { return nil }
        return EntryDate.monthNames.firstIndex { name in
            let full = name.lowercased()
            return full == lower || (full.hasPrefix(lower) && lower.count <= 4) || (lower == "sept" && full == "september")
        }.map { $0 + 1 }
    }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// What the date lacks to be written like the list's `date` (`2023/10/05` needs a day):
    /// nil when it has every part.
    func missingPart(for date: EntryDate) -> String? {
        if date.day != nil && day == nil { return "day" }
        if date.month != nil && month == nil { return "month" }
        return nil
    }

    /// The date written like the model's value: each number in the model replaced by this
    /// date's, with the model's padding (the list's where the model's number is 10 or more) (`2023/9` stays unpadded, `2023/09` padded) and its
    /// month name's length (`Oct`, `October`); parts the model lacks are left out.
    func rendered(like model: String, _ date: EntryDate, padMonths: Bool, padDays: Bool) -> String {
        var out = ""
        var run = ""
        var assignedMonth = false, assignedYear = false
        func flush() {
            guard !run.isEmpty else { return }
            if run.first?.isLetter == true {
                let name = EntryDate.monthNames[(month ?? 1) - 1]
                let full = run.count > 3 && EntryDate.monthNames.contains { $0.lowercased() == run.lowercased() }
                out += full ? name : run.count == 4 && month == 9 ? "Sept" : String(name.prefix(3))
            } else if run.count == 4 && !assignedYear {
                assignedYear = true
                out += String(year)
            } else if !date.isNamed && !assignedMonth && Int(run) == date.month {
                assignedMonth = true
                out += Self.padded(month ?? 1, Self.width(run, padding: padMonths))
            } else {
                out += Self.padded(day ?? 1, Self.width(run, padding: padDays))
            }
            run = ""
        }
        for character in model {
            if character.isLetter || character.isNumber {
                if let last = run.last, last.isNumber != character.isNumber { flush() }
                run.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }

    /// A one-digit number is written unpadded, `05` padded; `10` says nothing, so the
    /// list's habit decides.
    private static func width(_ run: String, padding: Bool) -> Int {
        run.count == 1 ? 1 : run.first == "0" || padding ? 2 : 1
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
