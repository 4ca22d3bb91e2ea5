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
            default; with `auto`, the forms the list's dates use). Variants such as `[2023-10]` \
            are rewritten to the list's form by a safe fix, and with `taste: [date-padding]` so is \
            `[2023/9]` in a list that pads its months; \
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
            Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- ↓[2023-10] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- ↓[2023/9] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- ↓[2023/10/05] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- ↓[2023] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- ↓[2023/13] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- ↓[23/10] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- ↓[2023/02/29] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- ↓[1023/10] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- ↓[2026/07] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
            Example("- ↓[????/??] **Title** *A. Author. arXiv.* [[paper](https://example.org/p)]\n"),
        ],
        corrections: [
            (Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023-10] **T** *A. B.* [[paper](u)]\n"), Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023/10] **T** *A. B.* [[paper](u)]\n")),
            (Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023/9] **T** *A. B.* [[paper](u)]\n"), Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023/09] **T** *A. B.* [[paper](u)]\n")),
            (Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023-9] **T** *A. B.* [[paper](u)]\n"), Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023/09] **T** *A. B.* [[paper](u)]\n")),
            (Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023/10/05] **T** *A. B.* [[paper](u)]\n"), Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023/10] **T** *A. B.* [[paper](u)]\n")),
        ])

    public init() {}

    public func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        let entries = document.checkedEntries(configuration)
        let configured = configuration.style.date.map(WrittenDate.Shape.init(style:))
        // A date that votes is a real one whose form says something (`StyleVotes.date`): its
        // shape, and whether it pads months and days below 10, read from one parse of it.
        let votes = entries.map { entry -> (shape: WrittenDate.Shape?, isPadded: Bool?) in
            guard let voting = StyleVotes.votingDate(entry, document.bytes) else { return (nil, nil) }
            return (WrittenDate.Shape(style: voting.date.style), voting.written.isPadded)
        }
        let shapes = document.houseForms(configured, defaults: [WrittenDate.Shape(style: .yearMonth)], entries, votes) { $0.shape }
        // Whether months and days below 10 carry their zero is learned either way (`entry.date`
        // names the parts, not the padding): a list that writes `[2024/6/28]` keeps doing so.
        // Learned once a focused date needs it.
        let padding = OnFirstUse {
            var padding = document.houseForms([], defaults: [true], entries, votes) { $0.isPadded }
            padding.acceptsRecurring = true
            return padding
        }
        return entries.compactMap { entry -> Diagnostic? in
            guard let entryDate = entry.date, document.isInFocus(bytes: entryDate.range) else { return nil }
            let date = WrittenDate(document.bytes, entryDate)
            if let problem = date.problem(today: configuration.today) {
                return Diagnostic(
                    rule: Self.self, range: date.range, message: problem.message(document.quoted(date.range)),
                    help: problem.help)
            }
            guard Self.votes(entryDate) else { return nil }
            if let deviation = shapes.judge(date.shape, lines: entry.lines) {
                return formDiagnostic(document, date, deviation, padded: padding.value.accepts(true) || !padding.value.accepts(false))
            }
            if configuration.taste.contains(.datePadding), let padded = date.isPadded, let deviation = padding.value.judge(padded, lines: entry.lines) {
                let value = date.text(in: date.shape, padded: deviation.value)
                let target = date.replacing(document.bytes, with: value)
                let form = "`[\(date.shape.pattern(padded: deviation.value))]`"
                return Diagnostic(
                    rule: Self.self, severity: .warning, range: date.range,
                    message: "date \(document.quoted(date.range)) is written \(date.pattern); "
                        + deviation.reason({ _ in form }, unit: "dates with a month or day below 10"),
                    help: "write it as `\(target)`",
                    fix: Fix(.safe, "rewrite the date as \(target)", Edit(replacing: date.value, with: value)))
            }
            return nil
        }
    }

    /// Whether a date's form says anything about the list's date style: a venue's year
    /// (`[KDD 2023]` among `[arXiv 2023.07]`) is how a list cites a conference, not a date
    /// missing its month.
    public static func votes(_ date: EntryDate) -> Bool { date.venue == nil || date.month != nil }

    private func formDiagnostic(
        _ document: Document, _ date: WrittenDate, _ deviation: StyleDeviation<WrittenDate.Shape>, padded: Bool
    ) -> Diagnostic {
        let forms = { (shape: WrittenDate.Shape) in "`[\(shape.pattern(padded: padded))]`" }
        let written = document.quoted(date.range)
        var message = "date \(written) is written \(date.pattern); \(deviation.reason(forms, unit: "dates"))"
        let help: String
        var fix: Fix?
        // Rewrite to an accepted form of the same precision, else to the closest coarser one.
        let target = deviation.expected.first { $0.parts == date.shape.parts }
            ?? deviation.expected.filter { $0.parts < date.shape.parts }.max { $0.parts < $1.parts }
        if let target {
            let value = date.text(in: target, padded: padded)
            let rewritten = date.replacing(document.bytes, with: value)
            if target.parts == date.shape.parts {
                help = "write it as `\(rewritten)`"
                fix = Fix(.safe, "rewrite the date as \(rewritten)", Edit(replacing: date.value, with: value))
            } else {
                help = "write it as `\(rewritten)` (this drops part of the date)"
                fix = Fix(.unsafe, "shorten the date to \(rewritten)", Edit(replacing: date.value, with: value))
            }
        } else {
            let missing = date.shape.parts == 1 ? "month" : "day"
            message += "; the \(missing) is missing"
            help = "add the \(missing) of first publication, e.g. \(forms(deviation.value))"
        }
        return Diagnostic(rule: Self.self, severity: .warning, range: date.range, message: message, help: help, fix: fix)
    }
}

/// A date with its parts and separators exactly as written.
struct WrittenDate {
    /// The whole date, brackets and any venue included.
    var range: Range<Int>
    /// The date itself: what a rewrite replaces.
    var value: Range<Int>
    /// Values and digit counts of the year, month and day, as many as were written; a month
    /// written by its name counts no digits.
    var groups = SmallArray<(value: Int, digits: Int)>(filler: (0, 0))
    /// The bytes between the groups; a space for a date written with its month's name.
    var separators = SmallArray<UInt8>(filler: 0)
    /// True for `[????/??]` or `[2023/XX]`: a date left as a placeholder.
    var hasPlaceholder = false

    init(_ bytes: [UInt8], _ date: EntryDate) {
        self.range = date.range
        self.value = date.value
        if date.isNamed {
            groups.append((date.year, 4))
            groups.append((date.month ?? 1, 0))
            separators.append(ASCII.space)
            if let day = date.day {
                let digits = bytes[date.value].prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
                groups.append((day, digits))
                separators.append(ASCII.space)
            }
            return
        }
        var value = 0, digits = 0
        for byte in bytes[date.value] {
            if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "X") || byte == UInt8(ascii: "x") {
                hasPlaceholder = true
                digits += 1
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
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
    var isNamed: Bool { separators.first == ASCII.space }

    /// What a list's dates vote for: how many parts, and the separator between them (a space
    /// for a month written by its name).
    struct Shape: Hashable, Sendable {
        /// 1: year, 2: year and month, 3: year, month and day.
        var parts: Int
        var separator: UInt8

        init(parts: Int, separator: UInt8) {
            self.parts = parts
            self.separator = separator
        }

        init(style: DateStyle) {
            let separator = switch style {
            case .dashed, .dashedDay: ASCII.hyphen
            case .dotted, .dottedDay: ASCII.period
            case .monthName, .dayMonthName: ASCII.space
            case .year, .yearMonth, .yearMonthDay, .auto: ASCII.slash
            }
            self.init(parts: style.parts, separator: separator)
        }

        /// `YYYY/MM`, `YYYY-M-D`, `D Mon YYYY`.
        func pattern(padded: Bool) -> String {
            if separator == ASCII.space && parts > 1 { return parts == 3 ? (padded ? "DD Mon YYYY" : "D Mon YYYY") : "Mon YYYY" }
            let sep = String(decoding: [separator], as: UTF8.self)
            return ["YYYY", padded ? "MM" : "M", padded ? "DD" : "D"].prefix(parts).joined(separator: sep)
        }
    }

    var shape: Shape {
        Shape(parts: min(groups.count, 3), separator: separators.first ?? ASCII.slash)
    }

    /// True when a month or day below 10 is written with its zero, false without; nil when
    /// the date cannot tell (a year alone, or month and day of two digits anyway).
    var isPadded: Bool? {
        for group in groups.dropFirst() where group.value < 10 && group.digits > 0 { return group.digits >= 2 }
        return nil
    }

    /// The date's value in `shape`, padded or not, without brackets; the parts `shape` lacks
    /// are dropped.
    func text(in shape: Shape, padded: Bool) -> String {
        func part(_ value: Int) -> String { padded && value < 10 ? "0\(value)" : "\(value)" }
        if shape.separator == ASCII.space && shape.parts > 1, let month, (1...12).contains(month) {
            let name = String(EntryDate.monthNames[month - 1].prefix(3))
            if shape.parts >= 3, let day { return "\(part(day)) \(name) \(year)" }
            return "\(name) \(year)"
        }
        var out = "\(year)"
        let sep = String(decoding: [shape.separator == ASCII.space ? ASCII.slash : shape.separator], as: UTF8.self)
        if shape.parts >= 2, let month { out += sep + part(month) }
        if shape.parts >= 3, let day { out += sep + part(day) }
        return out
    }

    /// The whole date as written, with its value replaced by `text`: `[arXiv 2023.10]`.
    func replacing(_ bytes: [UInt8], with text: String) -> String {
        String(decoding: bytes[range.lowerBound..<value.lowerBound], as: UTF8.self) + text
            + String(decoding: bytes[value.upperBound..<range.upperBound], as: UTF8.self)
    }

    /// How it is written: `YYYY-MM`, `YYYY/M`, `YYYY/MM/DD`, `D Mon YYYY`.
    var pattern: String {
        if isNamed { return shape.pattern(padded: (groups.count > 2 ? groups[2].digits : 0) >= 2) }
        var out = String(repeating: "Y", count: groups[0].digits)
        let names: [Character] = ["Y", "M", "D"]
        for (index, group) in groups.enumerated().dropFirst() {
            out += String(decoding: [separators[index - 1]], as: UTF8.self)
            out += String(repeating: names[min(index, 2)], count: min(group.digits, 2))
        }
        return out
    }

    struct Problem {
        var message: (String) -> String
        var help: String
    }

    /// Why the date is not a real, plausible date; nil when it is one.
    func problem(today: YearMonth?) -> Problem? {
        if hasPlaceholder {
            return Problem(message: { "date \($0) is a placeholder, not a date" },
                           help: "write the month the paper first appeared, e.g. [2023/10]")
        }
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
                return Problem(message: { "date \($0) does not exist: \(EntryDate.monthNames[month - 1]) \(year) has \(last) days" },
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


    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
