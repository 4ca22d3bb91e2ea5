import PaperLintCore

/// In-page `#anchor` links resolve to headings, and the table of contents lists every section.
public struct TableOfContentsRule: Rule {
    public static let description = RuleDescription(
        id: "toc",
        defaultSeverity: .error,
        summary: "Anchor links resolve to headings (and, as a matter of taste, the table of contents lists every section).",
        rationale: """
            Every `#anchor` link outside code and HTML must name a heading's GitHub anchor \
            (lowercase, punctuation dropped, spaces as `-`, repeats numbered `-1`, `-2`), an HTML \
            `id`/`name`, or `#top`. A broken anchor is an error; when exactly one heading's anchor \
            differs from it only in case or punctuation (a renamed heading, a dropped emoji), the \
            safe fix links that heading, and when one heading is a near miss an unsafe fix suggests \
            it; in a diff where the change renamed that heading and left the link alone, the \
            finding is on the heading. A ToC link written without its `#` (`[Papers](papers)`, among anchor links) points \
            to a file and is an error whose fix adds the `#`. Matters of taste, reported only when \
            `taste:` lists them: an anchor that differs only in case (`toc-case`, a warning: GitHub \
            matches it, other renderers do not), and the coverage below (`toc-coverage`). The \
            table of contents is the list of `#anchor` links under a heading \
            such as \"Table of Contents\" or \"Contents\" (else the first list of three or more); it should list \
            every heading below it at the depths it lists itself, so a ToC that stops at `##` \
            is not asked for `###` headings. A missing heading is a warning naming where to add \
            it. Headings above the table of contents (the title, news) need not be listed.
            """,
        nonTriggering: TableOfContentsRuleExamples.nonTriggering,
        triggering: TableOfContentsRuleExamples.triggering,
        corrections: TableOfContentsRuleExamples.corrections)

    public init() {}

    public func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        let all = MarkdownLinks.shared(in: document, configuration)
        let links = all.filter {
            ($0.kind == .link || $0.kind == .definition) && !$0.destination.isEmpty && document.bytes[$0.destination.lowerBound] == ASCII.hash
        }
        var targets = AnchorTargets(document)
        // `[Papers](papers)` among `#` links: a heading's anchor written without its `#` is a
        // link to a file. (`[License](LICENSE)` names a file on purpose: upper case is left alone.)
        let anchorLines = Set(links.map { document.line(containing: $0.range.lowerBound) })
        var found = all.compactMap { link -> Diagnostic? in
            guard link.kind == .link, document.isInFocus(bytes: link.range), Self.isBareWord(document.bytes, link.destination)
            else { return nil }
            let line = document.line(containing: link.range.lowerBound)
            guard (line - 3...line + 3).contains(where: anchorLines.contains) else { return nil }
            let word = document.string(link.destination)
            guard let heading = targets.resolve(word).heading, targets.resolve(word) != .unresolved else { return nil }
            let slug = document.headings[heading].slug
            let isExact = targets.resolve(word) == .exact(heading: heading)
            return Diagnostic(
                rule: Self.self, range: link.destination,
                message: "link `\(word)` has no `#`: it points to a file, not to the heading “\(document.headings[heading].text)”",
                help: "write `#\(slug)`",
                related: [RelatedLocation(range: document.contentRange(ofLine: document.headings[heading].line), message: "the heading")],
                fix: Fix(isExact ? .safe : .unsafe, "link `#\(slug)`", Edit(replacing: link.destination, with: "#" + slug)))
        }
        guard !links.isEmpty else { return found }
        // Heading index each link points to (exactly or by its obvious intent), by link start.
        var resolved: [Int: Int] = [:]
        for link in links {
            let anchor = link.destination.lowerBound + 1..<link.destination.upperBound
            let result = targets.resolve(document.string(anchor))
            if let heading = result.heading { resolved[link.range.lowerBound] = heading }
            if case .caseOnly = result, !configuration.taste.contains(.tocCase) { continue }
            if let diagnostic = diagnostic(result, link: link, anchor: anchor, document) { found.append(diagnostic) }
        }
        // Whether the table of contents lists every section is a matter of taste: `taste: [toc-coverage]`.
        if configuration.taste.contains(.tocCoverage), let toc = TableOfContents(document, links: links) {
            found += missingHeadings(toc, resolved: resolved, document)
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func diagnostic(_ result: AnchorTargets.Resolution, link: MarkdownLink, anchor: Range<Int>, _ document: Document) -> Diagnostic? {
        let written = "#" + document.string(anchor)
        switch result {
        case .exact:
            return nil
        case .caseOnly(let heading):
            let slug = document.headings[heading].slug
            return Diagnostic(
                rule: Self.self, severity: .warning, range: link.destination,
                message: "anchor `\(written)` differs from the anchor `#\(slug)` of “\(document.headings[heading].text)” only in case",
                help: "GitHub matches it, other renderers do not; write `#\(slug)`",
                fix: Fix(.safe, "write `#\(slug)`", Edit(replacing: anchor, with: slug)))
        case .close(let heading, let isSafe):
            let slug = document.headings[heading].slug
            let line = document.headings[heading].line
            let linkLine = document.line(containing: link.destination.lowerBound)
            if document.changed != nil, document.isChanged(line, line), !document.isChanged(linkLine, linkLine) {
                // A heading the change renamed broke an old link: the finding belongs to the
                // change, on the heading; the fix still mends the link.
                return Diagnostic(
                    rule: Self.self, range: document.contentRange(ofLine: line),
                    message: "“\(document.headings[heading].text)” now has the anchor `#\(slug)`; the link `\(written)` (line \(linkLine)) no longer matches it",
                    help: "link `#\(slug)` in the table of contents, or keep the heading's old text",
                    related: [RelatedLocation(range: link.destination, message: "the link")],
                    fix: Fix(isSafe ? .safe : .unsafe, "link `#\(slug)`", Edit(replacing: anchor, with: slug)))
            }
            return Diagnostic(
                rule: Self.self, range: link.destination,
                message: "anchor `\(written)` matches no heading; “\(document.headings[heading].text)” (line \(line)) has the anchor `#\(slug)`",
                help: "link `#\(slug)`",
                related: [RelatedLocation(range: document.contentRange(ofLine: line), message: "the heading")],
                fix: Fix(isSafe ? .safe : .unsafe, "link `#\(slug)`", Edit(replacing: anchor, with: slug)))
        case .unresolved:
            return Diagnostic(
                rule: Self.self, range: link.destination, message: "anchor `\(written)` matches no heading",
                help: "link an existing heading (its anchor is the lowercased text, punctuation dropped, spaces as `-`) or remove the link")
        }
    }

    /// Headings below the table of contents, at the depths it lists, that it does not list.
    private func missingHeadings(_ toc: TableOfContents, resolved: [Int: Int], _ document: Document) -> [Diagnostic] {
        var itemOfHeading: [Int: TableOfContents.Item] = [:]
        for item in toc.items {
            if let heading = resolved[item.link.range.lowerBound], itemOfHeading[heading] == nil { itemOfHeading[heading] = item }
        }
        guard !itemOfHeading.isEmpty else { return [] }
        let levels = itemOfHeading.keys.map { document.headings[$0].level }
        let depths = (levels.min() ?? 1)...(levels.max() ?? 6)
        // The ToC item prefix (`  - `) used at each heading level, from the first item of that level.
        var prefixOfLevel: [Int: Range<Int>] = [:]
        for item in toc.items {
            guard let heading = resolved[item.link.range.lowerBound] else { continue }
            let level = document.headings[heading].level
            if prefixOfLevel[level] == nil { prefixOfLevel[level] = document.lineStarts[item.line - 1]..<item.link.range.lowerBound }
        }
        let firstItem = itemOfHeading.values.min { $0.line < $1.line }
        var found: [Diagnostic] = []
        var previousListed: Int?
        for (index, heading) in document.headings.enumerated() {
            if itemOfHeading[index] != nil {
                previousListed = index
                continue
            }
            guard heading.line > toc.firstLine, index != toc.heading, depths.contains(heading.level) else { continue }
            // Insert after the item of the last listed heading before this one, else before the first item.
            let anchorItem = previousListed.flatMap { itemOfHeading[$0] } ?? firstItem
            found.append(missing(index, after: previousListed, anchorItem: anchorItem, prefixOfLevel: prefixOfLevel, document))
        }
        return found
    }

    private func missing(
        _ index: Int, after previous: Int?, anchorItem: TableOfContents.Item?, prefixOfLevel: [Int: Range<Int>],
        _ document: Document
    ) -> Diagnostic {
        let heading = document.headings[index]
        let entry = "[\(Self.escaped(heading.text))](#\(heading.slug))"
        var placement = "in the table of contents"
        var related: [RelatedLocation] = []
        var fix: Fix?
        if let anchorItem {
            let isAfter = previous != nil
            let anchorText = previous.map { document.headings[$0].text } ?? ""
            placement = isAfter ? "after “\(anchorText)” in the table of contents (line \(anchorItem.line))"
                : "at the start of the table of contents (line \(anchorItem.line))"
            related = [RelatedLocation(range: document.contentRange(ofLine: anchorItem.line), message: "the table of contents")]
            if let prefix = prefixOfLevel[heading.level] {
                let full = document.fullRange(ofLine: anchorItem.line)
                let content = document.contentRange(ofLine: anchorItem.line)
                let terminator = full.upperBound > content.upperBound ? document.string(content.upperBound..<full.upperBound) : "\n"
                let line = document.string(prefix) + entry + terminator
                let at = isAfter ? full.upperBound : full.lowerBound
                // A ToC that ends the file without a newline needs one before the new item.
                let text = isAfter && full.upperBound == content.upperBound ? "\n" + document.string(prefix) + entry : line
                fix = Fix(.unsafe, "add `\(entry)` to the table of contents", Edit(replacing: at..<at, with: text))
            }
        }
        return Diagnostic(
            rule: Self.self, severity: .warning, range: document.contentRange(ofLine: heading.line),
            message: "heading “\(heading.text)” is not in the table of contents",
            help: "add `\(entry)` \(placement)", related: related, fix: fix)
    }

    private static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "[" || character == "]" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

/// What `#anchor` links may point to: heading anchors, HTML `id`/`name` attributes, `#top`.
extension TableOfContentsRule {
    /// A lone word that could only be an anchor: letters (one at least, not all upper case),
    /// digits, `-` and `_`, nothing that makes a path, a file name or a URL.
    static func isBareWord(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        var hasLower = false
        for byte in bytes[range] {
            if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") || byte >= 0x80 { hasLower = true; continue }
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") || ASCII.isDigit(byte) { continue }
            if byte == ASCII.hyphen || byte == UInt8(ascii: "_") { continue }
            return false
        }
        return hasLower
    }
}
