/// An arXiv identifier read from a URL, with how the URL spells it.
///
///     https://arxiv.org/abs/2310.12345     → 2310.12345, form abs
///     http://export.arxiv.org/pdf/2310.12345v2.pdf → 2310.12345, version 2, form pdf, host export.arxiv.org
///     https://arxiv.org/abs/cs/0112017     → cs/0112017 (old style, no year/month)
public struct ArxivID: Sendable, Hashable {
    public enum Form: String, Sendable, Hashable {
        case abs, pdf, html
    }
    /// The identifier without version: `2310.12345` or `cs/0112017`.
    public var id: String
    public var version: Int?
    public var form: Form
    /// The host as written (`arxiv.org`, `www.arxiv.org`, `export.arxiv.org`).
    public var host: String
    public var scheme: String
    /// True when the URL ends in `.pdf`.
    public var hasPDFSuffix: Bool

    /// Year and month encoded in a new-style id (`2310.12345` → 2023, 10); nil for old-style ids.
    public var yearMonth: (year: Int, month: Int)? {
        let digits = Array(id.utf8.prefix(4))
        guard digits.count == 4, id.utf8.count > 4, Array(id.utf8)[4] == UInt8(ascii: "."),
            digits.allSatisfy({ $0 >= 48 && $0 <= 57 })
        else { return nil }
        let yy = Int(digits[0] - 48) * 10 + Int(digits[1] - 48)
        let mm = Int(digits[2] - 48) * 10 + Int(digits[3] - 48)
        guard (1...12).contains(mm) else { return nil }
        return (2000 + yy, mm)
    }

    /// The canonical URL for `form` (`https://arxiv.org/abs/2310.12345`).
    public func url(form: Form) -> String { "https://arxiv.org/\(form.rawValue)/\(id)" }

    /// Reads an arXiv URL; nil when the URL is not an arXiv abstract, PDF or HTML link.
    public static func parse<C: Collection>(_ url: C) -> ArxivID? where C.Element == UInt8 {
        // Cheap byte checks first: most links are not arXiv links at all.
        let bytes = Array(url)
        var colon = 0
        while colon + 2 < bytes.count && !(bytes[colon] == 0x3A && bytes[colon + 1] == 0x2F && bytes[colon + 2] == 0x2F) {
            colon += 1
        }
        guard colon + 2 < bytes.count, colon == 4 || colon == 5 else { return nil }
        let scheme = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = Substring(String(decoding: bytes[(colon + 3)...], as: UTF8.self))
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let host = String(rest[..<slash]).lowercased()
        guard host == "arxiv.org" || host.hasSuffix(".arxiv.org") else { return nil }
        var path = Substring(rest[rest.index(after: slash)...])
        // Query strings and fragments are not part of the id.
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        let form: Form
        if path.hasPrefix("abs/") { form = .abs } else if path.hasPrefix("pdf/") { form = .pdf } else if path.hasPrefix("html/") { form = .html } else { return nil }
        var id = path.dropFirst(form.rawValue.count + 1)
        while id.hasSuffix("/") { id = id.dropLast() }
        let hasPDFSuffix = id.hasSuffix(".pdf")
        if hasPDFSuffix { id = id.dropLast(4) }
        var version: Int?
        if let v = id.lastIndex(of: "v"), let number = Int(id[id.index(after: v)...]), id[..<v].last?.isNumber == true {
            version = number
            id = id[..<v]
        }
        guard isValid(id) else { return nil }
        return ArxivID(id: String(id), version: version, form: form, host: host, scheme: scheme, hasPDFSuffix: hasPDFSuffix)
    }

    /// `YYMM.NNNN` (April 2007 to December 2014) / `YYMM.NNNNN` (from January 2015), or old
    /// style `archive(.sub)/YYMMNNN` (1991 to March 2007). A month outside 01–12, or a number
    /// of the wrong length for its month, is no arXiv identifier: the link is broken.
    private static func isValid(_ id: Substring) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 4, (4...5).contains(parts[1].count),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        {
            guard let yymm = Int(parts[0]), (1...12).contains(yymm % 100), yymm >= 704 else { return false }
            return parts[1].count == (yymm >= 1501 ? 5 : 4)
        }
        let halves = id.split(separator: "/")
        guard halves.count == 2, halves[1].count == 7, halves[1].allSatisfy({ $0.isASCII && $0.isNumber }),
            !halves[0].isEmpty, halves[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-" || $0 == ".") }),
            let month = Int(halves[1].prefix(4).suffix(2))
        else { return false }
        return (1...12).contains(month)
    }
}
