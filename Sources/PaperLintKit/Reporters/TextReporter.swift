import PaperLintCore

/// `--format text`: rustc-like blocks with the source line and a caret underline.
public struct TextReporter {
    /// Whether to emit ANSI colours (decided by the CLI from `--color`, the terminal and `NO_COLOR`).
    public var colored: Bool
    /// Lines longer than this many characters are shown as a window around the finding.
    public var maxLineWidth = 110

    public init(colored: Bool) { self.colored = colored }

    public func render(_ report: LintReport) -> String {
        String(decoding: renderBytes(report), as: UTF8.self)
    }

    /// The same as UTF-8 bytes.
    public func renderBytes(_ report: LintReport) -> [UInt8] {
        let out = ByteBuffer(capacity: report.diagnosticCount * 700 + 128)
        render(report, into: out)
        return out.bytes
    }

    /// Writes the report into `out` (standard output, drained a load at a time): a list with
    /// tens of thousands of findings renders in milliseconds.
    public func render(_ report: LintReport, into out: ByteBuffer) {
        for file in report.files {
            // By index: a for-in over the findings copied each one.
            for index in file.diagnostics.indices {
                block(file.diagnostics[index], file.document, into: out)
                out.append(UInt8(ascii: "\n"))
            }
        }
        out.append(summary(report))
        out.append(UInt8(ascii: "\n"))
    }

    private func block(_ diagnostic: ReportedDiagnostic, _ document: Document, into out: ByteBuffer) {
        let tint: StaticString = switch diagnostic.severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .info: "1;36"
        }
        let line = diagnostic.start.line
        let gutter = ByteBuffer.decimalLength(line)
        func pad() { out.append(repeating: UInt8(ascii: " "), count: gutter) }
        func byte(_ character: Unicode.Scalar) { out.append(UInt8(ascii: character)) }
        // Colour: an escape code before, the reset after.
        func begin(_ code: StaticString) {
            guard colored else { return }
            out.append("\u{1B}[" as StaticString)
            out.append(code)
            out.append(UInt8(ascii: "m"))
        }
        func end() { if colored { out.append("\u{1B}[0m" as StaticString) } }
        // The gutter under the line number, then a blue `|` or `=`.
        func margin(_ mark: Unicode.Scalar) {
            pad()
            byte(" ")
            begin("1;34")
            byte(mark)
            end()
        }
        begin(tint)
        out.append(diagnostic.severity.rawValue)
        byte("[")
        out.append(diagnostic.rule)
        byte("]")
        end()
        begin("1")
        out.append(": " as StaticString)
        out.append(diagnostic.message)
        end()
        byte("\n")
        pad()
        begin("1;34")
        out.append("--> " as StaticString)
        end()
        out.append(diagnostic.path)
        byte(":")
        out.appendDecimal(line)
        byte(":")
        out.appendDecimal(diagnostic.start.column)
        byte("\n")
        margin("|")
        byte("\n")
        let source = excerpt(document, diagnostic)
        begin("1;34")
        out.appendDecimal(line)
        out.append(" |" as StaticString)
        end()
        if !source.isEmpty {
            byte(" ")
            source.write(document.bytes, into: out)
        }
        byte("\n")
        margin("|")
        byte(" ")
        out.append(repeating: UInt8(ascii: " "), count: source.caretStart)
        begin(tint)
        out.append(repeating: UInt8(ascii: "^"), count: source.caretWidth)
        end()
        byte("\n")
        for related in diagnostic.related {
            margin("=")
            out.append(" note: " as StaticString)
            out.append(related.message)
            out.append(" at " as StaticString)
            out.append(related.path)
            byte(":")
            out.appendDecimal(related.start.line)
            byte(":")
            out.appendDecimal(related.start.column)
            byte("\n")
        }
        if let help = diagnostic.help {
            margin("=")
            out.append(" help: " as StaticString)
            out.append(help)
            byte("\n")
        }
    }

    /// The part of a source line a block shows, and where its caret goes.
    private struct Excerpt {
        /// Bytes of the document, with `…` before and after where the line is cut.
        var bytes: Range<Int>
        var isCutBefore: Bool
        var isCutAfter: Bool
        /// Terminal cells before the caret, and its width.
        var caretStart: Int
        var caretWidth: Int

        var isEmpty: Bool { bytes.isEmpty && !isCutBefore && !isCutAfter }

        /// The excerpt, tabs shown as spaces (a tab's width is the terminal's to choose).
        func write(_ document: [UInt8], into out: ByteBuffer) {
            if isCutBefore { out.append(TextReporter.ellipsis) }
            var run = bytes.lowerBound
            while let tab = ASCII.firstIndex(of: UInt8(ascii: "\t"), in: document, from: run, to: bytes.upperBound) {
                out.append(document[run..<tab])
                out.append(UInt8(ascii: " "))
                run = tab + 1
            }
            out.append(document[run..<bytes.upperBound])
            if isCutAfter { out.append(TextReporter.ellipsis) }
        }
    }

    /// The source line (windowed if long) and where, in terminal cells, the caret starts and
    /// how wide it is: a CJK character or an emoji takes two cells, a combining mark none.
    /// Read from the line's bytes in at most two passes and no per-scalar arrays: a column
    /// is a scalar, found by its UTF-8 lead byte, and only scalars from U+0300 on are looked
    /// up for their width.
    private func excerpt(_ document: Document, _ diagnostic: ReportedDiagnostic) -> Excerpt {
        let line = document.bytes[document.contentRange(ofLine: diagnostic.start.line)]
        // An ASCII line (most are) has a scalar, a byte and a cell per character: no passes.
        let isASCII = ASCII.endOfASCII(document.bytes, from: line.startIndex, to: line.endIndex) == line.endIndex
        // Pass 1: the scalar count.
        var count = isASCII ? line.count : 0
        if !isASCII { for byte in line where byte & 0xC0 != 0x80 { count += 1 } }
        let start = min(diagnostic.start.column - 1, count)
        let end = max(start, diagnostic.end.line == diagnostic.start.line ? min(diagnostic.end.column - 1, count) : count)
        let windowed = count > maxLineWidth
        let from = windowed ? max(0, min(start - 40, count - maxLineWidth)) : 0
        let to = windowed ? min(count, from + maxLineWidth) : count
        // Pass 2: byte offsets of `from` and `to`, cells from `from` to `start` and to `end`.
        var scalar = 0, index = line.startIndex
        var fromByte = line.startIndex, toByte = line.endIndex
        var cellsBefore = 0, cellsInside = 0
        if isASCII {
            (fromByte, toByte) = (line.startIndex + from, line.startIndex + to)
            (cellsBefore, cellsInside) = (start - from, end - start)
            (index, scalar) = (line.endIndex, count)
        }
        while index < line.endIndex && scalar < max(to, end) {
            if scalar == from { fromByte = index }
            let lead = line[index]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            if scalar >= from && scalar < end {
                let cells: Int
                if lead < 0xCC && !(lead == 0xC2 && index + 1 < line.endIndex && line[index + 1] == 0xAD) {
                    cells = 1  // below U+0300 (but the soft hyphen): no wide character, no combining mark
                } else {
                    let stop = min(index + length, line.endIndex)
                    cells = Self.cells(String(decoding: line[index..<stop], as: UTF8.self).unicodeScalars.first ?? " ")
                }
                if scalar < start { cellsBefore += cells } else { cellsInside += cells }
            }
            index += length
            scalar += 1
            if scalar == to { toByte = min(index, line.endIndex) }
        }
        if from >= scalar { fromByte = min(index, line.endIndex) }
        let width = max(1, cellsInside)
        return Excerpt(
            bytes: fromByte..<toByte, isCutBefore: from > 0, isCutAfter: to < count,
            caretStart: cellsBefore + (from > 0 ? 1 : 0), caretWidth: windowed ? min(width, maxLineWidth - 20) : width)
    }

    fileprivate static let ellipsis = Array("…".utf8)

    /// Terminal cells of one scalar (East Asian Wide and Fullwidth, emoji presentation: 2;
    /// combining marks, zero-width characters and variation selectors: 0; else 1).
    static func cells(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0xFE00...0xFE0F).contains(value) || (0x200B...0x200F).contains(value) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return wide.contains { $0.contains(value) } ? 2 : 1
    }

    /// East Asian Wide and Fullwidth blocks.
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
    ]

    func summary(_ report: LintReport) -> String {
        let files = report.files.count == 1 ? "1 file" : "\(report.files.count) files"
        let total = report.diagnosticCount
        guard total > 0 else { return paint("1;32", "no problems") + " in \(files)" }
        var parts = [plural(report.errorCount, "error"), plural(report.warningCount, "warning")]
        if report.infoCount > 0 { parts.append(plural(report.infoCount, "note")) }
        var line = paint("1", "found \(parts.joined(separator: ", ")) in \(files)")
        let safe = report.count { $0.fix?.safety == .safe }
        let unsafe = report.fixableCount - safe
        // What `paperlint fix` applies, and what only `--unsafe` adds.
        switch (safe, unsafe) {
        case (0, 0): break
        case (_, 0): line += " (\(safe) with a safe fix)"
        case (0, _): line += " (\(unsafe) with a fix under --unsafe)"
        default: line += " (\(safe) with a safe fix; \(unsafe) more with --unsafe)"
        }
        return line
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    private func paint(_ code: String, _ text: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
