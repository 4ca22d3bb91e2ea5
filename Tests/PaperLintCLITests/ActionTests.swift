import Foundation
import PaperLintTestSupport
import Testing

/// The action's check step run locally, with the environment GitHub sets for a pull request.
@Suite struct ActionTests {
    let entries = (1...6).reversed().map {
        "- [2023/0\($0)] **Paper \($0)** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/230\($0).1111\($0))]"
    }

    func list(_ lines: [String]) -> String { "# Papers\n\n## Section\n" + lines.joined(separator: "\n") + "\n" }

    /// A base branch with an old defect, and a pull request adding one bad entry.
    func pullRequest() throws -> (ScratchRepository, base: String, head: String) {
        let repo = try ScratchRepository()
        var old = entries
        old[4] += "  "  // old trailing blanks on main, not the contributor's
        try repo.commit("README.md", list(old))
        let base = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("checkout", "-q", "-b", "contribution")
        try repo.commit("README.md", list(["- [2023/07] **New, Paper** *N. Author et al. arXiv.*  [[paper](http://https://arxiv.org/abs/2307.99999)]"] + old))
        let head = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        return (repo, base, head)
    }

    func runCheckStep(_ repo: ScratchRepository, event: String, name: String = "pull_request", inputs: [String: String] = [:]) throws -> (ProcessResult, summary: String) {
        let eventPath = repo.path + "-event.json"
        let summaryPath = repo.path + "-summary.md"
        try event.write(toFile: eventPath, atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: summaryPath, contents: Data())
        defer {
            try? FileManager.default.removeItem(atPath: eventPath)
            try? FileManager.default.removeItem(atPath: summaryPath)
        }
        var environment = [
            "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": name, "GITHUB_EVENT_PATH": eventPath,
            "GITHUB_ACTION_PATH": Fixtures.packageRoot, "GITHUB_STEP_SUMMARY": summaryPath,
            "PAPERLINT": Fixtures.executable,
        ]
        for (key, value) in inputs { environment[key] = value }
        let result = try runProcess("/bin/bash", [Fixtures.packageRoot + "/Action/check"], in: repo.path, environment: environment)
        return (result, try String(contentsOfFile: summaryPath, encoding: .utf8))
    }

    @Test func pullRequestGetsAnnotationsOnItsOwnLinesOnly() throws {
        let (repo, base, head) = try pullRequest()
        let event = #"{"pull_request": {"base": {"sha": "\#(base)"}, "head": {"sha": "\#(head)"}}}"#
        let (result, summary) = try runCheckStep(repo, event: event)
        #expect(result.status == 1, "\(result.error)")
        let annotations = result.output.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(!annotations.isEmpty)
        #expect(annotations.allSatisfy { $0.contains("file=README.md,line=4,") }, "only the contributor's line: \(annotations)")
        #expect(annotations.contains { $0.hasPrefix("::error ") && $0.contains("title=url") })
        #expect(annotations.contains { $0.hasPrefix("::warning ") && $0.contains("title=whitespace") })
        #expect(!summary.isEmpty, "the step summary is written")
    }

    @Test func inputsReachTheCommandLine() throws {
        let (repo, base, head) = try pullRequest()
        let event = #"{"pull_request": {"base": {"sha": "\#(base)"}, "head": {"sha": "\#(head)"}}}"#
        let (lenient, _) = try runCheckStep(repo, event: event, inputs: ["PAPERLINT_FAIL_ON": "never"])
        #expect(lenient.status == 0)
        let (all, _) = try runCheckStep(repo, event: event, inputs: ["PAPERLINT_FILTER": "all", "PAPERLINT_FORMAT": "json"])
        #expect(all.output.contains(#""line":9"#), "filter all also reports the old trailing blanks")
        let (files, _) = try runCheckStep(repo, event: event, inputs: ["PAPERLINT_FILES": "README.md", "PAPERLINT_FORMAT": "json"])
        #expect(files.output.hasPrefix(#"{"version":1"#))
        // output-file: the review body goes to a file for `gh api … --input`.
        let reviewPath = repo.path + "-review.json"
        defer { try? FileManager.default.removeItem(atPath: reviewPath) }
        let (review, _) = try runCheckStep(
            repo, event: event, inputs: ["PAPERLINT_FORMAT": "review", "PAPERLINT_FAIL_ON": "never", "PAPERLINT_OUTPUT_FILE": reviewPath])
        #expect(review.status == 0 && review.output.isEmpty)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reviewPath))) as? [String: Any])
        #expect((body["comments"] as? [[String: Any]])?.first?["line"] as? Int == 4)
    }

    @Test func pushEventComparesWithThePreviousCommit() throws {
        let (repo, base, _) = try pullRequest()
        let (result, _) = try runCheckStep(repo, event: #"{"before": "\#(base)"}"#, name: "push")
        #expect(result.status == 1)
        #expect(result.output.contains("file=README.md,line=4,"))
        let (first, _) = try runCheckStep(repo, event: #"{"before": "0000000000000000000000000000000000000000"}"#, name: "push")
        #expect(first.output.hasPrefix("::notice title=paperlint::no base commit"))
    }

    func annotatedLines(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") }
            .compactMap { $0.split(separator: ",").first { $0.hasPrefix("line=") }.map(String.init) }
    }

    /// A merge queue checks the queued merge's base...head: the contributor's line, never the
    /// old defect on main (which would block the queue).
    @Test func mergeGroupChecksTheQueuedChange() throws {
        let (repo, base, head) = try pullRequest()
        let (result, _) = try runCheckStep(repo, event: GitHubEvent.mergeGroup(base: base, head: head), name: "merge_group")
        #expect(result.status == 1, "\(result.output)\(result.error)")
        #expect(Set(annotatedLines(result.output)) == ["line=4"])
    }

    /// A new branch (`before` all zeros) compares with its merge base on the default branch,
    /// wherever the branch's commits sit.
    @Test func newBranchComparesWithTheDefaultBranch() throws {
        let (repo, _, head) = try pullRequest()
        let (result, _) = try runCheckStep(
            repo, event: GitHubEvent.push(before: GitHubEvent.zero, after: head, created: true), name: "push")
        #expect(result.output.contains("::notice title=paperlint::a new branch"), "\(result.output)")
        #expect(result.status == 1)
        #expect(Set(annotatedLines(result.output)) == ["line=4"], "only the branch's line, not main's old blanks")
    }

    /// A force push whose `before` is gone falls back to the default branch's merge base,
    /// with a notice, instead of ending with exit 2.
    @Test func vanishedBeforeFallsBackToTheMergeBase() throws {
        let (repo, _, head) = try pullRequest()
        let gone = String(repeating: "ab", count: 20)
        let (result, _) = try runCheckStep(repo, event: GitHubEvent.push(before: gone, after: head, forced: true), name: "push")
        #expect(result.output.contains("::notice title=paperlint::the previous commit abababababab is gone"), "\(result.output)")
        #expect(result.status == 1, "\(result.error)")
        #expect(Set(annotatedLines(result.output)) == ["line=4"])
    }

    /// Scheduled and manual runs check every line and report without failing, unless
    /// `fail-on` is given.
    @Test func scheduledAndManualRunsReportEveryLineWithoutFailing() throws {
        let (repo, _, _) = try pullRequest()
        let (scheduled, _) = try runCheckStep(repo, event: GitHubEvent.schedule(), name: "schedule")
        #expect(scheduled.status == 0, "\(scheduled.output)")
        #expect(scheduled.output.contains("::notice title=paperlint::a schedule run: checking every line"))
        #expect(Set(annotatedLines(scheduled.output)).isSuperset(of: ["line=4", "line=9"]), "the new line and main's old blanks")
        let (manual, _) = try runCheckStep(repo, event: GitHubEvent.workflowDispatch(), name: "workflow_dispatch")
        #expect(manual.status == 0)
        let (strict, _) = try runCheckStep(
            repo, event: GitHubEvent.workflowDispatch(), name: "workflow_dispatch", inputs: ["PAPERLINT_FAIL_ON": "error"])
        #expect(strict.status == 1)
    }

    /// `pull_request_target` carries the same payload as `pull_request`.
    @Test func pullRequestTargetReadsThePullRequestsCommits() throws {
        let (repo, base, head) = try pullRequest()
        try repo.git("checkout", "-q", "main")  // pull_request_target checks out the base
        let (result, _) = try runCheckStep(repo, event: GitHubEvent.pullRequest(base: base, head: head), name: "pull_request_target")
        #expect(result.status == 1, "\(result.output)\(result.error)")
        #expect(Set(annotatedLines(result.output)) == ["line=4"])
    }

    /// pull_request_target from a fork: the checkout holds only the base; the head is fetched
    /// from the pull request's ref (`refs/pull/N/head`) and read as data.
    @Test func pullRequestTargetFetchesAForksHeadFromThePullRequestRef() throws {
        let (author, base, head) = try pullRequest()
        let origin = author.path + "-origin.git"
        _ = try runProcess("/usr/bin/git", ["init", "-q", "--bare", origin], in: author.path)
        try author.git("push", "-q", origin, "main:refs/heads/main", "contribution:refs/pull/7/head")
        let checkout = try ScratchRepository()
        try checkout.git("remote", "add", "origin", origin)
        try checkout.git("fetch", "-q", "origin", "main")
        try checkout.git("checkout", "-q", "-B", "main", "FETCH_HEAD")
        #expect(throws: (any Error).self) { try checkout.git("cat-file", "-e", head + "^{commit}") }
        let (result, _) = try runCheckStep(checkout, event: GitHubEvent.pullRequest(base: base, head: head), name: "pull_request_target")
        #expect(result.status == 1, "\(result.output)\(result.error)")
        #expect(Set(annotatedLines(result.output)) == ["line=4"])
    }
}
