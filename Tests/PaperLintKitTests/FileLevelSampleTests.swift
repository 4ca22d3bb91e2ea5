import Foundation
import PaperLintCore
import PaperLintKit
import PaperLintTestSupport
import Testing

/// `order`, `duplicate`, `link-title-mismatch` and `date-mismatch` over the three sample
/// lists, each with the configuration `paperlint init` infers for it. Every error below was
/// reviewed by hand as a defect a maintainer would fix (see each list's comments); warnings
/// are counted so that a change in what the rules find shows up here.
@Suite struct FileLevelSampleTests {
    static let rules: Set<String> = ["order", "duplicate", "link-title-mismatch", "date-mismatch"]

    struct Findings {
        var errors: [String]
        var warnings: [String: [Int]]
    }

    func findings(_ path: String) throws -> Findings {
        let yaml = try Initializer.run(path: path, currentDirectory: "/", write: false, force: false).inference.yaml
        var configuration = try ConfigurationLoader.load(text: yaml)
        configuration.today = YearMonth(year: 2026, month: 6)
        let document = Document(bytes: try Fixtures.bytes(path))
        let found = Linter.lint(document, path: "README.md", configuration).filter { Self.rules.contains($0.rule) }
        var warnings: [String: [Int]] = [:]
        for diagnostic in found where diagnostic.severity == .warning {
            warnings[diagnostic.rule, default: []].append(diagnostic.start.line)
        }
        #expect(found.allSatisfy { $0.severity != .info })
        return Findings(
            errors: found.filter { $0.severity == .error }.map { "\($0.rule) \($0.start.line)" }, warnings: warnings)
    }

    @Test func healthcare() throws {
        let found = try findings(Fixtures.healthcare)
        #expect(found.errors == [])
        // 68: dated 2023/04, arXiv 2310.15896 (SOURCES.md). Line 44 (2023/10 vs 2309.00237) is
        // within the one-month tolerance. 117: PathAsst again, first at 97, another section.
        #expect(found.warnings == ["date-mismatch": [68], "duplicate": [117]])
    }

    /// The rule rates a repeat across sections a warning; a severity configured for the rule
    /// applies to all of its findings, and scope: file makes the repeat a full duplicate.
    @Test func configuredSeverityAppliesToTheCrossSectionRepeat() throws {
        let document = Document(bytes: try Fixtures.bytes(Fixtures.healthcare))
        func pathAsst(_ yaml: String) throws -> [Severity] {
            Linter.lint(document, path: "README.md", try ConfigurationLoader.load(text: yaml))
                .filter { $0.rule == "duplicate" }.map(\.severity)
        }
        #expect(try pathAsst("") == [.warning])
        #expect(try pathAsst("rules: {duplicate: error}\n") == [.error])
        #expect(try pathAsst("rules: {duplicate: info}\n") == [.info])
        #expect(try pathAsst("duplicates: {scope: file}\n") == [.error])
        #expect(try pathAsst("rules: {duplicate: off}\n") == [])
        #expect(try pathAsst("duplicates: {scope: file}\nrules: {duplicate: warning}\n") == [.warning])
    }

    @Test(.enabled(if: Fixtures.sharedSample("agent-papers-README.md") != nil, "../shared/samples absent: skipped"))
    func agentPapers() throws {
        let found = try findings(try #require(Fixtures.sharedSample("agent-papers-README.md")))
        #expect(found.errors == [
            // RecurrentGPT [2023/05] appended after [2023/03] in "Summarizing memory" and "Memory retrieval".
            "order 215", "order 233",
            // "Reasoning": [2023/02] Multimodal CoT after [2022/03].
            "order 252",
            // "Plan formulation": [2023/05] Agents and [2022/12] Don't Generate after [2022/04].
            "order 273", "order 274",
            // FireAct carries Voyager's arXiv id 2305.16291 (its own is 2310.05915); the id's
            // month fits Voyager (line 286, [2023/05]), not FireAct ([2023/10]).
            "link-title-mismatch 283",
            // "In web scenarios": [2023/05] Agents and [2024/04] OSWorld appended after [2021/12].
            "order 450", "order 451",
            // "Disordered cooperation": [2023/05] Agents after [2023/01].
            "order 489",
            // "Ordered cooperation": [2023/04] after [2023/03].
            "order 508",
            // [2023/08] ProAgent after [2023/07].
            "order 591",
            // Intent changed: "Other Application" ([2023/08] after [2023/07], [2023/12] D-Bot at
            // the end: 542, 545) and "4.1 Benchmarks" ([2023/10] SmartPlay after [2023/08],
            // [2024/04] OSWorld at the end: 671, 673) are no longer checked. `init` writes
            // `order: auto`, as a run without configuration checks it, and 6 of 8 and 3 of 5
            // dates in order are too few to show a direction (a pinned `newest-first` checked
            // every section, the topic sections of other lists too). A run without
            // configuration never reported them.
        ])
        #expect(found.warnings["date-mismatch"] == [131, 151, 244, 273, 283, 312, 314, 322, 338, 408, 417, 423, 450, 458, 489, 544, 678])
        // The list repeats papers across sections on purpose (77 of its 329 entries): a habit of
        // its own, so none is reported, and none repeats inside one part.
        #expect(found.warnings["duplicate"] == nil)
        #expect(found.errors.allSatisfy { !$0.hasPrefix("duplicate") })
    }

    @Test(.enabled(if: Fixtures.sharedSample("game-agent-papers-README.md") != nil, "../shared/samples absent: skipped"))
    func gameAgentPapers() throws {
        let found = try findings(try #require(Fixtures.sharedSample("game-agent-papers-README.md")))
        #expect(found.errors == [
            // AMONGAGENTS with Guandan's arXiv id 2408.02559 (line 161).
            "link-title-mismatch 204",
            // AMONGAGENTS again, with Atari-GPT's arXiv id 2408.15950 (line 213), and dated
            // [2024/08] below [2024/09] in an oldest-first list.
            "order 215", "link-title-mismatch 215",
        ])
        #expect(found.warnings == [
            // 67: 2024/04 vs 2402.11651; 113: 2024/04 vs 2406.07381; 162: 2024/10 vs 2503.04094;
            // 203: 2024/06 vs 2404.17662.
            "date-mismatch": [67, 113, 162, 203],
            // 215: AMONGAGENTS, first at 204; 224: Cradle, first at 82.
            "duplicate": [215, 224],
        ])
    }
}
