import Foundation
import PaperLintKit
import PaperLintTestSupport
import Testing

/// `fix --write` against real repositories: partial staging, --commit, and refusals.
@Suite struct FixGitTests {
    let header = "# Papers\n\n## Section\n"
    let clean = [
        "- [2023/10] **Alpha** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2310.11111)]",
        "- [2023/09] **Beta** *B. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2309.22222)]",
        "- [2023/08] **Gamma** *C. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2308.33333)]",
        "- [2023/07] **Delta** *D. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2307.44444)]",
        "- [2023/06] **Epsilon** *E. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2306.55555)]",
        "- [2023/05] **Zeta** *F. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2305.16666)]",
        "- [2023/04] **Eta** *G. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2304.17777)]",
        "- [2023/03] **Theta** *H. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2303.18888)]",
    ]
    let newEntry = "- [2023/11] **Iota** *I. Author et al. arXiv.*  [[paper](https://arxiv.org/abs/2311.19999)]  "
    let newEntryFixed = "- [2023/11] **Iota** *I. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2311.19999)]"

    func text(_ entries: [String]) -> String { header + entries.joined(separator: "\n") + "\n" }

    func fix(_ repo: ScratchRepository, _ mode: LintMode, commit: Bool = false) throws -> FixReport {
        try Fixer.run(FixRequest(mode: mode, output: .write, commit: commit, currentDirectory: repo.path))
    }

    func diffLines(_ repo: ScratchRepository, _ arguments: String...) throws -> [String] {
        try repo.git(["diff", "--no-color", "-U0"] + arguments).split(separator: "\n")
            .filter { ($0.hasPrefix("+") || $0.hasPrefix("-")) && !$0.hasPrefix("+++") && !$0.hasPrefix("---") }.map(String.init)
    }

    @Test func stagedFixKeepsAnUnstagedEditElsewhere() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", text(clean))
        try repo.write("README.md", text([newEntry] + clean))
        try repo.git("add", "README.md")
        var work = [newEntry] + clean
        work[8] = "- [2023/03] **Theta, revised** *H. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2303.18888)]"
        try repo.write("README.md", text(work))

        let report = try fix(repo, .staged)
        #expect(report.files.first?.applied == ["whitespace": 2])
        #expect(report.notes.isEmpty)
        // The index holds the fixed staged content …
        #expect(try diffLines(repo, "--cached") == ["+" + newEntryFixed])
        // … and the work tree keeps its unstaged edit, with the same fix applied.
        #expect(try diffLines(repo) == ["-" + clean[7], "+" + work[8]])
        #expect(String(decoding: try repo.read("README.md"), as: UTF8.self) == text([newEntryFixed] + Array(work.dropFirst())))
    }

    @Test func stagedFixLeavesAnOverlappingWorkTreeAlone() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", text(clean))
        try repo.write("README.md", text([newEntry] + clean))
        try repo.git("add", "README.md")
        // The unstaged edit changes the very line the fix touches.
        let edited = newEntry.replacingOccurrences(of: "Iota", with: "Iota (v2)")
        try repo.write("README.md", text([edited] + clean))

        let report = try fix(repo, .staged)
        #expect(report.notes == ["README.md: unstaged edits in the work tree touch the fixed lines; fixed in the index only (compare with git diff)"])
        #expect(try diffLines(repo, "--cached") == ["+" + newEntryFixed])
        #expect(String(decoding: try repo.read("README.md"), as: UTF8.self) == text([edited] + clean), "not a byte of unstaged work lost")
    }

    @Test func worktreeFixTouchesOnlyChangedLines() throws {
        let repo = try ScratchRepository()
        var old = clean
        old[3] = old[3] + "  "  // an old defect nobody touched
        try repo.commit("README.md", text(old))
        try repo.write("README.md", text([newEntry] + old))
        let report = try fix(repo, .worktree)
        #expect(report.files.first?.applied == ["whitespace": 2])
        #expect(String(decoding: try repo.read("README.md"), as: UTF8.self) == text([newEntryFixed] + old))
        let everything = try Fixer.run(FixRequest(mode: .worktree, filter: .all, output: .write, currentDirectory: repo.path))
        #expect(everything.files.first?.applied == ["whitespace": 1])
    }

    @Test func commitRecordsTheFixesAsOneCommit() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", text([newEntry] + clean))
        let parent = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let report = try fix(repo, .all, commit: true)
        let id = try #require(report.commitID)
        #expect(try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines) == id)
        #expect(try repo.git("rev-parse", "HEAD^").trimmingCharacters(in: .whitespacesAndNewlines) == parent)
        #expect(try repo.git("log", "-1", "--format=%B") == "Fix 2 paperlint findings in README.md\n\nApplied by `paperlint fix --all --write --commit`:\n- whitespace: 2\n\n")
        #expect(try repo.git("show", "HEAD:README.md") == text([newEntryFixed] + clean))
        #expect(try repo.git("status", "--porcelain").isEmpty, "work tree and index end clean")
        #expect(try repo.git("diff", "--name-only", "HEAD^", "HEAD") == "README.md\n")
    }

    @Test func rangeRecipeFixesOnlyTheContributorsLines() throws {
        let repo = try ScratchRepository()
        var old = clean
        old[5] = old[5] + "  "  // an old defect on main
        try repo.commit("README.md", text(old))
        try repo.git("checkout", "-q", "-b", "contribution")
        try repo.commit("README.md", text([newEntry] + old))
        let report = try fix(repo, .range("main...HEAD"), commit: true)
        #expect(report.commitID != nil)
        #expect(try repo.git("show", "HEAD:README.md") == text([newEntryFixed] + old))
        #expect(try repo.git("status", "--porcelain").isEmpty)
    }

    @Test func refusals() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", text([newEntry] + clean))
        // Uncommitted changes in the file: --commit refuses.
        try repo.write("README.md", text([newEntry] + clean + ["- [2022/01] **Old** *O. arXiv.* [[paper](https://x.org/a)]"]))
        #expect { try fix(repo, .all, commit: true) } throws: { ($0 as? PaperLintError)?.message == "README.md: has uncommitted changes; commit or stash them before fix --commit" }
        try repo.git("checkout", "--", "README.md")
        // Something else staged: --commit refuses rather than sweeping it into the commit.
        try repo.write("OTHER.md", "x\n")
        try repo.git("add", "OTHER.md")
        #expect { try fix(repo, .all, commit: true) } throws: { ($0 as? PaperLintError)?.message.hasPrefix("other changes are staged (OTHER.md)") == true }
        try repo.git("reset", "-q", "OTHER.md")
        // A held index lock.
        try repo.write("README.md", text([newEntry, "- [2023/10] **Extra** *X. arXiv.*  [[paper](https://x.org/b)]"] + clean))
        try repo.git("add", "README.md")
        FileManager.default.createFile(atPath: repo.path + "/.git/index.lock", contents: Data())
        #expect { try fix(repo, .staged) } throws: { ($0 as? PaperLintError)?.message.hasPrefix("the index is locked") == true }
        try FileManager.default.removeItem(atPath: repo.path + "/.git/index.lock")
        // Conflict markers.
        try repo.write("README.md", text(["<<<<<<< HEAD", newEntry, "=======", clean[0], ">>>>>>> other"] + clean))
        #expect { try fix(repo, .worktree) } throws: { ($0 as? PaperLintError)?.message == "README.md:4: merge conflict markers; resolve the conflict first" }
        // --commit with --staged makes no sense.
        #expect { try fix(repo, .staged, commit: true) } throws: { ($0 as? PaperLintError)?.message.hasPrefix("--commit records the fixes") == true }
    }
}
