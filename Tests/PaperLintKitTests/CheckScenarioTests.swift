import Foundation
import PaperLintKit
import PaperLintTestSupport
import Testing

/// The end-to-end scenario of the foundation issue, in-process: git → document → rule →
/// changed-line filter → report.
@Suite struct CheckScenarioTests {
    // Inserted in "LLMs in Medicine", whose titles end with a period: only the trailing blanks are a
    // defect (two spaces: a lone one is taste).
    let newEntry = "- [2023/03] **A Brand New Survey.** *New Author et al. arXiv.* [[paper](https://arxiv.org/abs/2303.99999)]  "

    /// A repository whose committed README is the healthcare sample (double spaces on 161–162).
    func sampleRepository() throws -> (ScratchRepository, [String]) {
        let repo = try ScratchRepository()
        let text = try String(contentsOfFile: Fixtures.healthcare, encoding: .utf8)
        try repo.commit("README.md", text)
        return (repo, text.components(separatedBy: "\n"))
    }

    func check(_ repo: ScratchRepository, _ mode: LintMode?, filter: DiffFilter = .added) throws -> LintReport {
        try Linter.check(CheckRequest(mode: mode, filter: filter, currentDirectory: repo.path))
    }

    func lines(_ report: LintReport) -> [Int] { report.diagnostics.map(\.start.line) }
    /// Lines of whitespace findings only: the sample's other known defects are not what the
    /// filter tests are about.
    func whitespaceLines(_ report: LintReport) -> [Int] {
        report.diagnostics.filter { $0.rule == "whitespace" }.map(\.start.line)
    }

    @Test func stagedReportsOnlyTheNewLine() throws {
        let (repo, lines) = try sampleRepository()
        var edited = lines
        edited.insert(newEntry, at: 164)  // becomes line 165, after the known defects
        try repo.write("README.md", edited.joined(separator: "\n"))
        try repo.git("add", "README.md")

        let staged = try check(repo, .staged)
        #expect(self.lines(staged) == [165])
        #expect(!staged.hasFailures, "trailing blanks are a warning: nothing to block on")
        #expect(staged.diagnostics.first?.message == "trailing whitespace")
        #expect(staged.diagnostics.first?.start.column == newEntry.count - 1)

        #expect(self.whitespaceLines(try check(repo, .staged, filter: .all)) == [161, 162, 165])
        #expect(self.whitespaceLines(try check(repo, .staged, filter: .file)) == [161, 162, 165])
        #expect(self.whitespaceLines(try check(repo, .all)) == [161, 162, 165])
        // Context lines reach three lines either side of the insertion: 162 but not 161.
        #expect(self.whitespaceLines(try check(repo, .staged, filter: .context)) == [162, 165])
        // Without a mode, inside a repository, the work tree is checked against HEAD.
        #expect(self.lines(try check(repo, nil)) == [165])
    }

    @Test func cleanStagedChangePasses() throws {
        let (repo, lines) = try sampleRepository()
        var edited = lines
        edited.insert(String(newEntry.dropLast()), at: 164)
        try repo.write("README.md", edited.joined(separator: "\n"))
        try repo.git("add", "README.md")
        let report = try check(repo, .staged)
        #expect(report.diagnostics.isEmpty)
        #expect(!report.hasFailures)
        #expect(report.files.count == 1)
        // An untouched file lints nothing under `file`, everything under `all`.
        try repo.commitAll("clean entry")
        #expect(try check(repo, .staged, filter: .file).diagnostics.isEmpty)
        #expect(self.whitespaceLines(try check(repo, .staged, filter: .all)) == [161, 162])
    }

    @Test func rangeReportsWhatTheCommitsAdded() throws {
        let (repo, lines) = try sampleRepository()
        var edited = lines
        edited.insert(newEntry, at: 164)
        try repo.commit("README.md", edited.joined(separator: "\n"))
        #expect(self.lines(try check(repo, .range("HEAD~1..HEAD"))) == [165])
        #expect(self.lines(try check(repo, .range("HEAD~1...HEAD"))) == [165])
    }

    @Test func deletedFileIsANoteNotAnError() throws {
        let (repo, _) = try sampleRepository()
        try repo.git("rm", "-q", "README.md")
        let report = try check(repo, .staged)
        #expect(report.files.isEmpty)
        #expect(report.notes == ["README.md: deleted in the index; nothing to lint"])
    }

    @Test func failOnControlsTheOutcome() throws {
        let (repo, _) = try sampleRepository()
        var request = CheckRequest(mode: .all, currentDirectory: repo.path)
        #expect(try Linter.check(request).hasFailures)
        request.failOn = .never
        #expect(try !Linter.check(request).hasFailures)
    }

    @Test func errorsNameTheFileAndTheFix() throws {
        let (repo, _) = try sampleRepository()
        try repo.write("bad.md", bytes: Array("ok\nstill ok é\nbroken \u{1}".utf8) + [0xC3, 0x28, 0x0A])
        do {
            _ = try Linter.check(CheckRequest(paths: ["bad.md"], mode: .all, currentDirectory: repo.path))
            Issue.record("expected invalid UTF-8 to be refused")
        } catch {
            #expect(error.message == "bad.md:3:9: invalid UTF-8 (byte 0xC3); re-save the file as UTF-8")
        }
        do {
            _ = try Linter.check(CheckRequest(paths: ["nope.md"], mode: .all, currentDirectory: repo.path))
            Issue.record("expected a missing file to be refused")
        } catch {
            #expect(error.message.hasPrefix("nope.md: no such file"))
        }
        do {
            _ = try Linter.check(CheckRequest(mode: .range("main"), currentDirectory: repo.path))
            Issue.record("expected a bad range to be refused")
        } catch {
            #expect(error.message.contains("expected A..B or A...B"))
        }
    }
}
