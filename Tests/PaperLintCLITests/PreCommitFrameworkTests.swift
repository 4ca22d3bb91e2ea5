import Foundation
import PaperLintTestSupport
import Testing

/// The pre-commit framework for real: `.ci/run` installs `pre-commit` from PyPI into
/// `.build-venv/`; without it these tests are skipped with a message.
@Suite struct PreCommitFrameworkTests {
    static let preCommit: String? = {
        let candidates = [
            ProcessInfo.processInfo.environment["PAPERLINT_PRE_COMMIT"] ?? "",
            Fixtures.packageRoot + "/.build-venv/bin/pre-commit",
        ]
        return candidates.first { !$0.isEmpty && FileManager.default.isExecutableFile(atPath: $0) }
    }()

    let bad = "- [2023/10] **Bad Entry** *B. Author et al. arXiv.*  [[paper](http://https://arxiv.org/abs/2310.22222)]"
    let good = "- [2023/10] **Bad Entry** *B. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2310.22222)]"
    let old = "- [2023/09] **Old** *O. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2309.11111)]"

    @Test(.enabled(if: preCommit != nil, "pre-commit is not installed (.ci/run puts it in .build-venv): skipped"))
    func localHookStopsABadCommitAndPassesAGoodOne() throws {
        let preCommit = try #require(Self.preCommit)
        let repo = try ScratchRepository()
        let cache = repo.path + "-pre-commit-cache"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let environment = ["PRE_COMMIT_HOME": cache, "PATH": "/usr/bin:/bin"]
        try repo.write(".pre-commit-config.yaml", """
            repos:
              - repo: local
                hooks:
                  - id: paperlint
                    name: paperlint
                    entry: \(Fixtures.executable) check --staged
                    language: system
                    files: \\.(md|markdown)$
                    pass_filenames: true

            """)
        try repo.write("README.md", "# Papers\n\n" + old + "\n")
        try repo.write("NOTES.md", "notes\n")
        try repo.commitAll("base")
        let install = try runProcess(preCommit, ["install"], in: repo.path, environment: environment)
        #expect(install.status == 0, "\(install.error)")

        try repo.write("README.md", "# Papers\n\n" + bad + "\n" + old + "\n")
        try repo.write("NOTES.md", "more  notes\n")
        try repo.git("add", "README.md", "NOTES.md")
        let stopped = try runProcess("/usr/bin/git", ["commit", "-q", "-m", "bad"], in: repo.path, environment: environment)
        #expect(stopped.status != 0)
        let output = stopped.output + stopped.error
        #expect(output.contains("error[url]: doubled scheme in `http://https://arxiv.org/abs/2310.22222`"))
        #expect(output.contains("README.md:3:"), "the file names pre-commit passes are linted for their staged changes")

        try repo.write("README.md", "# Papers\n\n" + good + "\n" + old + "\n")
        try repo.git("add", "README.md")
        let passed = try runProcess("/usr/bin/git", ["commit", "-q", "-m", "good"], in: repo.path, environment: environment)
        #expect(passed.status == 0, "\(passed.output)\(passed.error)")
    }

    /// The manifest pre-commit reads from this repository: valid by pre-commit's own check,
    /// four hooks running `paperlint hook pre-commit`, narrowed to READMEs.
    @Test(.enabled(if: preCommit != nil, "pre-commit is not installed (.ci/run puts it in .build-venv): skipped"))
    func manifestIsValidAndDeclaresTheHooks() throws {
        let preCommit = try #require(Self.preCommit)
        let validated = try runProcess(preCommit, ["validate-manifest", Fixtures.packageRoot + "/.pre-commit-hooks.yaml"], in: Fixtures.packageRoot)
        #expect(validated.status == 0, "\(validated.output)\(validated.error)")
        let text = try String(contentsOfFile: Fixtures.packageRoot + "/.pre-commit-hooks.yaml", encoding: .utf8)
        for id in ["paperlint", "paperlint-fix", "paperlint-system", "paperlint-fix-system"] { #expect(text.contains("- id: \(id)\n")) }
        #expect(text.components(separatedBy: "entry: paperlint hook pre-commit\n").count == 3)
        #expect(text.components(separatedBy: "entry: paperlint hook pre-commit --fix\n").count == 3)
        #expect(text.components(separatedBy: "files: (?i)(^|/)readme\\.(md|markdown)$\n").count == 5)
    }

    // MARK: The framework's conventions, with the real pre-commit

    /// A repository with local hooks running this build's `paperlint hook pre-commit`.
    func frameworkRepository(_ hooks: [String] = ["paperlint", "paperlint-fix"]) throws -> (ScratchRepository, [String: String]) {
        let repo = try ScratchRepository()
        let cache = repo.path + "-pre-commit-cache"
        let environment = ["PRE_COMMIT_HOME": cache, "PATH": "/usr/bin:/bin"]
        var config = "repos:\n  - repo: local\n    hooks:\n"
        for id in hooks {
            config += """
                      - id: \(id)
                        name: \(id)
                        entry: \(Fixtures.executable) hook pre-commit\(id.hasSuffix("-fix") ? " --fix" : "")
                        language: system
                        files: \\.(md|markdown)$
                        pass_filenames: true
                        require_serial: true

                """
        }
        try repo.write(".pre-commit-config.yaml", config)
        return (repo, environment)
    }

    func list(_ lines: [String]) -> String { "# Papers\n\n## Section\n" + lines.joined(separator: "\n") + "\n" }

    static let others = (1...8).reversed().map {
        "- [2023/0\($0)] **Paper \($0).** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/230\($0).1111\($0))]"
    }

    /// The fix hook fixes the work tree only and fails, as the framework expects of a fixer;
    /// pre-commit stashes the unstaged edits and puts them back byte for byte, whether they
    /// sit next to the fixed line or far from it. The index is untouched.
    @Test(.enabled(if: preCommit != nil, "pre-commit is not installed (.ci/run puts it in .build-venv): skipped"),
          arguments: [1, 7])
    func theFixHookKeepsUnstagedWorkByteForByte(_ distance: Int) throws {
        let preCommit = try #require(Self.preCommit)
        let (repo, environment) = try frameworkRepository(["paperlint-fix"])
        try repo.write("README.md", list(Self.others))
        try repo.commitAll("base")
        let staged = list([bad] + Self.others)
        try repo.write("README.md", staged)
        try repo.git("add", "README.md")
        // An unstaged edit `distance` entries below the staged one.
        var work = [bad] + Self.others
        work[distance] = work[distance].replacingOccurrences(of: "Paper", with: "Unstaged  Edit")
        let unstaged = list(work)
        try repo.write("README.md", unstaged)
        let index = try repo.git("show", ":README.md")
        let run = try runProcess(preCommit, ["run", "paperlint-fix"], in: repo.path, environment: environment)
        #expect(run.status == 1, "a fixer that changed a file fails the run: \(run.output)")
        #expect(run.output.contains("files were modified by this hook"), "\(run.output)")
        #expect(try repo.git("show", ":README.md") == index, "the index is pre-commit's, untouched")
        let tree = String(decoding: try repo.read("README.md"), as: UTF8.self)
        if distance == 1 {
            // Next to the fixed line the two cannot merge: pre-commit rolls the fix back and
            // puts the unstaged work back exactly (the old `fix --staged --write` lost it here).
            #expect(run.output.contains("Stashed changes conflicted with hook auto-fixes... Rolling back fixes..."))
            #expect(tree == unstaged)
        } else {
            // Far from it: the staged line fixed (its title takes the list's period too), the
            // unstaged edit back as it was, its double space the user's.
            var expected = ["- [2023/10] **Bad Entry.** *B. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2310.22222)]"] + Self.others
            expected[distance] = work[distance]
            #expect(tree == list(expected))
        }
    }

    /// `pre-commit run --all-files` (pre-commit.ci, CI wrappers) checks every line of the
    /// list and fails on its errors; a staged CONTRIBUTING.md is no paper list.
    @Test(.enabled(if: preCommit != nil, "pre-commit is not installed (.ci/run puts it in .build-venv): skipped"))
    func allFilesChecksTheWholeListAndSkipsOtherMarkdown() throws {
        let preCommit = try #require(Self.preCommit)
        let (repo, environment) = try frameworkRepository(["paperlint"])
        try repo.write("README.md", list([bad] + Self.others))
        try repo.write("CONTRIBUTING.md", "# Contributing\n\n- [2023/10] **Bad  Entry** [[paper](http://https://x.org)]\n")
        try repo.commitAll("base")
        let all = try runProcess(preCommit, ["run", "--all-files"], in: repo.path, environment: environment)
        #expect(all.status == 1, "\(all.output)")
        #expect(all.output.contains("README.md:4:") && all.output.contains("error[url]"))
        #expect(!all.output.contains("CONTRIBUTING.md"), "\(all.output)")
        // Staged, CONTRIBUTING.md is still not a list.
        try repo.write("CONTRIBUTING.md", "# Contributing\n\n- [2023/11] **Worse  Entry** [[paper](http://https://y.org)]\n")
        try repo.git("add", "CONTRIBUTING.md")
        let staged = try runProcess(preCommit, ["run"], in: repo.path, environment: environment)
        #expect(staged.status == 0, "\(staged.output)")
    }

    /// `--from-ref/--to-ref` (and pre-push) check the lines of that range only.
    @Test(.enabled(if: preCommit != nil, "pre-commit is not installed (.ci/run puts it in .build-venv): skipped"))
    func refsCheckOnlyTheirRange() throws {
        let preCommit = try #require(Self.preCommit)
        let (repo, environment) = try frameworkRepository(["paperlint"])
        try repo.write("README.md", list([bad] + Self.others))  // an old defect on line 4
        try repo.commitAll("base")
        let from = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.write("README.md", list(["- [2023/12] **Newer  Paper.** *N. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2312.12345)]", bad] + Self.others))
        try repo.commitAll("newer")
        let to = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let range = try runProcess(preCommit, ["run", "--verbose", "--from-ref", from, "--to-ref", to], in: repo.path, environment: environment)
        #expect(range.status == 0, "a warning only, on the range's line: \(range.output)")
        #expect(range.output.contains("README.md:4:") && range.output.contains("2 spaces"), "\(range.output)")
        #expect(!range.output.contains("README.md:5:"), "the old defect is outside the range")
    }
}
