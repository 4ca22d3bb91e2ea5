import PaperLintCore

/// The same paper listed twice: by arXiv id, DOI, paper URL or normalised title.
///
/// Duplicates creep in when two contributors add the same paper, or one pastes an entry
/// into a second section. Within the configured scope they are errors; with scope
/// `section`, repeats across sections are still shown as warnings.
public struct DuplicateRule: Rule {
    public static let description = RuleDescription(
        id: "duplicate",
        defaultSeverity: .error,
        summary: "List each paper once (same arXiv id, DOI, paper URL or title).",
        rationale: """
            A paper listed twice wastes the reader's time and the two copies drift apart as \
            one gets corrected and the other does not. Two entries are the same paper when \
            their paper links name the same arXiv id (any URL form or version, or its arXiv \
            DOI), the same DOI, or the same URL once normalised (scheme, `www.`, a final `/` \
            or `.pdf` and the fragment ignored), or when their titles agree ignoring case, \
            punctuation and spacing. Only the `paper` link counts (or the first link that is not \
            a code, project, demo … link): two papers may share one repository. Entries sharing \
            a link under clearly different titles are left to `link-title-mismatch`. With \
            `duplicates.scope: section` (the default) a repeat inside one section is an error (a \
            paragraph between two lists of one section, such as `**In web scenarios**`, counts \
            as a sub-heading) and a repeat in another section a warning, since some lists repeat \
            a paper on purpose; none is reported where the list cross-lists papers (three of them \
            in two sections), where a paper is filed under three sections or more, or where the \
            change being checked writes both copies (a paper added to two sections at once), \
            nor where one copy stands in a section of highlights (`Notable Works`, `Must-read`), \
            which repeats papers filed by topic. \
            With `scope: file` every repeat is an error. The later entry is reported, \
            pointing at the first. When the two entries are byte for byte identical and in one \
            section, the fix removes the later one.
            """,
        nonTriggering: DuplicateRule.nonTriggeringExamples,
        triggering: DuplicateRule.triggeringExamples,
        corrections: DuplicateRule.correctionExamples)

    public init() {}

    /// Where a repeat counts as one: a part of a section (between sub-heading paragraphs such
    /// as `**In web scenarios**`). In 32 bits (a document has fewer than 2^31 lines, so
    /// nothing wraps).
    private struct Scope: Hashable {
        var section: Int32
        var segment: Int32
        init(section: Int, segment: Int) {
            self.section = Int32(truncatingIfNeeded: section)
            self.segment = Int32(truncatingIfNeeded: segment)
        }
    }

    /// The first paper with each key before a given paper: in the whole file, and in the
    /// paper's own scope. Keys are dense numbers (`PaperIdentity.all`), so both are arrays: the
    /// file-wide firsts by key, the scoped ones by paper, worked out scope by scope (a table
    /// keyed by scope and key was looked up twice for every paper).
    private struct Firsts {
        private var fileWide: [Int32]
        private var inOwnScope: [Int32]

        /// `keys`: each paper's key number, or -1; `scopes`: each paper's scope number;
        /// `byScope`: the papers' indices ordered by scope, in document order within one.
        init(keys: [Int32], scopes: [Int32], byScope: [Int32]) {
            let count = Int(keys.max() ?? -1) + 1
            fileWide = [Int32](repeating: -1, count: count)
            for (index, key) in keys.enumerated() where key >= 0 && fileWide[Int(key)] < 0 {
                fileWide[Int(key)] = Int32(truncatingIfNeeded: index)
            }
            // The scope a key's first below was seen in, and that first.
            var seenIn = [Int32](repeating: -1, count: count), first = [Int32](repeating: -1, count: count)
            inOwnScope = [Int32](repeating: -1, count: keys.count)
            for index in byScope {
                let key = Int(keys[Int(index)])
                guard key >= 0 else { continue }
                if seenIn[key] == scopes[Int(index)] {
                    inOwnScope[Int(index)] = first[key]
                } else {
                    seenIn[key] = scopes[Int(index)]
                    first[key] = index
                }
            }
        }

        /// The first paper before paper `index` sharing its key, in the file or in its scope.
        func first(before index: Int, key: Int, fileWide wholeFile: Bool) -> Int? {
            let found = wholeFile ? fileWide[key] : inOwnScope[index]
            return found >= 0 && found < index ? Int(found) : nil
        }
    }

    /// A found repeat: the first entry and what they share.
    private struct Match {
        var first: Int
        /// The paper link both share; nil: the title. Put in words only for a reported repeat.
        var link: PaperIdentity.LinkKey?

        var evidence: String { link.map { "same \($0.evidence)" } ?? "same title" }
    }

    public func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        let papers = PaperIdentity.all(in: document, configuration)
        guard papers.count >= 2 else { return [] }
        let layout = PaperIdentity.ListLayout.of(document, configuration)
        let scopes = papers.map { Scope(section: $0.section, segment: layout.place(of: $0.entry)?.segment ?? 0) }
        let (scopeNumbers, byScope) = Self.numbered(scopes)
        let firstByLink = Firsts(keys: papers.map { $0.linkID.map { Int32(truncatingIfNeeded: $0) } ?? -1 }, scopes: scopeNumbers, byScope: byScope)
        let firstByTitle = Firsts(keys: papers.map { $0.titleID.map { Int32(truncatingIfNeeded: $0) } ?? -1 }, scopes: scopeNumbers, byScope: byScope)
        let titles = PaperIdentity.TitleComparison(papers, in: document, configuration)
        // Which sections are selections of highlights, once per section, not per repeat.
        let highlights = document.sections.indices.map { Self.isHighlights($0, document) }
        var found: [Diagnostic] = []

        /// The repeat paper `index` is, in the whole file or in its own scope.
        func match(_ index: Int, fileWide wholeFile: Bool) -> Match? {
            let paper = papers[index]
            if let key = paper.linkKey, let id = paper.linkID, let first = firstByLink.first(before: index, key: id, fileWide: wholeFile),
                !titles.differ(first, index)
            {
                return Match(first: first, link: key)
            }
            if let id = paper.titleID, let first = firstByTitle.first(before: index, key: id, fileWide: wholeFile) {
                return Match(first: first, link: nil)
            }
            return nil
        }
        // Under a focus, a repeat is reported only on a focused copy. A paper whose keys no
        // focused paper carries can repeat only papers out of focus: it matters only to the
        // cross-listing count below, and is matched (comparing titles) only if that count is read.
        let mayRepeatFocused = Self.sharingKeys(papers, with: document)
        var deferred: [Int] = []

        let fileWide = configuration.duplicateScope == .file
        // Repeats across sections, when the scope is the section: a list that cross-lists papers
        // does it on purpose (a real share of its entries repeat one in another section) and is
        // not told about them; in a list that never does, a repeat is reported as a warning.
        var crossListed: [(index: Int, match: Match, group: Int)] = []
        var blamedEarlier = Set<Int>()
        var crossListedCount = 0
        // How many sections list the paper first listed at an index.
        var sectionsListing: [Int: Int] = [:]
        for (index, paper) in papers.enumerated() {
            // A repeat is reported on the later entry. Every entry is matched (the cross-listing
            // share needs them all), the deferred ones below.
            if let mayRepeatFocused, !mayRepeatFocused[index] {
                if !fileWide { deferred.append(index) }
            } else if let repeat_ = match(index, fileWide: fileWide) {
                let (reported, other) = Self.blamed(index, repeat_.first, papers, document)
                // A new copy above several old ones is reported once.
                if document.isInFocus(papers[reported].entry), reported == index || blamedEarlier.insert(reported).inserted {
                    found.append(report(papers[reported], first: papers[other], evidence: repeat_.evidence, inScope: true,
                                        layout: layout, in: document))
                }
            } else if !fileWide, let repeat_ = match(index, fileWide: true),
                !highlights[paper.section], !highlights[papers[repeat_.first].section]
            {
                crossListedCount += 1
                sectionsListing[repeat_.first, default: 1] += 1
                // A change that writes both copies (a paper added to two sections at once, or a
                // cross-listing reformatted) knows of both: the repeat is meant.
                let isWrittenTogether = document.isChanged(paper.entry) && document.isChanged(papers[repeat_.first].entry)
                let (reported, other) = Self.blamed(index, repeat_.first, papers, document)
                if !isWrittenTogether, document.isInFocus(papers[reported].entry),
                    reported == index || blamedEarlier.insert(reported).inserted
                {
                    crossListed.append((reported, Match(first: other, link: repeat_.link), repeat_.first))
                }
            }
        }
        // What is reported goes by the whole list's count, which the deferred papers complete.
        guard !crossListed.isEmpty else { return found }
        for index in deferred where match(index, fileWide: false) == nil {
            guard let repeat_ = match(index, fileWide: true), !highlights[papers[index].section], !highlights[papers[repeat_.first].section]
            else { continue }
            crossListedCount += 1
            sectionsListing[repeat_.first, default: 1] += 1
        }
        // Three papers listed in two sections show a list that cross-lists on purpose, whatever
        // their share (a taxonomy survey files a paper under each of its topics).
        var habit = HouseForms<Bool>(configured: [], defaults: [false], isStyle: false)
        habit.acceptsRecurring = true
        habit.recurringCount = 2
        habit.add(true, count: crossListedCount)
        habit.add(false, count: papers.count - crossListedCount)
        if habit.judge(true) != nil {
            // A paper filed under three sections or more is cross-listed on purpose.
            for (index, repeat_, group) in crossListed where sectionsListing[group, default: 1] < 3 {
                found.append(report(papers[index], first: papers[repeat_.first], evidence: repeat_.evidence, inScope: false,
                                    layout: layout, in: document))
            }
            found.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        return found
    }

    /// Each scope's number (by first appearance) and the papers' indices grouped by scope, in
    /// document order within each: a scope's papers are usually, not always, side by side.
    private static func numbered(_ scopes: [Scope]) -> (numbers: [Int32], byScope: [Int32]) {
        var appearances = FirstAppearances<Scope>()
        var numbers = [Int32](repeating: 0, count: scopes.count), sizes: [Int32] = []
        for (index, scope) in scopes.enumerated() {
            let number = appearances.number(of: scope)
            if number == sizes.count { sizes.append(0) }
            numbers[index] = Int32(truncatingIfNeeded: number)
            sizes[number] += 1
        }
        // A counting sort: each scope's run starts where the earlier scopes' papers end.
        var next = [Int32](repeating: 0, count: sizes.count)
        for number in sizes.indices.dropFirst() { next[number] = next[number - 1] + sizes[number - 1] }
        var byScope = [Int32](repeating: 0, count: scopes.count)
        for (index, number) in numbers.enumerated() {
            byScope[Int(next[Int(number)])] = Int32(truncatingIfNeeded: index)
            next[Int(number)] += 1
        }
        return (numbers, byScope)
    }

    /// Under a focus, whether each paper is focused or shares its paper link or title with a
    /// focused paper; nil without a focus, where every paper may be reported.
    private static func sharingKeys(_ papers: [PaperIdentity], with document: Document) -> [Bool]? {
        guard document.focus != nil else { return nil }
        let focused = papers.map { document.isInFocus($0.entry) }
        var links = Set<Int>(), titles = Set<Int>()
        for index in papers.indices where focused[index] {
            if let id = papers[index].linkID { links.insert(id) }
            if let id = papers[index].titleID { titles.insert(id) }
        }
        return papers.indices.map { index in
            focused[index] || papers[index].linkID.map(links.contains) == true || papers[index].titleID.map(titles.contains) == true
        }
    }

    /// Words of a heading that names a selection of papers filed elsewhere by topic.
    static let highlightWords = ["notable", "highlight", "featured", "must-read", "must read", "recommended", "essential"]

    /// True when the section's heading names a selection (`:star: Notable Works`, `Must-read papers`).
    static func isHighlights(_ section: Int, _ document: Document) -> Bool {
        guard let text = document.sections[section].heading?.text.lowercased() else { return false }
        // The bytes must hold the word for the text to (a search by characters is slow).
        let bytes = Array(text.utf8)
        return highlightWords.contains { word in ASCII.contains(bytes, Array(word.utf8)) && text.contains(word) }
    }

    /// Which of two copies carries the finding: the later one, unless a diff changed only the
    /// earlier (a contributor adds a paper above its old copy, where newest-first lists take
    /// new entries): the finding belongs to the change, the old copy is the related place.
    private static func blamed(
        _ later: Int, _ earlier: Int, _ papers: [PaperIdentity], _ document: Document
    ) -> (reported: Int, other: Int) {
        guard document.changed != nil, document.isChanged(papers[earlier].entry), !document.isChanged(papers[later].entry)
        else { return (later, earlier) }
        return (earlier, later)
    }

    private func report(
        _ paper: PaperIdentity, first: PaperIdentity, evidence: String, inScope: Bool,
        layout: PaperIdentity.ListLayout, in document: Document
    ) -> Diagnostic {
        let message = "\(paper.quotedTitle(in: document)) is already listed in \(PaperIdentity.sectionName(first.section, in: document)) (\(evidence))"
        let place = first.entry.line < paper.entry.line ? "first listed here" : "already listed here"
        let related = [RelatedLocation(range: PaperIdentity.head(of: first.entry), message: place)]
        guard inScope else {
            return Diagnostic(
                ruleID: Self.description.id, severity: .warning, range: PaperIdentity.head(of: paper.entry), message: message,
                help: "remove this entry, or keep it if the repeat is on purpose (duplicates.scope: section allows repeats across sections)",
                related: related)
        }
        let help = paper.section == first.section
            ? "remove this entry"
            : "remove this entry, or set duplicates.scope: section if the list repeats papers across sections on purpose"
        return Diagnostic(
            rule: Self.self, range: PaperIdentity.head(of: paper.entry), message: message, help: help, related: related,
            fix: removal(paper, first: first, layout: layout, in: document))
    }

    /// Removes the later entry's lines (with its nested items) when both copies are byte for
    /// byte identical and in one section: nothing of what the list says is lost.
    private func removal(
        _ paper: PaperIdentity, first: PaperIdentity, layout: PaperIdentity.ListLayout, in document: Document
    ) -> Fix? {
        guard paper.section == first.section, layout.place(of: paper.entry)?.ownsFirstLine == true else { return nil }
        let later = layout.block(of: paper.entry, in: document), earlier = layout.block(of: first.entry, in: document)
        let laterText = document.bytes[paper.entry.range.lowerBound..<later.upperBound]
        let earlierText = document.bytes[first.entry.range.lowerBound..<earlier.upperBound]
        guard laterText.elementsEqual(earlierText) else { return nil }
        return Fix(.unsafe, "remove the duplicate entry", Edit(replacing: layout.fullBlock(of: paper.entry, in: document), with: ""))
    }
}
