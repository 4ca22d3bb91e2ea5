import PaperLintCore

// Pieces the CI reporters share: positions in other units, the text a fix produces, and
// Markdown escaping. Each reporter stays a pure function of the report.

extension Document {
    /// The byte offset of a 1-based line and Unicode-scalar column (the inverse of `position(of:)`);
    /// a column past the end of the line's content stops at the end of the line's content.
    func offset(of position: SourcePosition) -> Int {
        guard position.line >= 1 && position.line <= lineCount else { return bytes.count }
        let content = contentRange(ofLine: position.line)
        // Across the line's ASCII start, a column is a byte: jump there, then walk scalars.
        let ascii = ASCII.endOfASCII(bytes, from: content.lowerBound, to: content.upperBound) - content.lowerBound
        let jump = max(0, min(position.column - 1, ascii))
        var index = content.lowerBound + jump
        var column = 1 + jump
        while index < content.upperBound && column < position.column {
            index += 1
            while index < content.upperBound && bytes[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        // An end at column 1 of the line after the last one (a whole-file edit) is the end.
        return column < position.column ? fullRange(ofLine: position.line).upperBound : index
    }

    /// The 1-based column of `position` counted in UTF-8 bytes (reviewdog's unit).
    func utf8Column(of position: SourcePosition) -> Int {
        guard position.line >= 1 && position.line <= lineCount else { return position.column }
        return offset(of: position) - lineStarts[position.line - 1] + 1
    }

    /// `offset(of: position)` where `position` was read from the byte offset `hint`: the hint
    /// itself when it starts a column of the position's line (or ends its content), which then
    /// is exactly what the walk along the line would find; the walk otherwise (an offset
    /// inside the line break).
    func offset(of position: SourcePosition, hint: Int) -> Int {
        startsColumn(hint, line: position.line) ? hint : offset(of: position)
    }

    /// `utf8Column(of: position)` for a position read from the byte offset `hint`.
    func utf8Column(of position: SourcePosition, hint: Int) -> Int {
        guard startsColumn(hint, line: position.line) else { return utf8Column(of: position) }
        return hint - lineStarts[position.line - 1] + 1
    }

    private func startsColumn(_ offset: Int, line: Int) -> Bool {
        guard line >= 1 && line <= lineCount else { return false }
        let content = contentRange(ofLine: line)
        return offset >= content.lowerBound && offset <= content.upperBound
            && (offset == bytes.count || bytes[offset] & 0xC0 != 0x80)
    }
}

extension ReportedDiagnostic {
    /// The last line the finding covers (an end at column 1 of the next line does not count).
    func lastLine(in document: Document) -> Int { lineSpan(in: document).upperBound }

    /// The fix's edits as byte ranges of `document`, in order.
    func editRanges(in document: Document) -> [(range: Range<Int>, replacement: String)] {
        (fix?.edits ?? []).map { edit in
            let lower = document.offset(of: edit.start, hint: edit.byteRange.lowerBound)
            return (lower..<max(lower, document.offset(of: edit.end, hint: edit.byteRange.upperBound)), edit.replacement)
        }
    }

    /// For a safe fix: the span from the first edit's start to the last edit's end, and the
    /// text that span holds once the fix is applied. nil without a safe fix.
    func safeReplacement(in document: Document) -> (start: ReportedEdit, end: ReportedEdit, text: String)? {
        guard let fix, fix.safety == .safe, let first = fix.edits.first, let last = fix.edits.last else { return nil }
        let edits = editRanges(in: document)
        let span = edits[0].range.lowerBound..<max(edits[0].range.lowerBound, edits[edits.count - 1].range.upperBound)
        return (first, last, Self.applying(edits, to: document, within: span))
    }

    /// For a safe fix: the lines it touches (together with the finding's own lines) and their
    /// full text once the fix is applied, without the final line break; nil without a safe fix
    /// or when the fix joins the last line with the next one (no whole-line replacement exists).
    func safeFixedLines(in document: Document) -> (lines: ClosedRange<Int>, text: String)? {
        guard let fix, fix.safety == .safe, !fix.edits.isEmpty else { return nil }
        let edits = editRanges(in: document)
        var first = lineSpan(in: document).lowerBound
        var last = lineSpan(in: document).upperBound
        for edit in edits {
            first = min(first, document.line(containing: edit.range.lowerBound))
            let end = edit.range.isEmpty ? edit.range.lowerBound : edit.range.upperBound - 1
            last = max(last, document.line(containing: end))
        }
        let region = document.lineStarts[first - 1]..<document.fullRange(ofLine: last).upperBound
        guard edits.allSatisfy({ $0.range.lowerBound >= region.lowerBound && $0.range.upperBound <= region.upperBound }) else {
            return nil
        }
        return Self.fixedLines(edits, region: region, in: document).map { (first...last, $0) }
    }

    /// The text of the whole lines `region` once `edits` (inside it, in order, not
    /// overlapping) are applied, without the final line break; nil when the edits join the
    /// last line with the next one (no whole-line replacement exists).
    static func fixedLines(
        _ edits: [(range: Range<Int>, replacement: String)], region: Range<Int>, in document: Document
    ) -> String? {
        let original = document.string(region)
        var fixed = applying(edits, to: document, within: region)
        let terminators = ["\r\n", "\n", "\r"]
        if let ending = terminators.first(where: { original.hasSuffix($0) }) {
            if fixed.hasSuffix(ending) {
                fixed.removeLast()  // "\r\n" is one Character
            } else if !fixed.isEmpty {
                return nil
            }
        }
        return fixed
    }

    /// The text of `span` once `edits` (inside it) are applied.
    private static func applying(_ edits: [(range: Range<Int>, replacement: String)], to document: Document, within span: Range<Int>) -> String {
        let fix = Fix(.safe, "", edits: edits.map { Edit(replacing: $0.range, with: $0.replacement) })
        return String(decoding: fix.applied(to: document.bytes, within: span), as: UTF8.self)
    }
}

extension Severity {
    /// "error", "warning" or "note" with a count: `3 errors`.
    func counted(_ count: Int) -> String { "\(count) \(noun(count))" }

    /// "error" or "errors" (info findings are "notes", as the text format calls them).
    func noun(_ count: Int) -> String {
        (self == .info ? "note" : rawValue) + (count == 1 ? "" : "s")
    }
}

/// GitHub-flavoured Markdown helpers for the summary and review formats.
enum Markdown {
    /// Message text as inline Markdown: code spans (paperlint's messages quote source in
    /// backticks) stay code; outside them Markdown punctuation is backslash-escaped, so a
    /// message quoting `**Title**` or `<!-- … -->` reads as written instead of rendering.
    /// In a table cell `|` is escaped even inside code spans (GFM splits cells first) and
    /// line breaks become `<br>`; elsewhere they stay line breaks.
    static func inline(_ text: String, inTable: Bool = true) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var index = 0
        func lineBreak() -> String { inTable ? "<br>" : "\n" }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "`" {
                var run = 0
                while index + run < scalars.count && scalars[index + run] == "`" { run += 1 }
                if let close = closingRun(scalars, from: index + run, length: run) {
                    out += String(repeating: "`", count: run)
                    for inner in scalars[(index + run)..<close] {
                        switch inner {
                        case "|" where inTable: out += "\\|"
                        case "\r", "\n": out += " "
                        default: out.unicodeScalars.append(inner)
                        }
                    }
                    out += String(repeating: "`", count: run)
                    index = close + run
                } else {
                    out += String(repeating: "\\`", count: run)
                    index += run
                }
                continue
            }
            switch scalar {
            case "\r":
                out += lineBreak()
                if index + 1 < scalars.count && scalars[index + 1] == "\n" { index += 1 }
            case "\n": out += lineBreak()
            case "\\", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#", "!": out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
            index += 1
        }
        return out
    }

    /// Where a backtick run of exactly `length` starts at or after `from`, if any.
    private static func closingRun(_ scalars: [Unicode.Scalar], from: Int, length: Int) -> Int? {
        var index = from
        while index < scalars.count {
            guard scalars[index] == "`" else { index += 1; continue }
            var run = 0
            while index + run < scalars.count && scalars[index + run] == "`" { run += 1 }
            if run == length { return index }
            index += run
        }
        return nil
    }

    /// A backtick fence longer than any backtick run in `content`, so the content cannot close it.
    static func fence(for content: String) -> String {
        var longest = 0, run = 0
        for scalar in content.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}

/// URI pieces for links and SARIF artifact locations.
enum URI {
    /// Percent-encodes a repository path for a URL, keeping `/` between segments.
    static func path(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
