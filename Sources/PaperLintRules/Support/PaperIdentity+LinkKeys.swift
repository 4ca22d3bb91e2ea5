import PaperLintCore

/// The key a paper link reduces to: its arXiv id, DOI or normalised URL.
extension PaperIdentity {
    /// The key of a paper URL: its arXiv id (any URL form, any version, or an arXiv DOI),
    /// else its DOI, else the normalised URL; nil for an empty or scheme-less URL.
    static func linkKey<C: Collection>(_ url: C) -> LinkKey? where C.Element == UInt8 {
        // One array of the URL for the three readers (each takes an array as it is).
        let url = Array(url)
        if let id = arxivID(url) { return LinkKey(kind: .arxiv, value: id) }
        if let doi = doi(url) { return LinkKey(kind: .doi, value: doi) }
        return normalizedURL(url).map { LinkKey(kind: .url, value: $0) }
    }

    /// The arXiv id (no version) of an arXiv URL (as `ArxivID.parse` reads it), or of a DOI
    /// link `10.48550/arXiv.ID`.
    static func arxivID<C: Collection>(_ url: C) -> String? where C.Element == UInt8 {
        let bytes = Array(url)
        if let id = commonArxivID(bytes) { return id }
        if let parsed = ArxivID.parse(bytes) { return parsed.id }
        guard let doi = doi(bytes), doi.hasPrefix("10.48550/arxiv.") else { return nil }
        let id = doi.dropFirst("10.48550/arxiv.".count)
        return ArxivID.parse(Array("https://arxiv.org/abs/\(id)".utf8))?.id
    }

    /// The year and month a new-style id encodes (`2310.15896` → 2023/10); nil otherwise.
    static func arxivMonth(_ id: String) -> YearMonth? {
        // Read in place (ids are small strings): an array of the bytes was an allocation per call.
        var id = id
        return id.withUTF8 { bytes -> YearMonth? in
            guard bytes.count > 5, bytes[4] == UInt8(ascii: "."), bytes[0..<4].allSatisfy(isDigit) else { return nil }
            let month = Int(bytes[2] - 48) * 10 + Int(bytes[3] - 48)
            guard (1...12).contains(month) else { return nil }
            return YearMonth(year: 2000 + Int(bytes[0] - 48) * 10 + Int(bytes[1] - 48), month: month)
        }
    }

    /// The usual arXiv link, read without building strings:
    /// `http(s)://[sub.]arxiv.org/(abs|pdf|html)/YYMM.NNNNN[vN][.pdf][/]`. Anything else
    /// (old-style ids, queries, odd spellings) is left to `ArxivID.parse`, which agrees on
    /// these links and is slower.
    private static func commonArxivID(_ bytes: [UInt8]) -> String? {
        guard let start = schemeEnd(bytes) else { return nil }
        // Compared in place, case-insensitively: this runs on every entry's paper link.
        let schemeLength = start - 3
        guard schemeLength == 4 || schemeLength == 5, ASCII.hasPrefix(bytes, at: 0, end: start - 3, schemeLength == 4 ? "http" : "https")
        else { return nil }
        var hostEnd = start
        while hostEnd < bytes.count && bytes[hostEnd] != UInt8(ascii: "/") { hostEnd += 1 }
        let suffix = hostEnd - 9  // "arxiv.org"
        // A host alone (`https://arxiv.org`, a placeholder link) has no id, and no path to read past it.
        guard hostEnd < bytes.count, suffix >= start, ASCII.hasPrefix(bytes, at: suffix, end: hostEnd, "arxiv.org"),
            suffix == start || bytes[suffix - 1] == UInt8(ascii: ".")
        else { return nil }
        var index = hostEnd + 1
        var form = index
        while form < bytes.count && isLetter(bytes[form]) { form += 1 }
        let length = form - index
        guard form < bytes.count, bytes[form] == UInt8(ascii: "/"),
            articleForms.contains(where: { $0.utf8CodeUnitCount == length && ASCII.hasPrefix(bytes, at: index, end: form, $0, ignoringCase: false) })
        else { return nil }
        index = form + 1
        let idStart = index
        var digits = 0
        while index < bytes.count && isDigit(bytes[index]) { index += 1; digits += 1 }
        guard digits == 4, index < bytes.count, bytes[index] == UInt8(ascii: ".") else { return nil }
        index += 1
        digits = 0
        while index < bytes.count && isDigit(bytes[index]) { index += 1; digits += 1 }
        // The same validity as `ArxivID.parse`: a real month, ids from 0704 on, four digits
        // after the dot until 2014 and five from 2015.
        let yymm = bytes[idStart..<idStart + 4].reduce(0) { $0 * 10 + Int($1 - 48) }
        guard (1...12).contains(yymm % 100), yymm >= 704, digits == (yymm >= 1501 ? 5 : 4) else { return nil }
        let idEnd = index
        // What may follow: a version, `.pdf`, slashes; nothing else.
        if index < bytes.count && bytes[index] == UInt8(ascii: "v") {
            var versionEnd = index + 1
            while versionEnd < bytes.count && isDigit(bytes[versionEnd]) { versionEnd += 1 }
            guard versionEnd > index + 1 else { return nil }
            index = versionEnd
        }
        if ASCII.hasPrefix(bytes, at: index, end: bytes.count, ".pdf", ignoringCase: false) { index += 4 }
        while index < bytes.count && bytes[index] == UInt8(ascii: "/") { index += 1 }
        guard index == bytes.count else { return nil }
        return String(decoding: bytes[idStart..<idEnd], as: UTF8.self)
    }

    /// The path segments before an arXiv article id, as `commonArxivID` reads them (case matters).
    private static let articleForms: [StaticString] = ["abs", "pdf", "html"]

    /// A DOI inside a URL, lowercased (DOIs are case-insensitive): after `doi.org/`, or a path
    /// segment `10.NNNN/…` (`dl.acm.org/doi/pdf/10.1145/3586183.3606763`). Query, fragment
    /// and a final `.pdf`/`.full`/`/` are not part of it.
    static func doi<C: Collection>(_ url: C) -> String? where C.Element == UInt8 {
        let bytes = Array(url)
        guard let schemeEnd = schemeEnd(bytes) else { return nil }
        var end = bytes.count
        if let cut = bytes[schemeEnd...].firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            end = cut
        }
        // A path segment that starts `10.` + at least four digits + `/`.
        var index = schemeEnd
        while index < end {
            if bytes[index] == UInt8(ascii: "/") {
                let start = index + 1
                if start + 3 < end, bytes[start] == UInt8(ascii: "1"), bytes[start + 1] == UInt8(ascii: "0"),
                    bytes[start + 2] == UInt8(ascii: ".")
                {
                    var digitsEnd = start + 3
                    while digitsEnd < end && isDigit(bytes[digitsEnd]) { digitsEnd += 1 }
                    if digitsEnd - (start + 3) >= 4, digitsEnd < end, bytes[digitsEnd] == UInt8(ascii: "/"),
                        digitsEnd + 1 < end
                    {
                        var suffix = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
                        for tail in ["/", ".pdf", ".full", ".abstract", "/"] where suffix.hasSuffix(tail) {
                            suffix.removeLast(tail.count)
                        }
                        return suffix
                    }
                }
            }
            index += 1
        }
        return nil
    }

    /// `https://www.Example.org/papers/x.pdf/#top` → `example.org/papers/x`: scheme dropped
    /// (http and https name the same page), host lowercased without `www.`, fragment, final
    /// `/` and `.pdf` removed; the query is kept (`openreview.net/forum?id=…`).
    static func normalizedURL<C: Collection>(_ url: C) -> String? where C.Element == UInt8 {
        let bytes = Array(url)
        guard let start = schemeEnd(bytes) else { return nil }
        var end = bytes.count
        if let hash = bytes[start...].firstIndex(of: UInt8(ascii: "#")) { end = hash }
        var hostEnd = start
        while hostEnd < end && bytes[hostEnd] != UInt8(ascii: "/") && bytes[hostEnd] != UInt8(ascii: "?") { hostEnd += 1 }
        var host = String(decoding: bytes[start..<hostEnd], as: UTF8.self).lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        guard !host.isEmpty else { return nil }
        var queryStart = end
        if let question = bytes[hostEnd..<end].firstIndex(of: UInt8(ascii: "?")) { queryStart = question }
        var path = String(decoding: bytes[hostEnd..<queryStart], as: UTF8.self)
        while path.hasSuffix("/") { path.removeLast() }
        if path.lowercased().hasSuffix(".pdf") { path.removeLast(4) }
        while path.hasSuffix("/") { path.removeLast() }
        let query = String(decoding: bytes[queryStart..<end], as: UTF8.self)
        return host + path + (query == "?" ? "" : query)
    }

    /// Offset after `scheme://`, nil when the URL has none.
    static func schemeEnd(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count && (isLetter(bytes[index]) || bytes[index] == UInt8(ascii: "+")
            || bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "."))
        {
            index += 1
        }
        guard index > 0, index + 2 < bytes.count, bytes[index] == UInt8(ascii: ":"),
            bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/")
        else { return nil }
        return index + 3
    }
}
