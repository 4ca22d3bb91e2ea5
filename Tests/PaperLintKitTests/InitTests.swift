import Foundation
import PaperLintCore
import PaperLintKit
import PaperLintTestSupport
import Testing

/// `paperlint init` on the three sample lists must infer what SOURCES.md says of each.
@Suite struct InitTests {
    func infer(_ path: String) throws -> StyleInference {
        try Initializer.run(path: path, currentDirectory: "/", write: false, force: false).inference
    }

    @Test func healthcareIsThePaperListStyle() throws {
        let inference = try infer(Fixtures.healthcare)
        #expect(inference.configuration.presetName == "paper-list")
        // Intent changed: order is written `auto` (each section in the direction its dates show,
        // as a run without configuration checks it), with the directions found as evidence.
        #expect(inference.value("order") == "auto")
        #expect(inference.findings.first { $0.key == "order" }?.evidence.hasPrefix("newest-first sections: ") == true)
        #expect(inference.value("entry.link-syntax") == "[[label](url)]")
        #expect(inference.value("entry.authors") == "authors-venue")
        #expect(inference.value("entry.title") == "bold")
        // The list mixes both separators; the majority wins and the counts show the mix.
        #expect(inference.value("entry.link-separator") == "space")
        #expect(inference.findings.first { $0.key == "entry.link-separator" }?.evidence == "`] [[`: 48, `][[`: 3")
        #expect(inference.labelEvidence == "paper: 90, code: 66, blog: 4, demo: 1")
        // Surveys and evaluation sections end titles with a period, model sections do not: both
        // forms are the list's own (27 of 109 is a real share), so `auto` flags neither.
        #expect(inference.value("entry.title-period") == "auto")
        #expect(inference.findings.first { $0.key == "entry.title-period" }?.evidence == "no final '.': 82, ends with '.': 27; both are the list's")
        #expect(inference.paperEntries == 110)
    }

    @Test(.enabled(if: Fixtures.sharedSample("agent-papers-README.md") != nil, "../shared/samples absent: skipped"))
    func agentPapersEndTitlesWithPeriods() throws {
        let inference = try infer(try #require(Fixtures.sharedSample("agent-papers-README.md")))
        #expect(inference.configuration.presetName == "paper-list")
        #expect(inference.value("order") == "auto")
        // Every section agrees (the quoted titles of 4.1 end in `."` and do not vote).
        #expect(inference.value("entry.title-period") == "require")
        #expect(inference.value("entry.link-syntax") == "[[label](url)]")
        #expect(inference.labelEvidence.contains("project page: 35"))
        #expect(inference.unknownLabels.map(\.0) == ["codes and platform", "data viewer"])
    }

    @Test(.enabled(if: Fixtures.sharedSample("game-agent-papers-README.md") != nil, "../shared/samples absent: skipped"))
    func gameAgentPapersAreTheVenueVariant() throws {
        let inference = try infer(try #require(Fixtures.sharedSample("game-agent-papers-README.md")))
        #expect(inference.configuration.presetName == "venue-list")
        #expect(inference.value("order") == "auto")
        #expect(inference.configuration.order == .auto, "not the venue-list preset's oldest-first")
        #expect(inference.findings.first { $0.key == "order" }?.evidence.hasPrefix("oldest-first sections: ") == true)
        #expect(inference.value("entry.authors") == "venue")
        // `] [[` (13 of 67) and `[[label]](url)` (21 of 194) are real shares: forms of the list's own.
        #expect(inference.value("entry.link-separator") == "[none, space]")
        // SOURCES.md describes the links as [[paper]](url); the list's own majority is [[paper](url)].
        #expect(inference.findings.first { $0.key == "entry.link-syntax" }?.values == ["[[label](url)]", "[[label]](url)"])
        #expect(inference.findings.first { $0.key == "entry.link-syntax" }?.evidence.contains("`[[label]](url)`: 21") == true)
        #expect(inference.paperEntries == 126)
    }

    /// What `init` writes checks what a run without configuration checks: a section grouped by
    /// topic is not held to the direction of the dated ones, and the arXiv link form, a matter
    /// of taste, is shown commented out rather than switched on.
    @Test func initChecksOrderAndTasteAsARunDoes() throws {
        let repo = try ScratchRepository()
        let dated = (1...9).reversed().map { "- [2023/0\($0)] **Paper \($0)** *A. B. arXiv.* [[paper](https://arxiv.org/pdf/230\($0).0000\($0))]\n" }.joined()
        let topic = ["2021/05", "2023/02", "2019/11", "2022/08", "2020/01"].enumerated().map {
            "- [\($1)] **Topic \($0)** *A. B. arXiv.* [[paper](https://arxiv.org/pdf/2101.0000\($0))]\n"
        }.joined()
        let abs = "- [2023/01] **Abs Paper** *A. B. arXiv.* [[paper](https://arxiv.org/abs/2301.00099)]\n"
        try repo.write("README.md", "# List\n\n## Recent\n\n" + dated + abs + "\n## By topic\n\n" + topic)
        let learned = try Linter.check(CheckRequest(mode: .all, currentDirectory: repo.path)).diagnostics.map { "\($0.rule):\($0.start.line)" }
        let outcome = try Initializer.run(path: "README.md", currentDirectory: repo.path, write: true, force: false)
        #expect(outcome.inference.yaml.contains("\norder: auto "))
        #expect(outcome.inference.yaml.contains("\n  # arxiv-form: pdf "))
        let pinned = try Linter.check(CheckRequest(mode: .all, currentDirectory: repo.path)).diagnostics.map { "\($0.rule):\($0.start.line)" }
        #expect(learned == pinned)
        #expect(!pinned.contains { $0.hasPrefix("order:") || $0.hasPrefix("arxiv-url:") }, "\(pinned)")
    }

    @Test func printedConfigurationLoadsBack() throws {
        for path in [Fixtures.healthcare] + ["agent-papers-README.md", "game-agent-papers-README.md"].compactMap(Fixtures.sharedSample) {
            let inference = try infer(path)
            let loaded = try ConfigurationLoader.load(text: inference.yaml)
            #expect(loaded.style == inference.configuration.style, "\(path)")
            #expect(loaded.order == inference.configuration.order)
            #expect(loaded.presetName == inference.configuration.presetName)
        }
    }

    @Test func writeCreatesTheFileAndRefusesToReplaceIt() throws {
        let repo = try ScratchRepository()
        try repo.write("docs/LIST.md", try String(contentsOfFile: Fixtures.healthcare, encoding: .utf8))
        let outcome = try Initializer.run(path: "docs/LIST.md", currentDirectory: repo.path, write: true, force: false)
        #expect(outcome.wrote)
        let written = String(decoding: try repo.read(".paperlint.yml"), as: UTF8.self)
        #expect(written == outcome.inference.yaml)
        #expect(written.contains("files: [docs/LIST.md]"))
        // check now finds the list without arguments.
        let report = try Linter.check(CheckRequest(mode: .all, currentDirectory: repo.path))
        #expect(report.files.map(\.path) == ["docs/LIST.md"])
        do {
            _ = try Initializer.run(path: "docs/LIST.md", currentDirectory: repo.path, write: true, force: false)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.message.hasPrefix(".paperlint.yml: already exists at "))
        }
        #expect(try Initializer.run(path: "docs/LIST.md", currentDirectory: repo.path, write: true, force: true).wrote)
    }

    /// `init` writes the date forms the list uses, in the date rule's own terms, and the list
    /// then checks clean under what it wrote.
    @Test func writesTheListsOwnDateForms() throws {
        let repo = try ScratchRepository()
        let dotted = (1...9).map { "- [arXiv 2023.0\($0)] Plain Title \($0) [[paper]](https://x.org/\($0))\n" }.joined()
        let venueYears = (1...3).map { "- [ICML 202\($0)] Venue Paper \($0) [[paper]](https://y.org/\($0))\n" }.joined()
        let named = (1...4).map { "- [\($0) May 2025] Named Title \($0) [[paper]](https://z.org/\($0))\n" }.joined()
        try repo.write("README.md", "# List\n\n## Papers\n\n" + dotted + venueYears + named)
        let outcome = try Initializer.run(path: "README.md", currentDirectory: repo.path, write: true, force: false)
        #expect(outcome.inference.value("entry.date") == "[YYYY.MM, D Mon YYYY]")
        let loaded = try ConfigurationLoader.load(text: outcome.inference.yaml)
        #expect(loaded.style.date == [.dotted, .dayMonthName])
        let report = try Linter.check(CheckRequest(mode: .all, currentDirectory: repo.path))
        #expect(report.files.flatMap(\.diagnostics).filter { $0.rule == "date-format" }.isEmpty)
    }

    /// `init` and a run without configuration are one classification: the forms `init` writes
    /// are the forms the rules accept at run time, so pinning them reports the same lines.
    @Test func initWritesWhatARunLearns() throws {
        let repo = try ScratchRepository()
        var lines = (0..<20).map { "- [arXiv 2023.\(String(format: "%02d", $0 % 12 + 1))] Plain Title \($0), [[Paper]](https://arxiv.org/pdf/2301.000\($0 + 10)) [[Code]](https://github.com/o/r\($0))" }
        lines += (0..<4).map { "- [\(2010 + $0)] **Classic \($0)**, [[Paper]](https://x.org/c\($0))" }
        lines.append("- [2023-05] Odd Date, [[Paper]](https://x.org/odd)][[Code]](https://github.com/o/odd)")
        try repo.write("README.md", "# List\n\n## Papers\n\n" + lines.joined(separator: "\n") + "\n")
        let learned = try Linter.check(CheckRequest(mode: .all, currentDirectory: repo.path)).diagnostics
        let outcome = try Initializer.run(path: "README.md", currentDirectory: repo.path, write: true, force: false)
        #expect(outcome.inference.value("entry.date") == "[YYYY.MM, YYYY]")
        #expect(outcome.inference.value("entry.title") == "[plain, bold]")
        let pinned = try Linter.check(CheckRequest(mode: .all, currentDirectory: repo.path)).diagnostics
        let style: Set<String> = ["date-format", "entry-format", "link-spacing"]
        let where_ = { (found: [ReportedDiagnostic]) in found.filter { style.contains($0.rule) }.map { "\($0.rule):\($0.start.line)" } }
        #expect(where_(learned) == where_(pinned))
        #expect(where_(learned).contains("date-format:29"), "\(where_(learned))")
    }
}
