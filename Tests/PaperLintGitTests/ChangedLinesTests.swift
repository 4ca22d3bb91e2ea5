import PaperLintGit
import PaperLintTestSupport
import Testing

@Suite struct ChangedLinesTests {
    let entries = (1...10).map { "- [2023/\($0)] **Paper \($0)**" }

    func text(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

    @Test func stagedLintsTheIndexNotTheWorkTree() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", text(entries))
        var staged = entries
        staged.insert("- [2023/11] **Staged**", at: 2)
        try repo.write("README.md", text(staged))
        try repo.git("add", "README.md")
        var unstaged = staged
        unstaged.append("- [2022/01] **Unstaged**")
        try repo.write("README.md", text(unstaged))

        let changes = try Repository.discover(from: repo.path).changes(in: "README.md", source: .staged)
        #expect(changes.content == Array(text(staged).utf8))
        #expect(changes.addedLines == [3...3])
        #expect(changes.contextLines == [1...2, 4...6])

        let worktree = try Repository.discover(from: repo.path).changes(in: "README.md", source: .worktree)
        #expect(worktree.content == Array(text(unstaged).utf8))
        #expect(worktree.addedLines == [3...3, 12...12])
    }

    /// A check parses the new side while git diffs: it is handed over before the diff, and not
    /// at all when the index holds HEAD's blob (nothing to lint then).
    @Test func theNewSideIsHandedOverUnlessItIsHEADs() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", text(entries))
        var handed: [[UInt8]] = []
        let same = try Repository.discover(from: repo.path).changes(in: "README.md", source: .staged) { handed.append($0) }
        #expect(same.status == .unchanged && handed.isEmpty)
        var staged = entries
        staged.insert("- [2023/11] **Staged**", at: 2)
        try repo.write("README.md", text(staged))
        try repo.git("add", "README.md")
        let changes = try Repository.discover(from: repo.path).changes(in: "README.md", source: .staged) { handed.append($0) }
        #expect(handed == [Array(text(staged).utf8)])
        #expect(changes.content == handed.first && changes.addedLines == [3...3])
    }

    @Test func unbornBranchComparesWithTheEmptyTree() throws {
        let repo = try ScratchRepository()
        try repo.write("README.md", "a\nb\n")
        try repo.git("add", "README.md")
        let changes = try Repository.discover(from: repo.path).changes(in: "README.md", source: .staged)
        #expect(changes.status == .added)
        #expect(changes.addedLines == [1...2])
    }

    @Test func discoversFromSubdirectoryWithRelativePaths() throws {
        let repo = try ScratchRepository()
        try repo.commit("docs/README.md", text(entries))
        try repo.write("docs/README.md", text(entries + ["- new"]))
        let sub = repo.path + "/docs"
        let repository = try Repository.discover(from: sub)
        let path = try repository.relativePath("README.md", currentDirectory: sub)
        #expect(path == "docs/README.md")
        #expect(try repository.relativePath("../docs/./README.md", currentDirectory: sub) == "docs/README.md")
        #expect(try repository.changes(in: path, source: .worktree).addedLines == [11...11])
        #expect(throws: GitError.self) { try repository.relativePath("/etc/passwd", currentDirectory: sub) }
    }

    @Test func linkedWorktreeUsesItsOwnIndexAndFiles() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", text(entries))
        let linked = repo.path + "-linked"
        try repo.git("worktree", "add", "-q", "-b", "feature", linked)
        defer { _ = try? repo.git("worktree", "remove", "--force", linked) }
        try runProcess("/bin/sh", ["-c", "printf -- '- extra\\n' >> README.md && git add README.md"], in: linked)
        let repository = try Repository.discover(from: linked)
        #expect(repository.workdir?.hasSuffix("-linked") == true)
        #expect(try repository.changes(in: "README.md", source: .staged).addedLines == [11...11])
        #expect(try Repository.discover(from: repo.path).changes(in: "README.md", source: .staged).status == .unchanged)
    }

    @Test func rangeFollowsRenames() throws {
        let repo = try ScratchRepository()
        try repo.commit("LIST.md", text(entries))
        try repo.git("mv", "LIST.md", "README.md")
        try repo.commit("README.md", text(entries + ["- renamed and extended"]))
        let changes = try Repository.discover(from: repo.path)
            .changes(in: "README.md", source: .range(base: "HEAD~1", head: "HEAD", mergeBase: false))
        #expect(changes.status == .renamed(from: "LIST.md"))
        #expect(changes.addedLines == [11...11])
    }

    @Test func mergeBaseRangeIgnoresChangesOnTheBaseBranch() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", text(entries))
        try repo.git("checkout", "-q", "-b", "topic")
        try repo.commit("README.md", text(entries + ["- topic entry"]))
        try repo.git("checkout", "-q", "main")
        try repo.commit("README.md", text(["- main entry"] + entries))
        let repository = try Repository.discover(from: repo.path)
        let threeDot = try repository.changes(in: "README.md", source: DiffSource.parseRange("main...topic")!)
        #expect(threeDot.addedLines == [11...11])
        #expect(threeDot.contextLines == [8...10])
        // Two dots compare with main's tip, so main's own new first line shows up as a removal.
        let twoDot = try repository.changes(in: "README.md", source: DiffSource.parseRange("main..topic")!)
        #expect(twoDot.addedLines == [11...11])
        #expect(twoDot.contextLines.first == 1...3)
    }

    @Test func deletedBinaryAndAddedFiles() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", text(entries))
        try repo.commit("other.md", "x\n")
        try repo.git("rm", "-q", "README.md")
        let repository = try Repository.discover(from: repo.path)
        #expect(try repository.changes(in: "README.md", source: .staged).status == .deleted)
        #expect(try repository.changes(in: "README.md", source: .worktree).status == .deleted)

        try repo.write("README.md", bytes: [0x61, 0x00, 0x62, 0x0A])
        try repo.git("add", "README.md")
        let binary = try repository.changes(in: "README.md", source: .staged)
        #expect(binary.status == .binary && binary.content == nil)

        try repo.write("NEW.md", "one\ntwo\nthree")
        try repo.git("add", "NEW.md")
        let added = try repository.changes(in: "NEW.md", source: .staged)
        #expect(added.status == .added && added.addedLines == [1...3])

        #expect(throws: GitError.self) { try repository.changes(in: "MISSING.md", source: .staged) }
    }

    @Test func crlfAndMissingFinalNewline() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", "a\r\nb\r\nc")
        try repo.write("README.md", "a\r\nb\r\nc\r\n")
        let changes = try Repository.discover(from: repo.path).changes(in: "README.md", source: .worktree)
        #expect(changes.addedLines == [3...3])
        #expect(changes.content == Array("a\r\nb\r\nc\r\n".utf8))
    }

    @Test func autocrlfWorkTreeComparesAfterCleanFilters() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", "a\nb\nc\n")
        try repo.git("config", "core.autocrlf", "true")
        try repo.write("README.md", "a\r\nB\r\nc\r\n")
        let changes = try Repository.discover(from: repo.path).changes(in: "README.md", source: .worktree)
        #expect(changes.addedLines == [2...2])
    }

    @Test func errorsAreClear() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", "a\n")
        let repository = try Repository.discover(from: repo.path)
        do {
            _ = try repository.changes(in: "README.md", source: .range(base: "nope", head: "HEAD", mergeBase: false))
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unknownRevision("nope"))
            #expect(error.message.contains("unknown revision 'nope'"))
        }
        let outside = try ScratchRepository()
        try FileManagerless.removeGit(outside.path)
        #expect(throws: GitError.self) { try Repository.discover(from: outside.path) }
    }

    @Test func parsesRanges() {
        #expect(DiffSource.parseRange("a..b") == .range(base: "a", head: "b", mergeBase: false))
        #expect(DiffSource.parseRange("origin/main...HEAD") == .range(base: "origin/main", head: "HEAD", mergeBase: true))
        #expect(DiffSource.parseRange("main..") == .range(base: "main", head: "HEAD", mergeBase: false))
        #expect(DiffSource.parseRange("main") == nil)
        #expect(DiffSource.parseRange("a....b") == nil)
        #expect(DiffSource.parseRange("..") == nil)
    }
}

enum FileManagerless {
    /// Turns a scratch repository into a plain directory.
    static func removeGit(_ path: String) throws {
        try runProcess("/bin/rm", ["-rf", ".git"], in: path)
    }
}
