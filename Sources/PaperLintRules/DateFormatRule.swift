import PaperLintCore

/// Entry dates are real months written in one form: `[2023/10]` unless the list says otherwise.
public struct DateFormatRule: Rule {
    public static let description = RuleDescription(
        id: "date-format",
        defaultSeverity: .error,
        summary: "Entry dates are real, not in the future, and written in the list's form ([YYYY/MM]).",
        rationale: """
            Checks the bracketed date that opens each paper entry: the year has four digits and \
            is not before 1950, the month is 1–12, a day exists in its month, and the date is not \
            later than the current month. It also checks the form: `entry.date` (`YYYY/MM` by \
            default; with `auto`, the form most of the list's dates use). Variants such as \
            `[2023-10]` and `[2023/9]` are rewritten to the configured form by a safe fix; \
            dropping a day (`[2023/10/05]` → `[2023/10]`) is an unsafe fix because it loses \
            information, and a bare year (`[2023]`) has no fix because the month is unknown. \
            Dates sort the list and feed the order and date-mismatch checks: a date that is \
            written differently or does not exist makes both silently wrong.
            """,
        nonTriggering: [
            Example("- [2023/10] **Title** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2310.12345)]\n"),
            Example("- [1999/12] **An Old Classic** *A. Author. JMLR.* [[paper](https://example.org/p)]\n"),
            Example("- [2026/06] **This Month** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- 💥 [2023-11-06] We released a survey. A news bullet, not a paper entry.\n"),
            Example("```\n- [2023-10] **Inside a code block** *A.* [[paper](u)]\n```\n"),
        ],
        triggering: [
            Example("- ↓[2023-10] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- ↓[2023/9] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- ↓[2023/10/05] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- ↓[2023] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- ↓[2023/13] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- ↓[23/10] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- ↓[2023/02/29] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- ↓[1023/10] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- ↓[2026/07] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
        ],
        corrections: [
            (Example("- [2023-10] **T** *A. B.* [[paper](u)]\n"), Example("- [2023/10] **T** *A. B.* [[paper](u)]\n")),
            (Example("- [2023/9] **T** *A. B.* [[paper](u)]\n"), Example("- [2023/09] **T** *A. B.* [[paper](u)]\n")),
            (Example("- [2023-9] **T** *A. B.* [[paper](u)]\n"), Example("- [2023/09] **T** *A. B.* [[paper](u)]\n")),
            (Example("- [2023/10/05] **T** *A. B.* [[paper](u)]\n"), Example("- [2023/10] **T** *A. B.* [[paper](u)]\n")),
        ])

    public init() {}

    public func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        let entries = document.checkedEntries(configuration)
        let dates = entries.compactMap { entry in entry.date.map { WrittenDate(document.bytes, $0.range) } }
        var tally = Tally<DateStyle>()
        for date in dates where date.problem(today: nil) == nil { tally.add(date.style) }
        let configured: DateStyle? = configuration.style.date == .auto ? nil : configuration.style.date
        let expected = Expected.resolve(configured, tally)
        return dates.compactMap { date in
            guard document.isInFocus(bytes: date.range) else { return nil }
            if let problem = date.problem(today: configuration.today) {
                return Diagnostic(
                    rule: Self.self, range: date.range, message: problem.message(document.quoted(date.range)),
                    help: problem.help)
            }
            guard let expected, !date.isSpelled(expected.value) else { return nil }
            return formDiagnostic(document, date, expected)
        }
    }

    private func formDiagnostic(_ document: Document, _ date: WrittenDate, _ expected: Expected<DateStyle>) -> Diagnostic {
        let form = "`[\(expected.value.rawValue)]`"
        let written = document.quoted(date.range)
        var message = "date \(written) is written \(date.pattern); \(expected.reason(form, unit: "dates"))"
        let help: String
        var fix: Fix?
        if let rewritten = date.text(in: expected.value) {
            let safety: FixSafety = date.loses(to: expected.value) ? .unsafe : .safe
            let edit = Edit(replacing: date.range, with: rewritten)
            if safety == .safe {
                help = "write it as `\(rewritten)`"
                fix = Fix(.safe, "rewrite the date as \(rewritten)", edit)
            } else {
                help = "write it as `\(rewritten)` (this drops part of the date)"
                fix = Fix(.unsafe, "shorten the date to \(rewritten)", edit)
            }
        } else {
            message += "; the \(date.style == .year ? "month" : "day") is missing"
            help = "add the \(date.style == .year ? "month" : "day") of first publication, e.g. \(form)"
        }
        return Diagnostic(rule: Self.self, range: date.range, message: message, help: help, fix: fix)
    }
}

/// A bracketed date with its digit groups and separators exactly as written.
struct WrittenDate {
    var range: Range<Int>
    /// Values and digit counts of the year, month and day, as many as were written.
    var groups: [(value: Int, digits: Int)] = []
    var separators: [UInt8] = []

    /// Reads `[D+(S D+(S D+)?)?]`, the shape the entry parser accepted as a date.
    init(_ bytes: [UInt8], _ range: Range<Int>) {
        self.range = range
        var value = 0, digits = 0
        for byte in bytes[(range.lowerBound + 1)..<max(range.lowerBound + 1, range.upperBound - 1)] {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if digits < 9 { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
                digits += 1
            } else {
                groups.append((value, digits))
                separators.append(byte)
                value = 0
                digits = 0
            }
        }
        groups.append((value, digits))
    }

    var year: Int { groups[0].value }
    var month: Int? { groups.count > 1 ? groups[1].value : nil }
    var day: Int? { groups.count > 2 ? groups[2].value : nil }

    /// The form its groups amount to, whatever the separators.
    var style: DateStyle {
        switch groups.count {
        case 1: .year
        case 2: .yearMonth
        default: .yearMonthDay
        }
    }

    /// How it is written: `YYYY-MM`, `YYYY/M`, `YYYY/MM/DD`.
    var pattern: String {
        var out = String(repeating: "Y", count: groups[0].digits)
        let names: [Character] = ["Y", "M", "D"]
        for (index, group) in groups.enumerated().dropFirst() {
            out += String(decoding: [separators[index - 1]], as: UTF8.self)
            out += String(repeating: names[min(index, 2)], count: min(group.digits, 2))
        }
        return out
    }

    /// True when it is written exactly in `style`'s canonical spelling.
    func isSpelled(_ style: DateStyle) -> Bool {
        style == self.style && separators.allSatisfy { $0 == UInt8(ascii: "/") }
            && groups.dropFirst().allSatisfy { $0.digits == 2 }
    }

    /// The date in `style`'s spelling, or nil when it lacks the month or day `style` needs.
    func text(in style: DateStyle) -> String? {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        switch style {
        case .year: return "[\(year)]"
        case .yearMonth: return month.map { "[\(year)/\(two($0))]" }
        case .yearMonthDay:
            guard let month, let day else { return nil }
            return "[\(year)/\(two(month))/\(two(day))]"
        case .auto: return nil
        }
    }

    /// True when rewriting to `style` drops a month or a day.
    func loses(to style: DateStyle) -> Bool {
        switch style {
        case .year: groups.count > 1
        case .yearMonth: groups.count > 2
        default: false
        }
    }

    struct Problem {
        var message: (String) -> String
        var help: String
    }

    /// Why the date is not a real, plausible date; nil when it is one.
    func problem(today: YearMonth?) -> Problem? {
        if groups[0].digits != 4 {
            return Problem(message: { "date \($0) has no four-digit year" }, help: "write the full year, e.g. [2023/10]")
        }
        if let month, !(1...12).contains(month) {
            return Problem(message: { "date \($0) has month \(month); months run from 01 to 12" },
                           help: "check the month of first publication")
        }
        if let month, let day {
            let last = Self.days(in: month, of: year)
            if !(1...last).contains(day) {
                return Problem(message: { "date \($0) does not exist: \(Self.monthNames[month - 1]) \(year) has \(last) days" },
                               help: "check the day of first publication")
            }
        }
        if year < 1950 {
            return Problem(message: { "date \($0) is before 1950; the year looks mistyped" },
                           help: "check the year of first publication")
        }
        if let today {
            let isFuture = month.map { YearMonth(year: year, month: $0) > today } ?? (year > today.year)
            if isFuture {
                return Problem(message: { "date \($0) is in the future (this month is \(today))" },
                               help: "use the month the paper first appeared")
            }
        }
        return nil
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
