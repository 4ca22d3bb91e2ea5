import Foundation
import PaperLintTestSupport
import Testing
import Yams

/// `Action/review` against a fake GitHub REST API on loopback: one review per run, one
/// sticky summary, nothing duplicated on the next push, a read-only token degrading to a
/// notice.
@Suite struct ReviewBotTests {
    static let entries = (1...6).reversed().map {
        "- [2023/0\($0)] **Paper \($0).** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/230\($0).1111\($0))]"
    }

    func list(_ lines: [String]) -> String { "# Papers\n\n## Section\n" + lines.joined(separator: "\n") + "\n" }

    /// main, and a contribution adding two entries with defects (one with two on one line).
    func pullRequest() throws -> (ScratchRepository, base: String, head: String) {
        let repo = try ScratchRepository()
        try repo.commit("README.md", list(Self.entries))
        let base = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("checkout", "-q", "-b", "contribution")
        try repo.commit("README.md", list([
            "- [2023/08] **New Paper.** *N. Author et al. arXiv.* [[paper](http://https://arxiv.org/abs/2308.99999)]  ",
            "- [2023/07] **Other Paper.** *O. Author et al. arXiv.*  [[paper](https://arxiv.org/abs/2307.88888)]",
        ] + Self.entries))
        return (repo, base, try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The review file paperlint writes for the range.
    func reviewFile(_ repo: ScratchRepository, _ base: String, _ head: String) throws -> String {
        let result = try runProcess(Fixtures.executable, ["check", "--range", "\(base)...\(head)", "--format", "review", "--fail-on", "never"], in: repo.path)
        #expect(result.status == 0, "\(result.error)")
        let path = repo.path + "-review-\(UUID().uuidString).json"
        try result.output.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func post(_ file: String, _ github: FakeGitHub, head: String, token: String = "write-token") throws -> ProcessResult {
        try runProcess(Fixtures.packageRoot + "/Action/review", [], in: FileManager.default.temporaryDirectory.path, environment: [
            "PAPERLINT_REVIEW_FILE": file, "GITHUB_TOKEN": token, "GITHUB_API_URL": github.url,
            "GITHUB_REPOSITORY": "owner/awesome-papers", "PAPERLINT_PR": "7", "PAPERLINT_HEAD_SHA": head,
        ])
    }

    func calls(_ github: FakeGitHub) -> [String] { github.requests.map { "\($0.method) \($0.path)" } }

    @Test func firstAndSecondPushPostOnceAndEditTheSummary() throws {
        let (repo, base, head) = try pullRequest()
        let github = try FakeGitHub(headSHA: head)
        let file = try reviewFile(repo, base, head)
        let first = try post(file, github, head: head)
        #expect(first.status == 0, "\(first.output)\(first.error)")
        #expect(calls(github) == [
            "GET /repos/owner/awesome-papers/pulls/7/comments",
            "POST /repos/owner/awesome-papers/pulls/7/reviews",
            "GET /repos/owner/awesome-papers/issues/7/comments",
            "POST /repos/owner/awesome-papers/issues/7/comments",
        ])
        let review = try #require(github.requests[1].json as? [String: Any])
        #expect(review["commit_id"] as? String == head && review["event"] as? String == "COMMENT")
        let comments = try #require(review["comments"] as? [[String: Any]])
        #expect(comments.map { $0["line"] as? Int } == [4, 5], "one comment per changed line")
        #expect((comments[0]["body"] as? String)?.contains("```suggestion\n- [2023/08] **New Paper.** *N. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2308.99999)]\n```") == true)
        #expect(github.postedIssueComments.count == 1)
        #expect((github.postedIssueComments[0]["body"] as? String)?.hasPrefix("<!-- paperlint-summary -->\n### paperlint: ") == true)

        // The same findings again (a push that touched something else): nothing new is posted,
        // the summary is edited in place.
        let second = try post(file, github, head: head)
        #expect(second.status == 0)
        #expect(Array(calls(github).dropFirst(4)) == [
            "GET /repos/owner/awesome-papers/pulls/7/comments",
            "GET /repos/owner/awesome-papers/issues/7/comments",
            "PATCH /repos/owner/awesome-papers/issues/comments/\(github.postedIssueComments[0]["id"] as? Int ?? 0)",
        ])
        #expect(github.postedReviews.count == 1 && github.postedIssueComments.count == 1)
        #expect(second.output.contains("0 new comments in one review, 2 already posted"))

        // The contributor fixes the first line: its comment is marked outdated, the other stays.
        try repo.commit("README.md", list([
            "- [2023/08] **New Paper.** *N. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2308.99999)]",
            "- [2023/07] **Other Paper.** *O. Author et al. arXiv.*  [[paper](https://arxiv.org/abs/2307.88888)]",
        ] + Self.entries))
        let fixed = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let third = try post(try reviewFile(repo, base, fixed), github, head: fixed)
        #expect(third.status == 0)
        let bodies = github.postedReviewComments.map { $0["body"] as? String ?? "" }
        #expect(bodies[0].hasPrefix("<!-- paperlint-outdated -->\n*Outdated: paperlint no longer reports this at \(fixed.prefix(12)).*"))
        #expect(!bodies[1].contains("paperlint-outdated"))
        #expect(github.postedReviews.count == 1, "nothing new to post")
    }

    @Test func aReadOnlyTokenIsANoticeNotAFailure() throws {
        let (repo, base, head) = try pullRequest()
        let github = try FakeGitHub(headSHA: head)
        let result = try post(try reviewFile(repo, base, head), github, head: head, token: FakeGitHub.readOnlyToken)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("::notice title=paperlint::the token may not write to this pull request"))
        #expect(github.postedReviews.isEmpty && github.postedIssueComments.isEmpty)
    }

    @Test func anOversizedReviewIsBatchedAndTheRestSummarised() throws {
        let comments = (1...60).map { line in
            ["path": "README.md", "line": line, "side": "RIGHT",
             "body": "**warning** `whitespace`: finding \(line)\n\n<!-- paperlint: README.md:\(line) whitespace \(String(format: "%016x", line)) -->\n"] as [String: Any]
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("review-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let data = try JSONSerialization.data(withJSONObject: ["event": "COMMENT", "body": "<!-- paperlint-review -->\n### paperlint: 60 warnings\n", "comments": comments])
        try data.write(to: URL(fileURLWithPath: file))
        let github = try FakeGitHub(headSHA: String(repeating: "a", count: 40))
        github.pageSize = 20  // GitHub pages lists: the bot follows the Link header
        let result = try post(file, github, head: String(repeating: "a", count: 40))
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(github.postedReviews.count == 1 && github.postedReviewComments.count == 50)
        let summary = try #require(github.postedIssueComments.first?["body"] as? String)
        #expect(summary.contains("10 more findings than one review holds:"))
        #expect(summary.contains("- `README.md:60` **warning** `whitespace`: finding 60"))
        // The next run reads all three pages of the 50 comments and posts only the 10 left.
        let again = try post(file, github, head: String(repeating: "a", count: 40))
        #expect(again.output.contains("10 new comments in one review, 50 already posted"), "\(again.output)")
        #expect(github.postedReviewComments.count == 60)
        #expect(github.requests.filter { $0.path.hasSuffix("/pulls/7/comments") }.count >= 1 + 3)
    }

    @Test func untrustedInputIsRefused() throws {
        let github = try FakeGitHub(headSHA: String(repeating: "a", count: 40))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("review-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        for bad in ["not json", #"{"body": "x", "comments": [{"path": "README.md", "line": "4; rm -rf /"}]}"#, #"{"comments": []}"#] {
            try bad.write(toFile: file, atomically: true, encoding: .utf8)
            let result = try post(file, github, head: "")
            #expect(result.status == 2, "\(bad)")
            #expect(result.output.hasPrefix("::error title=paperlint::"), "\(result.output)")
        }
        #expect(github.requests.isEmpty, "nothing reaches GitHub")
    }

    /// The action's own review step, as action.yml writes it, on a pull_request payload:
    /// `Action/check` writes the review file and `Action/review` posts it.
    @Test func theActionsReviewStepPostsThePullRequestsReview() throws {
        let (repo, base, head) = try pullRequest()
        let github = try FakeGitHub(headSHA: head)
        let action = try #require(try Yams.load(yaml: String(contentsOfFile: Fixtures.packageRoot + "/action.yml", encoding: .utf8)) as? [String: Any])
        let steps = try #require((action["runs"] as? [String: Any])?["steps"] as? [[String: Any]])
        let step = try #require(steps.first { $0["name"] as? String == "Review the pull request" })
        let temp = repo.path + "-runner-temp"
        try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
        var environment = [
            "GITHUB_ACTION_PATH": Fixtures.packageRoot, "PAPERLINT": Fixtures.executable,
            "GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": repo.path + "-event.json",
            "GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": "owner/awesome-papers",
        ]
        try GitHubEvent.pullRequest(base: base, head: head).write(toFile: repo.path + "-event.json", atomically: true, encoding: .utf8)
        for (name, value) in step["env"] as? [String: String] ?? [:] {
            environment[name] = value.replacingOccurrences(of: "${{ runner.temp }}", with: temp)
                .replacingOccurrences(of: "${{ inputs.token }}", with: "write-token")
                .replacingOccurrences(of: #"\$\{\{ inputs\.[a-z-]+ \}\}"#, with: "", options: .regularExpression)
        }
        let result = try runProcess("/bin/bash", ["-c", try #require(step["run"] as? String)], in: repo.path, environment: environment)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(github.postedReviews.count == 1 && github.postedReviewComments.count == 2)
        #expect(github.postedIssueComments.count == 1)
        #expect(github.requests.allSatisfy { $0.authorization == "Bearer write-token" })
    }

    /// The fork-safe pair: a read-only pull_request job uploads the review and
    /// `{"number", "head_sha"}`; the workflow_run job posts it only when GitHub's record of
    /// that pull request has the triggering run's head commit, from the run's repository.
    @Test func aWorkflowRunPostsOnlyTheReviewOfThePullRequestItsRunChecked() throws {
        let (repo, base, head) = try pullRequest()
        let review = try reviewFile(repo, base, head)
        let eventPath = repo.path + "-workflow-run.json"
        let claimPath = repo.path + "-pull-request.json"
        func post(claim: String, runHead: String, github: FakeGitHub) throws -> ProcessResult {
            try claim.write(toFile: claimPath, atomically: true, encoding: .utf8)
            try GitHubEvent.workflowRun(headSHA: runHead).write(toFile: eventPath, atomically: true, encoding: .utf8)
            return try runProcess(Fixtures.packageRoot + "/Action/review", [], in: repo.path, environment: [
                "PAPERLINT_REVIEW_FILE": review, "PAPERLINT_PR_FILE": claimPath, "GITHUB_EVENT_PATH": eventPath,
                "GITHUB_TOKEN": "write-token", "GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": "owner/awesome-papers",
            ])
        }
        let github = try FakeGitHub(headSHA: head)
        github.headRepository = "contributor/awesome-papers"
        let honest = try post(claim: #"{"number": 7, "head_sha": "\#(head)"}"#, runHead: head, github: github)
        #expect(honest.status == 0, "\(honest.output)")
        #expect(github.postedReviews.count == 1 && github.postedReviews[0]["commit_id"] as? String == head)

        // Forged: another pull request's number, a head the run did not check, a malformed claim.
        let other = String(repeating: "c", count: 40)
        for (claim, runHead, reason) in [
            (#"{"number": 8, "head_sha": "\#(head)"}"#, head, "pull request #8 named by the artifact: 404"),
            (#"{"number": 7, "head_sha": "\#(other)"}"#, head, "the artifact is for commit cccccccccccc"),
            (#"{"number": 7, "head_sha": "\#(other)"}"#, other, "pull request #7 is not the one the triggering run checked"),
            (#"{"number": "7; curl evil", "head_sha": "\#(head)"}"#, head, "does not name a pull request"),
        ] {
            let fresh = try FakeGitHub(headSHA: head)
            fresh.headRepository = "contributor/awesome-papers"
            let forged = try post(claim: claim, runHead: runHead, github: fresh)
            #expect(forged.status == 2, "\(claim)")
            #expect(forged.output.contains(reason), "\(forged.output)")
            #expect(fresh.postedReviews.isEmpty && fresh.postedIssueComments.isEmpty)
            #expect(fresh.requests.allSatisfy { $0.method == "GET" })
        }
        // The same pull request's head from another repository is not the run's either.
        let moved = try FakeGitHub(headSHA: head)
        moved.headRepository = "someone-else/awesome-papers"
        #expect(try post(claim: #"{"number": 7, "head_sha": "\#(head)"}"#, runHead: head, github: moved).status == 2)
    }

    /// The action's artifact-posting step, as action.yml writes it, in a workflow_run job: no
    /// build, no check, the artifact's review posted once its claim is confirmed.
    @Test func theActionsArtifactStepPostsAConfirmedReview() throws {
        let (repo, base, head) = try pullRequest()
        let github = try FakeGitHub(headSHA: head)
        github.headRepository = "contributor/awesome-papers"
        let artifact = repo.path + "-artifact"
        try FileManager.default.createDirectory(atPath: artifact, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: try reviewFile(repo, base, head), toPath: artifact + "/review.json")
        try #"{"number": 7, "head_sha": "\#(head)"}"#.write(toFile: artifact + "/pull-request.json", atomically: true, encoding: .utf8)
        try GitHubEvent.workflowRun(headSHA: head).write(toFile: repo.path + "-event.json", atomically: true, encoding: .utf8)
        let action = try #require(try Yams.load(yaml: String(contentsOfFile: Fixtures.packageRoot + "/action.yml", encoding: .utf8)) as? [String: Any])
        let steps = try #require((action["runs"] as? [String: Any])?["steps"] as? [[String: Any]])
        let step = try #require(steps.first { $0["name"] as? String == "Post the review of a read-only run" })
        var environment = [
            "GITHUB_ACTION_PATH": Fixtures.packageRoot, "GITHUB_EVENT_NAME": "workflow_run", "GITHUB_EVENT_PATH": repo.path + "-event.json",
            "GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": "owner/awesome-papers",
        ]
        for (name, value) in step["env"] as? [String: String] ?? [:] {
            environment[name] = value.replacingOccurrences(of: "${{ inputs.review-file }}", with: artifact + "/review.json")
                .replacingOccurrences(of: "${{ inputs.pull-request-file }}", with: artifact + "/pull-request.json")
                .replacingOccurrences(of: "${{ inputs.token }}", with: "write-token")
        }
        let result = try runProcess("/bin/bash", ["-c", try #require(step["run"] as? String)], in: artifact, environment: environment)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(github.postedReviews.count == 1 && github.postedReviewComments.count == 2)
        // Every other step of the action is skipped for a review file.
        for other in steps where other["name"] as? String != step["name"] as? String {
            #expect((other["if"] as? String)?.contains("inputs.review-file == ''") == true, "\(other["name"] ?? "")")
        }
    }

    /// A fix no suggestion can carry (here a guessed date, which then moves the entry) is
    /// offered in the review body as the patch of every fix.
    @Test func unsafeFixesComeAsAPatchInTheBody() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", list(Self.entries))
        let base = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.commit("README.md", list(["- [2023/07] **Misdated Paper.** *M. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2302.77777)]"] + Self.entries))
        let head = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let review = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: try reviewFile(repo, base, head)))) as? [String: Any])
        let body = try #require(review["body"] as? String)
        #expect(body.contains("finding has a fix that paperlint does not suggest"), "\(body)")
        #expect(body.contains("<details><summary>Every fix, the unsafe ones included</summary>\n\n```diff\ndiff --git a/README.md b/README.md\n"))
        #expect(body.contains("\n+- [2023/02] **Misdated Paper.**"), "the date is fixed and the entry moves to its place")
        let comments = try #require(review["comments"] as? [[String: Any]])
        #expect(comments.allSatisfy { !(($0["body"] as? String) ?? "").contains("```suggestion") })
    }
}
