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
    /// as `**In web scenarios**`), or the whole file (section -1).
    /// In 32 bits, as the keys and values of the tables below: a large list fills them with
    /// a key a paper (a document has fewer than 2^31 lines, so nothing wraps).
    private struct Scope: Hashable {
        var section: Int32
        var segment: Int32
        init(section: Int, segment: Int) {
            self.section = Int32(truncatingIfNeeded: section)
            self.segment = Int32(truncatingIfNeeded: segment)
        }
        static let file = Scope(section: -1, segment: 0)
    }

    /// A key (a number from `PaperIdentity.all`) in one scope.
    private struct ScopedKey: Hashable {
        var scope: Scope
        var key: Int32
        init(scope: Scope, key: Int) {
            self.scope = scope
            self.key = Int32(truncatingIfNeeded: key)
        }
    }

    /// The first paper with each key, in the whole file and in its own scope. Keys are dense
    /// numbers (`PaperIdentity.all`), so the file-wide firsts are an array: a table of both
    /// scopes held two keys a paper, 8 MB of a dense 50k list's peak.
    private struct Firsts {
        private var fileWide: [Int32]
        private var scoped: [ScopedKey: Int32] = [:]

        /// `keys`: one more than the largest key number.
        init(keys: Int, papers: Int) {
            fileWide = [Int32](repeating: -1, count: keys)
            scoped.reserveCapacity(papers)
        }

        func first(_ key: Int, in scope: Scope) -> Int? {
            if scope == .file { return fileWide[key] < 0 ? nil : Int(fileWide[key]) }
            return scoped[ScopedKey(scope: scope, key: key)].map(Int.init)
        }

        /// Records paper `index` under `key` where no earlier paper holds it. (Not
        /// `[key, default: index] += 0`: its default is a closure context allocated per call.)
        mutating func record(_ key: Int, own: Scope, _ index: Int) {
            if fileWide[key] < 0 { fileWide[key] = Int32(truncatingIfNeeded: index) }
            let scopedKey = ScopedKey(scope: own, key: key)
            if scoped[scopedKey] == nil { scoped[scopedKey] = Int32(truncatingIfNeeded: index) }
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
        var firstByLink = Firsts(keys: papers.lazy.compactMap(\.linkID).max().map { $0 + 1 } ?? 0, papers: papers.count)
        var firstByTitle = Firsts(keys: papers.lazy.compactMap(\.titleID).max().map { $0 + 1 } ?? 0, papers: papers.count)
        let layout = PaperIdentity.ListLayout.of(document, configuration)
        let titles = PaperIdentity.TitleComparison(papers, in: document, configuration)
        // Which sections are selections of highlights, once per section, not per repeat.
        let highlights = document.sections.indices.map { Self.isHighlights($0, document) }
        var found: [Diagnostic] = []

        func match(_ index: Int, scope: Scope) -> Match? {
            let paper = papers[index]
            if let key = paper.linkKey, let id = paper.linkID, let first = firstByLink.first(id, in: scope),
                !titles.differ(first, index)
            {
                return Match(first: first, link: key)
            }
            if let id = paper.titleID, let first = firstByTitle.first(id, in: scope) {
                return Match(first: first, link: nil)
            }
            return nil
        }

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
            let own = Scope(section: paper.section, segment: layout.place(of: paper.entry)?.segment ?? 0)
            // A repeat is reported on the later entry. Every entry is matched (the cross-listing
            // share needs them all) and recorded below as a possible first one.
            if let repeat_ = match(index, scope: fileWide ? .file : own) {
                let (reported, other) = Self.blamed(index, repeat_.first, papers, document)
                // A new copy above several old ones is reported once.
                if document.isInFocus(papers[reported].entry), reported == index || blamedEarlier.insert(reported).inserted {
                    found.append(report(papers[reported], first: papers[other], evidence: repeat_.evidence, inScope: true,
                                        layout: layout, in: document))
                }
            } else if !fileWide, let repeat_ = match(index, scope: .file),
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
            if let id = paper.linkID { firstByLink.record(id, own: own, index) }
            if let id = paper.titleID { firstByTitle.record(id, own: own, index) }
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
