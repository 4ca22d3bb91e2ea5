import PaperLintCore

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
            let closest = best?.distance ?? Int.max
            if distance < closest {
                best = (distance, index)
                isUnique = true
            } else if distance == closest {
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
        guard text.utf8.contains(ASCII.percent) else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            if byte == ASCII.percent, utf8.count >= 3, let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
                utf8 = utf8.dropFirst()
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? text
    }

    /// Values of `id="…"` and `name="…"` attributes anywhere in the file (`<a name="intro"></a>`):
    /// an attribute name after a blank (space, tab or line break) whose first letter is lower
    /// case, then `=` and a quoted value on the same line. A value is skipped whole, so an
    /// attribute inside it counts for nothing.
    static func htmlAnchors(_ bytes: [UInt8]) -> Set<String> {
        var anchors: Set<String> = []
        // Every attribute has its `=`, which paper lists rarely write: memchr finds them, and
        // the name before each is checked (the file's every byte was looked at one by one).
        // A blank before an attribute must lie at or after `resume`: the end of the last value
        // read (its closing quote, or the line break that ended it).
        var resume = 0, from = 0
        while let equals = ASCII.firstIndex(of: ASCII.equals, in: bytes, from: from, to: bytes.count) {
            from = equals + 1
            guard let blank = attributeBlank(bytes, equals: equals), blank >= resume else { continue }
            let quote = equals + 1
            guard quote < bytes.count, bytes[quote] == ASCII.doubleQuote || bytes[quote] == ASCII.singleQuote else { continue }
            var end = quote + 1
            while end < bytes.count && bytes[end] != bytes[quote] && bytes[end] != ASCII.newline { end += 1 }
            if end < bytes.count && bytes[end] == bytes[quote] { anchors.insert(String(decoding: bytes[quote + 1..<end], as: UTF8.self)) }
            resume = end
            from = max(from, end)
        }
        return anchors
    }

    /// The blank before the attribute name that ends at the `=` at `equals` (`id` or `name`,
    /// its first letter lower case, the others in any case), or nil.
    private static func attributeBlank(_ bytes: [UInt8], equals: Int) -> Int? {
        func isBlank(_ index: Int) -> Bool { index >= 0 && (ASCII.isBlank(bytes[index]) || bytes[index] == ASCII.newline) }
        if equals >= 3, bytes[equals - 2] == UInt8(ascii: "i"), ASCII.lowercased(bytes[equals - 1]) == UInt8(ascii: "d"),
            isBlank(equals - 3)
        {
            return equals - 3
        }
        if equals >= 5, bytes[equals - 4] == UInt8(ascii: "n"), ASCII.lowercased(bytes[equals - 3]) == UInt8(ascii: "a"),
            ASCII.lowercased(bytes[equals - 2]) == UInt8(ascii: "m"), ASCII.lowercased(bytes[equals - 1]) == UInt8(ascii: "e"),
            isBlank(equals - 5)
        {
            return equals - 5
        }
        return nil
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
            let isBlank = document.contentRange(ofLine: line).allSatisfy { ASCII.isBlank(document.bytes[$0]) }
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
        while index < content.upperBound && ASCII.isBlank(bytes[index]) { index += 1 }
        if index < content.upperBound && [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(bytes[index]) {
            index += 1
        } else {
            while index < content.upperBound && ASCII.isDigit(bytes[index]) { index += 1 }
            if index < content.upperBound && (bytes[index] == ASCII.period || bytes[index] == ASCII.closeParen) { index += 1 }
        }
        while index < content.upperBound && (ASCII.isBlank(bytes[index]) || bytes[index] == UInt8(ascii: "*") || bytes[index] == ASCII.underscore) {
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
