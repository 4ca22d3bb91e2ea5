import Foundation
import PaperLintTestSupport
import Testing
import Yams

/// `/paperlint fix` (Action/fix-command) against the fake GitHub API, with a local bare
/// repository as `origin` and another as a contributor's fork.
@Suite struct FixCommandTests {
    static let entries = (1...6).reversed().map {
        "- [2023/0\($0)] **Paper \($0).** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/230\($0).1111\($0))]"
    }
    static let bad = "- [2023/08] **New Paper.** *N. Author et al. arXiv.*  [[paper](http://https://arxiv.org/abs/2308.99999)]"
    static let good = "- [2023/08] **New Paper.** *N. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2308.99999)]"

    func list(_ lines: [String]) -> String { "# Papers\n\n## Section\n" + lines.joined(separator: "\n") + "\n" }

    struct Setup {
        var origin: String
        var fork: String
        var checkout: ScratchRepository
        var base: String
        var head: String
    }

    /// origin (bare) with main and, for a pull request from this repository, the branch
    /// `contribution`; the same branch in a fork (bare); the workflow's checkout of main.
    func setup() throws -> Setup {
        let author = try ScratchRepository()
        try author.commit("README.md", list(Self.entries))
        let base = try author.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try author.git("checkout", "-q", "-b", "contribution")
        try author.commit("README.md", list([Self.bad] + Self.entries))
        let head = try author.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let origin = author.path + "-origin.git", fork = author.path + "-fork.git"
        for bare in [origin, fork] { try author.bareClone(to: bare) }
        return Setup(origin: origin, fork: fork, checkout: try ScratchRepository.checkout(of: origin), base: base, head: head)
    }

    func github(_ setup: Setup, fork: Bool = false, maintainerCanModify: Bool = false) throws -> FakeGitHub {
        let github = try FakeGitHub(headSHA: setup.head)
        github.headRepository = fork ? "contributor/awesome-papers" : "owner/awesome-papers"
        github.pullDetails = [
            "base": ["sha": setup.base, "ref": "main"],
            "head": ["ref": "contribution", "repo": ["full_name": github.headRepository!, "clone_url": fork ? setup.fork : setup.origin]],
            "maintainer_can_modify": maintainerCanModify,
        ]
        return github
    }

    func run(_ setup: Setup, _ github: FakeGitHub, comment: String = "/paperlint fix", association: String = "MEMBER",
             pushToken: String? = nil) throws -> ProcessResult {
        let event = setup.checkout.path + "-event.json"
        try GitHubEvent.issueComment(comment, association: association).write(toFile: event, atomically: true, encoding: .utf8)
        var environment = [
            "GITHUB_EVENT_PATH": event, "GITHUB_TOKEN": "write-token", "GITHUB_API_URL": github.url,
            "GITHUB_REPOSITORY": "owner/awesome-papers", "PAPERLINT": Fixtures.executable,
        ]
        if let pushToken { environment["PAPERLINT_PUSH_TOKEN"] = pushToken }
        return try runProcess(Fixtures.packageRoot + "/Action/fix-command", [], in: setup.checkout.path, environment: environment)
    }

    func branchHead(_ bare: String) throws -> String {
        try runProcess("/usr/bin/git", ["rev-parse", "refs/heads/contribution"], in: bare).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func readme(_ bare: String) throws -> String {
        try runProcess("/usr/bin/git", ["show", "refs/heads/contribution:README.md"], in: bare).output
    }

    func replies(_ github: FakeGitHub) -> [String] { github.postedIssueComments.compactMap { $0["body"] as? String } }

    @Test func aMaintainersCommandPushesOneFixCommit() throws {
        let setup = try setup()
        let github = try github(setup)
        let result = try run(setup, github)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(github.reactions.map(\.content) == ["eyes"] && github.reactions.first?.comment == 42)
        let pushed = try branchHead(setup.origin)
        #expect(pushed != setup.head)
        #expect(try readme(setup.origin) == list([Self.good] + Self.entries))
        let parent = try runProcess("/usr/bin/git", ["rev-parse", "\(pushed)^"], in: setup.origin).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(parent == setup.head, "one commit on top of the contributor's")
        let reply = try #require(replies(github).first)
        #expect(reply.hasPrefix("@maintainer pushed \(pushed.prefix(12)) to `contribution`:"))
        #expect(reply.contains("Fix 2 paperlint findings in README.md"), "\(reply)")
        // Run again: nothing left to fix.
        github.pullDetails["base"] = ["sha": setup.base, "ref": "main"]
        let again = try FakeGitHub(headSHA: pushed)
        again.pullDetails = github.pullDetails
        again.headRepository = github.headRepository
        #expect(try run(setup, again).status == 0)
        #expect(replies(again).first?.contains("nothing to fix") == true)
    }

    @Test(arguments: ["CONTRIBUTOR", "FIRST_TIME_CONTRIBUTOR", "NONE"])
    func anyoneElseGetsAPoliteReplyAndNothingRuns(_ association: String) throws {
        let setup = try setup()
        let github = try github(setup)
        let result = try run(setup, github, association: association)
        #expect(result.status == 0)
        #expect(replies(github).first?.contains("Only the maintainers of this list") == true)
        #expect(github.reactions.isEmpty)
        #expect(github.requests.map(\.method) == ["POST"], "one reply, nothing else")
        #expect(try branchHead(setup.origin) == setup.head)
    }

    @Test func aForkWithoutPermissionGetsThePatch() throws {
        let setup = try setup()
        let github = try github(setup, fork: true, maintainerCanModify: false)
        let result = try run(setup, github, pushToken: "push-token")
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(try branchHead(setup.fork) == setup.head, "the fork is untouched")
        let reply = try #require(replies(github).first)
        #expect(reply.contains("paperlint may not push to a fork"))
        #expect(reply.contains("```diff\nFrom ") && reply.contains("+" + Self.good))
        // With the author's permission and a push token, the fork's branch gets the commit.
        let allowed = try self.github(setup, fork: true, maintainerCanModify: true)
        #expect(try run(setup, allowed, pushToken: "push-token").status == 0)
        #expect(try readme(setup.fork) == list([Self.good] + Self.entries))
    }

    @Test func otherCommentsAreNotCommands() throws {
        let setup = try setup()
        let github = try github(setup)
        for comment in ["Thanks! /paperlint fix later", "/paperlint check", "please fix"] {
            #expect(try run(setup, github, comment: comment).status == 0)
        }
        #expect(github.requests.isEmpty)
    }

    /// The action's fix step, as action.yml writes it: the workflow's token reaches the
    /// script, and the check step is conditioned off.
    @Test func theActionsFixStepRunsTheCommand() throws {
        let setup = try setup()
        let github = try github(setup)
        let action = try #require(try Yams.load(yaml: String(contentsOfFile: Fixtures.packageRoot + "/action.yml", encoding: .utf8)) as? [String: Any])
        let steps = try #require((action["runs"] as? [String: Any])?["steps"] as? [[String: Any]])
        let step = try #require(steps.first { $0["name"] as? String == "Run the /paperlint fix command" })
        let check = try #require(steps.first { $0["name"] as? String == "Check the changed lines" })
        #expect((check["if"] as? String)?.contains("inputs.fix-command != 'true'") == true)
        let event = setup.checkout.path + "-event.json"
        try GitHubEvent.issueComment("/paperlint fix", association: "OWNER").write(toFile: event, atomically: true, encoding: .utf8)
        var environment = [
            "GITHUB_ACTION_PATH": Fixtures.packageRoot, "GITHUB_EVENT_NAME": "issue_comment", "GITHUB_EVENT_PATH": event,
            "GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": "owner/awesome-papers", "PAPERLINT": Fixtures.executable,
        ]
        for (name, value) in step["env"] as? [String: String] ?? [:] {
            environment[name] = value.replacingOccurrences(of: "${{ inputs.token }}", with: "write-token")
                .replacingOccurrences(of: "${{ inputs.push-token }}", with: "")
        }
        let result = try runProcess("/bin/bash", ["-c", try #require(step["run"] as? String)], in: setup.checkout.path, environment: environment)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(try readme(setup.origin) == list([Self.good] + Self.entries))
        #expect(github.requests.allSatisfy { $0.authorization == "Bearer write-token" })
    }
}
