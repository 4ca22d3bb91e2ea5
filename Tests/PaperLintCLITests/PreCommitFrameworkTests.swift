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

    @Test func hooksFileDeclaresBothHooks() throws {
        let text = try String(contentsOfFile: Fixtures.packageRoot + "/.pre-commit-hooks.yaml", encoding: .utf8)
        #expect(text.contains("- id: paperlint\n") && text.contains("- id: paperlint-fix\n"))
        #expect(text.contains("entry: paperlint check --staged\n") && text.contains("entry: paperlint fix --staged --write\n"))
        #expect(text.components(separatedBy: "language: swift\n").count == 3)
        #expect(text.components(separatedBy: "files: \\.(md|markdown)$\n").count == 3)
        #expect(text.components(separatedBy: "pass_filenames: true\n").count == 3)
    }
}
