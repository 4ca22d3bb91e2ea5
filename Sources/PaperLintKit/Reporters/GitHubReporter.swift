import PaperLintCore

/// `--format github`: GitHub Actions workflow commands, one annotation per finding:
///
///     ::error file=README.md,line=161,endLine=161,col=161,endColumn=163,title=whitespace::2 spaces inside an entry%0Ahelp: use a single space
///
/// GitHub turns only a few commands per step into annotations (see `Limits`). Errors come
/// first, then warnings, then notes; a kind over its limit ends with an annotation saying
/// how many findings of that kind were left out, and those findings follow in a collapsed
/// log group, so nothing is lost. `paperlint check --format github` also appends the
/// `summary` format to `$GITHUB_STEP_SUMMARY`, which lists everything.
public struct GitHubReporter {
    /// How many annotations of each kind GitHub shows for one step.
    ///
    /// actions/toolkit, docs/problem-matchers.md, "Limitations" (added in actions/toolkit#734):
    /// "10 warning annotations, 10 error annotations, and 10 notice annotations per step;
    /// 50 annotations per job (sum of annotations from all the steps)". One paperlint step
    /// emits at most 10 + 10 + 10 = 30, inside the job's 50 unless other steps annotate too.
    public struct Limits: Sendable, Equatable {
        public var errors: Int
        public var warnings: Int
        public var notices: Int

        public init(errors: Int, warnings: Int, notices: Int) {
            self.errors = errors
            self.warnings = warnings
            self.notices = notices
        }

        /// GitHub's per-step limits.
        public static let github = Limits(errors: 10, warnings: 10, notices: 10)

        func limit(for severity: Severity) -> Int {
            switch severity {
            case .error: errors
            case .warning: warnings
            case .info: notices
            }
        }
    }

    public var limits: Limits

    public init(limits: Limits = .github) { self.limits = limits }

    public func render(_ report: LintReport) -> String {
        String(decoding: renderBytes(report), as: UTF8.self)
    }

    /// The same as UTF-8 bytes.
    public func renderBytes(_ report: LintReport) -> [UInt8] {
        let out = ByteBuffer(capacity: 4_096 + report.diagnosticCount * 300)
        render(report, into: out)
        return out.bytes
    }

    /// Writes the report into `out` (standard output, drained a load at a time). Thousands of
    /// findings past the annotation limits go to the log group, each written straight into
    /// the buffer; findings are handled by their place in the report, never copied.
    public func render(_ report: LintReport, into out: ByteBuffer) {
        let files = report.files
        let all = files.indices.flatMap { file in files[file].diagnostics.indices.map { Place(file: file, index: $0) } }
        var leftOut: [Place] = []
        for severity in [Severity.error, .warning, .info] {
            let findings = all.filter { files[$0.file].diagnostics[$0.index].severity == severity }
            let limit = max(1, limits.limit(for: severity))
            guard findings.count > limit else {
                for place in findings { writeAnnotation(files[place.file].diagnostics[place.index], report, into: out) }
                continue
            }
            // The last slot of this kind says what is missing instead of showing one more finding.
            let shown = findings.prefix(limit - 1)
            for place in shown { writeAnnotation(files[place.file].diagnostics[place.index], report, into: out) }
            let missing = findings.count - shown.count
            leftOut += findings.dropFirst(shown.count)
            let message = """
                \(missing) more \(severity.noun(missing)) not shown. GitHub shows at most \(limit) \(Self.command(severity)) \
                annotations per step; all \(all.count) findings are listed in the step summary (the run's Summary \
                page) and in this step's log.
                """
            out.append("::\(Self.command(severity)) title=\(Self.property("paperlint: \(missing) more \(severity.noun(missing))"))::"
                + Self.data(message) + "\n")
        }
        guard !leftOut.isEmpty else { return }
        out.append("::group::" + Self.data("paperlint: \(leftOut.count) finding\(leftOut.count == 1 ? "" : "s") not annotated") + "\n")
        // In report order (`ReportedDiagnostic.ordered`), equal ones as they were left out.
        let order = leftOut.indices.sorted { a, b in
            let x = leftOut[a], y = leftOut[b]
            let left = files[x.file].diagnostics[x.index].orderKey, right = files[y.file].diagnostics[y.index].orderKey
            return left < right || (left == right && a < b)
        }
        for position in order {
            let place = leftOut[position]
            Self.writeLogLine(files[place.file].diagnostics[place.index], into: out)
            out.append(UInt8(ascii: "\n"))
        }
        out.append("::endgroup::\n" as StaticString)
    }

    /// A finding's place in a report: its file and its index there.
    private struct Place {
        var file: Int
        var index: Int
    }

    private func writeAnnotation(_ diagnostic: ReportedDiagnostic, _ report: LintReport, into out: ByteBuffer) {
        out.append(annotation(diagnostic, report))
        out.append(UInt8(ascii: "\n"))
    }

    /// One workflow command. Columns only on single-line findings: GitHub ignores `col` and
    /// `endColumn` when `line` and `endLine` differ (actions/toolkit `AnnotationProperties`).
    /// Columns are the JSON model's (Unicode scalars, `endColumn` exclusive).
    func annotation(_ diagnostic: ReportedDiagnostic, _ report: LintReport) -> String {
        let document = report.files.first { $0.path == diagnostic.path }?.document
        let endLine = document.map { diagnostic.lastLine(in: $0) } ?? diagnostic.end.line
        var properties = [
            ("file", diagnostic.path), ("line", String(diagnostic.start.line)), ("endLine", String(endLine)),
        ]
        if endLine == diagnostic.start.line {
            // A finding that takes its line break ends past its line's last character (at
            // column 1 of the next line, or past the end of the file): on GitHub it ends with the line.
            let lineEnd = document.map { $0.text(ofLine: endLine).unicodeScalars.count + 1 }
            let endColumn = diagnostic.end.line == endLine
                ? min(diagnostic.end.column, lineEnd ?? diagnostic.end.column)
                : (lineEnd ?? diagnostic.start.column)
            properties += [("col", String(diagnostic.start.column)), ("endColumn", String(max(endColumn, diagnostic.start.column)))]
        }
        properties.append(("title", diagnostic.rule))
        var message = diagnostic.message
        if let help = diagnostic.help { message += "\nhelp: " + help }
        for related in diagnostic.related {
            message += "\nnote: \(related.message) at \(related.path):\(related.start.line):\(related.start.column)"
        }
        let list = properties.map { "\($0.0)=\(Self.property($0.1))" }.joined(separator: ",")
        return "::\(Self.command(diagnostic.severity)) \(list)::\(Self.data(message))"
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// A finding as a plain log line (for those over the annotation limit). Line breaks
    /// become spaces so no line of the message can be read as a workflow command.
    static func logLine(_ diagnostic: ReportedDiagnostic) -> String {
        let out = ByteBuffer()
        writeLogLine(diagnostic, into: out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static func writeLogLine(_ diagnostic: ReportedDiagnostic, into out: ByteBuffer) {
        appendOnOneLine(diagnostic.path, to: out)
        out.append(UInt8(ascii: ":"))
        out.appendDecimal(diagnostic.start.line)
        out.append(UInt8(ascii: ":"))
        out.appendDecimal(diagnostic.start.column)
        out.append(": " as StaticString)
        out.append(diagnostic.severity.rawValue)
        out.append(UInt8(ascii: "["))
        appendOnOneLine(diagnostic.rule, to: out)
        out.append("] " as StaticString)
        appendOnOneLine(diagnostic.message, to: out)
        if let help = diagnostic.help {
            out.append(" (help: " as StaticString)
            appendOnOneLine(help, to: out)
            out.append(UInt8(ascii: ")"))
        }
    }

    /// `text` with each line break (`\n`, `\r`) written as a space.
    private static func appendOnOneLine(_ text: String, to out: ByteBuffer) {
        var text = text
        text.withUTF8 { utf8 in
            var run = 0
            for index in utf8.indices where utf8[index] == UInt8(ascii: "\n") || utf8[index] == UInt8(ascii: "\r") {
                out.append(UnsafeBufferPointer(rebasing: utf8[run..<index]))
                out.append(UInt8(ascii: " "))
                run = index + 1
            }
            out.append(UnsafeBufferPointer(rebasing: utf8[run...]))
        }
    }

    /// Escapes a command's message as actions/toolkit's `escapeData` does (packages/core/src/command.ts).
    public static func data(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escapes a property value as actions/toolkit's `escapeProperty` does: `data` plus `:` and `,`.
    public static func property(_ text: String) -> String {
        var out = ""
        for scalar in data(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
