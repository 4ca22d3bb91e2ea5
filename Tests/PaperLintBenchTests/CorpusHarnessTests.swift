import Foundation
import PaperLintBenchSupport
import PaperLintTestSupport
import Testing

/// The corpus harness's own pieces: what it calls an entry line, and the replay's counting on
/// a three-commit history built here (no bundle, no ../shared).
@Suite struct CorpusHarnessTests {
    @Test(arguments: [
        // The common forms of the corpus.
        "- [2023/10] **A Title.** *A. Author et al. ICLR 2023.* [[paper](https://arxiv.org/abs/2310.12345)]",
        "* (2023-05) [ReAct: Synergizing Reasoning and Acting](https://arxiv.org/abs/2210.03629) (agent, reasoning)",
        "12. [2024/01/02] A Title. [[paper](https://example.org/p)]",
        "  - **[2025-6]** Nested Title. ([Paper](https://example.org/p), [Code]())",
        "+ [NeurIPS 2023.10] A Title [[paper]](https://example.org/p)",
        "1) [2024] A Title [pdf](papers/a-title.pdf)",            // relative target
        "- [2024] A Title [[paper]] [[code]]",                      // [[label]] without a URL
        "- (arXiv 2023.5) Title with **bold keywords**, [[Paper]](http://example.org/p)",
        "\t- [5 Feb 2025] [[CHI 2025]](https://example.org/p) **Title**",
    ])
    func entryLines(line: String) {
        #expect(CorpusEntryLine.isEntry(line), "\(line)")
    }

    @Test(arguments: [
        "- [Papers 2023](#papers-2023)",                          // table of contents: an anchor
        "- [2024/05/01] 🔥 We released the survey!",              // news without a link
        "| [2023/10](https://example.org/p) | A Title | ICLR |",   // table row
        "[2023] A Title [[paper](https://example.org/p)]",        // no list marker
        "-[2023] A Title [[paper](https://example.org/p)]",       // no blank after the marker
        "- A Title [[paper](https://arxiv.org/abs/2012.12345)]",  // a year only inside the URL
        "- [12023] A Title [[paper](https://example.org/p)]",     // five digits are no year
        "- Contact us (2024) [mail](mailto:lists@example.org)",   // not an http or relative target
        "- [2024] A Title [paper]()",                             // empty target
        "## 2023 [papers](https://example.org/p)",                // heading
        "> - [2023] Quoted [[paper](https://example.org/p)]",     // block quote
        "---",
        "",
    ])
    func notEntryLines(line: String) {
        #expect(!CorpusEntryLine.isEntry(line), "\(line)")
    }

    @Test func fencedCodeIsNotEntries() {
        let entry = "- [2023/10] **T.** [[paper](https://example.org/p)]"
        let lines = [entry, "```markdown", entry, "````", entry, "```", entry, "~~~", entry, "```", entry, "~~~", entry, "~~~",
                     entry, "  ````", entry, "```", entry]
        // ```markdown opens and "````" closes it (longer is fine); ``` opens again and the ~~~
        // inside does not close it; ``` does; ~~~ … ~~~; an indented ```` is not closed by a
        // shorter ``` and runs to the end.
        #expect(CorpusEntryLine.flags(lines) == [true, false, false, false, true, false, false, false, false, false,
                                                  true, false, false, false, true, false, false, false, false])
        #expect(CorpusEntryLine.entryLineNumbers(in: Array((lines.joined(separator: "\r\n") + "\r\n").utf8)) == [1, 5, 11, 15])
    }

    @Test func paperKeys() {
        #expect(CorpusEntryLine.paperKey("- [2023/10] **T.** [[paper](https://arxiv.org/pdf/2310.12345v2.pdf)]") == "arxiv:2310.12345")
        #expect(CorpusEntryLine.paperKey("- [2023/10] Other T. [[paper](https://arxiv.org/abs/2310.12345)]") == "arxiv:2310.12345")
        #expect(CorpusEntryLine.paperKey("- [2023] **T.** [[paper](https://aclanthology.org/2023.acl-1.1)] [x](http://b.org)")
                == "url:https://aclanthology.org/2023.acl-1.1")
        #expect(CorpusEntryLine.paperKey("- [2023] **Deep  Nets, Again!** [[paper]]") == "title:deepnetsagain")
        #expect(CorpusEntryLine.paperKey("- [2023] Deep Nets [pdf](a.pdf)") == "title:2023deepnetspdf")
    }

    @Test func lineHashIsFNV1a64() {
        #expect(CorpusText.fnv1a64("") == "cbf29ce484222325")
        #expect(CorpusText.fnv1a64("a") == "af63dc4c8601ec8c")
        #expect(CorpusText.lines(Array("a\r\nb\n\nc".utf8)) == ["a", "b", "", "c"])
        #expect(CorpusText.urlLinkCount(Array("[a](http://x) [b](https://y) [c](#z)".utf8)) == 2)
    }

    /// A seeded shuffle per rule, drawn round-robin: every rule shows up before any repeats,
    /// and the same seed draws the same findings.
    @Test func sampleIsStratifiedAndReproducible() {
        let findings = (0..<30).map { i in
            CorpusFinding(list: "l", source: "head", line: i + 1, rule: i < 25 ? "common" : "rare\(i % 2)", severity: "error",
                          message: "m", text: "t\(i)", hash: CorpusText.fnv1a64("t\(i)"))
        }
        let sample = CorpusHarness.sample(findings, size: 6, seed: 7)
        #expect(sample.count == 6)
        #expect(sample.count { $0.rule == "rare0" } == 2 && sample.count { $0.rule == "rare1" } == 2)
        #expect(sample == CorpusHarness.sample(findings.reversed(), size: 6, seed: 7))
        #expect(CorpusHarness.sample(findings, size: 100, seed: 7).count == 30)
    }

    /// Three commits: the root (not replayed), one adding two entries (one with trailing
    /// whitespace), a news line and a fenced example, and one rewriting the flawed entry for the
    /// same paper and adding a third.
    @Test func replayCountsAddedEntryLinesAndMaintainerFixes() throws {
        let repository = try ScratchRepository()
        func entry(_ month: Int, _ id: Int, _ title: String) -> String {
            "- [2023/\(month)] **\(title).** *A. Author et al. ICLR 2023.* [[paper](https://arxiv.org/abs/23\(month).\(10000 + id))]"
        }
        let header = "# Papers\n\n## Agents\n\n"
        let old = [entry(10, 1, "Agents That Plan"), entry(10, 2, "Agents That Act")]
        let flawed = entry(11, 3, "Agents That Remember") + "  "
        let fixed = entry(11, 3, "Agents That Remember Everything")
        let versions = [
            header + old.joined(separator: "\n") + "\n",
            "# Papers\n\n- [2024/01] 🔥 The list moved.\n\n```\n" + entry(12, 9, "An Example") + "\n```\n\n## Agents\n\n"
                + ([entry(11, 4, "Agents That Talk"), flawed] + old).joined(separator: "\n") + "\n",
            "# Papers\n\n- [2024/01] 🔥 The list moved.\n\n```\n" + entry(12, 9, "An Example") + "\n```\n\n## Agents\n\n"
                + ([entry(12, 5, "Agents That Sleep"), entry(11, 4, "Agents That Talk"), fixed] + old).joined(separator: "\n") + "\n",
        ]
        for (i, text) in versions.enumerated() {
            try Data(text.utf8).write(to: URL(fileURLWithPath: repository.path + "/README.md"))
            try repository.git("add", "README.md")
            try repository.git("commit", "-q", "--no-verify", "-m", "version \(i)")
        }

        let report = try CorpusHarness.measureRepository(
            URL(fileURLWithPath: repository.path), name: "synthetic/list", paperlint: Fixtures.executable,
            options: CorpusOptions(sampleSize: 0))
        #expect(report.historyCommits == 3)
        #expect(report.entryLines == 5, "the head's entries; the fenced example is none")
        #expect(report.replay.commits == 2)
        // Commit 2 adds 2 + news + blank + ``` + example + ``` + blank = 8 lines (2 entries);
        // commit 3 adds the rewritten entry and a new one.
        #expect(report.replay.addedLines == 10)
        #expect(report.replayAddedEntryLines == 4)
        let trailing = report.findings.filter { $0.rule == "whitespace" && $0.text == flawed }
        #expect(!trailing.isEmpty, "the trailing blanks are flagged: \(report.findings)")
        #expect(trailing.allSatisfy { $0.hash == CorpusText.fnv1a64(flawed) && $0.line == 12 && $0.source != "head" })
        #expect(report.replay.flaggedAddedEntryLines >= 1 && report.replayFindings >= 1)
        #expect(report.replay.failures == 0, "\(report.replay.failureMessages)")

        let fixes = report.maintainerFixes
        #expect(fixes.addedEntryLines == 4)
        #expect(fixes.rewritten == 1 && fixes.rewrittenFlagged == 1, "the flawed line was rewritten for the same arXiv id")
        #expect(fixes.removed == 0)
        #expect(fixes.rewriteRateFlagged > fixes.rewriteRateUnflagged)

        let withInit = try #require(report.replayWithInit)
        #expect(withInit.commits == 2 && withInit.addedEntryLines == 4 && withInit.initFailures == 0, "\(withInit.failureMessages)")
        let fix = try #require(report.fix)
        #expect(fix.entryLinesBefore == 5 && fix.nothingLost && fix.idempotent)
    }

    /// `--commits N` keeps the last N commits with a parent; the rewrite of (f) still counts.
    @Test func lastCommitsOnly() throws {
        let repository = try ScratchRepository()
        for i in 1...4 {
            let lines = (1...i).reversed().map { "- [2023/0\($0)] **Paper \($0).** [[paper](https://arxiv.org/abs/230\($0).1000\($0))]" }
            try Data(("# L\n\n" + lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: repository.path + "/README.md"))
            try repository.git("add", "README.md")
            try repository.git("commit", "-q", "--no-verify", "-m", "\(i)")
        }
        let report = try CorpusHarness.measureRepository(
            URL(fileURLWithPath: repository.path), name: "synthetic/short", paperlint: Fixtures.executable,
            options: CorpusOptions(commitsPerList: 2, replayWithInit: false, fixCheck: false))
        #expect(report.replay.commits == 2 && report.replayAddedEntryLines == 2)
        #expect(report.replayWithInit == nil && report.fix == nil)
    }
}
