import PaperLintCore

/// The file's bytes as a text editor should have saved them: no byte-order mark, one kind of
/// line ending, no mojibake, no HTML entities pasted into entries.
public struct EncodingRule: Rule {
    public static let description = RuleDescription(
        id: "encoding",
        defaultSeverity: .error,
        summary: "No byte-order mark, mixed line endings, mojibake or stray HTML entities.",
        rationale: """
            Checks how the text is encoded. A byte-order mark (U+FEFF) at the start or inside the \
            text is invisible and breaks tools that compare lines (safe fix: remove it). Lines \
            ending in CRLF mixed with lines ending in LF make every edit rewrite line endings; the \
            minority is reported (safe fix: convert to the majority). Mojibake, UTF-8 text that was \
            decoded as Windows-1252 or Latin-1 and saved again (`Ã©` for `é`, `ðŸ””` for `🔔`, \
            `â€™` for `’`), is found by mapping a run of such characters back to bytes and decoding \
            those as UTF-8; when that yields a non-ASCII character, the run is replaced by it \
            (safe: the re-decoding is unambiguous). HTML entities in titles and author segments \
            (`&amp;`, `&#39;`) render correctly on GitHub but make the raw list harder to read, \
            search and compare, so they are warnings; a double-escaped one (`&amp;#39;`) shows up \
            literally and is an error. Entities in URLs, code and HTML blocks are left alone. \
            A file that is not valid UTF-8 never reaches this rule: paperlint refuses it before \
            linting (exit 2), naming the line and column of the first bad byte.
            """,
        nonTriggering: EncodingRuleExamples.nonTriggering,
        triggering: EncodingRuleExamples.triggering,
        corrections: EncodingRuleExamples.corrections)

    public init() {}

    public func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        var found: [Diagnostic] = []
        found += byteOrderMarks(document)
        found += lineEndings(document)
        found += mojibake(document)
        found += entities(document, configuration)
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    // MARK: Byte-order marks

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private func byteOrderMarks(_ document: Document) -> [Diagnostic] {
        let bytes = document.bytes
        var found: [Diagnostic] = []
        if bytes.starts(with: Self.byteOrderMark) {
            found.append(Diagnostic(
                rule: Self.self, range: 0..<3, message: "byte-order mark at the start of the file",
                help: "save the file as UTF-8 without BOM",
                fix: Fix(.safe, "remove the byte-order mark", Edit(replacing: 0..<3, with: ""))))
        }
        for line in 1...document.lineCount where !document.isOpaque(line) && document.isInFocus(line, line) {
            let content = document.contentRange(ofLine: line)
            var index = content.lowerBound
            // Only a 0xEF byte can start one: jump from one to the next.
            while index + 2 < content.upperBound {
                guard let lead = ASCII.firstIndex(of: 0xEF, in: bytes, from: index, to: content.upperBound - 2) else { break }
                index = lead
                if index > 0, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
                    found.append(Diagnostic(
                        rule: Self.self, range: index..<index + 3, message: "invisible byte-order mark (U+FEFF) inside the text",
                        help: "remove it; it was probably pasted along with the text",
                        fix: Fix(.safe, "remove the byte-order mark", Edit(replacing: index..<index + 3, with: ""))))
                    index += 3
                } else {
                    index += 1
                }
            }
        }
        return found
    }

    // MARK: Line endings

    private func lineEndings(_ document: Document) -> [Diagnostic] {
        let bytes = document.bytes
        // Most files hold no CR at all: one memchr says so, not a look at every byte.
        guard ASCII.firstIndex(of: ASCII.carriageReturn, in: bytes, from: 0, to: bytes.count) != nil else { return [] }
        var crlf: [Range<Int>] = [], lf: [Range<Int>] = []
        for (offset, byte) in bytes.enumerated() where byte == ASCII.newline {
            if offset > 0 && bytes[offset - 1] == ASCII.carriageReturn { crlf.append(offset - 1..<offset + 1) } else { lf.append(offset..<offset + 1) }
        }
        guard !crlf.isEmpty && !lf.isEmpty else { return [] }
        let total = crlf.count + lf.count
        // Ties go to LF, the ending git and GitHub expect.
        let (minority, majorityName, minorityName, replacement, count) =
            crlf.count > lf.count ? (lf, "CRLF", "LF", "\r\n", crlf.count) : (crlf, "LF", "CRLF", "\n", lf.count)
        return minority.map { range in
            Diagnostic(
                rule: Self.self, range: range,
                message: "\(minorityName) line ending where this file uses \(majorityName) (\(count) of \(total) lines)",
                help: "convert the line ending to \(majorityName), e.g. with your editor's line-ending setting or a .gitattributes `eol`",
                fix: Fix(.safe, "convert to \(majorityName)", Edit(replacing: range, with: replacement)))
        }
    }

    // MARK: Mojibake

    private func mojibake(_ document: Document) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for line in 1...document.lineCount where !document.isOpaque(line) && document.isInFocus(line, line) {
            let content = document.contentRange(ofLine: line)
            guard document.bytes[content].contains(where: { $0 >= 0xC2 }) else { continue }
            for finding in Mojibake.findings(in: document.bytes, content) {
                let text = document.string(finding.range)
                let isMark = finding.decoded == "\u{FEFF}"
                let shown = isMark ? "a byte-order mark" : "`\(finding.decoded)`"
                found.append(Diagnostic(
                    rule: Self.self, range: finding.range,
                    message: "mojibake `\(text)`: UTF-8 text read as Windows-1252; it reads \(shown)",
                    help: "replace it with \(shown) and save the file as UTF-8",
                    fix: Fix(.safe, isMark ? "remove it" : "re-decode as `\(finding.decoded)`",
                             Edit(replacing: finding.range, with: isMark ? "" : finding.decoded))))
            }
        }
        return found
    }

    // MARK: HTML entities

    private func entities(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        let bytes = document.bytes
        var found: [Diagnostic] = []
        // A finding lies in its entry's title or authors: only focused entries can hold one kept.
        for entry in document.paperEntries(configuration) where document.isInFocus(entry) {
            var segments: [(Range<Int>, String)] = []
            if let title = entry.title { segments.append((title.text, "title")) }
            if let authors = entry.authors { segments.append((authors.text, "author segment")) }
            for (range, part) in segments where bytes[range].contains(ASCII.ampersand) {
                var index = range.lowerBound
                while index < range.upperBound {
                    if bytes[index] == ASCII.backtick {
                        index = skipCode(bytes, from: index, end: range.upperBound)
                        continue
                    }
                    guard bytes[index] == ASCII.ampersand, let reference = HTMLEntities.reference(in: bytes, at: index, end: range.upperBound)
                    else {
                        index += 1
                        continue
                    }
                    found.append(diagnostic(for: reference, in: bytes, end: range.upperBound, part: part))
                    index = found.last?.range.upperBound ?? reference.range.upperBound
                }
            }
        }
        return found
    }

    private func diagnostic(for reference: HTMLEntities.Reference, in bytes: [UInt8], end: Int, part: String) -> Diagnostic {
        let written = String(decoding: bytes[reference.range], as: UTF8.self)
        // `&amp;#39;` renders as the text `&#39;`: the entity was escaped twice.
        if reference.scalar == "&", let inner = doubleEscaped(bytes, after: reference, end: end) {
            let range = reference.range.lowerBound..<inner.range.upperBound
            let whole = String(decoding: bytes[range], as: UTF8.self)
            let (replacement, safety) = Self.replacement(for: inner.scalar, followedBy: bytes, at: range.upperBound, end: end)
            return Diagnostic(
                rule: Self.self, range: range,
                message: "double-escaped HTML entity `\(whole)` in the \(part): it shows as `&\(whole.dropFirst(5))`",
                help: "write the character itself", fix: replacement.map { Fix(safety, $0.isEmpty ? "remove it" : "write `\($0)`", Edit(replacing: range, with: $0)) })
        }
        let (replacement, safety) = Self.replacement(for: reference.scalar, followedBy: bytes, at: reference.range.upperBound, end: end)
        return Diagnostic(
            rule: Self.self, severity: .warning, range: reference.range,
            message: "HTML entity `\(written)` in the \(part)",
            help: "write the character itself\(replacement.map { $0.isEmpty ? "" : ": `\($0)`" } ?? "")",
            fix: replacement.map { Fix(safety, $0.isEmpty ? "remove it" : "write `\($0)`", Edit(replacing: reference.range, with: $0)) })
    }

    /// The reference that follows `&amp;` directly (`&amp;#39;` → `&#39;`), read as if the `amp;` were not there.
    private func doubleEscaped(_ bytes: [UInt8], after reference: HTMLEntities.Reference, end: Int) -> HTMLEntities.Reference? {
        guard reference.range.count == 5 else { return nil }  // `&amp;`, not `&#38;`
        let next = reference.range.upperBound
        guard next < end, ASCII.isAlphanumeric(bytes[next]) || bytes[next] == ASCII.hash else { return nil }
        // Reuse the parser by pretending the `;` of `&amp;` were the `&` of the inner reference.
        var copy = Array(bytes[next - 1..<end])
        copy[0] = ASCII.ampersand
        guard let inner = HTMLEntities.reference(in: copy, at: 0, end: copy.count) else { return nil }
        return HTMLEntities.Reference(range: next - 1 + inner.range.lowerBound..<next - 1 + inner.range.upperBound, scalar: inner.scalar)
    }

    /// What to write instead of an entity for `scalar`, and how safe that is; nil when nothing fits.
    static func replacement(for scalar: Unicode.Scalar, followedBy bytes: [UInt8], at next: Int, end: Int) -> (String?, FixSafety) {
        switch scalar.value {
        case 0xA0, 0x2002, 0x2003, 0x2009:
            return (" ", .unsafe)  // a space the author probably meant; the entity was not breaking
        case 0xAD, 0x200B:
            return ("", .unsafe)  // soft hyphen, zero-width space: invisible
        default:
            break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .surrogate, .unassigned, .privateUse:
            return (nil, .unsafe)
        default:
            break
        }
        let character = String(scalar)
        switch scalar {
        case "&":
            // `&amp;x;` must not become `&x;`, which a renderer may read as an entity.
            return (character, formsReference(bytes, at: next, end: end) ? .unsafe : .safe)
        case "<", ">", "*", "_", "[", "]", "\\", "`", "|", "~", "#", "!", "(", ")":
            return (character, .unsafe)  // Markdown or HTML syntax once written literally
        default:
            return (character, .safe)
        }
    }

    /// True when `bytes[at...]` reads `name;` or `#digits;`: an `&` before it would start a reference.
    private static func formsReference(_ bytes: [UInt8], at start: Int, end: Int) -> Bool {
        var index = start
        if index < end && bytes[index] == ASCII.hash { index += 1 }
        let nameStart = index
        while index < end && index - nameStart <= 32 && ASCII.isAlphanumeric(bytes[index]) { index += 1 }
        return index > nameStart && index < end && bytes[index] == ASCII.semicolon
    }

    private func skipCode(_ bytes: [UInt8], from index: Int, end: Int) -> Int {
        var close = index + 1
        while close < end && bytes[close] != ASCII.backtick { close += 1 }
        return close < end ? close + 1 : index + 1
    }
}
