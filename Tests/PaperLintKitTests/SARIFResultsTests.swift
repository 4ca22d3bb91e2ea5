import PaperLintCore
@testable import PaperLintKit
import PaperLintTestSupport
import Testing

/// SARIF results written from prepared pieces read exactly as `JSONWriter` writes the same
/// values one call at a time (the writer SARIF used before, kept here as the oracle).
@Suite struct SARIFResultsTests {
    @Test(arguments: [2, 4])
    func piecesWriteWhatTheGeneralWriterWrites(depth: Int) {
        var random = SplitMix64(seed: 0x5A21F + UInt64(depth))
        for round in 0..<60 {
            let diagnostics = (0..<Int.random(in: 0...4, using: &random)).map { _ in Self.diagnostic(&random) }
            let indices = diagnostics.map { _ in Bool.random(using: &random) ? Int.random(in: 0...120_000, using: &random) : nil }
            let prints = diagnostics.map { _ in random.next() }
            let uri = { (path: String) in URI.path(path) }
            let expected = Self.render(depth: depth) { json in
                for index in diagnostics.indices {
                    Self.oracle(diagnostics[index], fingerprint: FNV1a.hex(prints[index]), ruleIndex: indices[index], uri: uri, to: &json)
                }
            }
            let written = Self.render(depth: depth) { json in
                var results = SARIFResults(into: json.out, depth: json.depth, indent: 2)
                results.file("lists/a list.md", uri: URI.path("lists/a list.md"))
                for index in diagnostics.indices {
                    results.write(diagnostics[index], fingerprint: prints[index], ruleIndex: indices[index], uri: uri, json: &json)
                }
            }
            #expect(written == expected, "round \(round): \(String(decoding: written, as: UTF8.self))")
        }
    }

    /// A results array `depth` levels deep, between other members, written by `body`.
    private static func render(depth: Int, _ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var json = JSONWriter(indent: 2)
        json.beginObject()
        json.field("before", 1)
        for _ in 0..<(depth - 2) {
            json.key("nested")
            json.beginObject()
        }
        json.key("results")
        json.beginArray()
        body(&json)
        json.endArray()
        for _ in 0..<(depth - 2) { json.endObject() }
        json.field("after", "x")
        json.endObject()
        return json.bytes
    }

    private static let texts = [
        "plain", "", "quote \" and \\ backslash", "line\nbreak\tand\r\u{1}\u{1F}", "“curly” — ünïcode 論文 🙂", String(repeating: "long text ", count: 9),
    ]

    private static func diagnostic(_ random: inout SplitMix64) -> ReportedDiagnostic {
        let document = Document("- a\n- b\n")
        let severity = [Severity.error, .warning, .info].randomElement(using: &random)!
        var diagnostic = ReportedDiagnostic(
            Diagnostic(ruleID: ["duplicate", "order", "x-unknown"].randomElement(using: &random)!, severity: severity, range: 2..<3,
                message: texts.randomElement(using: &random)!),
            path: Bool.random(using: &random) ? "lists/a list.md" : "other/ä.md", in: document)
        func position() -> SourcePosition {
            SourcePosition(line: Int.random(in: 1...150_000, using: &random), column: Int.random(in: 1...400, using: &random))
        }
        diagnostic.start = position()
        diagnostic.end = position()
        diagnostic.help = Bool.random(using: &random) ? texts.randomElement(using: &random)! : nil
        diagnostic.related = (0..<Int.random(in: 0...3, using: &random)).map { _ in
            ReportedDiagnostic.Related(
                path: Bool.random(using: &random) ? diagnostic.path : "lists/a list.md", start: position(),
                message: texts.randomElement(using: &random)!, byteOffset: 0)
        }
        if Bool.random(using: &random) {
            diagnostic.fix = ReportedDiagnostic.ReportedFix(
                safety: Bool.random(using: &random) ? .safe : .unsafe, message: texts.randomElement(using: &random)!,
                edits: (0..<Int.random(in: 0...3, using: &random)).map { _ in
                    ReportedDiagnostic.ReportedEdit(start: position(), end: position(), replacement: texts.randomElement(using: &random)!, byteRange: 0..<0)
                })
        }
        return diagnostic
    }

    // MARK: The oracle: SARIF results as written one JSONWriter call at a time.

    private static func oracle(
        _ diagnostic: ReportedDiagnostic, fingerprint: String, ruleIndex: Int?, uri: (String) -> String, to json: inout JSONWriter
    ) {
        json.beginObject()
        json.field("ruleId", diagnostic.rule)
        if let ruleIndex { json.field("ruleIndex", ruleIndex) }
        json.field("level", "\(SARIFReporter.level(diagnostic.severity))")
        json.key("message")
        text(diagnostic.help.map { diagnostic.message + "\nhelp: " + $0 } ?? diagnostic.message, &json)
        json.key("locations")
        json.beginArray()
        json.beginObject()
        json.key("physicalLocation")
        physicalLocation(uri(diagnostic.path), start: diagnostic.start, end: diagnostic.end, &json)
        json.endObject()
        json.endArray()
        if !diagnostic.related.isEmpty {
            json.key("relatedLocations")
            json.beginArray()
            for (index, related) in diagnostic.related.enumerated() {
                json.beginObject()
                json.field("id", index + 1)
                json.key("physicalLocation")
                physicalLocation(uri(related.path), start: related.start, end: nil, &json)
                json.key("message")
                text(related.message, &json)
                json.endObject()
            }
            json.endArray()
        }
        json.key("partialFingerprints")
        json.beginObject()
        json.key(computed: SARIFReporter.fingerprintKey)
        json.string(fingerprint)
        json.endObject()
        if let fix = diagnostic.fix {
            json.key("fixes")
            json.beginArray()
            json.beginObject()
            json.key("description")
            text(fix.message + (fix.safety == .safe ? "" : " (unsafe: review before applying)"), &json)
            json.key("artifactChanges")
            json.beginArray()
            json.beginObject()
            json.key("artifactLocation")
            artifactLocation(uri(diagnostic.path), &json)
            json.key("replacements")
            json.beginArray()
            for edit in fix.edits {
                json.beginObject()
                json.key("deletedRegion")
                region(edit.start, edit.end, &json)
                json.key("insertedContent")
                text(edit.replacement, &json)
                json.endObject()
            }
            json.endArray()
            json.endObject()
            json.endArray()
            json.key("properties")
            json.beginObject()
            json.field("safety", fix.safety.rawValue)
            json.endObject()
            json.endObject()
            json.endArray()
        }
        json.endObject()
    }

    private static func text(_ value: String, _ json: inout JSONWriter) {
        json.beginObject()
        json.field("text", value)
        json.endObject()
    }

    private static func physicalLocation(_ uri: String, start: SourcePosition, end: SourcePosition?, _ json: inout JSONWriter) {
        json.beginObject()
        json.key("artifactLocation")
        artifactLocation(uri, &json)
        json.key("region")
        region(start, end, &json)
        json.endObject()
    }

    private static func artifactLocation(_ uri: String, _ json: inout JSONWriter) {
        json.beginObject()
        json.field("uri", uri)
        json.field("uriBaseId", "%SRCROOT%")
        json.endObject()
    }

    private static func region(_ start: SourcePosition, _ end: SourcePosition?, _ json: inout JSONWriter) {
        json.beginObject()
        json.field("startLine", start.line)
        json.field("startColumn", start.column)
        if let end {
            json.field("endLine", end.line)
            json.field("endColumn", end.column)
        }
        json.endObject()
    }
}
