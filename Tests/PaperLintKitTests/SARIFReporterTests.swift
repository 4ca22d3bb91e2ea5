import Foundation
import PaperLintCore
@testable import PaperLintKit
import PaperLintRules
import PaperLintTestSupport
import Testing

/// SARIF's rule metadata, indices, columns and fingerprints.
@Suite struct SARIFReporterTests {
    func run(_ output: String) throws -> [String: Any] {
        let object = try SyntheticReport.json(output)
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    @Test func describesEveryRuleAndIndexesResultsIntoThem() throws {
        let scenario = try ReporterScenario("healthcare")
        let run = try run(scenario.render("sarif"))
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "paperlint" && driver["version"] as? String == ToolInfo.version)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids == RuleCatalog.all.map { $0.description.id } + ["suppression", "merge-conflict"])
        for (rule, type) in zip(rules, RuleCatalog.all) {
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(level == "\(SARIFReporter.level(type.description.defaultSeverity))")
            #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == type.description.summary)
            #expect((rule["fullDescription"] as? [String: Any])?["text"] as? String == type.description.rationale)
            let help = try #require(rule["help"] as? [String: String])
            #expect(help["text"]?.isEmpty == false && help["markdown"]?.contains(type.description.summary) == true)
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == scenario.report.diagnostics.count)
        for (result, diagnostic) in zip(results, scenario.report.diagnostics) {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ids[index] == diagnostic.rule && result["ruleId"] as? String == diagnostic.rule)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let region = try #require(location["region"] as? [String: Int])
            #expect(region == [
                "startLine": diagnostic.start.line, "startColumn": diagnostic.start.column,
                "endLine": diagnostic.end.line, "endColumn": diagnostic.end.column,
            ])
            #expect((result["fixes"] != nil) == (diagnostic.fix != nil))
            #expect((result["relatedLocations"] != nil) == !diagnostic.related.isEmpty)
        }
    }

    /// Findings keep their fingerprints when entries are inserted above them.
    @Test func fingerprintsSurviveUnrelatedLineShifts() throws {
        let repo = try CIScenario.pullRequestRepository()
        func fingerprints() throws -> [String: String] {
            let report = try Linter.check(CheckRequest(mode: .all, currentDirectory: repo.path))
            let prints = SARIFReporter.fingerprints(report.files[0])
            var byFinding: [String: String] = [:]
            for (diagnostic, print) in zip(report.files[0].diagnostics, prints) {
                byFinding["\(diagnostic.rule) \(diagnostic.start.column) \(diagnostic.message)"] = print
            }
            #expect(byFinding.count == prints.count, "each finding is told apart")
            return byFinding
        }
        let before = try fingerprints()
        let text = String(decoding: try repo.read("README.md"), as: UTF8.self)
        try repo.write("README.md", text.replacingOccurrences(
            of: "A curated list of papers on language agents.\n",
            with: "A curated list of papers on language agents.\n\nPull requests welcome.\nSee CONTRIBUTING.md.\n"))
        let after = try fingerprints()
        #expect(before == after)
        #expect(!before.isEmpty)
    }

    @Test func identicalFindingsGetDistinctFingerprints() throws {
        let text = "- a  b\n- a  b\n- c  d\n"
        let report = SyntheticReport.make(text, [
            Diagnostic(ruleID: "whitespace", severity: .error, range: 3..<5, message: "2 spaces"),
            Diagnostic(ruleID: "whitespace", severity: .error, range: 10..<12, message: "2 spaces"),
            Diagnostic(ruleID: "whitespace", severity: .error, range: 17..<19, message: "2 spaces"),
        ])
        let prints = SARIFReporter.fingerprints(report.files[0])
        #expect(Set(prints).count == 3)
        #expect(prints.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
        // The same text elsewhere in the file keeps the recipe: line 2's copy is occurrence 1.
        let moved = SyntheticReport.make("\n\n" + text, report.files[0].diagnostics.indices.map { index in
            let shifted = [3..<5, 10..<12, 17..<19][index]
            return Diagnostic(ruleID: "whitespace", severity: .error, range: (shifted.lowerBound + 2)..<(shifted.upperBound + 2), message: "2 spaces")
        })
        #expect(SARIFReporter.fingerprints(moved.files[0]) == prints)
    }

    /// The recipe, pinned: FNV-1a of the path, the rule id, the line with blanks trimmed (read
    /// as text, so a byte that is not UTF-8 counts as U+FFFD) and the occurrence, NUL-separated.
    @Test func fingerprintsHashPathRuleTrimmedLineAndOccurrence() {
        let lines: [[UInt8]] = [
            Array(" \t- café  x \t\r\n".utf8),
            [UInt8(ascii: "-"), 0xFF, UInt8(ascii: " "), UInt8(ascii: "b"), UInt8(ascii: "\n")],
            Array("- plain\n\t- plain\n".utf8),
        ]
        let document = Document(bytes: lines.flatMap { $0 })
        let at = [3, 17, 23, 31]
        let diagnostics = at.map { Diagnostic(ruleID: "whitespace", severity: .error, range: $0..<($0 + 1), message: "m") }
        let reported = diagnostics.map { ReportedDiagnostic($0, path: "lists/ä.md", in: document) }
        let file = FileReport(path: "lists/ä.md", document: document, diagnostics: reported)
        let expected = [("- café  x", 0), ("-\u{FFFD} b", 0), ("- plain", 0), ("- plain", 1)].map { text, occurrence in
            FNV1a.hex("lists/ä.md\u{0}whitespace\u{0}\(text)\u{0}\(occurrence)")
        }
        #expect(reported.map(\.start.line) == [1, 2, 3, 4])
        #expect(SARIFReporter.fingerprints(file) == expected)
    }
}
