import PaperLintCore

/// Link destinations that cannot work: empty, doubled scheme, spaces, no scheme, a scheme a
/// README cannot open, unbalanced parentheses, a malformed host.
///
/// Every Markdown link and image outside code and HTML is checked, not only paper entries:
/// these defects break a link wherever it stands. Everything is decided offline from the
/// text; no URL is fetched. `#anchor` links belong to the `toc` rule.
public struct URLRule: Rule {
    public static let description = RuleDescription(
        id: "url",
        defaultSeverity: .error,
        summary: "Link URLs are well-formed web addresses.",
        rationale: """
            Checks every Markdown link and image outside code and HTML blocks, offline: an empty \
            destination (`[[paper]()]`); a doubled scheme (`http://https://…`, fixed by keeping the \
            inner one); spaces inside the URL, which make GitHub render the link as plain text; a \
            missing scheme (`arxiv.org/abs/…`, `www.…`), which GitHub resolves as a path inside the \
            repository; a scheme other than http(s) and mailto (`javascript:`, `file:`, `ftp:`), which \
            GitHub strips or browsers refuse; a `(` that never closes; and a malformed host \
            (no dot, an empty label, a trailing dot, a stray character). An empty link outside a \
            paper entry (`[CoALA]()` in prose) is a warning, and placeholders are left alone: the \
            links of a skeleton entry (`** **` as its title), badges that link nowhere \
            (`[![…](…)]()`), and a template's words in place of a URL (`(arxiv or OpenReview \
            link)`: no `.`, `/` or `:`). Blanks between the parentheses and the URL are legal Markdown, \
            reported only with `taste: [link-padding]`. Paper lists are read through their \
            links, and a broken one costs a reader the paper; each of these is a typo a maintainer \
            fixes once seen. `#anchor` links are checked by the `toc` rule.
            """,
        nonTriggering: URLRuleExamples.nonTriggering,
        triggering: URLRuleExamples.triggering,
        corrections: URLRuleExamples.corrections)

    public init() {}

    public func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let bytes = document.bytes
        // Entries in document order, for the few empty links (found by binary search); skeleton
        // entries (`- [2023/04] ** ** * et al.* [[paper]()]`) wait to be filled in: their empty
        // links are placeholders, not broken links. Worked out only once an empty link is met.
        var entryRanges: (all: [Entry], ranges: [Range<Int>], papers: [Range<Int>])?
        func entries() -> (all: [Entry], ranges: [Range<Int>], papers: [Range<Int>]) {
            if let entryRanges { return entryRanges }
            let all = document.entries
            let computed = (all, all.map(\.range), document.paperEntries(configuration).map(\.range))
            entryRanges = computed
            return computed
        }
        let checksPadding = configuration.taste.contains(.linkPadding)
        // A link's findings lie inside it.
        for link in MarkdownLinks.shared(in: document, configuration) where document.isInFocus(bytes: link.range) {
            if checksPadding, link.kind == .link || link.kind == .image, let padding = padding(bytes, link) { found.append(padding) }
            if link.destination.isEmpty {
                // Placeholders: a badge that links nowhere (`[![…](…)]()`), a skeleton entry's link.
                if link.range.count > 2 && bytes[link.range.lowerBound + 1] == UInt8(ascii: "!") { continue }
                let (all, ranges, _) = entries()
                let at = Self.lastStarting(atOrBefore: link.range.lowerBound, ranges)
                if let at, all[at].range.contains(link.range.lowerBound), let title = all[at].title,
                    !bytes[title.text].contains(where: Self.isAlphanumeric)
                {
                    continue
                }
            }
            guard var problem = problem(bytes, link) else { continue }
            // An empty link in prose (`[CoALA]()`) is a placeholder someone left; in a paper entry it is broken.
            if link.destination.isEmpty {
                let papers = entries().papers
                let at = Self.lastStarting(atOrBefore: link.range.lowerBound, papers)
                if !(at.map { papers[$0].contains(link.range.lowerBound) } ?? false) { problem.severity = .warning }
            }
            found.append(problem)
        }
        return found
    }

    /// The index of the last range (sorted by start) starting at or before `offset`.
    static func lastStarting(atOrBefore offset: Int, _ ranges: [Range<Int>]) -> Int? {
        let after = ranges.partitioningIndex { $0.lowerBound > offset }
        return after == 0 ? nil : after - 1
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        ASCII.isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte >= 0x80
    }

    /// Blanks between `(` and the URL or between the URL and `)`: legal, but noise in diffs.
    private func padding(_ bytes: [UInt8], _ link: MarkdownLink) -> Diagnostic? {
        guard !link.isAngled, !link.destination.isEmpty else { return nil }
        let inner = link.inner
        var trimmedEnd = inner.upperBound
        while trimmedEnd > inner.lowerBound && ASCII.isBlank(bytes[trimmedEnd - 1]) { trimmedEnd -= 1 }
        let leading = inner.lowerBound..<link.destination.lowerBound
        // Only trailing blanks right after the destination: a title keeps its separating blank.
        let trailing = trimmedEnd == link.destination.upperBound ? trimmedEnd..<inner.upperBound : inner.upperBound..<inner.upperBound
        guard !leading.isEmpty || !trailing.isEmpty else { return nil }
        var edits: [Edit] = []
        if !leading.isEmpty { edits.append(Edit(replacing: leading, with: "")) }
        if !trailing.isEmpty { edits.append(Edit(replacing: trailing, with: "")) }
        let range = leading.isEmpty ? trailing : leading
        return Diagnostic(
            rule: Self.self, severity: .warning, range: range, message: "blank inside the link's parentheses",
            help: "write the URL right after `(` and before `)`",
            fix: Fix(.safe, "remove the blanks around the URL", edits: edits))
    }

    /// The first defect of the destination, if any (one per link: the fix of one may reveal the next).
    private func problem(_ bytes: [UInt8], _ link: MarkdownLink) -> Diagnostic? {
        if link.kind == .unclosed { return unclosed(bytes, link) }
        let url = link.destination
        // Most URLs are fine: their text is only built for a message.
        let text = { String(decoding: bytes[url], as: UTF8.self) }
        if url.isEmpty {
            if link.kind == .definition { return nil }
            let parens = link.inner.lowerBound - 1..<link.inner.upperBound + 1
            return Diagnostic(
                rule: Self.self, range: parens, message: "empty link URL",
                help: "put the paper's URL between the parentheses, or remove the link")
        }
        if bytes[url.lowerBound] == ASCII.hash { return nil }
        if let doubled = doubledScheme(bytes, url) {
            let outer = String(decoding: bytes[url.lowerBound..<doubled], as: UTF8.self)
            return Diagnostic(
                rule: Self.self, range: url, message: "doubled scheme in `\(text())`",
                help: "remove the outer `\(outer)`",
                fix: Fix(.safe, "keep the inner scheme", Edit(replacing: url.lowerBound..<doubled, with: "")))
        }
        if let blank = bytes[url].firstIndex(where: ASCII.isBlank), !link.isAngled {
            // Words with no `.`, `/` or `:` are a template's placeholder (`(arxiv or OpenReview
            // link)` in a contributing example), not a URL with a space in it.
            if !bytes[url].contains(where: { $0 == ASCII.period || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") }) { return nil }
            let encoded = text().split(separator: " ", omittingEmptySubsequences: false).joined(separator: "%20")
                .replacingTabs()
            return Diagnostic(
                rule: Self.self, range: blank..<blank + 1, message: "space inside the URL `\(text())`",
                help: "GitHub shows a link with a space as plain text; remove the space or write it as `%20`",
                fix: Fix(.unsafe, "encode the spaces as %20", Edit(replacing: url, with: encoded)))
        }
        return schemeProblem(bytes, url, text: text)
    }

    /// `[[paper](https://…]`: the `(` never closes, so GitHub shows the link as text.
    private func unclosed(_ bytes: [UInt8], _ link: MarkdownLink) -> Diagnostic {
        let paren = link.inner.lowerBound - 1
        var end = link.inner.lowerBound
        while end < link.inner.upperBound && !ASCII.isBlank(bytes[end]) && bytes[end] != ASCII.closeBracket { end += 1 }
        // The URL most likely ends where a `]` follows it directly: close it there.
        let fix = end < link.inner.upperBound && bytes[end] == ASCII.closeBracket && end > link.inner.lowerBound
            ? Fix(.unsafe, "close the parenthesis before `]`", Edit(replacing: end..<end, with: ")")) : nil
        let url = String(decoding: bytes[link.inner.lowerBound..<end], as: UTF8.self)
        return Diagnostic(
            rule: Self.self, range: paren..<paren + 1, message: "unbalanced `(`: the link to `\(url)` never closes",
            help: "add the missing `)` after the URL", fix: fix)
    }

    /// Where the inner URL starts in `http://https://…`, or nil.
    private func doubledScheme(_ bytes: [UInt8], _ url: Range<Int>) -> Int? {
        var inner: Int?
        var index = url.lowerBound
        while let after = Self.webScheme(bytes, at: index, end: url.upperBound), Self.webScheme(bytes, at: after, end: url.upperBound) != nil {
            inner = after
            index = after
        }
        return inner
    }

    /// Just past `http://` or `https://` at `index`.
    static func webScheme(_ bytes: [UInt8], at index: Int, end: Int) -> Int? {
        if ASCII.hasPrefix(bytes, at: index, end: end, "https://") { return index + 8 }
        if ASCII.hasPrefix(bytes, at: index, end: end, "http://") { return index + 7 }
        return nil
    }

    private func schemeProblem(_ bytes: [UInt8], _ url: Range<Int>, text: () -> String) -> Diagnostic? {
        guard let colon = Self.schemeEnd(bytes, url) else {
            guard Self.looksLikeHost(bytes, url) else { return nil }
            return Diagnostic(
                rule: Self.self, range: url, message: "URL without a scheme: `\(text())`",
                help: "GitHub reads it as a file in the repository; start it with `https://`",
                fix: Fix(.unsafe, "add https://", Edit(replacing: url.lowerBound..<url.lowerBound, with: "https://")))
        }
        let scheme = String(decoding: bytes[url.lowerBound..<colon], as: UTF8.self).lowercased()
        switch scheme {
        case "http", "https":
            return hostProblem(bytes, url, afterColon: colon + 1, text: text)
        case "mailto":
            return nil
        default:
            return Diagnostic(
                rule: Self.self, range: url.lowerBound..<colon + 1, message: "`\(scheme):` link: `\(text())`",
                help: "link to the paper over https; GitHub and browsers do not open `\(scheme):` links from a README")
        }
    }

    /// The offset of the `:` ending a scheme (`[A-Za-z][A-Za-z0-9+.-]*:`), or nil.
    static func schemeEnd(_ bytes: [UInt8], _ url: Range<Int>) -> Int? {
        guard ASCII.isLetter(bytes[url.lowerBound]) else { return nil }
        var index = url.lowerBound + 1
        while index < url.upperBound {
            let byte = bytes[index]
            if byte == ASCII.colon { return index }
            guard ASCII.isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == ASCII.hyphen || byte == ASCII.period else { return nil }
            index += 1
        }
        return nil
    }

    /// `www.…` or a first path segment that is a host name with a well-known top-level domain
    /// (`arxiv.org/abs/…`); `docs/setup.md` and `CONTRIBUTING.md` are relative links.
    static func looksLikeHost(_ bytes: [UInt8], _ url: Range<Int>) -> Bool {
        if ASCII.hasPrefix(bytes, at: url.lowerBound, end: url.upperBound, "www.") { return true }
        var end = url.lowerBound
        while end < url.upperBound, ![ASCII.slash, ASCII.questionMark, ASCII.hash].contains(bytes[end]) { end += 1 }
        let labels = bytes[url.lowerBound..<end].split(separator: ASCII.period, omittingEmptySubsequences: false)
        guard labels.count >= 2,
            labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ASCII.isAlphanumeric($0) || $0 == ASCII.hyphen } }),
            let last = labels.last
        else { return false }
        return commonTopLevelDomains.contains(String(decoding: last, as: UTF8.self).lowercased())
    }

    /// Top-level domains seen in paper lists; file extensions (`md`, `py`, `sh`, `pdf`) are left out on purpose.
    static let commonTopLevelDomains: Set<String> = [
        "com", "org", "net", "io", "ai", "edu", "gov", "dev", "app", "info", "xyz", "tech", "site", "page", "co",
        "cc", "me", "ly", "gl", "be", "cn", "uk", "de", "fr", "jp", "kr", "tw", "hk", "sg", "ca", "au", "eu", "nl",
        "ch", "us", "in", "ru", "it", "es", "se", "tv", "so", "to",
    ]

    /// Checks the authority of an http(s) URL after `scheme:`.
    private func hostProblem(_ bytes: [UInt8], _ url: Range<Int>, afterColon: Int, text: () -> String) -> Diagnostic? {
        var slashes = afterColon
        while slashes < url.upperBound && bytes[slashes] == ASCII.slash { slashes += 1 }
        let slashCount = slashes - afterColon
        if slashCount != 2 {
            let scheme = String(decoding: bytes[url.lowerBound..<afterColon], as: UTF8.self)
            return Diagnostic(
                rule: Self.self, range: url, message: "`\(scheme)` followed by \(slashCount) slash\(slashCount == 1 ? "" : "es") in `\(text())`",
                help: "write `\(scheme)//` before the host",
                fix: slashes < url.upperBound
                    ? Fix(.safe, "write two slashes after the scheme", Edit(replacing: afterColon..<slashes, with: "//")) : nil)
        }
        var hostEnd = slashes
        while hostEnd < url.upperBound, bytes[hostEnd] != ASCII.slash, bytes[hostEnd] != ASCII.questionMark, bytes[hostEnd] != ASCII.hash {
            hostEnd += 1
        }
        var hostStart = slashes
        if let at = bytes[slashes..<hostEnd].lastIndex(of: ASCII.at) { hostStart = at + 1 }
        if hostStart < hostEnd && bytes[hostStart] == ASCII.openBracket { return nil }  // IPv6 literal
        if let colon = bytes[hostStart..<hostEnd].lastIndex(of: ASCII.colon) {
            let port = bytes[colon + 1..<hostEnd]
            if port.isEmpty || !port.allSatisfy(ASCII.isDigit) { return malformedHost(url, hostStart..<hostEnd, text, "a port that is not a number") }
            hostEnd = colon
        }
        let host = hostStart..<hostEnd
        let hostText = { String(decoding: bytes[host], as: UTF8.self) }
        if host.isEmpty { return malformedHost(url, host, text, "no host") }
        if let bad = bytes[host].first(where: { $0 < 0x80 && !(ASCII.isAlphanumeric($0) || $0 == ASCII.hyphen || $0 == ASCII.period || $0 == ASCII.underscore) }) {
            return malformedHost(url, host, text, "`\(String(UnicodeScalar(bad)))` in the host `\(hostText())`")
        }
        // The dot-separated labels, counted without splitting: how many, and which are empty.
        var labelCount = 1, emptyBeforeLast = false, labelStart = host.lowerBound
        for index in host where bytes[index] == ASCII.period {
            if index == labelStart { emptyBeforeLast = true }
            labelCount += 1
            labelStart = index + 1
        }
        let lastIsEmpty = labelStart == host.upperBound
        if labelCount >= 3, lastIsEmpty, !emptyBeforeLast {
            return Diagnostic(
                rule: Self.self, range: url, message: "trailing dot in the host `\(hostText())` of `\(text())`",
                help: "remove the dot after the domain",
                fix: Fix(.safe, "remove the trailing dot", Edit(replacing: hostEnd - 1..<hostEnd, with: "")))
        }
        if lastIsEmpty || emptyBeforeLast { return malformedHost(url, host, text, "an empty label in the host `\(hostText())`") }
        if labelCount < 2 && hostText().lowercased() != "localhost" {
            return malformedHost(url, host, text, "the host `\(hostText())` has no domain")
        }
        return nil
    }

    private func malformedHost(_ url: Range<Int>, _ host: Range<Int>, _ text: () -> String, _ what: String) -> Diagnostic {
        Diagnostic(
            rule: Self.self, range: url, message: "malformed host in `\(text())`: \(what)",
            help: "check the address; it should read like `https://example.org/path`")
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "%09")
    }
}
