import Foundation
import PaperLintTestSupport
import Testing

/// Broken and unusual repositories, through the real binary: each gives a one-line exit-2
/// message that says what to do, or works as it would in a plain repository.
@Suite struct BrokenRepositoryTests {
    static let clean = "- [2023/10] **A Paper Title.** *Ann Smith et al. NeurIPS 2023.* [[paper](https://arxiv.org/abs/2310.12345)]"
    static let flawed = "- [2023/09] **Bad Title.** *Bob Jones et al. ICML 2023.* [[paper](http://https://arxiv.org/abs/2309.12345)]"
    static let repaired = flawed.replacingOccurrences(of: "http://https://", with: "https://")

    static func list(_ entries: String...) -> String { "# List\n\n## Papers\n\n" + entries.joined(separator: "\n") + "\n" }

    func paperlint(_ arguments: [String], in directory: String) throws -> ProcessResult {
        try runProcess(Fixtures.executable, arguments, in: directory)
    }

    /// A repository whose committed README.md is clean, with the flawed entry added and staged.
    func repositoryWithStagedFlaw(file: String = "README.md") throws -> ScratchRepository {
        let repo = try ScratchRepository()
        try repo.commit(file, Self.list(Self.clean))
        try repo.write(file, Self.list(Self.clean, Self.flawed))
        try repo.git("add", "--", file)
        return repo
    }

    /// Exit 2 with exactly one line on standard error that contains `expected`.
    func expectFailure(_ result: ProcessResult, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 2, "\(result)", sourceLocation: sourceLocation)
        #expect(result.output.isEmpty, sourceLocation: sourceLocation)
        #expect(result.error.hasPrefix("paperlint: ") && result.error.count { $0 == "\n" } == 1, "\(result.error)", sourceLocation: sourceLocation)
        #expect(result.error.contains(expected), "\(result.error)", sourceLocation: sourceLocation)
    }

    /// Exit 1 with the doubled scheme of the flawed entry reported at `location`.
    func expectFlaw(_ result: ProcessResult, at location: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, "\(result)", sourceLocation: sourceLocation)
        #expect(result.output.contains("error[url]: doubled scheme in `http://https://arxiv.org/abs/230") && result.output.contains("`\n --> \(location)"), "\(result.output)", sourceLocation: sourceLocation)
    }

    @Test func notARepository() throws {
        let repo = try ScratchRepository()
        try FileManager.default.removeItem(atPath: repo.path + "/.git")
        try repo.write("README.md", Self.list(Self.flawed))
        expectFailure(try paperlint(["check", "--staged"], in: repo.path), "not a git repository (or any parent directory); run paperlint inside a repository, or pass --all")
        expectFailure(try paperlint(["fix", "--staged", "--write"], in: repo.path), "not a git repository")
        expectFlaw(try paperlint(["check"], in: repo.path), at: "README.md:5:67")  // --all is the default outside
    }

    @Test func bareRepository() throws {
        let origin = try repositoryWithStagedFlaw()
        try origin.git("commit", "-q", "-m", "flaw")
        let parent = try ScratchRepository()
        try runProcess("/usr/bin/git", ["clone", "-q", "--bare", origin.path, "list.git"], in: parent.path)
        let bare = parent.path + "/list.git"
        expectFailure(try paperlint(["check", "--staged"], in: bare), "a bare repository has no index to check; use --range A..B")
        expectFailure(try paperlint(["check", "--worktree"], in: bare), "a bare repository has no work tree; use --range A..B")
        expectFailure(try paperlint(["fix", "--staged", "--write"], in: bare), "a bare repository has no index")
        expectFlaw(try paperlint(["check", "--range", "main~1..main"], in: bare), at: "README.md:6:67")
        let patch = try paperlint(["fix", "--range", "main~1..main", "--patch"], in: bare)
        #expect(patch.status == 1 && patch.output.contains("+\(Self.repaired)"))
    }

    @Test func unbornBranch() throws {
        let repo = try ScratchRepository()
        try repo.write("README.md", Self.list(Self.clean, Self.flawed))
        try repo.git("add", "README.md")
        expectFlaw(try paperlint(["check", "--staged"], in: repo.path), at: "README.md:6:67")
        #expect(try paperlint(["fix", "--staged", "--write"], in: repo.path).status == 0)
        #expect(try repo.git("show", ":README.md") == Self.list(Self.clean, Self.repaired))
    }

    @Test func detachedHead() throws {
        let repo = try repositoryWithStagedFlaw()
        try repo.git("commit", "-q", "-m", "flaw")
        let branchTip = try repo.git("rev-parse", "main")
        try repo.git("checkout", "-q", "--detach", "HEAD")
        #expect(try paperlint(["check", "--range", "HEAD~1..HEAD"], in: repo.path).status == 1)
        try repo.write("README.md", Self.list(Self.clean, Self.flawed, Self.flawed.replacingOccurrences(of: "09", with: "08").replacingOccurrences(of: "Bad", with: "Odd")))
        expectFlaw(try paperlint(["check", "--worktree"], in: repo.path), at: "README.md:7:67")
        // --commit on a detached HEAD commits there and leaves the branch alone, as git commit does.
        let fixed = try paperlint(["fix", "--all", "--write", "--commit"], in: repo.path)
        #expect(fixed.status == 2 && fixed.error.contains("uncommitted changes"), "\(fixed)")
        try repo.git("commit", "-q", "-am", "another")
        let committed = try paperlint(["fix", "--all", "--write", "--commit"], in: repo.path)
        #expect(committed.status == 0, "\(committed)")
        #expect(try repo.git("rev-parse", "main") == branchTip)
        #expect(try repo.git("log", "-1", "--format=%s") == "Fix 2 paperlint findings in README.md\n")
        #expect(try repo.git("status", "--porcelain").isEmpty)
        #expect(try runProcess("/usr/bin/git", ["symbolic-ref", "-q", "HEAD"], in: repo.path).status != 0, "HEAD stays detached")
    }

    @Test func shallowClone() throws {
        let origin = try ScratchRepository()
        for count in 1...4 {
            try origin.commit("README.md", Self.list(Self.clean) + String(repeating: "\n", count: count))
        }
        let parent = try ScratchRepository()
        try runProcess("/usr/bin/git", ["clone", "-q", "--depth", "1", "file://" + origin.path, "shallow"], in: parent.path)
        let clone = parent.path + "/shallow"
        expectFailure(try paperlint(["check", "--range", "HEAD~2..HEAD"], in: clone), "this clone is shallow, so fetch more history (`git fetch --deepen=100`")
        try runProcess("/usr/bin/git", ["-c", "user.name=T", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "x"], in: clone)
        #expect(try paperlint(["check", "--range", "HEAD~1..HEAD"], in: clone).status == 0)
        try Data(Self.list(Self.clean, Self.flawed).utf8).write(to: URL(fileURLWithPath: clone + "/README.md"))
        try runProcess("/usr/bin/git", ["add", "README.md"], in: clone)
        expectFlaw(try paperlint(["check", "--staged"], in: clone), at: "README.md:6:67")
    }

    @Test func indexLockPresent() throws {
        let repo = try repositoryWithStagedFlaw()
        let before = try repo.git("ls-files", "-s")
        FileManager.default.createFile(atPath: repo.path + "/.git/index.lock", contents: Data())
        expectFlaw(try paperlint(["check", "--staged"], in: repo.path), at: "README.md:6:67")  // reading needs no lock
        expectFailure(try paperlint(["fix", "--staged", "--write"], in: repo.path), "the index is locked (index.lock exists): another git process is running")
        #expect(FileManager.default.fileExists(atPath: repo.path + "/.git/index.lock"), "the other process's lock stays")
        try FileManager.default.removeItem(atPath: repo.path + "/.git/index.lock")
        #expect(try repo.git("ls-files", "-s") == before)
    }

    @Test func mergeConflictMarkers() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", Self.list(Self.clean))
        try repo.git("checkout", "-q", "-b", "side")
        try repo.commit("README.md", Self.list(Self.clean, Self.flawed))
        try repo.git("checkout", "-q", "main")
        try repo.commit("README.md", Self.list(Self.clean, Self.repaired.replacingOccurrences(of: "09", with: "08")))
        #expect(try runProcess("/usr/bin/git", ["merge", "-q", "side"], in: repo.path).status != 0)
        let before = try repo.read("README.md")
        expectFailure(try paperlint(["check", "--staged"], in: repo.path), "README.md: has unresolved merge conflicts in the index; resolve them and `git add` it first")
        // Intent changed: check reports one error per marker (and nothing else) instead of
        // stopping with exit 2; fix still refuses to touch the file.
        let worktree = try paperlint(["check", "--worktree"], in: repo.path)
        #expect(worktree.status == 1, "\(worktree.error)")
        let markers = worktree.output.split(separator: "\n").filter { $0.hasPrefix("error[merge-conflict]: merge conflict marker") }
        #expect(markers.count == 3, "\(worktree.output)")
        #expect(worktree.output.contains("--> README.md:6:1"))
        #expect(!worktree.output.contains("error[url]") && !worktree.output.contains("warning["), "nothing but the markers")
        expectFailure(try paperlint(["fix", "--worktree", "--write"], in: repo.path), "README.md:6: merge conflict markers")
        // Staged with the markers still in: the hook's check stops the commit.
        try repo.git("add", "README.md")
        #expect(try paperlint(["check", "--staged"], in: repo.path).status == 1)
        let json = try paperlint(["check", "--all", "--format", "json"], in: repo.path)
        #expect(json.status == 1 && json.output.components(separatedBy: #""rule":"merge-conflict""#).count == 4)
        #expect(try repo.read("README.md") == before)
    }

    @Test func symlinkedReadme() throws {
        let repo = try ScratchRepository()
        try repo.write("docs/list.md", Self.list(Self.clean))
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/README.md", withDestinationPath: "docs/list.md")
        try repo.commitAll("list behind a link")
        try repo.write("docs/list.md", Self.list(Self.clean, Self.flawed))
        try repo.git("add", "docs/list.md")
        // Linted, reported and fixed as the file the link points to.
        expectFlaw(try paperlint(["check", "--staged"], in: repo.path), at: "docs/list.md:6:67")
        expectFlaw(try paperlint(["check", "--worktree", "README.md"], in: repo.path), at: "docs/list.md:6:67")
        try repo.git("commit", "-q", "-m", "flaw")
        expectFlaw(try paperlint(["check", "--range", "HEAD~1..HEAD"], in: repo.path), at: "docs/list.md:6:67")
        try repo.git("reset", "-q", "--soft", "HEAD~1")
        let fixed = try paperlint(["fix", "--staged", "--write"], in: repo.path)
        #expect(fixed.status == 0 && fixed.output.contains("docs/list.md: fixed 1 finding"), "\(fixed)")
        #expect(try repo.git("show", ":docs/list.md") == Self.list(Self.clean, Self.repaired))
        #expect(try repo.git("ls-files", "-s", "README.md").hasPrefix("120000 "), "the link stays a link in the index")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: repo.path + "/README.md") == "docs/list.md")
        // A link out of the repository is refused.
        try FileManager.default.removeItem(atPath: repo.path + "/README.md")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/README.md", withDestinationPath: "../elsewhere.md")
        expectFailure(try paperlint(["check", "--worktree"], in: repo.path), "README.md: a symbolic link to ../elsewhere.md, outside the repository; name a file inside it")
    }

    @Test func deletedInTheIndex() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", Self.list(Self.clean))
        try repo.git("rm", "-q", "--cached", "README.md")
        let result = try paperlint(["check", "--staged"], in: repo.path)
        #expect(result.status == 0 && result.error == "note: README.md: deleted in the index; nothing to lint\n", "\(result)")
        #expect(try paperlint(["fix", "--staged", "--write"], in: repo.path).status == 0)
        #expect(try repo.read("README.md") == Array(Self.list(Self.clean).utf8))
    }

    @Test func submodule() throws {
        let inner = try repositoryWithStagedFlaw()
        try inner.git("commit", "-q", "-m", "flaw")
        let outer = try ScratchRepository()
        try outer.commit("README.md", Self.list(Self.clean))
        try outer.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", inner.path, "lists")
        try outer.git("commit", "-q", "-m", "submodule")
        #expect(try paperlint(["check", "--staged"], in: outer.path).status == 0)
        expectFailure(try paperlint(["check", "--staged", "lists/README.md"], in: outer.path), "lists/README.md: inside the submodule lists; run paperlint in lists to lint it")
        expectFailure(try paperlint(["check", "--staged", "lists"], in: outer.path), "lists: not a file in the repository (a directory or submodule)")
        // Inside the submodule, its own repository and index are used.
        expectFlaw(try paperlint(["check", "--range", "HEAD~1..HEAD"], in: outer.path + "/lists"), at: "README.md:6:67")
    }

    @Test func pathWithSpacesAndNonASCII() throws {
        let file = "Paper Lists/Ünïcode 論文 list.md"
        let repo = try repositoryWithStagedFlaw(file: file)
        try repo.write(".paperlint.yml", "files: [\"\(file)\"]\n")
        expectFlaw(try paperlint(["check", "--staged"], in: repo.path), at: "\(file):6:67")
        let patch = try paperlint(["fix", "--staged", "--patch"], in: repo.path)
        #expect(patch.status == 1)
        try repo.write("fix.patch", patch.output)
        let applied = try runProcess("/usr/bin/git", ["apply", "--cached", "--check", "fix.patch"], in: repo.path)
        #expect(applied.status == 0, "\(applied.error)\n\(patch.output)")
        #expect(try paperlint(["fix", "--staged", "--write"], in: repo.path).status == 0)
        #expect(try repo.git("show", ":\(file)") == Self.list(Self.clean, Self.repaired))
        #expect(try repo.read(file) == Array(Self.list(Self.clean, Self.repaired).utf8))
    }

    @Test func autocrlfWorkTree() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", Self.list(Self.clean))
        try repo.git("config", "core.autocrlf", "true")
        let crlf = { (text: String) in text.replacingOccurrences(of: "\n", with: "\r\n") }
        try repo.write("README.md", crlf(Self.list(Self.clean, Self.flawed)))
        let checked = try paperlint(["check", "--worktree", "--format", "json"], in: repo.path)
        #expect(checked.status == 1 && checked.output.contains("\"line\":6,") && !checked.output.contains("\"line\":5,"), "\(checked.output)")
        #expect(try paperlint(["fix", "--worktree", "--write"], in: repo.path).status == 0)
        #expect(try repo.read("README.md") == Array(crlf(Self.list(Self.clean, Self.repaired)).utf8), "line ends are kept")
    }

    @Test func hugeBinaryRenamedToTheList() throws {
        let repo = try ScratchRepository()
        var generator = SplitMix64(seed: 9)
        let binary = (0..<3_000_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        try repo.write("blob.bin", bytes: [0] + binary)
        try repo.commitAll("binary")
        try repo.git("mv", "blob.bin", "README.md")
        let staged = try paperlint(["check", "--staged"], in: repo.path)
        #expect(staged.status == 0 && staged.error == "note: README.md: binary content in the index; skipped\n", "\(staged)")
        #expect(try paperlint(["check", "--worktree"], in: repo.path).error.contains("binary content in the work tree; skipped"))
        expectFailure(try paperlint(["check", "--all"], in: repo.path), "README.md:1:4: invalid UTF-8 (byte 0xB6); re-save the file as UTF-8")
        expectFailure(try paperlint(["fix", "--all", "--write"], in: repo.path), "invalid UTF-8")
        #expect(try repo.read("README.md") == [0] + binary)
    }

    @Test(.enabled(if: OtherUser.isAvailable, Comment(rawValue: OtherUser.unavailableMessage)))
    func unreadableFile() throws {
        let repo = try ScratchRepository()
        try FileManager.default.removeItem(atPath: repo.path + "/.git")
        try repo.write("README.md", Self.list(Self.flawed))
        try OtherUser.share(repo.path)
        chmod(repo.path + "/README.md", 0)
        defer { chmod(repo.path + "/README.md", 0o644) }
        let result = try OtherUser.run(Fixtures.executable, ["check", "--all"], in: repo.path)
        expectFailure(result, "README.md: cannot read (Permission denied); check the path and its permissions")
    }

    @Test(.enabled(if: OtherUser.isAvailable, Comment(rawValue: OtherUser.unavailableMessage)))
    func readOnlyWorkTree() throws {
        let repo = try ScratchRepository()
        try FileManager.default.removeItem(atPath: repo.path + "/.git")
        try repo.write("README.md", Self.list(Self.clean, Self.flawed))
        try OtherUser.share(repo.path)
        // The other user may read the directory and the file but write neither.
        chmod(repo.path + "/README.md", 0o444)
        chmod(repo.path, 0o555)
        defer { chmod(repo.path, 0o755) }
        let result = try OtherUser.run(Fixtures.executable, ["fix", "--all", "--write"], in: repo.path)
        expectFailure(result, "README.md: cannot write (Permission denied); nothing was changed in it")
        #expect(try repo.read("README.md") == Array(Self.list(Self.clean, Self.flawed).utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: repo.path) == ["README.md"], "no temporary file is left")
    }

    /// As root, an immutable file (where the file system supports the attribute) is the
    /// read-only case for the git modes' writes.
    @Test func immutableWorkTreeFile() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", Self.list(Self.clean))
        try repo.write("README.md", Self.list(Self.clean, Self.flawed))
        let path = repo.path + "/README.md"
        guard getuid() == 0, try runProcess("/usr/bin/chattr", ["+i", path], in: repo.path).status == 0 else {
            print("skipped: chattr +i needs root and a file system with the immutable attribute")
            return
        }
        defer { _ = try? runProcess("/usr/bin/chattr", ["-i", path], in: repo.path) }
        expectFailure(try paperlint(["fix", "--worktree", "--write"], in: repo.path), "README.md: cannot write (Operation not permitted); nothing was changed in it")
        #expect(try repo.read("README.md") == Array(Self.list(Self.clean, Self.flawed).utf8))
    }

    @Test(.enabled(if: OtherUser.isAvailable && OtherUser.switchesUser, Comment(rawValue: OtherUser.unavailableMessage)))
    func repositoryOfAnotherUser() throws {
        let repo = try repositoryWithStagedFlaw()
        try OtherUser.share(repo.path)
        let result = try OtherUser.run(Fixtures.executable, ["check", "--staged"], in: repo.path)
        expectFailure(result, "the repository belongs to another user, so git refuses to open it; run paperlint as its owner, or trust it with `git config --global --add safe.directory <path>`")
    }
}
