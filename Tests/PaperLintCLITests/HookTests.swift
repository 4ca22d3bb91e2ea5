import Foundation
import PaperLintTestSupport
import Testing

/// The pre-commit hook with real repositories and real `git commit`.
@Suite struct HookTests {
    let entries = (1...9).reversed().map {
        "- [2023/0\($0)] **Paper \($0)** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/230\($0).1111\($0))]"
    }
    let bad = "- [2023/10] **Bad Entry** *B. Author et al. arXiv.*  [[paper](http://https://arxiv.org/abs/2310.22222)]  "
    let good = "- [2023/10] **Bad Entry** *B. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2310.22222)]"

    func list(_ lines: [String]) -> String { "# Papers\n\n## Section\n" + lines.joined(separator: "\n") + "\n" }

    /// Environment for processes: the hook finds the binary under test through PAPERLINT.
    var environment: [String: String] { ["PAPERLINT": Fixtures.executable] }

    func paperlint(_ arguments: [String], in directory: String) throws -> ProcessResult {
        try runProcess(Fixtures.executable, arguments, in: directory, environment: environment)
    }

    func commit(_ repo: ScratchRepository, _ message: String, extra: [String: String] = [:], in directory: String? = nil) throws -> ProcessResult {
        try runProcess("/usr/bin/git", ["commit", "-q", "-m", message], in: directory ?? repo.path, environment: environment.merging(extra) { $1 })
    }

    func repository() throws -> ScratchRepository {
        let repo = try ScratchRepository()
        try repo.commit("README.md", list(entries))
        return repo
    }

    @Test func badCommitIsStoppedAndTheFixedOnePasses() throws {
        let repo = try repository()
        let install = try paperlint(["hook", "install"], in: repo.path)
        #expect(install.status == 0 && install.output == "paperlint's pre-commit hook is installed: \(repo.path)/.git/hooks/pre-commit\n")
        try repo.write("README.md", list([bad] + entries))
        try repo.git("add", "README.md")
        let stopped = try commit(repo, "add a paper")
        #expect(stopped.status == 1)
        #expect(stopped.error.contains("error[url]: doubled scheme in `http://https://arxiv.org/abs/2310.22222`"))
        #expect(stopped.error.contains("warning[whitespace]: 2 spaces inside an entry"), "warnings are shown, only errors stop the commit")
        #expect(stopped.error.contains("README.md:4:"))
        #expect(stopped.error.contains("paperlint: commit stopped"))
        #expect(try repo.git("rev-list", "--count", "HEAD") == "1\n")
        try repo.write("README.md", list([good] + entries))
        try repo.git("add", "README.md")
        #expect(try commit(repo, "add a paper").status == 0)
        #expect(try repo.git("rev-list", "--count", "HEAD") == "2\n")
    }

    @Test func commitThatDoesNotTouchTheListSkipsTheChecks() throws {
        let repo = try repository()
        // A list paperlint could not even read: if the hook linted it, the commit would fail.
        try repo.write("README.md", bytes: Array(list(entries).utf8) + [0xE9, 0x0A])
        try repo.git("commit", "-q", "--no-verify", "-am", "broken list")
        _ = try paperlint(["hook", "install"], in: repo.path)
        try repo.write("OTHER.txt", "unrelated\n")
        try repo.git("add", "OTHER.txt")
        let result = try commit(repo, "unrelated change")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.isEmpty)
    }

    @Test func autoFixRepairsThePartiallyStagedListAndKeepsUnstagedWork() throws {
        let repo = try repository()
        _ = try paperlint(["hook", "install"], in: repo.path)
        try repo.write("README.md", list([bad] + entries))
        try repo.git("add", "README.md")
        var work = [bad] + entries
        work[9] = work[9].replacingOccurrences(of: "Paper 1", with: "Paper One")
        try repo.write("README.md", list(work))
        let result = try commit(repo, "add with fixes", extra: ["PAPERLINT_FIX": "1"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.contains("README.md: fixed 3 findings (url 1, whitespace 2)"), "\(result.error)")
        #expect(try repo.git("show", "HEAD:README.md") == list([good] + entries))
        // The unstaged rename is still there, and the fix reached the work tree too.
        #expect(try repo.git("diff", "--name-only") == "README.md\n")
        #expect(String(decoding: try repo.read("README.md"), as: UTF8.self) == list([good] + Array(work.dropFirst())))
    }

    @Test func configurationCanTurnAutoFixOn() throws {
        let repo = try repository()
        try repo.commit(".paperlint.yml", "hook: {fix: true}\n")
        _ = try paperlint(["hook", "install"], in: repo.path)
        try repo.write("README.md", list([bad] + entries))
        try repo.git("add", "README.md")
        #expect(try commit(repo, "auto").status == 0)
        #expect(try repo.git("show", "HEAD:README.md") == list([good] + entries))
    }

    @Test func hooksPathIsRespected() throws {
        let repo = try repository()
        try repo.git("config", "core.hooksPath", "tools/hooks")
        let install = try paperlint(["hook", "install"], in: repo.path)
        #expect(install.output == "paperlint's pre-commit hook is installed: \(repo.path)/tools/hooks/pre-commit\n")
        #expect(FileManager.default.isExecutableFile(atPath: repo.path + "/tools/hooks/pre-commit"))
        try repo.write("README.md", list([bad] + entries))
        try repo.git("add", "README.md")
        #expect(try commit(repo, "stopped").status == 1)
    }

    @Test func linkedWorktreeSharesTheCommonHooks() throws {
        let repo = try repository()
        let linked = repo.path + "-hook-worktree"
        try repo.git("worktree", "add", "-q", "-b", "feature", linked)
        defer { _ = try? repo.git("worktree", "remove", "--force", linked) }
        let install = try paperlint(["hook", "install"], in: linked)
        #expect(install.output == "paperlint's pre-commit hook is installed: \(repo.path)/.git/hooks/pre-commit\n")
        try (list([bad] + entries)).write(toFile: linked + "/README.md", atomically: true, encoding: .utf8)
        try runProcess("/usr/bin/git", ["add", "README.md"], in: linked)
        #expect(try commit(repo, "in the worktree", in: linked).status == 1)
    }

    @Test func foreignHookIsRefusedChainedAndRestored() throws {
        let repo = try repository()
        let hook = repo.path + "/.git/hooks/pre-commit"
        let foreign = "#!/bin/sh\necho foreign hook ran >&2\n[ -z \"$FOREIGN_FAIL\" ]\n"
        try foreign.write(toFile: hook, atomically: true, encoding: .utf8)
        chmod(hook, 0o755)
        let refused = try paperlint(["hook", "install"], in: repo.path)
        #expect(refused.status == 2)
        #expect(refused.error.contains("another pre-commit hook is installed"))
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == foreign)
        #expect(try paperlint(["hook", "status"], in: repo.path).output.hasPrefix("another pre-commit hook is installed"))

        let forced = try paperlint(["hook", "install", "--force"], in: repo.path)
        #expect(forced.status == 0 && forced.output.contains("(runs pre-commit.paperlint-chained first)"))
        try repo.write("README.md", list([good] + entries))
        try repo.git("add", "README.md")
        // The foreign hook runs first, and its failure still stops the commit.
        let blocked = try commit(repo, "blocked", extra: ["FOREIGN_FAIL": "1"])
        #expect(blocked.status == 1 && blocked.error.contains("foreign hook ran"))
        let passed = try commit(repo, "passes")
        #expect(passed.status == 0 && passed.error.contains("foreign hook ran"))

        let removed = try paperlint(["hook", "uninstall"], in: repo.path)
        #expect(removed.status == 0)
        #expect(removed.output == "removed paperlint's pre-commit hook; the hook it ran first is back as \(hook)\n")
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == foreign, "uninstall restores the foreign hook")
        // Again: nothing of paperlint's is left, which is no error.
        let again = try paperlint(["hook", "uninstall"], in: repo.path)
        #expect(again.status == 0 && again.output == "paperlint's hook is not installed: \(hook) is another hook, left as it is\n")
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == foreign)
    }

    /// A binary copied elsewhere, for installs by absolute path.
    func copiedBinary() throws -> String {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("paperlint-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Fixtures.executable, toPath: copy)
        return copy
    }

    @Test func missingBinaryLetsTheCommitThroughWithAWarning() throws {
        let repo = try repository()
        // Installed by a binary that is gone since, with none on PATH.
        let copy = try copiedBinary()
        _ = try runProcess(copy, ["hook", "install"], in: repo.path, environment: ["PATH": "/usr/bin:/bin"])
        try FileManager.default.removeItem(atPath: copy)
        try repo.write("README.md", list([bad] + entries))
        try repo.git("add", "README.md")
        let result = try runProcess(
            "/usr/bin/git", ["commit", "-q", "-m", "unchecked"], in: repo.path, environment: ["PAPERLINT": "", "PATH": "/usr/bin:/bin"])
        #expect(result.status == 0)
        #expect(result.error.contains("paperlint: not found, so this commit was not checked."))
    }

    /// `/opt/x/paperlint hook install` with no paperlint on PATH: the hook records that path
    /// and every later commit is checked by it.
    @Test func anAbsolutePathInstallChecksLaterCommits() throws {
        let repo = try repository()
        let copy = try copiedBinary()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let install = try runProcess(copy, ["hook", "install"], in: repo.path, environment: ["PATH": "/usr/bin:/bin"])
        #expect(install.status == 0, "\(install.error)")
        let hook = try String(contentsOfFile: repo.path + "/.git/hooks/pre-commit", encoding: .utf8)
        #expect(hook.contains("installed_by='\(copy)'\n"))
        try repo.write("README.md", list([bad] + entries))
        try repo.git("add", "README.md")
        let result = try runProcess("/usr/bin/git", ["commit", "-q", "-m", "checked"], in: repo.path, environment: ["PAPERLINT": "", "PATH": "/usr/bin:/bin"])
        #expect(result.status == 1, "\(result.error)")
        #expect(result.error.contains("error[url]: doubled scheme"))
    }

    @Test func hookScriptInTheRepositoryIsTheOneInstalled() throws {
        let repo = try repository()
        _ = try paperlint(["hook", "install"], in: repo.path)
        let installed = try String(contentsOfFile: repo.path + "/.git/hooks/pre-commit", encoding: .utf8)
        let script = try String(contentsOfFile: Fixtures.packageRoot + "/Hooks/pre-commit", encoding: .utf8)
        // The script, with the installing binary's path recorded.
        let executable = try #require(URL(fileURLWithPath: Fixtures.executable).resolvingSymlinksInPath().path as String?)
        #expect(installed == script.replacingOccurrences(of: "installed_by=''", with: "installed_by='\(executable)'"))
        let syntax = try runProcess("/bin/sh", ["-n", Fixtures.packageRoot + "/Hooks/pre-commit"], in: repo.path)
        #expect(syntax.status == 0, "POSIX sh parses the hook")
    }
}
