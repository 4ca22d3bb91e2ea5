import PaperLintCore

/// `--format text`: rustc-like blocks with the source line and a caret underline.
public struct TextReporter {
    /// Whether to emit ANSI colours (decided by the CLI from `--color`, the terminal and `NO_COLOR`).
    public var colored: Bool
    /// Lines longer than this many characters are shown as a window around the finding.
    public var maxLineWidth = 110

    public init(colored: Bool) { self.colored = colored }

    public func render(_ report: LintReport) -> String {
        var out = ""
        for file in report.files {
            for diagnostic in file.diagnostics { out += block(diagnostic, file.document) + "\n" }
        }
        out += summary(report) + "\n"
        return out
    }

    func block(_ diagnostic: ReportedDiagnostic, _ document: Document) -> String {
        let severity = diagnostic.severity.rawValue
        let tint = switch diagnostic.severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .info: "1;36"
        }
        let line = diagnostic.start.line
        let gutterWidth = String(line).count
        let pad = String(repeating: " ", count: gutterWidth)
        var out = paint(tint, "\(severity)[\(diagnostic.rule)]") + paint("1", ": \(diagnostic.message)") + "\n"
        out += pad + paint("1;34", "--> ") + "\(diagnostic.path):\(line):\(diagnostic.start.column)\n"
        out += pad + " " + paint("1;34", "|") + "\n"
        let (source, caretStart, caretWidth) = excerpt(document, diagnostic)
        out += paint("1;34", "\(line) |") + (source.isEmpty ? "" : " " + source) + "\n"
        out += pad + " " + paint("1;34", "|") + " " + String(repeating: " ", count: caretStart)
            + paint(tint, String(repeating: "^", count: caretWidth)) + "\n"
        for related in diagnostic.related {
            out += pad + " " + paint("1;34", "=") + " note: \(related.message) at \(related.path):\(related.start.line):\(related.start.column)\n"
        }
        if let help = diagnostic.help { out += pad + " " + paint("1;34", "=") + " help: \(help)\n" }
        return out
    }

    /// The source line (windowed if long) and where, in terminal cells, the caret starts and
    /// how wide it is: a CJK character or an emoji takes two cells, a combining mark none.
    private func excerpt(_ document: Document, _ diagnostic: ReportedDiagnostic) -> (String, Int, Int) {
        var scalars = Array(document.text(ofLine: diagnostic.start.line).unicodeScalars)
        for index in scalars.indices where scalars[index] == "\t" { scalars[index] = " " }
        let start = min(diagnostic.start.column - 1, scalars.count)
        let end = diagnostic.end.line == diagnostic.start.line ? min(diagnostic.end.column - 1, scalars.count) : scalars.count
        func cells(_ range: Range<Int>) -> Int { scalars[range].reduce(0) { $0 + Self.cells($1) } }
        var width = max(1, cells(start..<max(start, end)))
        guard scalars.count > maxLineWidth else { return (String(String.UnicodeScalarView(scalars)), cells(0..<start), width) }
        width = min(width, maxLineWidth - 20)
        let from = max(0, min(start - 40, scalars.count - maxLineWidth))
        let to = min(scalars.count, from + maxLineWidth)
        let prefix = from > 0 ? "…" : ""
        let suffix = to < scalars.count ? "…" : ""
        let text = prefix + String(String.UnicodeScalarView(scalars[from..<to])) + suffix
        return (text, cells(from..<start) + prefix.count, width)
    }

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
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(value) } ? 2 : 1
    }

    func summary(_ report: LintReport) -> String {
        let files = report.files.count == 1 ? "1 file" : "\(report.files.count) files"
        let total = report.diagnostics.count
        guard total > 0 else { return paint("1;32", "no problems") + " in \(files)" }
        var parts = [plural(report.errorCount, "error"), plural(report.warningCount, "warning")]
        if report.infoCount > 0 { parts.append(plural(report.infoCount, "note")) }
        var line = paint("1", "found \(parts.joined(separator: ", ")) in \(files)")
        let safe = report.diagnostics.count { $0.fix?.safety == .safe }
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
