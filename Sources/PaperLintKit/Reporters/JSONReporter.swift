import PaperLintCore

/// `--format json`: the diagnostic model of DESIGN.md, version 1.
public enum JSONReporter {
    public static func render(_ report: LintReport) -> String {
        String(decoding: renderBytes(report), as: UTF8.self)
    }

    /// The same as UTF-8 bytes.
    public static func renderBytes(_ report: LintReport) -> [UInt8] {
        let out = ByteBuffer(capacity: 64 + report.diagnosticCount * 1_200)
        render(report, into: out)
        return out.bytes
    }

    /// Writes the report into `out` (standard output, drained a load at a time).
    public static func render(_ report: LintReport, into out: ByteBuffer) {
        var json = JSONWriter(into: out)
        json.beginObject()
        json.field("version", 1)
        json.key("diagnostics")
        json.beginArray()
        var counts = (errors: 0, warnings: 0, fixable: 0)
        for file in report.files {
            // By index: a for-in over the findings copied each one (a dozen references retained).
            for index in file.diagnostics.indices {
                write(file.diagnostics[index], to: &json)
                if file.diagnostics[index].severity == .error { counts.errors += 1 }
                if file.diagnostics[index].severity == .warning { counts.warnings += 1 }
                if file.diagnostics[index].fix != nil { counts.fixable += 1 }
            }
        }
        json.endArray()
        json.key("summary")
        json.beginObject()
        json.field("files", report.files.count)
        json.field("errors", counts.errors)
        json.field("warnings", counts.warnings)
        json.field("fixable", counts.fixable)
        json.endObject()
        json.endObject()
        json.newlineAtEnd()
    }

    private static func write(_ diagnostic: ReportedDiagnostic, to json: inout JSONWriter) {
        json.beginObject()
        json.field("rule", diagnostic.rule)
        json.field("severity", diagnostic.severity.rawValue)
        json.field("path", diagnostic.path)
        json.field("line", diagnostic.start.line)
        json.field("column", diagnostic.start.column)
        json.field("endLine", diagnostic.end.line)
        json.field("endColumn", diagnostic.end.column)
        json.field("message", diagnostic.message)
        json.field("help", diagnostic.help)
        json.key("related")
        json.beginArray()
        for related in diagnostic.related {
            json.beginObject()
            json.field("path", related.path)
            json.field("line", related.start.line)
            json.field("column", related.start.column)
            json.field("message", related.message)
            json.endObject()
        }
        json.endArray()
        json.key("fix")
        if let fix = diagnostic.fix {
            json.beginObject()
            json.field("safety", fix.safety.rawValue)
            json.field("message", fix.message)
            json.key("edits")
            json.beginArray()
            for edit in fix.edits {
                json.beginObject()
                json.field("line", edit.start.line)
                json.field("column", edit.start.column)
                json.field("endLine", edit.end.line)
                json.field("endColumn", edit.end.column)
                json.field("replacement", edit.replacement)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        } else {
            json.null()
        }
        json.endObject()
    }
}
