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
        if let parsed = url.withContiguousStorageIfAvailable({ parse(buffer: $0) }) { return parsed }
        return Array(url).withUnsafeBufferPointer { parse(buffer: $0) }
    }

    /// `parse` on bytes, by offsets: every link of a list goes through here, and most are
    /// not arXiv links, so nothing is allocated before the id is known to be valid.
    private static func parse(buffer bytes: UnsafeBufferPointer<UInt8>) -> ArxivID? {
        let count = bytes.count
        var colon = 0
        while colon + 2 < count && !(bytes[colon] == 0x3A && bytes[colon + 1] == 0x2F && bytes[colon + 2] == 0x2F) {
            colon += 1
        }
        // `http` or `https`, in any letter case.
        guard colon + 2 < count, colon == 4 || colon == 5, hasLowercasedPrefix(bytes, 0, "http"),
            colon == 4 || asciiLowercased(bytes[4]) == UInt8(ascii: "s")
        else { return nil }
        let hostStart = colon + 3
        var slash = hostStart
        while slash < count && bytes[slash] != 0x2F { slash += 1 }
        guard slash < count, isArxivHost(bytes, hostStart..<slash) else { return nil }
        // Query strings and fragments are not part of the id.
        var pathEnd = slash + 1
        while pathEnd < count && bytes[pathEnd] != 0x3F && bytes[pathEnd] != 0x23 { pathEnd += 1 }
        let form: Form
        if hasPrefix(bytes, slash + 1, pathEnd, "abs/") { form = .abs } else if hasPrefix(bytes, slash + 1, pathEnd, "pdf/") {
            form = .pdf
        } else if hasPrefix(bytes, slash + 1, pathEnd, "html/") { form = .html } else { return nil }
        let idStart = slash + 1 + form.rawValue.utf8.count + 1
        var idEnd = pathEnd
        while idEnd > idStart && bytes[idEnd - 1] == 0x2F { idEnd -= 1 }
        let hasPDFSuffix = idEnd - idStart >= 4 && hasPrefix(bytes, idEnd - 4, idEnd, ".pdf")
        if hasPDFSuffix { idEnd -= 4 }
        // A version `vN` after a digit; a non-ASCII character there can only end in an id
        // `isValid` rejects, with or without the suffix.
        var version: Int?
        var v = idEnd - 1
        while v > idStart && bytes[v] != 0x76 { v -= 1 }
        if v > idStart, bytes[v] == 0x76, isDigit(bytes[v - 1]), let number = versionNumber(bytes, (v + 1)..<idEnd) {
            version = number
            idEnd = v
        }
        guard idStart <= idEnd, isValid(bytes, idStart..<idEnd) else { return nil }
        return ArxivID(
            id: String(decoding: UnsafeBufferPointer(rebasing: bytes[idStart..<idEnd]), as: UTF8.self), version: version,
            form: form, host: lowercasedString(bytes, hostStart..<slash),
            scheme: colon == 4 ? "http" : "https", hasPDFSuffix: hasPDFSuffix)
    }

    /// The number after a version's `v`, as `Int` reads its text: digits alone are summed in
    /// place (most versions), anything else goes through `Int(String)`.
    private static func versionNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18, range.allSatisfy({ isDigit(bytes[$0]) }) else {
            return Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
        }
        return range.reduce(0) { $0 * 10 + Int(bytes[$1] - 48) }
    }

    /// The ASCII-lowercased text of `bytes[range]`, made without a copy when it has no upper
    /// case letter (most hosts).
    private static func lowercasedString(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard slice.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else {
            return String(decoding: slice, as: UTF8.self)
        }
        return String(decoding: slice.map(asciiLowercased), as: UTF8.self)
    }

    /// `arxiv.org` or a subdomain of it (`export.arxiv.org`), in any letter case.
    public static func isArxivHost<C: Collection>(_ host: C) -> Bool where C.Element == UInt8 {
        if let known = host.withContiguousStorageIfAvailable({ isArxivHost($0, 0..<$0.count) }) { return known }
        return Array(host).withUnsafeBufferPointer { isArxivHost($0, 0..<$0.count) }
    }

    private static func isArxivHost(_ bytes: UnsafeBufferPointer<UInt8>, _ host: Range<Int>) -> Bool {
        let length = 9  // "arxiv.org"
        guard host.count >= length, hasLowercasedPrefix(bytes, host.upperBound - length, "arxiv.org") else { return false }
        return host.count == length || bytes[host.upperBound - length - 1] == UInt8(ascii: ".")
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ prefix: StaticString) -> Bool {
        guard end - start >= prefix.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        for offset in 0..<expected.count where bytes[start + offset] != expected[offset] { return false }
        return true
    }

    /// `lowercase` at `start`, comparing ASCII letters in any case.
    private static func hasLowercasedPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ lowercase: StaticString) -> Bool {
        guard bytes.count - start >= lowercase.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        for offset in 0..<expected.count where asciiLowercased(bytes[start + offset]) != expected[offset] { return false }
        return true
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `YYMM.NNNN` (April 2007 to December 2014) / `YYMM.NNNNN` (from January 2015), or old
    /// style `archive(.sub)/YYMMNNN` (1991 to March 2007). A month outside 01–12, or a number
    /// of the wrong length for its month, is no arXiv identifier: the link is broken.
    private static func isValid(_ bytes: UnsafeBufferPointer<UInt8>, _ id: Range<Int>) -> Bool {
        // On bytes: every accepted character is ASCII, so byte counts are character counts.
        let number = { (digits: Range<Int>) in digits.reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) } }
        let allDigits = { (range: Range<Int>) in range.allSatisfy { isDigit(bytes[$0]) } }
        if let dot = id.first(where: { bytes[$0] == 0x2E }), !((dot + 1)..<id.upperBound).contains(where: { bytes[$0] == 0x2E }) {
            let yymmDigits = id.lowerBound..<dot, serial = (dot + 1)..<id.upperBound
            if yymmDigits.count == 4, (4...5).contains(serial.count), allDigits(yymmDigits), allDigits(serial) {
                let yymm = number(yymmDigits)
                guard (1...12).contains(yymm % 100), yymm >= 704 else { return false }
                return serial.count == (yymm >= 1501 ? 5 : 4)
            }
        }
        // Old style: exactly two non-empty parts around slashes (`cs/0112017`; empty parts,
        // as in `cs//0112017`, do not count).
        var parts: [Range<Int>] = []
        var partStart = id.lowerBound
        for index in id.lowerBound...id.upperBound where index == id.upperBound || bytes[index] == 0x2F {
            if index > partStart {
                guard parts.count < 2 else { return false }
                parts.append(partStart..<index)
            }
            partStart = index + 1
        }
        guard parts.count == 2, parts[1].count == 7, allDigits(parts[1]),
            parts[0].allSatisfy({ let byte = bytes[$0] | 0x20; return (byte >= 0x61 && byte <= 0x7A) || bytes[$0] == 0x2D || bytes[$0] == 0x2E })
        else { return false }
        let month = number((parts[1].lowerBound + 2)..<(parts[1].lowerBound + 4))
        return (1...12).contains(month)
    }
}
