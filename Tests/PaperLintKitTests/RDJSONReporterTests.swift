import Foundation
import PaperLintCore
@testable import PaperLintKit
import PaperLintTestSupport
import Testing

/// reviewdog's columns are UTF-8 bytes; its suggestions reproduce each safe fix.
@Suite struct RDJSONReporterTests {
    struct Suggestion {
        var startLine, startColumn, endLine, endColumn: Int
        var text: String
    }

    func suggestions(_ output: String) throws -> [(rule: String, line: Int, suggestion: Suggestion?)] {
        let diagnostics = try #require(try SyntheticReport.json(output)["diagnostics"] as? [[String: Any]])
        return try diagnostics.map { diagnostic in
            let rule = try #require((diagnostic["code"] as? [String: Any])?["value"] as? String)
            let range = try #require((diagnostic["location"] as? [String: Any])?["range"] as? [String: [String: Int]])
            let line = try #require(range["start"]?["line"])
            guard let suggestion = (diagnostic["suggestions"] as? [[String: Any]])?.first else { return (rule, line, nil) }
            let span = try #require(suggestion["range"] as? [String: [String: Int]])
            return (rule, line, Suggestion(
                startLine: try #require(span["start"]?["line"]), startColumn: try #require(span["start"]?["column"]),
                endLine: try #require(span["end"]?["line"]), endColumn: try #require(span["end"]?["column"]),
                text: try #require(suggestion["text"] as? String)))
        }
    }

    /// Applies a suggestion by UTF-8 line and column, as reviewdog does.
    func apply(_ suggestion: Suggestion, to document: Document) -> [UInt8] {
        let start = document.lineStarts[suggestion.startLine - 1] + suggestion.startColumn - 1
        let end = document.lineStarts[suggestion.endLine - 1] + suggestion.endColumn - 1
        return Array(document.bytes[..<start]) + Array(suggestion.text.utf8) + Array(document.bytes[end...])
    }

    /// The healthcare sample has multi-byte characters before several findings (mojibake,
    /// “quotes”), so byte and scalar columns differ there.
    @Test(arguments: CIScenario.names)
    func suggestionsByByteColumnsApplyEachSafeFix(_ name: String) throws {
        let scenario = try ReporterScenario(name)
        let file = scenario.report.files[0]
        let found = try suggestions(scenario.render("rdjson"))
        #expect(found.count == file.diagnostics.count)
        for (diagnostic, rdjson) in zip(file.diagnostics, found) {
            #expect(rdjson.rule == diagnostic.rule && rdjson.line == diagnostic.start.line)
            guard let fix = diagnostic.fix, fix.safety == .safe else {
                #expect(rdjson.suggestion == nil, "only safe fixes are suggested")
                continue
            }
            let suggestion = try #require(rdjson.suggestion)
            let expected = Fix(.safe, fix.message, edits: diagnostic.editRanges(in: file.document).map {
                Edit(replacing: $0.range, with: $0.replacement)
            }).applied(to: file.document.bytes)
            #expect(apply(suggestion, to: file.document) == expected, "\(diagnostic.rule) at \(diagnostic.start)")
        }
        #expect(found.contains { $0.suggestion != nil })
    }

    @Test func columnsCountUTF8Bytes() throws {
        let text = "- é 𐐀 x\n"
        let report = SyntheticReport.make(text, [
            Diagnostic(ruleID: "r", severity: .info, range: SyntheticReport.range(of: "x", in: text), message: "m"),
        ])
        #expect(report.diagnostics[0].start.column == 7, "scalars")
        let range = try #require(((try SyntheticReport.json(RDJSONReporter.render(report))["diagnostics"] as? [[String: Any]])?
            .first?["location"] as? [String: Any])?["range"] as? [String: [String: Int]])
        #expect(range["start"] == ["line": 1, "column": 11] && range["end"] == ["line": 1, "column": 12])
    }
}
