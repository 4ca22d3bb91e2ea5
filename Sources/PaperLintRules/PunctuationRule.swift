import PaperLintCore

/// Punctuation between title, authors and venue in the house style `**Title** *Authors. Venue.*`.
public struct PunctuationRule: Rule {
    public static let description = RuleDescription(
        id: "punctuation",
        defaultSeverity: .error,
        summary: "Punctuation inside the markup: `**Title** *Authors. Venue.*`, no `**Title**.` or `*Venue*.`.",
        rationale: """
            Checks the punctuation around a paper entry's title and italic segment. A period (or \
            comma, colon, semicolon) between the bold title and the italic segment \
            (`**Title**. *A.*`) or after the italic segment (`*OpenMedLab*.`) stands outside \
            the markup; the safe fix moves a period inside when the style wants one there and \
            removes the stray mark otherwise. With `entry.authors: authors-venue` the italic \
            segment ends with a period (`*Zeming Chen et al. NeurIPS 2023.*`). The title's own \
            final period follows `entry.title-period`: `require`, `forbid`, or `auto`, where each \
            section with at least three titles follows its own majority and smaller sections \
            follow the list's (surveys are often written as sentences, model names are not). \
            Titles ending in `?`, `!`, an ellipsis, a quote or an abbreviation are left alone. \
            Stray punctuation renders as a bold or italic fragment of its own and makes the \
            same paper's entry differ between lists; every fix here only moves, adds or removes \
            one punctuation mark, and none is offered where that mark would make a wrapped line \
            start like a list item (`2.` or `* ` at its start), which would split the entry.
            """,
        nonTriggering: [
            Example("- [2023/10] **Title** *Zeming Chen et al. NeurIPS 2023.* [[paper](https://arxiv.org/abs/2310.12345)]\n"),
            Example("- [2023/10] **Can LLMs Reason?** *A. Author. arXiv.* [[paper](u)]\n"),
            Example("- [2023/10] **PULSE** *OpenMedLab.* [[code](u)]\n"),
            Example("""
                ## Models
                - [2023/10] **Alpha** *A. B. arXiv.* [[paper](u)]
                - [2023/09] **Beta** *A. B. arXiv.* [[paper](u)]
                - [2023/08] **Gamma** *A. B. arXiv.* [[paper](u)]
                ## Surveys
                - [2023/10] **A Survey of Alpha.** *A. B. arXiv.* [[paper](u)]
                - [2023/09] **A Survey of Beta.** *A. B. arXiv.* [[paper](u)]
                - [2023/08] **A Survey of Gamma.** *A. B. arXiv.* [[paper](u)]

                """),
            Example("- [2023/10] **Scaling Laws, etc.** *A. B. arXiv.* [[paper](u)]\n- [2023/09] **Other Title** *C. D. arXiv.* [[paper](u)]\n"),
        ],
        triggering: [
            Example("- [2023/03] **Large AI Models in Health Informatics**↓. *Jianing Qiu et al. IEEE JBHI.* [[paper](u)]\n"),
            Example("- [2023/06] **PULSE** *OpenMedLab*↓. [[code](u)]\n"),
            Example("- [2022/12] **Towards Reasoning** ↓*Jie Huang, Kevin Chen-Chuan Chang. ACL'23 Findings* [[paper](u)]\n"),
            Example("- [2023/10] **Title**↓, *A. Author. arXiv.*↓; [[paper](u)]\n"),
            Example("""
                ## Models
                - [2023/10] **Alpha** *A. B. arXiv.* [[paper](u)]
                - [2023/09] **Beta** *A. B. arXiv.* [[paper](u)]
                - [2023/08] **Gamma↓.** *A. B. arXiv.* [[paper](u)]
                ## Surveys
                - [2023/10] **A Survey of Alpha.** *A. B. arXiv.* [[paper](u)]
                - [2023/09] ↓**A Survey of Beta** *A. B. arXiv.* [[paper](u)]
                - [2023/08] **A Survey of Gamma.** *A. B. arXiv.* [[paper](u)]

                """),
        ],
        corrections: [
            (Example("- [2023/03] **Large AI Models**. *J. Qiu et al. JBHI.* [[paper](u)]\n"),
             Example("- [2023/03] **Large AI Models.** *J. Qiu et al. JBHI.* [[paper](u)]\n")),
            (Example("""
                - [2023/05] **Alpha** *A. B. arXiv.* [[paper](u)]
                - [2023/04] **Beta** *A. B. arXiv.* [[paper](u)]
                - [2023/03] **Large AI Models**. *J. Qiu et al. JBHI.* [[paper](u)]

                """),
             Example("""
                - [2023/05] **Alpha** *A. B. arXiv.* [[paper](u)]
                - [2023/04] **Beta** *A. B. arXiv.* [[paper](u)]
                - [2023/03] **Large AI Models** *J. Qiu et al. JBHI.* [[paper](u)]

                """)),
            (Example("- [2023/06] **PULSE** *OpenMedLab*. [[code](u)]\n"),
             Example("- [2023/06] **PULSE** *OpenMedLab.* [[code](u)]\n")),
            (Example("- [2022/12] **Towards** *J. Huang, K. Chang. ACL'23 Findings* [[paper](u)]\n"),
             Example("- [2022/12] **Towards** *J. Huang, K. Chang. ACL'23 Findings.* [[paper](u)]\n")),
            (Example("- [2023/10] **Title**,*A. Author. arXiv.*; [[paper](u)]\n"),
             Example("- [2023/10] **Title** *A. Author. arXiv.* [[paper](u)]\n")),
            (Example("""
                - [2023/10] **A Survey of Alpha.** *A. B. arXiv.* [[paper](u)]
                - [2023/09] **A Survey of Beta**. *A. B. arXiv.* [[paper](u)]
                - [2023/08] **A Survey of Gamma.** *A. B. arXiv.* [[paper](u)]
                - [2023/07] **A Survey of Delta** *A. B. arXiv.* [[paper](u)]

                """),
             Example("""
                - [2023/10] **A Survey of Alpha.** *A. B. arXiv.* [[paper](u)]
                - [2023/09] **A Survey of Beta.** *A. B. arXiv.* [[paper](u)]
                - [2023/08] **A Survey of Gamma.** *A. B. arXiv.* [[paper](u)]
                - [2023/07] **A Survey of Delta.** *A. B. arXiv.* [[paper](u)]

                """)),
            (Example("""
                - [2023/10] **Alpha** *A. B. arXiv.* [[paper](u)]
                - [2023/09] **Beta** *A. B. arXiv.* [[paper](u)]
                - [2023/08] **Gamma.** *A. B. arXiv.* [[paper](u)]

                """),
             Example("""
                - [2023/10] **Alpha** *A. B. arXiv.* [[paper](u)]
                - [2023/09] **Beta** *A. B. arXiv.* [[paper](u)]
                - [2023/08] **Gamma** *A. B. arXiv.* [[paper](u)]

                """)),
        ])

    public init() {}

    public func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        let entries = document.checkedEntries(configuration)
        var segments = (withPeriod: 0, total: 0)
        for entry in entries {
            guard let segment = entry.authors else { continue }
            segments.total += 1
            if document.bytes[segment.text].last(where: { !Byte.isBlank($0) }) == UInt8(ascii: ".") { segments.withPeriod += 1 }
        }
        let context = Context(
            document: document, configuration: configuration, periods: TitlePeriods(document, entries),
            authors: AuthorSegment.expected(document, entries, configuration), segments: segments)
        var found: [Diagnostic] = []
        for entry in entries where document.isInFocus(entry) {
            var entryFound: [Diagnostic] = []
            let requirement = context.titleRequirement(entry)
            var titleHandled = false
            if let title = entry.title, let gap = Self.strayGap(entry, .textAfterTitle, after: title.range, document.bytes) {
                entryFound.append(context.strayAfterTitle(title, gap, requirement))
                titleHandled = document.bytes[gap].elementsEqual([UInt8(ascii: ".")])
            }
            var segmentHandled = false
            if let segment = entry.authors, let gap = Self.strayGap(entry, .textAfterAuthors, after: segment.range, document.bytes) {
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
        while index < line.endIndex && Byte.isBlank(line[index]) { index += 1 }
        guard index < line.endIndex else { return false }
        if [Byte.hyphen, UInt8(ascii: "*"), UInt8(ascii: "+")].contains(line[index]) {
            index += 1
        } else {
            let digits = index
            while index < line.endIndex && Byte.isDigit(line[index]) { index += 1 }
            guard (1...9).contains(index - digits), index < line.endIndex, line[index] == Byte.period || line[index] == Byte.closeParen else { return false }
            index += 1
        }
        return index == line.endIndex || Byte.isBlank(line[index])
    }

    /// The non-blank text of a `kind` deviation right after `part`, when it is only punctuation.
    static func strayGap(_ entry: Entry, _ kind: EntryDeviation.Kind, after part: Range<Int>, _ bytes: [UInt8]) -> Range<Int>? {
        for deviation in entry.deviations where deviation.kind == kind && deviation.range.lowerBound >= part.upperBound {
            guard !deviation.range.isEmpty, bytes[deviation.range].allSatisfy(Byte.isStrayPunctuation),
                bytes[part.upperBound..<deviation.range.lowerBound].allSatisfy(Byte.isBlank)
            else { return nil }
            return deviation.range
        }
        return nil
    }

    private struct Context {
        let document: Document
        let configuration: Configuration
        let periods: TitlePeriods
        let authors: Expected<AuthorStyle>?
        /// Italic segments ending with a period, of all italic segments.
        let segments: (withPeriod: Int, total: Int)

        /// What the title's final period should be: set by the configuration, or by the
        /// titles of `section` (see `reason`, which is only worked out for a finding).
        struct TitleRequirement {
            var value: Requirement
            var section: Int?
        }

        func titleRequirement(_ entry: Entry) -> TitleRequirement? {
            switch configuration.style.titlePeriod {
            case .require: return TitleRequirement(value: .require, section: nil)
            case .forbid: return TitleRequirement(value: .forbid, section: nil)
            case .auto:
                let section = document.sectionIndex(containing: entry.line)
                guard let expected = periods.expected(section: section) else { return nil }
                return TitleRequirement(value: expected.value, section: section)
            }
        }

        /// Why titles should (not) end with a period, for messages.
        func reason(_ requirement: TitleRequirement) -> String {
            guard let section = requirement.section, let expected = periods.expected(section: section) else {
                let file = periods.file, value = requirement.value
                let counts = file.total == 0
                    ? "" : " (\(file.counts[value] ?? 0) of \(file.total) titles \(value == .require ? "end with one" : "have none"))"
                return "entry.title-period is `\(value == .require ? "require" : "forbid")`" + counts
            }
            let scope = expected.local ? "under “\(document.sections[section].heading?.text ?? "")”" : "in this list"
            let verb = expected.value == .require ? "end with one" : "have none"
            return "most titles \(scope) \(verb) (\(expected.count) of \(expected.total))"
        }

        /// The deleted span for a stray mark: from the end of the part through the mark, keeping
        /// one blank between the neighbours.
        func removal(from partEnd: Int, through gap: Range<Int>) -> Edit {
            let bytes = document.bytes
            let followedByBlank = gap.upperBound < bytes.count && (Byte.isBlank(bytes[gap.upperBound]) || bytes[gap.upperBound] == 0x0A)
            return Edit(replacing: partEnd..<gap.upperBound, with: followedByBlank ? "" : " ")
        }

        func strayAfterTitle(_ title: EntryTitle, _ gap: Range<Int>, _ requirement: TitleRequirement?) -> Diagnostic {
            let mark = document.quoted(gap)
            let shown = document.quotedEnd(title.range.lowerBound..<gap.upperBound, about: 16)
            let isPeriod = document.bytes[gap].elementsEqual([UInt8(ascii: ".")])
            let wantsPeriod = isPeriod && requirement?.value == .require
                && TitlePeriods.ending(document.bytes, title.text) == .bare
            if wantsPeriod, let requirement {
                let inside = title.text.upperBound
                return Diagnostic(
                    rule: PunctuationRule.self, range: gap,
                    message: "period after the bold title in \(shown): it belongs inside the markup; \(reason(requirement))",
                    help: "move the period inside the bold markup: `**….**`",
                    fix: Fix(.safe, "move the period into the title", edits: [
                        Edit(replacing: inside..<inside, with: "."), removal(from: title.range.upperBound, through: gap),
                    ]))
            }
            return Diagnostic(
                rule: PunctuationRule.self, range: gap,
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
            let canMove = isPeriod && authors?.value != .venue && end > segment.text.lowerBound
                && document.bytes[end - 1] != UInt8(ascii: ".")
            if canMove {
                let inside = document.string(segment.text.lowerBound..<end)
                return (Diagnostic(
                    rule: PunctuationRule.self, range: gap,
                    message: "period outside the italic segment: \(shown)",
                    help: "move it inside: `*\(inside).*`",
                    fix: Fix(.safe, "move the period into the italic segment", edits: [
                        Edit(replacing: end..<end, with: "."), removal(from: segment.range.upperBound, through: gap),
                    ])), true)
            }
            return (Diagnostic(
                rule: PunctuationRule.self, range: gap,
                message: "stray \(mark) after the italic segment: \(shown)",
                help: "remove \(mark)",
                fix: Fix(.safe, "remove the stray \(mark)", removal(from: segment.range.upperBound, through: gap))), false)
        }

        /// `*Authors. Venue*` without its final period, when the style is `authors-venue`.
        func segmentPeriod(_ entry: Entry, _ segment: EntryAuthors) -> Diagnostic? {
            guard let authors, authors.value == .authorsVenue,
                !entry.deviations.contains(where: { $0.kind == .unclosedMarkup && segment.range.contains($0.range.lowerBound) })
            else { return nil }
            let end = trimmedEnd(segment)
            guard end > segment.text.lowerBound, document.bytes[end - 1] != UInt8(ascii: ".") else { return nil }
            return Diagnostic(
                rule: PunctuationRule.self, range: segment.range,
                message: "italic segment \(document.quoted(segment.range)) does not end with a period; "
                    + (authors.isConfigured ? "the configured form is" : "this list writes")
                    + " `*Authors. Venue.*` (\(segments.withPeriod) of \(segments.total) italic segments end with a period)",
                help: "end the segment with a period, inside the closing `*`",
                fix: Fix(.safe, "add the final period", Edit(replacing: end..<end, with: ".")))
        }

        func titlePeriod(_ entry: Entry, _ title: EntryTitle, _ requirement: TitleRequirement) -> Diagnostic? {
            guard !entry.deviations.contains(where: { $0.kind == .unclosedMarkup && title.range.contains($0.range.lowerBound) })
            else { return nil }
            let bytes = document.bytes
            var end = title.text.upperBound
            while end > title.text.lowerBound && Byte.isBlank(bytes[end - 1]) { end -= 1 }
            let tail = { document.quotedEnd(title.range) }
            switch (TitlePeriods.ending(bytes, title.text), requirement.value) {
            case (.period, .forbid):
                return Diagnostic(
                    rule: PunctuationRule.self, range: (end - 1)..<end,
                    message: "title ends with a period (\(tail())) where \(reason(requirement))",
                    help: "remove the final period of the title",
                    fix: Fix(.safe, "remove the title's final period", Edit(replacing: (end - 1)..<end, with: "")))
            case (.bare, .require):
                return Diagnostic(
                    rule: PunctuationRule.self, range: title.range,
                    message: "title has no final period (\(tail())) where \(reason(requirement))",
                    help: "end the title with a period",
                    fix: Fix(.safe, "add a final period to the title", Edit(replacing: end..<end, with: ".")))
            default:
                return nil
            }
        }

        private func trimmedEnd(_ segment: EntryAuthors) -> Int {
            var end = segment.text.upperBound
            while end > segment.text.lowerBound && Byte.isBlank(document.bytes[end - 1]) { end -= 1 }
            return end
        }
    }
}
