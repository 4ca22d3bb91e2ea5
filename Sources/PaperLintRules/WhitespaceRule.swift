import PaperLintCore

/// Trailing spaces, runs of spaces and tabs inside list entries, spaces inside `[[ label ]]`.
///
/// Invisible whitespace makes diffs noisy and breaks duplicate detection by title; it is
/// the most common defect contributors paste into a paper list.
public struct WhitespaceRule: Rule {
    public static let description = RuleDescription(
        id: "whitespace",
        defaultSeverity: .warning,
        summary: "No trailing spaces, double spaces or tabs inside an entry, no spaces inside `[[ label ]]`.",
        rationale: """
            Trailing whitespace and doubled spaces are invisible in the rendered list but show up \
            in every diff, and they make two copies of the same title compare unequal. Two \
            trailing spaces that end a line inside a paragraph are a Markdown hard line break \
            and are left alone; code blocks, HTML blocks and tables are never checked. Spaces \
            just inside a double-bracket link label (`[[ code ](…)]`, `[[code ]]`) render as a \
            lopsided label and make `code` and ` code` count as two labels. Only the lines of \
            paper entries are checked; a single trailing space, which lists keep through \
            rewrites of the very line, is reported only with `taste: [trailing-space]`. A list \
            whose entries carry trailing blanks or runs of \
            blanks as a habit (a real share of its entry lines) is not told about each of them; \
            findings are warnings. Where two parts of an entry touch (`**Title***A.*`, \
            `*Venue.*[[paper](…)]`, `et al.Venue`), a safe fix puts the blank back, unless the \
            list writes them together as a habit (`Title[[paper](…)]` throughout).
            """,
        nonTriggering: [
            Example("- [2023/10] **Title** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2310.12345)]\n"),
            Example("First line of a paragraph  \nwith a hard break.\n"),
            // Only paper entries are checked: headings and prose belong to the README.
            Example("## Heading   \n"),
            Example("```\ncode  with  spaces   \n```\n"),
            Example("Prose may use  two spaces between sentences.\n"),
            Example("- item\n    - nested item with indentation\n"),
            Example("- [2023/10] **Title** *A. Author.* [[project page](https://p.io)] [see the docs](https://d.io)\n"),
            Example("Prose with a [ bracketed aside ](https://example.org) is not a label.\n"),
        ],
        triggering: [
            Example("- [2023/10] **Title** *A. Author et al↓.Arxiv.* [[paper](u)]\n"),
            Example("- [2023/10] **Title** *A. Author et al. arXiv.↓*[[paper](u)]\n"),
            Example("- [2023/10] **Title** *A. Author.*↓ \n"),
            Example("- [2023/10] **Title** *A. Author.*↓  [[paper](https://arxiv.org/abs/2310.12345)]\n"),
            Example("- [2023/10] **Title**↓\t*A. Author.*\n"),
            Example("- [2023/10] **Title**↓   \r\n- [2023/09] **Other**\r\n"),
            Example("- [2023/10] **Title** *A. Author.* [[↓ code](https://g.com/r)]\n"),
            Example("- [2023/10] **Title** *A. Author.* [[paper↓ ](https://a.org)] [[↓ code↓ ]](https://g.com/r)\n"),
            Example("- [2023/10] **Title** *A. Author.* [[↓  demo]]\n"),
        ],
        corrections: [
            (Example("- [2023/10] **Title***A. Author et al. arXiv.*[[paper](u)]\n"),
             Example("- [2023/10] **Title** *A. Author et al. arXiv.* [[paper](u)]\n")),
            (Example("- [2023/10] **T** *A.* \n"), Example("- [2023/10] **T** *A.*\n")),
            (Example("- [2023/10] **T** *A.*  [[paper](u)]\n"), Example("- [2023/10] **T** *A.* [[paper](u)]\n")),
            (Example("- [2023/10] **T**\t*A.*\r\n"), Example("- [2023/10] **T** *A.*\r\n")),
            (Example("- [2023/10] **T** *A.* [[ paper ](u)] [[code  ]](v)\n"), Example("- [2023/10] **T** *A.* [[paper](u)] [[code]](v)\n")),
        ])

    public init() {}

    public func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let bytes = document.bytes
        // A run inside a label is reported once, as padding, not again as a double space.
        var padding: [Int: [Diagnostic]] = [:]
        for diagnostic in labelPadding(document, configuration) {
            padding[document.line(containing: diagnostic.range.lowerBound), default: []].append(diagnostic)
        }
        let paddingStarts = Set(padding.values.joined().map(\.range.lowerBound))
        // Paper entries only: prose, news bullets and tables are the README's, not the list's.
        // Which lines (by number) belong to one: a mask, read in line order.
        var isEntryLine = [Bool](repeating: false, count: document.lineCount + 1)
        for entry in document.paperEntries(configuration) where !document.isOpaque(entry.line) {
            for line in entry.line...max(entry.line, entry.lastLine) where line <= document.lineCount { isEntryLine[line] = true }
        }
        // Learned from every list-item line, and only once a focused line has blanks to judge.
        let habits = OnFirstUse { [isEntryLine] in Habits(document, lines: isEntryLine) }
        // Every finding lies on its line: lines outside the focus are not looked at.
        for line in 1...document.lineCount where isEntryLine[line] && !document.isOpaque(line) && document.isInFocus(line, line) {
            let content = document.contentRange(ofLine: line)
            let (text, isHardBreak) = Self.withoutTrailingBlanks(document, line: line)
            let end = text.upperBound
            if end < content.upperBound {
                let run = end..<content.upperBound
                // A lone trailing space is taste: lists keep it through rewrites of the very line.
                let isLoneSpace = run.count == 1 && bytes[run.lowerBound] == ASCII.space
                if !isHardBreak && (!isLoneSpace || configuration.taste.contains(.trailingSpace))
                    && habits.value.trailing.judge(true, lines: line...line) != nil
                {
                    found.append(Diagnostic(
                        rule: Self.self, range: run, message: "trailing whitespace",
                        help: "remove the whitespace at the end of the line",
                        fix: Fix(.safe, "remove trailing whitespace", Edit(replacing: run, with: ""))))
                }
            }
            if document.isInListItem(line) {
                let start = Self.entryTextStart(bytes, content.lowerBound..<end, isItemStart: document.isListItemStart(line))
                let inner = innerRuns(bytes, start..<end)
                let runs = inner.isEmpty || habits.value.acceptsInnerRuns(on: line)
                    ? [] : inner.filter { !paddingStarts.contains($0.range.lowerBound) }
                found += (runs + (padding[line] ?? [])).sorted { $0.range.lowerBound < $1.range.lowerBound }
            }
        }
        return found + missingSpaces(document, configuration)
    }

    /// Where two parts of an entry touch with no blank between them, the places a list puts one:
    /// date and title, title and italic segment, the text before the links and the first link,
    /// and `et al.` and the venue.
    enum Joint: CaseIterable {
        case dateTitle, titleSegment, beforeLinks, etAl
    }

    /// The empty gap of `joint` in `entry` (where a blank is inserted), if the parts touch.
    static func gap(_ joint: Joint, _ entry: Entry, _ bytes: [UInt8]) -> Int? {
        switch joint {
        case .dateTitle:
            guard let date = entry.date, let title = entry.title, date.range.upperBound == title.range.lowerBound else { return nil }
            return date.range.upperBound
        case .titleSegment:
            guard let title = entry.title, title.markup == .bold, let segment = entry.authors,
                title.range.upperBound == segment.range.lowerBound
            else { return nil }
            return title.range.upperBound
        case .beforeLinks:
            guard let link = entry.links.first, let before = entry.authors?.range ?? entry.title?.range,
                before.upperBound == link.range.lowerBound
            else { return nil }
            return before.upperBound
        case .etAl:
            guard let segment = entry.authors else { return nil }
            // `et al.` directly followed by a letter; a plain byte scan (no allocation).
            var index = segment.text.lowerBound
            let end = segment.text.upperBound
            while index + 6 < end {
                if bytes[index] == UInt8(ascii: "e") && bytes[index + 1] == UInt8(ascii: "t") && bytes[index + 2] == ASCII.space
                    && bytes[index + 3] == UInt8(ascii: "a") && bytes[index + 4] == UInt8(ascii: "l") && bytes[index + 5] == ASCII.period
                {
                    let next = bytes[index + 6]
                    return next | 0x20 >= UInt8(ascii: "a") && next | 0x20 <= UInt8(ascii: "z") ? index + 6 : nil
                }
                index += 1
            }
            return nil
        }
    }

    private func missingSpaces(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        let entries = document.paperEntries(configuration).filter { !document.isOpaque($0.line) }
        let bytes = document.bytes
        var found: [Diagnostic] = []
        for joint in Joint.allCases {
            // A list that writes `Title[[paper](…)]` throughout keeps doing so (a habit learned
            // once a focused entry has such a gap).
            let habit = OnFirstUse { document.habit(entries) { Self.gap(joint, $0, bytes) != nil } }
            for entry in entries where document.isInFocus(entry) {
                guard let at = Self.gap(joint, entry, bytes), habit.value.judge(true, lines: entry.lines) != nil else { continue }
                let place = switch joint {
                case .dateTitle: "between the date and the title"
                case .titleSegment: "between the title and the italic segment"
                case .beforeLinks: "before the links"
                case .etAl: "after `et al.`"
                }
                let shown = document.quoted(max(entry.range.lowerBound, at - 8)..<min(entry.range.upperBound, at + 8), limit: 24)
                let fix = Fix(.safe, "insert a space", Edit(replacing: at..<at, with: " "))
                // `-[2021/7]` on a wrapped line: a blank there would start a new list item.
                if PunctuationRule.startsListItem(fix, in: document) { continue }
                found.append(Diagnostic(
                    rule: Self.self, range: max(entry.range.lowerBound, at - 1)..<min(entry.range.upperBound, at + 1),
                    message: "no space \(place) in \(shown)", help: "put one space there", fix: fix))
            }
        }
        return found
    }

    /// Whether the list's lines end with blanks, or its entries hold runs of blanks, as a habit:
    /// a list where a real share of lines do is not told about each of them.
    ///
    /// Both are invisible blanks, and a list tidies them or it does not: trailing blanks are
    /// counted on every list-item line (the description bullets under an entry show the habit
    /// as well as the entries do; a hard line break is not a blank left behind), and a list
    /// that keeps trailing blanks as a habit is not told about runs of blanks either.
    private struct Habits {
        var trailing: HouseForms<Bool>
        var inner: HouseForms<Bool>

        /// `isEntryLine[line]`: the line belongs to a paper entry.
        init(_ document: Document, lines isEntryLine: [Bool]) {
            let bytes = document.bytes
            var trailingVotes: [(value: Bool, focused: Bool)] = []
            var innerVotes: [(value: Bool, focused: Bool)] = []
            for line in 1...max(1, document.lineCount) where document.isInListItem(line) && !document.isOpaque(line) {
                let content = document.contentRange(ofLine: line)
                guard !content.isEmpty else { continue }
                let (text, isHardBreak) = WhitespaceRule.withoutTrailingBlanks(document, line: line)
                let end = text.upperBound
                let focused = document.isChanged(line, line)
                if end > content.lowerBound && !isHardBreak { trailingVotes.append((end < content.upperBound, focused)) }
                guard isEntryLine[line] else { continue }
                let start = WhitespaceRule.entryTextStart(bytes, content, isItemStart: document.isListItemStart(line))
                innerVotes.append((start < end && WhitespaceRule.nextInnerRun(bytes, start..<end, from: start) != nil, focused))
            }
            trailing = Self.forms(trailingVotes, document)
            inner = Self.forms(innerVotes, document)
        }

        /// The habit's forms from the votes: the untouched lines' in a diff, each line's own
        /// otherwise; the changed lines still count towards a blemish that recurs.
        private static func forms(_ votes: [(value: Bool, focused: Bool)], _ document: Document) -> HouseForms<Bool> {
            let reference = votes.filter { !$0.focused }
            var forms = HouseForms<Bool>(
                configured: [], defaults: [false], isStyle: false, changed: reference.isEmpty ? nil : document.changed)
            forms.acceptsRecurring = true
            // Runs of equal votes are added at once: one vote at a time, 100,000 votes of a
            // large list were 75 M instructions of hashing.
            forms.add(each: (reference.isEmpty ? votes : reference).lazy.map(\.value))
            if !reference.isEmpty {
                for vote in votes where vote.focused { forms.addOutside(vote.value) }
            }
            return forms
        }

        /// Whether runs of blanks on `line` are the list's habit, or trailing blanks are: a form
        /// of the list, or a blemish that recurs beyond the judged line (not merely a list
        /// without a strong majority either way).
        func acceptsInnerRuns(on line: Int) -> Bool {
            guard inner.judge(true, lines: line...line) != nil else { return true }
            return trailing.accepted.contains(true) || trailing.recurs(true)
        }
    }

    /// The line's text without its trailing blanks, and whether those blanks (two spaces or
    /// more, inside a paragraph that goes on) are a Markdown hard line break.
    static func withoutTrailingBlanks(_ document: Document, line: Int) -> (text: Range<Int>, isHardBreak: Bool) {
        let bytes = document.bytes
        let content = document.contentRange(ofLine: line)
        var end = content.upperBound
        while end > content.lowerBound && isBlank(bytes[end - 1]) { end -= 1 }
        let isHardBreak = end > content.lowerBound && content.upperBound - end >= 2
            && bytes[end..<content.upperBound].allSatisfy { $0 == ASCII.space } && document.continuesParagraph(line)
        return (content.lowerBound..<end, isHardBreak)
    }

    /// Blanks just inside the label of a double-bracket link: `[[ code ](…)]`, `[[code ]](…)`, `[[ code ]]`.
    private func labelPadding(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        let bytes = document.bytes
        var found: [Diagnostic] = []
        for entry in document.paperEntries(configuration) where !document.isOpaque(entry.line) && document.isInFocus(entry) {
            for link in entry.links where link.range.count >= 2 && bytes[link.range.lowerBound + 1] == UInt8(ascii: "[") {
                let label = link.label
                var lower = label.lowerBound
                while lower < label.upperBound && Self.isBlank(bytes[lower]) { lower += 1 }
                guard lower < label.upperBound else { continue }  // a blank label is not padding
                var upper = label.upperBound
                while upper > lower && Self.isBlank(bytes[upper - 1]) { upper -= 1 }
                // Most labels have no padding: the message's strings are built only for one that has.
                guard lower > label.lowerBound || upper < label.upperBound else { continue }
                let suffix = switch link.syntax {
                case .innerURL: "](…)]"
                case .outerURL: "]](…)"
                default: "]]"
                }
                let shown = "`[[" + document.string(label) + suffix + "`"
                let trimmed = document.string(lower..<upper)
                for run in [label.lowerBound..<lower, upper..<label.upperBound] where !run.isEmpty {
                    let side = run.lowerBound == label.lowerBound ? "after `[[`" : "before `]`"
                    found.append(Diagnostic(
                        rule: Self.self, range: run, message: "space \(side) in the link label \(shown)",
                        help: "write the label as `[[\(trimmed)\(suffix)`",
                        fix: Fix(.safe, "remove the space inside the label", Edit(replacing: run, with: ""))))
                }
            }
        }
        return found
    }

    /// Runs of two or more blanks, or any tab, between words of an entry.
    private func innerRuns(_ bytes: [UInt8], _ range: Range<Int>) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var index = range.lowerBound
        while let (run, hasTab) = Self.nextInnerRun(bytes, range, from: index) {
            index = run.upperBound
            let message = hasTab ? "tab inside an entry" : "\(run.count) spaces inside an entry"
            found.append(Diagnostic(
                rule: Self.self, range: run, message: message, help: "use a single space",
                fix: Fix(.safe, "replace with a single space", Edit(replacing: run, with: " "))))
        }
        return found
    }

    /// The next run of two or more blanks, or of blanks with a tab, in `range` from `start`.
    static func nextInnerRun(_ bytes: [UInt8], _ range: Range<Int>, from start: Int) -> (run: Range<Int>, hasTab: Bool)? {
        // Every list line is scanned: through a pointer, without a bounds check per byte.
        bytes.withUnsafeBufferPointer { buffer in
            var index = max(start, 0)
            let end = min(range.upperBound, buffer.count)
            while index < end {
                // Eight bytes at a time while they hold no tab, no two spaces in a row and no
                // space last (a run that could go on): their blanks are single spaces.
                while index + 8 <= end {
                    let word = UInt64(littleEndian: UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self))
                    let spaces = ASCII.bytes(of: word, equalTo: ASCII.space)
                    guard ASCII.bytes(of: word, equalTo: ASCII.tab) == 0, spaces & (spaces >> 8) == 0, spaces >> 63 == 0 else { break }
                    index += 8
                }
                guard index < end else { break }
                guard isBlank(buffer[index]) else {
                    index += 1
                    continue
                }
                let runStart = index
                var hasTab = false
                while index < end && isBlank(buffer[index]) {
                    hasTab = hasTab || buffer[index] == UInt8(ascii: "\t")
                    index += 1
                }
                if hasTab || index - runStart > 1 { return (runStart..<index, hasTab) }
            }
            return nil
        }
    }

    /// Skips indentation, and on an item's first line the list marker and the spaces after it:
    /// those belong to the list structure, not to the entry's text.
    private static func entryTextStart(_ bytes: [UInt8], _ range: Range<Int>, isItemStart: Bool) -> Int {
        var index = range.lowerBound
        while index < range.upperBound && isBlank(bytes[index]) { index += 1 }
        guard isItemStart, index < range.upperBound else { return index }
        let marker = bytes[index]
        if marker == UInt8(ascii: "-") || marker == UInt8(ascii: "*") || marker == UInt8(ascii: "+") {
            index += 1
        } else {
            while index < range.upperBound && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            if index < range.upperBound && (bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")) {
                index += 1
            }
        }
        while index < range.upperBound && isBlank(bytes[index]) { index += 1 }
        return index
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
}
