import PaperLintCore

/// `--format rdjson`: reviewdog's Diagnostic Format (a `DiagnosticResult`), for
/// `reviewdog -f=rdjson`, which posts findings as review comments or check annotations.
///
/// Field names and casing follow reviewdog's `proto/rdf/jsonschema`. reviewdog counts
/// columns in UTF-8 bytes (1-based, `end` exclusive), so columns are converted from the JSON
/// model's Unicode scalars. Safe fixes become `suggestions`: one per finding, replacing the
/// span from the fix's first edit to its last with the fixed text; unsafe fixes are left out,
/// as `paperlint fix` leaves them out without `--unsafe`.
public enum RDJSONReporter {
    public static func render(_ report: LintReport) -> String {
        String(decoding: renderBytes(report), as: UTF8.self)
    }

    /// The same as UTF-8 bytes.
    public static func renderBytes(_ report: LintReport) -> [UInt8] {
        let out = ByteBuffer(capacity: 1_024 + report.diagnosticCount * 1_000)
        render(report, into: out)
        return out.bytes
    }

    /// Writes the report into `out` (standard output, drained a load at a time).
    public static func render(_ report: LintReport, into out: ByteBuffer) {
        var json = JSONWriter(indent: 2, into: out)
        json.beginObject()
        json.key("source")
        source(&json)
        json.key("diagnostics")
        json.beginArray()
        for file in report.files {
            for index in file.diagnostics.indices { write(file.diagnostics[index], file.document, to: &json) }
        }
        json.endArray()
        json.endObject()
        json.newlineAtEnd()
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "ERROR"
        case .warning: "WARNING"
        case .info: "INFO"
        }
    }

    private static func source(_ json: inout JSONWriter) {
        json.beginObject()
        json.field("name", ToolInfo.name)
        json.field("url", ToolInfo.informationURI)
        json.endObject()
    }

    private static func write(_ diagnostic: ReportedDiagnostic, _ document: Document, to json: inout JSONWriter) {
        json.beginObject()
        json.key("message")
        if let help = diagnostic.help {
            json.string(joining: diagnostic.message, "\nhelp: ", help)
        } else {
            json.string(diagnostic.message)
        }
        json.key("location")
        location(
            diagnostic.path, start: (diagnostic.start, diagnostic.byteRange.lowerBound),
            end: (diagnostic.end, diagnostic.byteRange.upperBound), document, &json)
        json.field("severity", severity(diagnostic.severity))
        json.key("code")
        json.beginObject()
        json.field("value", diagnostic.rule)
        json.endObject()
        if let replacement = diagnostic.safeReplacement(in: document) {
            json.key("suggestions")
            json.beginArray()
            json.beginObject()
            json.key("range")
            range(
                (replacement.start.start, replacement.start.byteRange.lowerBound),
                (replacement.end.end, replacement.end.byteRange.upperBound), document, &json)
            json.field("text", replacement.text)
            json.endObject()
            json.endArray()
        }
        if !diagnostic.related.isEmpty {
            json.key("related_locations")
            json.beginArray()
            for related in diagnostic.related {
                json.beginObject()
                json.field("message", related.message)
                json.key("location")
                location(related.path, start: (related.start, related.byteOffset), end: nil, document, &json)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
    }

    /// A position, with the byte offset it was read from.
    private typealias Position = (position: SourcePosition, offset: Int)

    private static func location(_ path: String, start: Position, end: Position?, _ document: Document, _ json: inout JSONWriter) {
        json.beginObject()
        json.field("path", path)
        json.key("range")
        range(start, end, document, &json)
        json.endObject()
    }

    /// Without `end`, reviewdog reads a zero-width range at `start`.
    private static func range(_ start: Position, _ end: Position?, _ document: Document, _ json: inout JSONWriter) {
        json.beginObject()
        json.key("start")
        position(start, document, &json)
        if let end {
            json.key("end")
            position(end, document, &json)
        }
        json.endObject()
    }

    private static func position(_ position: Position, _ document: Document, _ json: inout JSONWriter) {
        json.beginObject()
        json.field("line", position.position.line)
        json.field("column", document.utf8Column(of: position.position, hint: position.offset))
        json.endObject()
    }
}
