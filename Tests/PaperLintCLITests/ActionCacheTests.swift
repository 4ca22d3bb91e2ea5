import Foundation
import PaperLintTestSupport
import Testing

/// The action's cache: keyed by paperlint's own sources, holding the packed binary and the
/// libraries it needs, so that a hit runs the check with no apt step and no build.
@Suite struct ActionCacheTests {
    /// A copy of the parts of the package the action's scripts read, as `$GITHUB_ACTION_PATH`.
    func actionCopy() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("paperlint-action-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for item in ["Package.swift", "Sources", "Rules", "Plugins", "Action"]
        where FileManager.default.fileExists(atPath: Fixtures.packageRoot + "/" + item) {
            try FileManager.default.copyItem(atPath: Fixtures.packageRoot + "/" + item, toPath: root + "/" + item)
        }
        return root
    }

    func run(_ script: String, in root: String, _ environment: [String: String] = [:]) throws -> ProcessResult {
        try runProcess("/bin/bash", [root + "/Action/" + script], in: root, environment: ["GITHUB_ACTION_PATH": root].merging(environment) { $1 })
    }

    func key(_ root: String) throws -> String {
        let result = try run("cache-key", in: root)
        #expect(result.status == 0, "\(result.error)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func theKeyFollowsPaperlintsOwnSources() throws {
        let root = try actionCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try key(root)
        #expect(first.hasPrefix("paperlint-") && first.contains("-swift-") && first.contains("-src-"), "\(first)")
        #expect(try key(root) == first, "the same sources give the same key")
        // Written for the cache step under GitHub Actions.
        let output = root + "/github-output"
        FileManager.default.createFile(atPath: output, contents: Data())
        _ = try run("cache-key", in: root, ["GITHUB_OUTPUT": output])
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "key=\(first)\n")
        // A file the build does not read changes nothing; a source or a preset does.
        try "notes".write(toFile: root + "/NOTES.md", atomically: true, encoding: .utf8)
        #expect(try key(root) == first)
        let source = root + "/Sources/paperlint/Paperlint.swift"
        let original = try String(contentsOfFile: source, encoding: .utf8)
        try (original + "\n// changed\n").write(toFile: source, atomically: true, encoding: .utf8)
        let changed = try key(root)
        #expect(changed != first)
        try original.write(toFile: source, atomically: true, encoding: .utf8)
        #expect(try key(root) == first)
        let preset = try #require(try FileManager.default.contentsOfDirectory(atPath: root + "/Rules").first { $0.hasSuffix(".yml") })
        try "\n# changed\n".appendLine(toFile: root + "/Rules/" + preset)
        #expect(try key(root) != first)
    }

    /// The packed binary runs on its own libraries: libgit2 and cmark-gfm resolve inside the
    /// pack, and the check step runs it without `PAPERLINT` or a build.
    @Test func thePackRunsTheCheckWithoutABuild() throws {
        let root = try actionCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let packed = try run("build", in: root, ["PAPERLINT_BINARY": Fixtures.executable])
        #expect(packed.status == 0, "\(packed.output)\(packed.error)")
        let pack = root + "/.build-action"
        let libraries = try FileManager.default.contentsOfDirectory(atPath: pack + "/lib")
        #expect(libraries.contains { $0.hasPrefix("libgit2.so") }, "\(libraries)")
        #expect(libraries.contains { $0.hasPrefix("libcmark-gfm.so") }, "\(libraries)")
        #expect(!libraries.contains { $0.hasPrefix("libc.so") || $0.hasPrefix("libstdc++") }, "the C and C++ runtimes stay the system's")
        let ldd = try runProcess("/usr/bin/ldd", [pack + "/paperlint"], in: root, environment: ["LD_LIBRARY_PATH": pack + "/lib"])
        let libgit2 = ldd.output.split(separator: "\n").first { $0.contains("libgit2.so") }
        #expect(libgit2?.contains(pack + "/lib/") == true, "\(ldd.output)")

        let repo = try ScratchRepository()
        try repo.commit("README.md", "# Papers\n\n- [2023/01] **Alpha** *A. Author. arXiv.* [[paper](https://arxiv.org/abs/2301.11111)]\n")
        let base = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.commit("README.md", "# Papers\n\n- [2023/02] **Beta** *B. Author. arXiv.* [[paper](http://https://arxiv.org/abs/2302.22222)]\n- [2023/01] **Alpha** *A. Author. arXiv.* [[paper](https://arxiv.org/abs/2301.11111)]\n")
        let check = try runProcess(
            "/bin/bash", [root + "/Action/check"], in: repo.path,
            environment: ["GITHUB_ACTION_PATH": root, "PAPERLINT_BASE": base, "GITHUB_EVENT_NAME": "push"])
        #expect(check.status == 1, "\(check.output)\(check.error)")
        #expect(check.output.contains("::error file=README.md,line=3,"), "\(check.output)")
    }
}

private extension String {
    func appendLine(toFile path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(utf8))
    }
}
