import PaperLintCore

/// Punctuation between title, authors and venue in the house style `**Title** *Authors. Venue.*`.
public struct PunctuationRule: Rule {
    public static let description = RuleDescription(
        id: "punctuation",
        defaultSeverity: .warning,
        summary: "Punctuation inside the markup: `**Title** *Authors. Venue.*`, no `**Title**.` or `*Venue*.`.",
        rationale: """
            Checks the punctuation around a paper entry's title and italic segment. A period (or \
            comma, colon, semicolon) between the bold title and the italic segment \
            (`**Title**. *A.*`) or after the italic segment (`*OpenMedLab*.`) stands outside \
            the markup; the safe fix moves a period inside when the style wants one there and \
            removes the stray mark otherwise. With `entry.authors: authors-venue` the italic \
            segment ends with a period (`*Zeming Chen et al. NeurIPS 2023.*`). The title's own \
            final period follows `entry.title-period`: `require`, `forbid`, or `auto`, where the \
            list's own forms decide and a section with at least ten titles follows its own \
            (surveys are often written as sentences, model names are not), though it never \
            faults a form a real share of the list's titles use; a missing or extra \
            period is reported only next to a strong majority of the other titles. \
            Titles ending in `?`, `!`, an ellipsis, a quote or an abbreviation are left alone. \
            Stray punctuation renders as a bold or italic fragment of its own and makes the \
            same paper's entry differ between lists; every fix here only moves, adds or removes \
            one punctuation mark, and none is offered where that mark would make a wrapped line \
            start like a list item (`2.` or `* ` at its start), which would split the entry.
            """,
        nonTriggering: PunctuationRule.nonTriggeringExamples,
        triggering: PunctuationRule.triggeringExamples,
        corrections: PunctuationRule.correctionExamples)

    public init() {}

    public func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        let entries = document.checkedEntries(configuration)
        let context = Context(document: document, configuration: configuration, entries: entries)
        var found: [Diagnostic] = []
        for entry in entries where document.isInFocus(entry) {
            var entryFound: [Diagnostic] = []
            let requirement = context.titleRequirement(entry)
            var titleHandled = false
            // A mark the list writes after titles as a habit, or the entry between all its links,
            // is its own; it still votes as a habit for entries with one link.
            if let title = entry.title, let gap = Self.strayGap(entry, .textAfterTitle, after: title.range, document.bytes),
                context.strayAfterTitle.judge(true, lines: entry.lines) != nil, !Self.separatesParts(entry, gap, document.bytes)
            {
                entryFound.append(context.strayAfterTitle(title, gap, requirement))
                titleHandled = document.bytes[gap].elementsEqual([UInt8(ascii: ".")])
            }
            var segmentHandled = false
            if let segment = entry.authors, let gap = Self.strayGap(entry, .textAfterAuthors, after: segment.range, document.bytes),
                context.strayAfterSegment.judge(true, lines: entry.lines) != nil
            {
                let (diagnostic, moved) = context.strayAfterSegment(segment, gap)
                entryFound.append(diagnostic)
                segmentHandled = moved
            }
            if !segmentHandled, let segment = entry.authors, let missing = context.segmentPeriod(entry, segment) {
                entryFound.append(missing)
            }
            if !titleHandled, let title = entry.title, let requirement, let period = context.titlePeriod(entry, title, requirement) {
                entryFound.append(period)
            }
            // `*Some Journal .*`, `**Title .**`: a blank before the final period.
            for (part, isTitle) in [(entry.title?.text, true), (entry.authors?.text, false)] {
                guard let part, let blank = Self.blankBeforeFinalPeriod(document.bytes, part),
                    (isTitle ? context.spacedTitles : context.spacedSegments).judge(true, lines: entry.lines) != nil
                else { continue }
                let shown = document.quotedEnd(part.lowerBound..<(part.upperBound), about: 16)
                entryFound.append(Diagnostic(
                    rule: Self.self, severity: .warning, range: blank,
                    message: "blank before the final period in \(shown)",
                    help: "remove the blank: the period follows the last word",
                    fix: Fix(.safe, "remove the blank before the period", Edit(replacing: blank, with: ""))))
            }
            found += entryFound.sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
        // A fix that would split a wrapped entry in two is left to the author.
        for index in found.indices {
            guard let fix = found[index].fix, Self.startsListItem(fix, in: document) else { continue }
            found[index].fix = nil
            found[index].help = (found[index].help ?? "fix it by hand") + ", rewrapping the entry so that no line starts like a list item"
        }
        return found
    }

    /// The blanks between the last word and a final `.` (`Journal .`), when the text ends so.
    static func blankBeforeFinalPeriod(_ bytes: [UInt8], _ text: Range<Int>) -> Range<Int>? {
        var end = text.upperBound
        while end > text.lowerBound && ASCII.isBlank(bytes[end - 1]) { end -= 1 }
        guard end - 2 > text.lowerBound, bytes[end - 1] == ASCII.period, ASCII.isBlank(bytes[end - 2]) else { return nil }
        var start = end - 2
        while start > text.lowerBound && ASCII.isBlank(bytes[start - 1]) { start -= 1 }
        // `…` and `. .` are left alone; a lone period is not a sentence end.
        guard start > text.lowerBound, bytes[start - 1] != ASCII.period else { return nil }
        return start..<(end - 1)
    }

    /// True when `fix` makes a line of a wrapped entry start like a list item (`* `, `- `, `+ `,
    /// `9. `, `9) `) that did not before: a title or segment wrapped onto a line holding only a
    /// number (`Llama\n2 *A.*`) would gain `2.`, and removing the stray `.` of `*Venue\n*.`
    /// leaves `* `. Either splits the entry into two list items, the second taking its links.
    static func startsListItem(_ fix: Fix, in document: Document) -> Bool {
        let bytes = document.bytes
        for line in Set(fix.edits.map { document.line(containing: $0.range.lowerBound) }) {
            let content = document.contentRange(ofLine: line)
            var after: [UInt8] = []
            var cursor = content.lowerBound
            for edit in fix.edits where edit.range.lowerBound >= cursor && edit.range.lowerBound <= content.upperBound {
                after += bytes[cursor..<edit.range.lowerBound]
                after += Array(edit.replacement.utf8)
                cursor = edit.range.upperBound
            }
            if cursor < content.upperBound { after += bytes[cursor..<content.upperBound] }
            if looksLikeListItem(after[...]) && !looksLikeListItem(bytes[content]) { return true }
        }
        return false
    }

    /// Blanks, then `-`, `*`, `+` or 1–9 digits with `.` or `)`, then a blank or the line's end.
    static func looksLikeListItem(_ line: ArraySlice<UInt8>) -> Bool {
        var index = line.startIndex
        while index < line.endIndex && ASCII.isBlank(line[index]) { index += 1 }
        guard index < line.endIndex else { return false }
        if [ASCII.hyphen, UInt8(ascii: "*"), UInt8(ascii: "+")].contains(line[index]) {
            index += 1
        } else {
            let digits = index
            while index < line.endIndex && ASCII.isDigit(line[index]) { index += 1 }
            guard (1...9).contains(index - digits), index < line.endIndex, line[index] == ASCII.period || line[index] == ASCII.closeParen else { return false }
            index += 1
        }
        return index == line.endIndex || ASCII.isBlank(line[index])
    }

    /// The non-blank text of a `kind` deviation right after `part`, when it is only punctuation.
    static func strayGap(_ entry: Entry, _ kind: EntryDeviation.Kind, after part: Range<Int>?, _ bytes: [UInt8]) -> Range<Int>? {
        guard let part else { return nil }
        for deviation in entry.deviations where deviation.kind == kind && deviation.range.lowerBound >= part.upperBound {
            guard !deviation.range.isEmpty, bytes[deviation.range].allSatisfy(ASCII.isStrayPunctuation),
                bytes[part.upperBound..<deviation.range.lowerBound].allSatisfy(ASCII.isBlank)
            else { return nil }
            return deviation.range
        }
        return nil
    }

    /// True when `mark`, right before the links of an entry without italic segment, is the
    /// mark the entry writes between all its links too (`**Title**, [Venue](u), [Paper](u)`):
    /// it separates the entry's parts and is not stray.
    static func separatesParts(_ entry: Entry, _ mark: Range<Int>, _ bytes: [UInt8]) -> Bool {
        guard entry.authors == nil, !entry.separators.isEmpty, let first = entry.links.first,
            mark.upperBound <= first.range.lowerBound, bytes[mark.upperBound..<first.range.lowerBound].allSatisfy(ASCII.isBlank),
            !bytes[mark].elementsEqual([UInt8(ascii: ".")])
        else { return false }
        return entry.separators.allSatisfy { separator in
            bytes[separator].filter { !ASCII.isBlank($0) }.elementsEqual(bytes[mark])
        }
    }

    /// The list's forms, each learned from every entry the first time a focused entry's check
    /// reads it: most habits matter only to an entry that has the mark they are about.
    private final class Context {
        let document: Document
        let configuration: Configuration
        private let entries: [Entry]
        /// Each title's vote, read once for the list's forms and its section's.
        private let titleVotes: [Requirement?]
        private let periods: [Requirement]
        /// Titles ending with a period (`.require`) or without one (`.forbid`), list-wide and by section.
        lazy var titles = document.houseForms(periods, entries, titleVotes) { $0 }
        private var sectionTitles: [Int: HouseForms<Requirement>] = [:]
        /// Italic segments ending with a period.
        lazy var segments: HouseForms<Bool> = {
            let authors = configuration.style.authors
            let configured: [Bool] = authors.isEmpty ? [] : authors.contains(.authorsVenue) ? [true] : [true, false]
            return document.houseForms(configured, defaults: [true], entries) { [document] entry in
                entry.authors.map { document.bytes[$0.text].last(where: { !ASCII.isBlank($0) }) == UInt8(ascii: ".") }
            }
        }()
        /// Entries with stray punctuation after the title (`**Title**.`) or the segment (`*Venue*.`).
        lazy var strayAfterTitle = document.habit(entries) { [document] in
            PunctuationRule.strayGap($0, .textAfterTitle, after: $0.title?.range, document.bytes) != nil
        }
        lazy var strayAfterSegment = document.habit(entries) { [document] in
            PunctuationRule.strayGap($0, .textAfterAuthors, after: $0.authors?.range, document.bytes) != nil
        }
        /// Entries with a blank before the final period of the title (`**Title .**`) or segment.
        lazy var spacedTitles = document.habit(entries) { [document] in
            $0.title.map { PunctuationRule.blankBeforeFinalPeriod(document.bytes, $0.text) != nil } ?? false
        }
        lazy var spacedSegments = document.habit(entries) { [document] in
            $0.authors.map { PunctuationRule.blankBeforeFinalPeriod(document.bytes, $0.text) != nil } ?? false
        }

        init(document: Document, configuration: Configuration, entries: [Entry]) {
            self.document = document
            self.configuration = configuration
            self.entries = entries
            titleVotes = entries.map { TitlePeriods.vote($0, document.bytes) }
            periods = configuration.style.titlePeriod.count == 1 ? configuration.style.titlePeriod : []
        }

        /// The title forms of the entries in `section`.
        private func titles(in section: Int) -> HouseForms<Requirement> {
            if let known = sectionTitles[section] { return known }
            let members = document.entryRun(entries, inSection: section)
            let forms = document.houseForms(periods, Array(entries[members]), Array(titleVotes[members])) { $0 }
            sectionTitles[section] = forms
            return forms
        }

        /// A section with at least this many titles of its own follows its own forms.
        static let sectionVotes = 10

        /// What the title's final period should be, and why; nil when the title follows the
        /// house style (or nothing can be said).
        struct TitleRequirement {
            var value: Requirement
            var reason: String
        }

        func titleRequirement(_ entry: Entry) -> TitleRequirement? {
            guard let vote = TitlePeriods.vote(entry, document.bytes) else { return nil }
            let section = document.sectionIndex(containing: entry.line)
            var forms = titles
            var scope = "in this list"
            if !titles.isConfigured, case let local = titles(in: section), local.counts.values.reduce(0, +) >= Self.sectionVotes {
                // A section's own forms excuse a form the list rejects (a survey section with
                // periods in a list without), never accuse one the list writes itself.
                guard !titles.accepts(vote, lines: entry.lines) else { return nil }
                forms = local
                scope = "under “\(document.sections[section].heading?.text ?? "")”"
            }
            guard let deviation = forms.judge(vote, lines: entry.lines) else { return nil }
            let verb = deviation.value == .require ? "end with one" : "have none"
            let reason = deviation.isConfigured
                ? "entry.title-period is `\(deviation.value.rawValue)` (\(deviation.count) of the other \(deviation.total) titles \(verb))"
                : "most titles \(scope) \(verb) (\(deviation.count) of the other \(deviation.total))"
            return TitleRequirement(value: deviation.value, reason: reason)
        }

        func reason(_ requirement: TitleRequirement) -> String { requirement.reason }

        /// The deleted span for a stray mark: from the end of the part through the mark, keeping
        /// one blank between the neighbours.
        func removal(from partEnd: Int, through gap: Range<Int>) -> Edit {
            let bytes = document.bytes
            let followedByBlank = gap.upperBound < bytes.count && (ASCII.isBlank(bytes[gap.upperBound]) || bytes[gap.upperBound] == 0x0A)
            return Edit(replacing: partEnd..<gap.upperBound, with: followedByBlank ? "" : " ")
        }

        func strayAfterTitle(_ title: EntryTitle, _ gap: Range<Int>, _ requirement: TitleRequirement?) -> Diagnostic {
            let mark = document.quoted(gap)
            let shown = document.quotedEnd(title.range.lowerBound..<gap.upperBound, about: 16)
            let isPeriod = document.bytes[gap].elementsEqual([UInt8(ascii: ".")])
            // The writer meant a period: it moves inside unless the list's titles have none (by
            // their forms, or in a list too small for forms, by most of the other titles).
            let others = (titles.counts[.require] ?? 0, titles.counts[.forbid] ?? 0)
            let isSmall = others.0 + others.1 < HouseStyleThresholds.minimumVotes
            let wantsPeriod = isPeriod && (requirement.map { $0.value == .require } ?? (!isSmall || others.0 >= others.1))
                && TitlePeriods.ending(document.bytes, title.text) == .bare
            if wantsPeriod {
                let inside = title.text.upperBound
                return Diagnostic(
                    rule: PunctuationRule.self, severity: .warning, range: gap,
                    message: "period after the bold title in \(shown): it belongs inside the markup"
                        + (requirement.map { "; " + reason($0) } ?? ""),
                    help: "move the period inside the bold markup: `**….**`",
                    fix: Fix(.safe, "move the period into the title", edits: [
                        Edit(replacing: inside..<inside, with: "."), removal(from: title.range.upperBound, through: gap),
                    ]))
            }
            return Diagnostic(
                rule: PunctuationRule.self, severity: .warning, range: gap,
                message: "stray \(mark) after the bold title in \(shown)",
                help: "remove \(mark): the title is followed directly by the italic segment",
                fix: Fix(.safe, "remove the stray \(mark)", removal(from: title.range.upperBound, through: gap)))
        }

        /// The diagnostic, and whether its fix moves a period into the segment.
        func strayAfterSegment(_ segment: EntryAuthors, _ gap: Range<Int>) -> (Diagnostic, Bool) {
            let mark = document.quoted(gap)
            let shown = document.quoted(segment.range.lowerBound..<gap.upperBound)
            let end = trimmedEnd(segment)
            let isPeriod = document.bytes[gap].elementsEqual([UInt8(ascii: ".")])
            // Moved inside only where the list's segments end with a period (`*A. Venue.*`); a
            // list of bare venues (`*ICLR 2024*`) loses the stray mark instead.
            let canMove = isPeriod && segments.accepts(true, lines: nil) && !segments.accepts(false, lines: nil)
                && end > segment.text.lowerBound
                && document.bytes[end - 1] != UInt8(ascii: ".")
            if canMove {
                let inside = document.string(segment.text.lowerBound..<end)
                return (Diagnostic(
                    rule: PunctuationRule.self, severity: .warning, range: gap,
                    message: "period outside the italic segment: \(shown)",
                    help: "move it inside: `*\(inside).*`",
                    fix: Fix(.safe, "move the period into the italic segment", edits: [
                        Edit(replacing: end..<end, with: "."), removal(from: segment.range.upperBound, through: gap),
                    ])), true)
            }
            return (Diagnostic(
                rule: PunctuationRule.self, severity: .warning, range: gap,
                message: "stray \(mark) after the italic segment: \(shown)",
                help: "remove \(mark)",
                fix: Fix(.safe, "remove the stray \(mark)", removal(from: segment.range.upperBound, through: gap))), false)
        }

        /// `*Authors. Venue*` without its final period, when the style is `authors-venue`.
        func segmentPeriod(_ entry: Entry, _ segment: EntryAuthors) -> Diagnostic? {
            guard let deviation = segments.judge(false, lines: entry.lines),
                !entry.deviations.contains(where: { $0.kind == .unclosedMarkup && segment.range.contains($0.range.lowerBound) })
            else { return nil }
            let end = trimmedEnd(segment)
            guard end > segment.text.lowerBound, document.bytes[end - 1] != UInt8(ascii: ".") else { return nil }
            return Diagnostic(
                rule: PunctuationRule.self, severity: .warning, range: segment.range,
                message: "italic segment \(document.quoted(segment.range)) does not end with a period; "
                    + (deviation.isConfigured ? "the configured form is" : "this list writes")
                    + " `*Authors. Venue.*` (\(deviation.count) of the other \(deviation.total) italic segments end with a period)",
                help: "end the segment with a period, inside the closing `*`",
                fix: Fix(.safe, "add the final period", Edit(replacing: end..<end, with: ".")))
        }

        func titlePeriod(_ entry: Entry, _ title: EntryTitle, _ requirement: TitleRequirement) -> Diagnostic? {
            guard !entry.deviations.contains(where: { $0.kind == .unclosedMarkup && title.range.contains($0.range.lowerBound) })
            else { return nil }
            let bytes = document.bytes
            var end = title.text.upperBound
            while end > title.text.lowerBound && ASCII.isBlank(bytes[end - 1]) { end -= 1 }
            let tail = { [document] in document.quotedEnd(title.range) }
            switch (TitlePeriods.ending(bytes, title.text), requirement.value) {
            case (.period, .forbid):
                return Diagnostic(
                    rule: PunctuationRule.self, severity: .warning, range: (end - 1)..<end,
                    message: "title ends with a period (\(tail())) where \(reason(requirement))",
                    help: "remove the final period of the title",
                    fix: Fix(.safe, "remove the title's final period", Edit(replacing: (end - 1)..<end, with: "")))
            case (.bare, .require):
                return Diagnostic(
                    rule: PunctuationRule.self, severity: .warning, range: title.range,
                    message: "title has no final period (\(tail())) where \(reason(requirement))",
                    help: "end the title with a period",
                    fix: Fix(.safe, "add a final period to the title", Edit(replacing: end..<end, with: ".")))
            default:
                return nil
            }
        }

        private func trimmedEnd(_ segment: EntryAuthors) -> Int {
            var end = segment.text.upperBound
            while end > segment.text.lowerBound && (ASCII.isBlank(document.bytes[end - 1]) || document.bytes[end - 1] == ASCII.newline) {
                end -= 1
            }
            return end
        }
    }
}
