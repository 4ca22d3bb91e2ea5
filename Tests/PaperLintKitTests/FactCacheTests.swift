import Foundation
import PaperLintBenchSupport
import PaperLintCore
@testable import PaperLintKit
import PaperLintTestSupport
import Testing

/// The facts kept under `.git/paperlint/` change how fast a check runs, never what it finds:
/// cold, warm (the commit's version recorded by the check before it), stale, corrupt or off,
/// a check prints the same bytes.
@Suite struct FactCacheTests {
    static let isLongRun = ProcessInfo.processInfo.environment["PAPERLINT_LONG_FUZZ"] != nil

    static let configuration: Configuration = {
        var configuration = try! ConfigurationLoader.load(text: nil)
        configuration.today = YearMonth(year: 2026, month: 12)
        return configuration
    }()

    static func check(_ repo: ScratchRepository, cache: Bool) throws -> (output: String, rows: (reused: Int, derived: Int)?) {
        var request = CheckRequest(mode: .staged, currentDirectory: repo.path)
        request.configuration = configuration
        request.usesFactCache = cache
        let report = try Linter.check(request)
        return (JSONReporter.render(report) + TextReporter(colored: false).render(report), report.files.first?.factRows)
    }

    static func cacheFiles(_ repo: ScratchRepository) -> [String] {
        let directory = repo.path + "/.git/paperlint"
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).map { directory + "/" + $0 }
    }

    /// Seeded edits of entry lines: a line removed, a neighbour's copy inserted (a duplicate,
    /// often out of order), a character replaced by a blemish, an odd new entry, an entry
    /// nested, quoted or run into the one above; anywhere in the file, so a change lands above
    /// and below the entries it collides with.
    static func edit(_ text: String, _ random: inout SplitMix64) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<(1 + Int(random.next() % 10)) {
            let entries = lines.indices.filter { lines[$0].hasPrefix("- [") }
            guard !entries.isEmpty else { break }
            let at = entries[Int(random.next() % UInt64(entries.count))]
            switch random.next() % 8 {
            case 0: lines.remove(at: at)
            // The same bytes under another prefix: nested, quoted, or joined to the line above.
            case 5: lines[at] = "  " + lines[at]
            case 6: lines[at] = "> " + lines[at]
            case 7 where at > 0: lines[at - 1] += " " + lines.remove(at: at).dropFirst(2)
            case 1: lines.insert(lines[entries[Int(random.next() % UInt64(entries.count))]], at: at)
            case 2:
                var characters = Array(lines[at])
                let position = Int(random.next() % UInt64(characters.count))
                characters.replaceSubrange(position..<position + 1, with: ["  ", "][", ".", "", "\t"][Int(random.next() % 5)])
                lines[at] = String(characters)
            case 3: lines.insert("- [2024/13] **Odd Entry** *X. Y.* [[paper](http://https://arxiv.org/abs/2401.00001)]", at: at)
            default: lines[at] = lines[at].replacing("** *", with: "**  *", maxReplacements: 1)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Commit after commit, each check runs warm on the facts the previous one recorded for
    /// what became the commit's version, and prints what a check without the cache prints.
    @Test(arguments: 0..<(isLongRun ? 60 : 6))
    func warmChecksFindWhatColdChecksFind(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 101)
        let shape: ListGenerator.Shape = seed % 2 == 0 ? .dense : .sparse
        var text = String(decoding: ListGenerator(seed: UInt64(seed), shape: shape).generateBytes(entries: 300), as: UTF8.self)
        let repo = try ScratchRepository()
        try repo.write("README.md", text)
        try repo.commitAll("list")
        for step in 0..<4 {
            text = Self.edit(text, &random)
            try repo.write("README.md", text)
            _ = try repo.git("add", "README.md")
            let plain = try Self.check(repo, cache: false)
            let cached = try Self.check(repo, cache: true)
            #expect(cached.output == plain.output, "seed \(seed), step \(step)")
            #expect(plain.rows == nil)
            if step > 0, let rows = cached.rows {
                #expect(rows.reused > rows.derived, "seed \(seed), step \(step): most rows come from the last commit's check")
            }
            // The same change checked again reuses every row it derived.
            let again = try Self.check(repo, cache: true)
            #expect(again.output == plain.output)
            #expect(again.rows?.derived == 0, "seed \(seed), step \(step)")
            _ = try repo.git("commit", "-q", "--no-verify", "-m", "step \(step)")
        }
    }

    @Test func aCheckRecordsTheFactsOfWhatItChecked() throws {
        let repo = try ScratchRepository()
        try repo.write("README.md", String(decoding: ListGenerator(seed: 3, shape: .dense).generateBytes(entries: 200), as: UTF8.self))
        try repo.commitAll("list")
        try repo.write("README.md", "# Papers\n\n- [2025/01] **A New Paper** *A. B.* [[paper](https://arxiv.org/abs/2501.00001)]\n")
        _ = try repo.git("add", "README.md")
        #expect(Self.cacheFiles(repo).isEmpty)
        _ = try Self.check(repo, cache: false)
        #expect(Self.cacheFiles(repo).isEmpty, "--no-cache writes nothing")
        let cold = try Self.check(repo, cache: true)
        #expect(cold.rows?.reused == 0)
        #expect((cold.rows?.derived ?? 0) > 0)
        #expect(Self.cacheFiles(repo).count == 1)
    }

    /// A cache file that is cut short, has a byte flipped, is empty, is garbage or describes
    /// another build is not used (every row derived again) and is replaced by a good one.
    @Test(arguments: ["truncated", "flipped", "empty", "garbage", "other build"])
    func aDamagedCacheIsIgnoredAndReplaced(damage: String) throws {
        let repo = try ScratchRepository()
        let list = ListGenerator(seed: 9, shape: .sparse).generateBytes(entries: 150)
        try repo.write("README.md", bytes: list)
        try repo.commitAll("list")
        try repo.write("README.md", String(decoding: list, as: UTF8.self).replacing("** *", with: "**  *", maxReplacements: 3))
        _ = try repo.git("add", "README.md")
        let plain = try Self.check(repo, cache: false)
        _ = try Self.check(repo, cache: true)
        let file = try #require(Self.cacheFiles(repo).first)
        var bytes = try Fixtures.bytes(file)
        switch damage {
        case "truncated": bytes.removeLast(bytes.count / 3)
        case "flipped": bytes[bytes.count / 2] ^= 0x20
        case "empty": bytes = []
        case "garbage": bytes = (0..<4_096).map { UInt8(truncatingIfNeeded: $0 &* 151 &+ 7) }
        default:
            // The same rows under another build's name, with a checksum that matches: only the key differs.
            let at = try #require(bytes.firstRange(of: Array(" ".utf8))).lowerBound
            bytes[at - 1] ^= 0x01
            bytes.removeLast(8)
            var trailer = FactWriter()
            trailer.writeFixed(bytes.withUnsafeBytes { FactHash.hash($0) })
            bytes += trailer.bytes
        }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let damaged = try Self.check(repo, cache: true)
        #expect(damaged.output == plain.output)
        #expect(damaged.rows?.reused == 0, "\(damage): nothing reused")
        let repaired = try Self.check(repo, cache: true)
        #expect(repaired.output == plain.output)
        #expect(repaired.rows?.derived == 0, "\(damage): the rewritten file holds every row")
    }

    /// Facts recorded under one configuration are not read under another.
    @Test func anotherConfigurationDerivesAgain() throws {
        let repo = try ScratchRepository()
        try repo.write("README.md", bytes: ListGenerator(seed: 4, shape: .dense).generateBytes(entries: 120))
        try repo.commitAll("list")
        try repo.write("README.md", "- [2025/01] **A** *B.* [[paper](https://arxiv.org/abs/2501.00001)]\n")
        _ = try repo.git("add", "README.md")
        _ = try Self.check(repo, cache: true)
        var request = CheckRequest(mode: .staged, currentDirectory: repo.path)
        var configuration = Self.configuration
        configuration.style.date = [.dashed]
        request.configuration = configuration
        let report = try Linter.check(request)
        #expect(report.files.first?.factRows?.reused == 0)
    }

    /// A repository whose git directory cannot be written still gets its findings.
    @Test func anUnwritableGitDirectoryOnlyCostsTime() throws {
        let repo = try ScratchRepository()
        try repo.write("README.md", bytes: ListGenerator(seed: 5, shape: .sparse).generateBytes(entries: 100))
        try repo.commitAll("list")
        try repo.write("README.md", "- [2025/01] **A**  *B.* [[paper](https://arxiv.org/abs/2501.00001)]\n")
        _ = try repo.git("add", "README.md")
        // A file where the cache directory would go: nothing can be written under it.
        try repo.write(".git/paperlint", "not a directory")
        let plain = try Self.check(repo, cache: false)
        let cached = try Self.check(repo, cache: true)
        #expect(cached.output == plain.output)
        #expect(try String(contentsOfFile: repo.path + "/.git/paperlint", encoding: .utf8) == "not a directory")
    }
}
