import Foundation
import PaperLintBenchSupport
import PaperLintTestSupport
import Testing

/// `fix --write` and `fix --staged --write` never leave a list half-written: killed at
/// random moments, or failing to write (a file-size limit makes write(2) fail with EFBIG),
/// the README and the index hold either their old content or the whole fix.
///
/// Kill times are drawn from a seeded generator over the length of an undisturbed run, with
/// half of them around its end (85–115%), where the writes happen. `PAPERLINT_LONG_FUZZ=1` kills
/// 60 runs per mode instead of 8.
@Suite struct DataLossTests {
    static let killCount = ProcessInfo.processInfo.environment["PAPERLINT_LONG_FUZZ"] != nil ? 60 : 8

    /// A generated 2,000-entry list with a small rate of every defect the rules fix.
    static let list = ListGenerator(seed: 7).generateBytes(entries: 2000)

    /// Twenty flawed entries (double spaces) to stage above the first entry.
    static var listWithFlawedEntries: [UInt8] {
        let text = String(decoding: list, as: UTF8.self)
        guard let first = text.range(of: "\n- [20") else { return list }
        let added = (1...20).map { "- [2025/12] **Staged  Paper \($0).** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2512.\(90000 + $0))]\n" }
        return Array((text[...first.lowerBound] + added.joined() + text[text.index(after: first.lowerBound)...]).utf8)
    }

    func paperlint(_ arguments: [String], in repo: ScratchRepository) throws -> ProcessResult {
        try runProcess(Fixtures.executable, arguments, in: repo.path)
    }

    /// Runs paperlint with `arguments` and kills it with SIGKILL after `delay` seconds (if it
    /// is still running); returns whether the kill landed before it exited.
    func killed(_ arguments: [String], in repo: ScratchRepository, after delay: Double) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Fixtures.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: repo.path)
        process.environment = ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(delay * 1_000_000))
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return wasRunning && process.terminationReason == .uncaughtSignal
    }

    /// Seeded kill delays over an undisturbed run of `duration` seconds.
    static func delays(duration: Double, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        return (0..<killCount).map { index in
            let unit = Double(rng.next() % 10_000) / 10_000
            return index.isMultiple(of: 2) ? unit * duration : duration * (0.85 + 0.3 * unit)
        }
    }

    /// Temporary files a killed write left next to the list; removed so the next round starts clean.
    func sweepLeftovers(_ repo: ScratchRepository) throws -> Int {
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.path).filter { $0.contains(".paperlint-") }
        for name in leftovers { try FileManager.default.removeItem(atPath: repo.path + "/" + name) }
        return leftovers.count
    }

    @Test func killedFixWriteLeavesTheListOldOrFixed() throws {
        let repo = try ScratchRepository()
        try repo.write("README.md", bytes: Self.list)
        try repo.commitAll("list")
        let start = Date()
        #expect(try paperlint(["fix", "--all", "--write"], in: repo).status != 2)
        let duration = Date().timeIntervalSince(start)
        let fixed = try repo.read("README.md")
        #expect(fixed != Self.list, "the generated list has defects to fix")
        var outcomes = (old: 0, fixed: 0, interrupted: 0)
        for delay in Self.delays(duration: duration, seed: 0xDA7A) {
            try repo.write("README.md", bytes: Self.list)
            if try killed(["fix", "--all", "--write"], in: repo, after: delay) { outcomes.interrupted += 1 }
            let now = try repo.read("README.md")
            #expect(now == Self.list || now == fixed, "killed after \(delay) s: README.md is neither the old list nor the fixed one (\(now.count) bytes)")
            if now == Self.list { outcomes.old += 1 } else if now == fixed { outcomes.fixed += 1 }
            _ = try sweepLeftovers(repo)
        }
        print("fix --all --write killed \(outcomes.interrupted) of \(Self.killCount) runs: \(outcomes.old) old, \(outcomes.fixed) fixed")
    }

    @Test func killedStagedFixLeavesIndexAndWorkTreeOldOrFixed() throws {
        let repo = try ScratchRepository()
        try repo.write("README.md", bytes: Self.list)
        try repo.commitAll("list")
        let changed = Self.listWithFlawedEntries
        func stageChange() throws {
            try? FileManager.default.removeItem(atPath: repo.path + "/.git/index.lock")
            try repo.write("README.md", bytes: changed)
            try repo.git("add", "README.md")
        }
        try stageChange()
        let start = Date()
        #expect(try paperlint(["fix", "--staged", "--write"], in: repo).status != 2)
        let duration = Date().timeIntervalSince(start)
        let fixed = Array(try repo.git("show", ":README.md").utf8)
        let fixedWork = try repo.read("README.md")
        #expect(fixed != changed && fixedWork == fixed, "the staged entries were fixed in both places")
        var staleLocks = 0
        for delay in Self.delays(duration: duration, seed: 0x1DE7) {
            try stageChange()
            _ = try killed(["fix", "--staged", "--write"], in: repo, after: delay)
            // A write killed between taking and renaming the lock leaves it, as git would;
            // the index itself is still whole.
            if FileManager.default.fileExists(atPath: repo.path + "/.git/index.lock") {
                staleLocks += 1
                try FileManager.default.removeItem(atPath: repo.path + "/.git/index.lock")
            }
            let staged = Array(try repo.git("show", ":README.md").utf8)
            let work = try repo.read("README.md")
            #expect(staged == changed || staged == fixed, "killed after \(delay) s: the index holds a partial list")
            #expect(work == changed || work == fixed, "killed after \(delay) s: the work tree holds a partial list")
            #expect(!(staged == changed && work == fixed), "killed after \(delay) s: the work tree was fixed before the index")
            _ = try sweepLeftovers(repo)
        }
        print("fix --staged --write: \(staleLocks) stale index.lock after \(Self.killCount) kills")
    }

    /// Runs paperlint under a file-size limit of `kilobytes` (bash's `ulimit -f`), with
    /// SIGXFSZ ignored so an oversized write fails with EFBIG instead of killing the process.
    func paperlintWithFileSizeLimit(_ kilobytes: Int, _ arguments: [String], in repo: ScratchRepository) throws -> ProcessResult {
        let script = "trap '' XFSZ; ulimit -f \(kilobytes); exec \"$0\" \"$@\""
        return try runProcess("/bin/bash", ["-c", script, Fixtures.executable] + arguments, in: repo.path)
    }

    @Test func failedWritesChangeNothing() throws {
        let repo = try ScratchRepository()
        try repo.write("README.md", bytes: Self.list)
        try repo.commitAll("list")
        let result = try paperlintWithFileSizeLimit(64, ["fix", "--all", "--write"], in: repo)
        #expect(result.status == 2 && result.error == "paperlint: README.md: cannot write (File too large); nothing was changed in it\n", "\(result)")
        #expect(try repo.read("README.md") == Self.list)
        #expect(try sweepLeftovers(repo) == 0, "the temporary file is removed")

        // --staged: the blob cannot be stored, so neither the index nor the work tree changes.
        try repo.write("README.md", bytes: Self.listWithFlawedEntries)
        try repo.git("add", "README.md")
        let index = try repo.git("ls-files", "-s")
        let staged = try paperlintWithFileSizeLimit(8, ["fix", "--staged", "--write"], in: repo)
        #expect(staged.status == 2 && staged.error.hasPrefix("paperlint: ") && staged.error.count { $0 == "\n" } == 1, "\(staged)")
        #expect(try repo.git("ls-files", "-s") == index)
        #expect(try repo.read("README.md") == Self.listWithFlawedEntries)
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/index.lock"))
    }

    /// The index is written, then the work tree cannot be: the message says where the fix is.
    @Test func workTreeWriteFailureAfterStagingIsReported() throws {
        let repo = try ScratchRepository()
        try repo.write("README.md", bytes: Self.list)
        try repo.commitAll("list")
        try repo.write("README.md", bytes: Self.listWithFlawedEntries)
        try repo.git("add", "README.md")
        // Between the compressed blob (written first) and the README itself.
        let limit = Self.list.count / 1024 / 2
        let result = try paperlintWithFileSizeLimit(limit, ["fix", "--staged", "--write"], in: repo)
        let work = try repo.read("README.md")
        if result.status == 0 {
            Issue.record("the limit of \(limit) KB did not stop the work-tree write; the blob compresses worse than expected")
            return
        }
        #expect(result.error == "paperlint: README.md: fixed in the index, but the work tree copy cannot be written (File too large); it keeps its text, so compare with git diff\n", "\(result)")
        #expect(work == Self.listWithFlawedEntries, "the work tree keeps its text")
        #expect(try repo.git("show", ":README.md") != String(decoding: Self.listWithFlawedEntries, as: UTF8.self), "the index has the fix")
        #expect(try sweepLeftovers(repo) == 0)
    }
}
