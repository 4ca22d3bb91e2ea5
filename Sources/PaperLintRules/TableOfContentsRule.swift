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
            it. A ToC link written without its `#` (`[Papers](papers)`, among anchor links) points \
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
            ($0.kind == .link || $0.kind == .definition) && !$0.destination.isEmpty && document.bytes[$0.destination.lowerBound] == Byte.hash
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
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") || Byte.isDigit(byte) { continue }
            if byte == Byte.hyphen || byte == UInt8(ascii: "_") { continue }
            return false
        }
        return hasLower
    }
}

struct AnchorTargets {
    enum Resolution: Equatable {
        case exact(heading: Int?)
        /// Differs from heading's anchor only in letter case (GitHub still matches it).
        case caseOnly(heading: Int)
        /// The heading the link most likely meant; safe when only case, punctuation or emoji differ.
        case close(heading: Int, isSafe: Bool)
        case unresolved

        var heading: Int? {
            switch self {
            case .exact(let heading): heading
            case .caseOnly(let heading), .close(let heading, _): heading
            case .unresolved: nil
            }
        }
    }

    private let document: Document
    private var headingOfSlug: [String: Int] = [:]
    private var headingsOfLowercased: [String: [Int]] = [:]
    private var headingsOfKey: [String: [Int]] = [:]
    private var htmlAnchors: Set<String> = []
    private var comparisonBudget = 200_000

    init(_ document: Document) {
        self.document = document
        for (index, heading) in document.headings.enumerated() {
            if headingOfSlug[heading.slug] == nil { headingOfSlug[heading.slug] = index }
            headingsOfLowercased[heading.slug.lowercased(), default: []].append(index)
            headingsOfKey[Self.key(heading.slug), default: []].append(index)
        }
        htmlAnchors = Self.htmlAnchors(document.bytes)
    }

    mutating func resolve(_ written: String) -> Resolution {
        var anchor = Self.percentDecoded(written)
        if anchor.hasPrefix("user-content-") { anchor = String(anchor.dropFirst("user-content-".count)) }
        if anchor.isEmpty || anchor.lowercased() == "top" || htmlAnchors.contains(anchor) { return .exact(heading: nil) }
        if let heading = headingOfSlug[anchor] { return .exact(heading: heading) }
        if let candidates = headingsOfLowercased[anchor.lowercased()], candidates.count == 1 { return .caseOnly(heading: candidates[0]) }
        let key = Self.key(anchor)
        if !key.isEmpty, let candidates = headingsOfKey[key] {
            return candidates.count == 1 ? .close(heading: candidates[0], isSafe: true) : .unresolved
        }
        return nearMiss(anchor).map { .close(heading: $0, isSafe: false) } ?? .unresolved
    }

    /// The one heading whose anchor is within a small edit distance (a typo, a pluralised word).
    private mutating func nearMiss(_ anchor: String) -> Int? {
        // Bounded work: past a budget of comparisons (thousands of broken anchors in a list with
        // thousands of headings), anchors get no suggestion rather than a slow run.
        guard comparisonBudget >= document.headings.count else { return nil }
        comparisonBudget -= document.headings.count
        let target = Array(anchor.lowercased().unicodeScalars)
        let limit = max(1, min(3, target.count / 6))
        var best: (distance: Int, heading: Int)?
        var isUnique = false
        for (index, heading) in document.headings.enumerated() {
            let slug = Array(heading.slug.unicodeScalars)
            guard abs(slug.count - target.count) <= limit else { continue }
            let distance = Self.editDistance(target, slug, limit: limit)
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance {
                best = (distance, index)
                isUnique = true
            } else if distance == best!.distance {
                isUnique = false
            }
        }
        return isUnique ? best?.heading : nil
    }

    /// Levenshtein distance, or `limit + 1` once it exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            current[0] = i
            var rowMin = current[0]
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : previous[b.count]
    }

    /// Letters and digits only, lowercased: `#-news`, `#news` and `#News!` share a key.
    static func key(_ anchor: String) -> String {
        String(String.UnicodeScalarView(anchor.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }

    /// `%F0%9F%94%94-news` → `🔔-news`; the text unchanged when it does not decode to UTF-8.
    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(Byte.percent) else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            if byte == Byte.percent, utf8.count >= 3, let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
                utf8 = utf8.dropFirst()
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? text
    }

    /// Values of `id="…"` and `name="…"` attributes anywhere in the file (`<a name="intro"></a>`).
    static func htmlAnchors(_ bytes: [UInt8]) -> Set<String> {
        var anchors: Set<String> = []
        var index = 0
        while index < bytes.count {
            guard Byte.isBlank(bytes[index]) || bytes[index] == Byte.newline else {
                index += 1
                continue
            }
            let start = index + 1
            // Most blanks start no attribute: look at `id=`/`name=` only after an `i` or `n`.
            guard start < bytes.count, bytes[start] == UInt8(ascii: "i") || bytes[start] == UInt8(ascii: "n") else {
                index += 1
                continue
            }
            var valueStart: Int?
            for attribute in ["id=", "name="] where Byte.hasPrefix(bytes, at: start, end: bytes.count, attribute) {
                let quote = start + attribute.utf8.count
                if quote < bytes.count && (bytes[quote] == Byte.doubleQuote || bytes[quote] == Byte.singleQuote) { valueStart = quote }
            }
            guard let quote = valueStart else {
                index += 1
                continue
            }
            var end = quote + 1
            while end < bytes.count && bytes[end] != bytes[quote] && bytes[end] != Byte.newline { end += 1 }
            if end < bytes.count && bytes[end] == bytes[quote] { anchors.insert(String(decoding: bytes[quote + 1..<end], as: UTF8.self)) }
            index = end
        }
        return anchors
    }
}

/// The table of contents: a list whose items start with `#anchor` links.
struct TableOfContents {
    struct Item {
        var line: Int
        var link: MarkdownLink
    }
    var items: [Item]
    var firstLine: Int
    /// Index into `document.headings` of the heading the ToC stands under, if any.
    var heading: Int?

    /// The list under a heading named like a table of contents, else the first list of at
    /// least three anchor items; nil when the document has neither.
    init?(_ document: Document, links: [MarkdownLink]) {
        var firstLinkOfLine: [Int: MarkdownLink] = [:]
        for link in links where link.kind == .link {
            let line = document.line(containing: link.range.lowerBound)
            if firstLinkOfLine[line] == nil { firstLinkOfLine[line] = link }
        }
        var blocks: [[Item]] = []
        var current: [Item] = []
        for line in 1...document.lineCount {
            if !document.isOpaque(line), document.isListItemStart(line), let link = firstLinkOfLine[line],
                Self.itemText(document, line) == link.range.lowerBound
            {
                current.append(Item(line: line, link: link))
                continue
            }
            let isBlank = document.contentRange(ofLine: line).allSatisfy { Byte.isBlank(document.bytes[$0]) }
            if isBlank || (document.isInListItem(line) && !document.isOpaque(line)) { continue }
            if !current.isEmpty { blocks.append(current) }
            current = []
        }
        if !current.isEmpty { blocks.append(current) }
        let named = blocks.first { block in
            block.count >= 2 && document.headingPath(containing: block[0].line).first.map { Self.isTableOfContentsName($0.text) } == true
        }
        guard let chosen = named ?? blocks.first(where: { $0.count >= 3 }) else { return nil }
        items = chosen
        firstLine = chosen[0].line
        let section = document.sections[document.sectionIndex(containing: firstLine)]
        heading = section.heading.flatMap { heading in document.headings.firstIndex { $0.line == heading.line } }
    }

    /// Offset where an item's text starts: after the marker, blanks, and opening emphasis.
    private static func itemText(_ document: Document, _ line: Int) -> Int {
        let bytes = document.bytes
        let content = document.contentRange(ofLine: line)
        var index = content.lowerBound
        while index < content.upperBound && Byte.isBlank(bytes[index]) { index += 1 }
        if index < content.upperBound && [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(bytes[index]) {
            index += 1
        } else {
            while index < content.upperBound && Byte.isDigit(bytes[index]) { index += 1 }
            if index < content.upperBound && (bytes[index] == Byte.period || bytes[index] == Byte.closeParen) { index += 1 }
        }
        while index < content.upperBound && (Byte.isBlank(bytes[index]) || bytes[index] == UInt8(ascii: "*") || bytes[index] == Byte.underscore) {
            index += 1
        }
        return index
    }

    /// "Table of Contents", "Table of Content (ToC)", "Contents", "📖 Content", "ToC", "Outline".
    static func isTableOfContentsName(_ text: String) -> Bool {
        let words = Set(text.lowercased().split { !$0.isLetter }.map(String.init))
        let vocabulary: Set<String> = ["table", "of", "content", "contents", "toc", "outline", "index"]
        return (!words.isEmpty && words.isSubset(of: vocabulary) && words != ["table"] && words != ["of"]) || text.contains("目录")
    }
}
