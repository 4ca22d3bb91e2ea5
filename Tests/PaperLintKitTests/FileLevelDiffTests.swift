import Foundation
import PaperLintCore
import PaperLintKit
import PaperLintTestSupport
import Testing

/// File-level rules (`order`, `duplicate`, `link-title-mismatch`, `date-mismatch`) in diff
/// modes, on real git repositories: a finding is reported on the entry the change added,
/// and an untouched old defect stays quiet under `--filter added`.
@Suite struct FileLevelDiffTests {
    static let rules: Set<String> = ["order", "duplicate", "link-title-mismatch", "date-mismatch"]

    func sampleRepository() throws -> (ScratchRepository, [String]) {
        let repo = try ScratchRepository()
        let text = try String(contentsOfFile: Fixtures.healthcare, encoding: .utf8)
        try repo.commit("README.md", text)
        return (repo, text.components(separatedBy: "\n"))
    }

    /// Writes `text` as the README and stages it.
    func stage(_ repo: ScratchRepository, _ text: String) throws {
        try repo.write("README.md", text)
        try repo.git("add", "README.md")
    }

    /// Stages the sample `lines` with `line` inserted at `index` (0-based).
    func stage(_ repo: ScratchRepository, _ lines: [String], inserting line: String, at index: Int) throws {
        var edited = lines
        edited.insert(line, at: index)
        try stage(repo, edited.joined(separator: "\n"))
    }

    func check(_ repo: ScratchRepository, _ mode: LintMode, filter: DiffFilter = .added) throws -> [ReportedDiagnostic] {
        try Linter.check(CheckRequest(mode: mode, filter: filter, currentDirectory: repo.path)).diagnostics
            .filter { Self.rules.contains($0.rule) }
    }

    func found(_ diagnostics: [ReportedDiagnostic]) -> [String] {
        diagnostics.map { "\($0.rule) \($0.severity) \($0.start.line)" }
    }

    @Test func outOfOrderEntryStagedInTheMiddleIsReportedAtItsLine() throws {
        let (repo, lines) = try sampleRepository()
        // Among the [2023/06] entries of "Specialized Medical LLMs": becomes line 61.
        try stage(repo, lines, inserting: "- [2023/11] **A Newly Added Medical LLM** *New Author et al. arXiv.* [[paper](https://arxiv.org/abs/2311.99999)]", at: 60)

        let staged = try check(repo, .staged)
        #expect(found(staged) == ["order error 61"])
        let order = try #require(staged.first)
        // The untouched entries of the section are the evidence of its direction.
        #expect(order.message == "[2023/11] entry is out of order: this section is newest first (42 of 42 dated entries in order)")
        #expect(order.related.map(\.start.line) == [42])
        #expect(order.related.map(\.message) == ["belongs before this [2023/10] entry"])
        // The fix moves the new entry, and only it, up to line 42, after the [2023/11] entries:
        // safe, since only the change's line moves.
        let fix = try #require(order.fix)
        #expect(fix.safety == .safe)
        #expect(fix.edits.count == 2)
        #expect(fix.edits.first?.start == SourcePosition(line: 42, column: 1))
        #expect(fix.edits.first?.replacement.hasPrefix("- [2023/11] **A Newly Added Medical LLM**") == true)
        #expect(fix.edits.last?.start == SourcePosition(line: 61, column: 1))
        #expect(fix.edits.last?.end == SourcePosition(line: 62, column: 1))
        #expect(fix.edits.last?.replacement == "")
        #expect(order.help == "move it between the [2023/11] entry (line 41) and the [2023/10] entry (line 42) (`paperlint fix` moves it)")
        // Old findings come back with the filter off; no other entry is blamed for the move.
        #expect(found(try check(repo, .staged, filter: .all)) == ["order error 61", "date-mismatch warning 69", "duplicate warning 118"])
    }

    @Test func duplicateOfAnOldEntryIsReportedOnTheNewLine() throws {
        let (repo, lines) = try sampleRepository()
        // A second PathAsst in its own section, after XrayGLM (line 98): becomes line 99.
        try stage(repo, lines, inserting: lines[96], at: 98)

        let staged = try check(repo, .staged)
        #expect(found(staged) == ["duplicate error 99"])
        let duplicate = try #require(staged.first)
        #expect(duplicate.related.map(\.start.line) == [97])
        #expect(duplicate.related.map(\.message) == ["first listed here"])
        // Identical bytes in one section: the fix removes the new line, restoring the file.
        let fix = try #require(duplicate.fix)
        #expect(fix.edits.count == 1)
        #expect(fix.edits[0].start == SourcePosition(line: 99, column: 1))
        #expect(fix.edits[0].end == SourcePosition(line: 100, column: 1))
        #expect(fix.edits[0].replacement == "")
    }

    @Test func untouchedOldDefectsStayQuietUnderFilterAdded() throws {
        let repo = try ScratchRepository()
        let base = """
            # Papers

            ## Models
            - [2023/06] **Model Z** *Z. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2306.00009)]
            - [2023/05] **Model A** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2305.00001)]
            - [2023/09] **Model B** *B. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2309.00002)]
            - [2023/04] **Model C** *C. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2304.00003)]
            - [2023/04] **Model C** *C. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2304.00003)]

            ## Agents
            - [2023/10] **Agent A** *D. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2310.00004)]

            """
        try repo.commit("README.md", base)
        let added = base.replacingOccurrences(
            of: "## Agents\n",
            with: "## Agents\n- [2023/11] **Agent B** *E. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2311.00005)]\n")
        try stage(repo, added)
        #expect(found(try check(repo, .staged)).isEmpty)
        #expect(found(try check(repo, .staged, filter: .all)) == ["order error 6", "duplicate error 8"])
        // Committed, the same holds for the range of that commit.
        try repo.git("commit", "-q", "-m", "add Agent B")
        #expect(found(try check(repo, .range("HEAD~1..HEAD"))).isEmpty)
    }

    @Test func aMovedEntryIsReportedInARange() throws {
        let repo = try ScratchRepository()
        let entries = (1...6).map { "- [2023/0\(7 - $0)] **Paper \($0)** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/230\(7 - $0).0000\($0))]" }
        try repo.commit("README.md", "# Papers\n\n" + entries.joined(separator: "\n") + "\n")
        // Move the [2023/06] entry below [2023/03]: line 3 disappears, line 6 is added.
        var moved = entries
        moved.insert(moved.remove(at: 0), at: 3)
        try repo.commit("README.md", "# Papers\n\n" + moved.joined(separator: "\n") + "\n")
        let range = try check(repo, .range("HEAD~1..HEAD"))
        #expect(found(range) == ["order error 6"])
        #expect(range.first?.related.map(\.message) == ["belongs before this [2023/05] entry"])
    }

    /// Issue 15's first case: a paper already listed, added again above its old copy with a
    /// `pdf/…v1` link. Staged, in the commit's range and through the hook, the finding is on
    /// the new line, the old copy is its related place; `--all` still reports the later copy.
    @Test func aDuplicateAddedAboveItsOldCopyIsReportedOnTheNewLine() throws {
        let (repo, lines) = try sampleRepository()
        // PathAsst (line 97) again, right above its old copy: becomes line 97, the old one 98.
        let copy = lines[96].replacingOccurrences(of: "arxiv.org/abs/2305.15072", with: "arxiv.org/pdf/2305.15072v1")
        #expect(copy != lines[96])
        try stage(repo, lines, inserting: copy, at: 96)
        let staged = try check(repo, .staged)
        #expect(found(staged) == ["duplicate error 97"])
        #expect(staged.first?.related.map(\.start.line) == [98])
        #expect(staged.first?.related.map(\.message) == ["already listed here"])
        let hook = try HookRunner.run(currentDirectory: repo.path, fixRequested: false).check.diagnostics
        #expect(found(hook.filter { Self.rules.contains($0.rule) }) == ["duplicate error 97"])
        // The whole file: the later copies are the repeats, as before.
        #expect(found(try check(repo, .all)).filter { $0.hasPrefix("duplicate") } == ["duplicate error 98", "duplicate warning 118"])
        try repo.git("commit", "-q", "-m", "add PathAsst again")
        #expect(found(try check(repo, .range("HEAD~1...HEAD"))) == ["duplicate error 97"])
    }

    /// Issue 15's second case: `[2023/01]` pasted between `[2023/05]` and `[2023/03]`, where
    /// dropping it or its old neighbour leaves an equally long ordered run: the new entry is
    /// the one out of order, staged and in the commit's range.
    @Test func anEntryPastedBetweenItsNeighboursIsTheOneOutOfOrder() throws {
        let repo = try ScratchRepository()
        let old = ["[2023/09]", "[2023/07]", "[2023/05]", "[2023/03]"].enumerated().map { index, date in
            "- \(date) **Paper \(index)** *A. Author et al. arXiv.* [[paper](https://example.org/\(index))]"
        }
        try repo.commit("README.md", "# Papers\n\n" + old.joined(separator: "\n") + "\n")
        var new = old
        new.insert("- [2023/01] **Pasted** *B. Author et al. arXiv.* [[paper](https://example.org/p)]", at: 3)
        try stage(repo, "# Papers\n\n" + new.joined(separator: "\n") + "\n")
        let staged = try check(repo, .staged)
        #expect(found(staged) == ["order error 6"])
        #expect(staged.first?.related.map(\.message) == ["belongs after this [2023/03] entry"])
        // The whole file, with no change to prefer: the earliest run is kept, as before.
        #expect(found(try check(repo, .all)) == ["order error 7"])
        try repo.git("commit", "-q", "-m", "paste")
        #expect(found(try check(repo, .range("HEAD~1...HEAD"))) == ["order error 6"])
    }

    /// A new entry above an old one, pasting the old one's link under its own title: the
    /// mismatch is reported on the new line, the old entry is the related place.
    @Test func aLinkPastedAboveItsOwnerIsReportedOnTheNewLine() throws {
        let (repo, lines) = try sampleRepository()
        try stage(repo, lines, inserting: "- [2023/05] **A Different Pathology Model** *X. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2305.15072)]", at: 96)
        let staged = try check(repo, .staged)
        #expect(found(staged) == ["link-title-mismatch error 97"])
        #expect(staged.first?.related.map(\.start.line) == [98])
        #expect(staged.first?.message == "arXiv id 2305.15072 is also the link of “PathAsst: Redefining Pathology through…”, a different title")
        // The whole file: the later of the two, as before.
        #expect(found(try check(repo, .all)).filter { $0.hasPrefix("link-title") } == ["link-title-mismatch error 98"])
    }

    /// `fix --staged --write` for one misplaced new entry moves that line, and only it, in the
    /// index: the list as it was, with the new entry where its date belongs.
    @Test func fixStagedMovesOnlyTheMisplacedNewEntry() throws {
        let (repo, lines) = try sampleRepository()
        let new = "- [2023/11] **A Newly Added Medical LLM** *New Author et al. arXiv.* [[paper](https://arxiv.org/abs/2311.99999)]"
        try stage(repo, lines, inserting: new, at: 60)
        let report = try Fixer.run(FixRequest(mode: .staged, output: .write, currentDirectory: repo.path))
        #expect(report.appliedCount >= 1)
        var expected = lines
        expected.insert(new, at: 41)
        #expect(try repo.git("show", ":README.md") == expected.joined(separator: "\n"))
        #expect(found(try check(repo, .staged)).isEmpty)
    }

    /// Where the arXiv month names the entry a link belongs to, that evidence wins over the
    /// change: a contributor adding the right entry is not blamed for an old wrong link.
    @Test func theArxivMonthStillNamesTheOwnerInADiff() throws {
        let repo = try ScratchRepository()
        let old = ["- [2023/09] **Old Paper With A Pasted Link** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2305.15072)]",
                   "- [2023/08] **Other** *B. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]"]
        try repo.commit("README.md", "# Papers\n\n" + old.joined(separator: "\n") + "\n")
        let added = "- [2023/05] **The Real Owner** *C. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2305.15072)]"
        try stage(repo, "# Papers\n\n" + ([added] + old).joined(separator: "\n") + "\n")
        // The old entry, dated 2023/09, carries 2305.x: it is the one reported, and the
        // contributor's line stays quiet.
        #expect(found(try check(repo, .staged)).filter { $0.hasPrefix("link-title") }.isEmpty)
        #expect(found(try check(repo, .all)).filter { $0.hasPrefix("link-title") } == ["link-title-mismatch error 4"])
    }

    /// A heading the change renames breaks an old table-of-contents link: the finding is on
    /// the renamed heading (the change), the link is the related place, and the fix mends it.
    @Test func aRenamedHeadingCarriesTheBrokenLinkFinding() throws {
        let repo = try ScratchRepository()
        let entries = "- [2023/10] **A** *A. Author. arXiv.* [[paper](https://x.org/a)]\n"
        let before = "# List\n\n## Contents\n- [Models](#models)\n- [Agents](#agents)\n\n## Models\n\n" + entries + "\n## Agents\n\n" + entries
        try repo.commit("README.md", before)
        try stage(repo, before.replacingOccurrences(of: "## Models\n", with: "## Modelss\n"))
        let staged = try Linter.check(CheckRequest(mode: .staged, currentDirectory: repo.path)).diagnostics.filter { $0.rule == "toc" }
        #expect(staged.map(\.start.line) == [7])
        #expect(staged.first?.message == "“Modelss” now has the anchor `#modelss`; the link `#models` (line 4) no longer matches it")
        #expect(staged.first?.related.map(\.start.line) == [4])
        // The whole file: on the link, as before.
        let all = try Linter.check(CheckRequest(mode: .all, currentDirectory: repo.path)).diagnostics.filter { $0.rule == "toc" }
        #expect(all.map(\.start.line) == [4])
    }
}
