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
        // Bytes up to the id (most links are not arXiv links at all); strings only for the id.
        let bytes = Array(url)
        var colon = 0
        while colon + 2 < bytes.count && !(bytes[colon] == 0x3A && bytes[colon + 1] == 0x2F && bytes[colon + 2] == 0x2F) {
            colon += 1
        }
        guard colon + 2 < bytes.count, colon == 4 || colon == 5 else { return nil }
        let scheme = bytes[..<colon].map(asciiLowercased)
        guard scheme.elementsEqual("http".utf8) || scheme.elementsEqual("https".utf8) else { return nil }
        let hostStart = colon + 3
        guard let slash = bytes[hostStart...].firstIndex(of: 0x2F) else { return nil }
        let host = bytes[hostStart..<slash].map(asciiLowercased)
        guard isArxivHost(host) else { return nil }
        // Query strings and fragments are not part of the id.
        let pathEnd = bytes[(slash + 1)...].firstIndex { $0 == 0x3F || $0 == 0x23 } ?? bytes.count
        let path = bytes[(slash + 1)..<pathEnd]
        let form: Form
        if path.starts(with: "abs/".utf8) { form = .abs } else if path.starts(with: "pdf/".utf8) { form = .pdf } else if path.starts(with: "html/".utf8) { form = .html } else { return nil }
        var idBytes = path.dropFirst(form.rawValue.utf8.count + 1)
        while idBytes.last == 0x2F { idBytes = idBytes.dropLast() }
        let hasPDFSuffix = idBytes.count >= 4 && idBytes.suffix(4).elementsEqual(".pdf".utf8)
        if hasPDFSuffix { idBytes = idBytes.dropLast(4) }
        // A version `vN` after a digit; a non-ASCII character there can only end in an id
        // `isValid` rejects, with or without the suffix.
        var version: Int?
        if let v = idBytes.lastIndex(of: 0x76), v > idBytes.startIndex, idBytes[v - 1] >= 0x30, idBytes[v - 1] <= 0x39,
            let number = Int(String(decoding: idBytes[(v + 1)...], as: UTF8.self))
        {
            version = number
            idBytes = idBytes[..<v]
        }
        guard isValid(idBytes) else { return nil }
        return ArxivID(
            id: String(decoding: idBytes, as: UTF8.self), version: version, form: form, host: String(decoding: host, as: UTF8.self),
            scheme: String(decoding: scheme, as: UTF8.self), hasPDFSuffix: hasPDFSuffix)
    }

    /// `arxiv.org` or a subdomain of it (`export.arxiv.org`), in any letter case.
    public static func isArxivHost<C: Collection>(_ host: C) -> Bool where C.Element == UInt8 {
        let arxiv = "arxiv.org".utf8
        guard host.count >= arxiv.count, host.suffix(arxiv.count).map(asciiLowercased).elementsEqual(arxiv) else { return false }
        return host.count == arxiv.count || host.dropLast(arxiv.count).last == UInt8(ascii: ".")
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// `YYMM.NNNN` (April 2007 to December 2014) / `YYMM.NNNNN` (from January 2015), or old
    /// style `archive(.sub)/YYMMNNN` (1991 to March 2007). A month outside 01–12, or a number
    /// of the wrong length for its month, is no arXiv identifier: the link is broken.
    private static func isValid(_ id: ArraySlice<UInt8>) -> Bool {
        // On bytes: every accepted character is ASCII, so byte counts are character counts.
        let bytes = Array(id)
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        let number = { (digits: ArraySlice<UInt8>) in digits.reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        if let dot = bytes.firstIndex(of: 0x2E), !bytes[(dot + 1)...].contains(0x2E) {
            let yymmDigits = bytes[..<dot], serial = bytes[(dot + 1)...]
            if yymmDigits.count == 4, (4...5).contains(serial.count), yymmDigits.allSatisfy(isDigit), serial.allSatisfy(isDigit) {
                let yymm = number(yymmDigits)
                guard (1...12).contains(yymm % 100), yymm >= 704 else { return false }
                return serial.count == (yymm >= 1501 ? 5 : 4)
            }
        }
        let halves = bytes.split(separator: 0x2F)
        guard halves.count == 2, halves[1].count == 7, halves[1].allSatisfy(isDigit), !halves[0].isEmpty,
            halves[0].allSatisfy({ ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2D || $0 == 0x2E })
        else { return false }
        return (1...12).contains(number(halves[1].dropFirst(2).prefix(2)))
    }
}
