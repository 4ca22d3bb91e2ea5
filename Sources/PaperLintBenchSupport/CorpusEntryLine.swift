import PaperLintCore

/// What the corpus harness counts as a paper entry, and how it names a paper across edits.
///
/// Deliberately independent of paperlint's own parser (which is what the harness measures, and
/// which changes): a line-level heuristic any list can be read with.
///
/// An **entry line** is a line
/// 1. outside fenced code blocks (``` or ~~~, three or more, closed by the same character at
///    least as long; an unclosed fence runs to the end of the file),
/// 2. whose first non-blank characters are a list marker — `-`, `*` or `+`, or 1–9 digits and
///    `.` or `)` — followed by a space or tab (so table rows, headings, quotes, rules such as
///    `---` and plain paragraphs are not entries),
/// 3. that contains a Markdown link `](target)` whose target is `http://`/`https://` or relative
///    (not empty, not a `#anchor`, no `scheme:` such as `mailto:`), or a `[[label]]`,
/// 4. and that has a year 1900–2099 — four digits starting `19` or `20` with no digit on either
///    side — in its text outside link targets (a year only inside a URL, as in an arXiv id,
///    does not make a line dated).
///
/// Known misses, accepted: a dated News line with a link counts as an entry; an undated entry
/// does not.
public enum CorpusEntryLine {
    /// Whether `line` (one line, without its line end) reads as an entry, ignoring fences.
    public static func isEntry<S: StringProtocol>(_ line: S) -> Bool {
        let bytes = Array(line.utf8)
        guard let afterMarker = listMarkerEnd(bytes) else { return false }
        let rest = bytes[afterMarker...]
        var outside: [UInt8] = []  // the text with link targets blanked out, for the year
        outside.reserveCapacity(rest.count)
        var hasLink = false
        var i = rest.startIndex
        while i < rest.endIndex {
            if rest[i] == UInt8(ascii: "]"), i + 1 < rest.endIndex, rest[i + 1] == UInt8(ascii: "(") {
                let start = i + 2
                var end = start
                var depth = 0
                while end < rest.endIndex {
                    let c = rest[end]
                    if c == UInt8(ascii: "(") { depth += 1 } else if c == UInt8(ascii: ")") {
                        if depth == 0 { break }
                        depth -= 1
                    }
                    end += 1
                }
                if isPaperTarget(rest[start..<end]) { hasLink = true }
                outside.append(UInt8(ascii: "]"))
                outside.append(UInt8(ascii: " "))
                i = end
                continue
            }
            outside.append(rest[i])
            i += 1
        }
        if !hasLink { hasLink = containsDoubleBracketLabel(rest) }
        return hasLink && containsYear(outside)
    }

    /// One flag per line of `lines` (without line ends): whether it is an entry line, fences considered.
    public static func flags<S: StringProtocol>(_ lines: [S]) -> [Bool] {
        var fence: (byte: UInt8, length: Int)? = nil
        return lines.map { line in
            let bytes = Array(line.utf8)
            let run = fenceRun(bytes)
            if let open = fence {
                if let run, run.byte == open.byte, run.length >= open.length, run.restIsBlank { fence = nil }
                return false
            }
            if let run {
                fence = (run.byte, run.length)
                return false
            }
            return isEntry(line)
        }
    }

    /// The 1-based numbers of the entry lines of `text`.
    public static func entryLineNumbers(in bytes: [UInt8]) -> [Int] {
        flags(CorpusText.lines(bytes)).enumerated().compactMap { $0.element ? $0.offset + 1 : nil }
    }

    /// The paper a line is about, stable under rewording: the first new-style arXiv id
    /// (`\d{4}\.\d{4,5}`, no digit around it), else the first `http(s)://` URL (up to a blank,
    /// `)`, `]` or `>`), else the title — the first `**bold**` span, or failing that the line
    /// without its list marker and link targets — lowercased with everything but letters and
    /// digits removed.
    public static func paperKey<S: StringProtocol>(_ line: S) -> String {
        let bytes = Array(line.utf8)
        if let id = firstArxivID(bytes) { return "arxiv:" + id }
        if let url = firstURL(bytes) { return "url:" + url }
        return "title:" + normalizedTitle(bytes)
    }

    // MARK: Pieces

    static func isBlank(_ c: UInt8) -> Bool { c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") }
    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    /// The index after a list marker and its blank, or nil when the line does not start with one.
    static func listMarkerEnd(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count, isBlank(bytes[i]) { i += 1 }
        guard i < bytes.count else { return nil }
        let c = bytes[i]
        if c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "+") {
            return i + 1 < bytes.count && isBlank(bytes[i + 1]) ? i + 2 : nil
        }
        var j = i
        while j < bytes.count, isDigit(bytes[j]) { j += 1 }
        guard j > i, j - i <= 9, j + 1 < bytes.count else { return nil }
        guard bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: ")"), isBlank(bytes[j + 1]) else { return nil }
        return j + 2
    }

    /// http(s) or relative: not empty, not `#anchor`, no `scheme:` before the first `/`.
    static func isPaperTarget(_ target: ArraySlice<UInt8>) -> Bool {
        var t = target.drop(while: isBlank)
        if t.first == UInt8(ascii: "<") { t = t.dropFirst() }
        guard let first = t.first, !isBlank(first), first != UInt8(ascii: "#") else { return false }
        let lower = String(decoding: t.prefix(8), as: UTF8.self).lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return true }
        for c in t {
            if c == UInt8(ascii: "/") || c == UInt8(ascii: "?") || c == UInt8(ascii: "#") || isBlank(c) { break }
            if c == UInt8(ascii: ":") { return false }
        }
        return true
    }

    static func containsDoubleBracketLabel(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            if bytes[i] == UInt8(ascii: "["), bytes[i + 1] == UInt8(ascii: "[") {
                var j = i + 2
                while j + 1 < bytes.endIndex, bytes[j] != UInt8(ascii: "[") {
                    if bytes[j] == UInt8(ascii: "]") {
                        if bytes[j + 1] == UInt8(ascii: "]") && j > i + 2 { return true }
                        break
                    }
                    j += 1
                }
            }
            i += 1
        }
        return false
    }

    static func containsYear(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        for i in 0...(bytes.count - 4) {
            guard bytes[i] == UInt8(ascii: "1") && bytes[i + 1] == UInt8(ascii: "9")
                || bytes[i] == UInt8(ascii: "2") && bytes[i + 1] == UInt8(ascii: "0") else { continue }
            guard isDigit(bytes[i + 2]), isDigit(bytes[i + 3]) else { continue }
            if i > 0, isDigit(bytes[i - 1]) { continue }
            if i + 4 < bytes.count, isDigit(bytes[i + 4]) { continue }
            return true
        }
        return false
    }

    /// A fence opener or closer: its character, length, and whether only blanks follow it.
    static func fenceRun(_ bytes: [UInt8]) -> (byte: UInt8, length: Int, restIsBlank: Bool)? {
        var i = 0
        while i < bytes.count, isBlank(bytes[i]) { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "`") || bytes[i] == UInt8(ascii: "~") else { return nil }
        let c = bytes[i]
        var j = i
        while j < bytes.count, bytes[j] == c { j += 1 }
        guard j - i >= 3 else { return nil }
        let rest = bytes[j...]
        // A backtick fence's info string cannot hold a backtick (then it is inline code).
        if c == UInt8(ascii: "`"), rest.contains(UInt8(ascii: "`")) { return nil }
        return (c, j - i, rest.allSatisfy { isBlank($0) || $0 == UInt8(ascii: "\r") })
    }

    static func firstArxivID(_ bytes: [UInt8]) -> String? {
        var i = 0
        while i + 9 <= bytes.count {
            if (i == 0 || !isDigit(bytes[i - 1])), bytes[i..<i + 4].allSatisfy(isDigit), bytes[i + 4] == UInt8(ascii: ".") {
                var j = i + 5
                while j < bytes.count, isDigit(bytes[j]) { j += 1 }
                if j - (i + 5) == 4 || j - (i + 5) == 5 { return String(decoding: bytes[i..<j], as: UTF8.self) }
            }
            i += 1
        }
        return nil
    }

    static func firstURL(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        let starts = ["https://", "http://"].compactMap { text.range(of: $0)?.lowerBound }
        guard let from = starts.min() else { return nil }
        return String(text[from...].prefix { !" \t)]>".contains($0) })
    }

    static func normalizedTitle(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        if let open = text.range(of: "**"), let close = text.range(of: "**", range: open.upperBound..<text.endIndex) {
            let bold = alphanumerics(text[open.upperBound..<close.lowerBound])
            if !bold.isEmpty { return bold }
        }
        var stripped: [UInt8] = []
        var i = listMarkerEnd(bytes) ?? 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "]"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "(") {
                i += 2
                while i < bytes.count, bytes[i] != UInt8(ascii: ")") { i += 1 }
                i += 1
                continue
            }
            stripped.append(bytes[i])
            i += 1
        }
        return alphanumerics(String(decoding: stripped, as: UTF8.self)[...])
    }

    static func alphanumerics(_ text: Substring) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }
}

/// Line splitting and hashing shared by the harness.
public enum CorpusText {
    /// The lines of `bytes` as git numbers them: split at `\n`, a `\r` before it dropped, no
    /// empty line after a final `\n`; invalid UTF-8 decoded with replacement characters.
    public static func lines(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        var start = 0
        for i in bytes.indices where bytes[i] == 10 {
            let end = i > start && bytes[i - 1] == 13 ? i - 1 : i
            lines.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = i + 1
        }
        if start < bytes.count {
            let end = bytes.last == 13 ? bytes.count - 1 : bytes.count
            lines.append(String(decoding: bytes[start..<end], as: UTF8.self))
        }
        return lines
    }

    /// 64-bit FNV-1a of the UTF-8 bytes, as 16 hex digits: stable across runs and platforms.
    public static func fnv1a64<S: StringProtocol>(_ text: S) -> String { FNV1a.hex(text) }

    /// How many times `](http` occurs: the URL links of a list.
    public static func urlLinkCount(_ bytes: [UInt8]) -> Int {
        let needle = Array("](http".utf8)
        guard bytes.count >= needle.count else { return 0 }
        var count = 0
        for i in 0...(bytes.count - needle.count) where bytes[i] == needle[0] && bytes[i + 1] == needle[1] {
            if Array(bytes[i..<i + needle.count]) == needle { count += 1 }
        }
        return count
    }
}
