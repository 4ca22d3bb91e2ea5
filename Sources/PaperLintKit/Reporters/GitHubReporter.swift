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

    /// The same as UTF-8 bytes. Thousands of findings past the annotation limits go to the
    /// log group, each written straight into one buffer.
    public func renderBytes(_ report: LintReport) -> [UInt8] {
        var out: [UInt8] = []
        var leftOut: [ReportedDiagnostic] = []
        let diagnostics = report.diagnostics
        let total = diagnostics.count
        out.reserveCapacity(4_096 + total * 300)
        for severity in [Severity.error, .warning, .info] {
            let findings = diagnostics.filter { $0.severity == severity }
            let limit = max(1, limits.limit(for: severity))
            guard findings.count > limit else {
                for diagnostic in findings { out += (annotation(diagnostic, report) + "\n").utf8 }
                continue
            }
            // The last slot of this kind says what is missing instead of showing one more finding.
            let shown = findings.prefix(limit - 1)
            for diagnostic in shown { out += (annotation(diagnostic, report) + "\n").utf8 }
            let missing = findings.count - shown.count
            leftOut += findings.dropFirst(shown.count)
            let message = """
                \(missing) more \(severity.noun(missing)) not shown. GitHub shows at most \(limit) \(Self.command(severity)) \
                annotations per step; all \(total) findings are listed in the step summary (the run's Summary \
                page) and in this step's log.
                """
            out += ("::\(Self.command(severity)) title=\(Self.property("paperlint: \(missing) more \(severity.noun(missing))"))::"
                + Self.data(message) + "\n").utf8
        }
        if !leftOut.isEmpty {
            out += ("::group::" + Self.data("paperlint: \(leftOut.count) finding\(leftOut.count == 1 ? "" : "s") not annotated") + "\n").utf8
            for diagnostic in leftOut.sorted(by: ReportedDiagnostic.ordered) {
                Self.appendLogLine(diagnostic, to: &out)
                out.append(UInt8(ascii: "\n"))
            }
            out += "::endgroup::\n".utf8
        }
        return out
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
        var out: [UInt8] = []
        appendLogLine(diagnostic, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendLogLine(_ diagnostic: ReportedDiagnostic, to out: inout [UInt8]) {
        let start = out.count
        out += diagnostic.path.utf8
        out.append(UInt8(ascii: ":"))
        JSONWriter.appendDecimal(diagnostic.start.line, to: &out)
        out.append(UInt8(ascii: ":"))
        JSONWriter.appendDecimal(diagnostic.start.column, to: &out)
        out += ": \(diagnostic.severity.rawValue)[\(diagnostic.rule)] ".utf8
        out += diagnostic.message.utf8
        if let help = diagnostic.help { out += " (help: \(help))".utf8 }
        for index in start..<out.count where out[index] == UInt8(ascii: "\n") || out[index] == UInt8(ascii: "\r") {
            out[index] = UInt8(ascii: " ")
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
