import Foundation
import PaperLintTestSupport
import Testing
import Yams

/// The "Add paper" intake (Action/intake) against the fake GitHub API, with a local bare
/// repository as `origin` and the workflow's checkout of main: issues become pull requests,
/// duplicates and invalid forms become labelled comments, edits and merges regenerate.
@Suite struct IntakeTests {
    /// The paperlint that runs `add` (PAPERLINT_INTAKE_PAPERLINT names another build of it).
    static let paperlint = ProcessInfo.processInfo.environment["PAPERLINT_INTAKE_PAPERLINT"] ?? Fixtures.executable
    static let repository = "owner/awesome-papers"

    static let models = [
        "- [2023/06] **Orca: Progressive Learning from Complex Explanation Traces** *S. Mukherjee et al. arXiv.* [[paper](https://arxiv.org/abs/2306.02707)]",
        "- [2023/03] **GPT-4 Technical Report** *OpenAI. arXiv.* [[paper](https://arxiv.org/abs/2303.08774)]",
        "- [2023/01] **Toolformer: Language Models Can Teach Themselves to Use Tools** *T. Schick et al. arXiv.* [[paper](https://arxiv.org/abs/2302.04761)]",
    ]
    static let surveys = [
        "- [2023/07] **A Survey on Evaluation of Large Language Models** *Y. Chang et al. arXiv.* [[paper](https://arxiv.org/abs/2307.03109)]",
        "- [2023/03] **A Survey of Large Language Models** *W. X. Zhao et al. arXiv.* [[paper](https://arxiv.org/abs/2303.18223)]",
    ]
    static let list = "# Awesome Papers\n\n## Models\n\n" + models.joined(separator: "\n") + "\n\n## Surveys\n\n"
        + surveys.joined(separator: "\n") + "\n"

    /// The Markdown GitHub renders from the add-paper form.
    static func form(title: String, date: String, paper: String, section: String = "Models", authors: String = "N. Author et al.",
                     code: String? = nil) -> String {
        """
        ### Title

        \(title)

        ### Authors

        \(authors)

        ### Venue

        arXiv

        ### Date

        \(date)

        ### Paper URL

        \(paper)

        ### Code URL

        \(code ?? "_No response_")

        ### Section

        \(section)

        ### Checks

        - [X] This paper is not already in the list
        """
    }

    struct Setup {
        var origin: String
        var checkout: ScratchRepository
        var github: FakeGitHub
        var main: String
    }

    func setup() throws -> Setup {
        let author = try ScratchRepository()
        try author.commit("README.md", Self.list)
        let main = try author.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let origin = author.path + "-origin.git"
        try author.bareClone(to: origin)
        return Setup(origin: origin, checkout: try ScratchRepository.checkout(of: origin), github: try FakeGitHub(repository: Self.repository, headSHA: main), main: main)
    }

    /// Runs Action/intake for one event in the workflow's checkout, directly or as `step` of
    /// action.yml runs it (its `env`, with the inputs `token` and `list` filled in).
    @discardableResult
    func run(_ setup: Setup, event name: String, payload: String, step: [String: Any]? = nil) throws -> ProcessResult {
        let event = setup.checkout.path + "-event.json"
        try payload.write(toFile: event, atomically: true, encoding: .utf8)
        var environment = [
            "GITHUB_ACTION_PATH": Fixtures.packageRoot, "GITHUB_EVENT_NAME": name, "GITHUB_EVENT_PATH": event,
            "GITHUB_API_URL": setup.github.url, "GITHUB_REPOSITORY": Self.repository, "PAPERLINT": Self.paperlint,
        ]
        var command = (Fixtures.packageRoot + "/Action/intake", [String]())
        if let step {
            for (key, value) in step["env"] as? [String: String] ?? [:] {
                environment[key] = value.replacingOccurrences(of: "${{ inputs.token }}", with: "write-token")
                    .replacingOccurrences(of: "${{ inputs.list }}", with: "")
            }
            command = ("/bin/bash", ["-c", try #require(step["run"] as? String)])
        } else {
            environment["GITHUB_TOKEN"] = "write-token"
        }
        let result = try runProcess(command.0, command.1, in: setup.checkout.path, environment: environment)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        return result
    }

    /// Files (or edits) issue `number` in the fake and runs the intake on the event.
    @discardableResult
    func file(_ setup: Setup, _ number: Int, _ body: String, action: String = "opened", labels: [String]? = nil) throws -> ProcessResult {
        if setup.github.issue(number) == nil {
            setup.github.addIssue(number, title: "Add paper: #\(number)", body: body, labels: labels ?? ["add-paper"])
        } else {
            setup.github.editIssue(number, body: body)
        }
        let payload = GitHubEvent.issue(action: action, number: number, title: "Add paper: #\(number)", body: body,
                                        labels: labels ?? setup.github.labels(of: number))
        return try run(setup, event: "issues", payload: payload)
    }

    func git(_ setup: Setup, _ arguments: String...) throws -> String {
        try runProcess("/usr/bin/git", arguments, in: setup.origin).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The lines the branch adds to main's list, in origin.
    func added(_ setup: Setup, _ number: Int) throws -> [String] {
        try git(setup, "diff", "--unified=0", "main", "paperlint/add-paper-\(number)", "--", "README.md")
            .split(separator: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }.map { String($0.dropFirst()) }
    }

    func branchExists(_ setup: Setup, _ number: Int) throws -> Bool {
        try runProcess("/usr/bin/git", ["rev-parse", "--verify", "-q", "refs/heads/paperlint/add-paper-\(number)"], in: setup.origin).status == 0
    }

    func requests(_ setup: Setup, _ method: String, _ suffix: String) -> Int {
        setup.github.requests.filter { $0.method == method && $0.path.hasSuffix(suffix) }.count
    }

    @Test
    func anOpenedIssueBecomesAPullRequest() throws {
        let setup = try setup()
        let body = Self.form(title: "Self-Refine: Iterative Refinement with Self-Feedback", date: "2023/03",
                             paper: "https://arxiv.org/abs/2303.17651", authors: "A. Madaan, N. O'Brien $(touch pwned); touch pwned2",
                             code: "https://github.com/madaan/self-refine")
        try file(setup, 17, body)
        let lines = try added(setup, 17)
        #expect(lines.count == 1 && lines[0].contains("Self-Refine: Iterative Refinement with Self-Feedback"), "\(lines)")
        #expect(lines.first?.contains("https://arxiv.org/abs/2303.17651") == true && lines.first?.contains("https://github.com/madaan/self-refine") == true)
        #expect(try git(setup, "rev-parse", "paperlint/add-paper-17^") == setup.main, "one commit on main's head")
        #expect(try git(setup, "log", "-1", "--format=%an|%s", "paperlint/add-paper-17")
            == "github-actions[bot]|Add “Self-Refine: Iterative Refinement with Self-Feedback” (closes #17)")
        let pull = try #require(setup.github.pullRequests.first)
        #expect(setup.github.pullRequests.count == 1)
        #expect((pull["head"] as? [String: Any])?["ref"] as? String == "paperlint/add-paper-17")
        #expect((pull["base"] as? [String: Any])?["ref"] as? String == "main")
        #expect((pull["body"] as? String)?.contains("Closes #17") == true)
        let comments = setup.github.comments(on: 17)
        #expect(comments.count == 1 && comments[0].hasPrefix("<!-- paperlint-intake -->") && comments[0].contains("/pull/\(pull["number"] ?? 0)"))
        // The form's text reached paperlint through a file, not a shell.
        #expect(!FileManager.default.fileExists(atPath: setup.checkout.path + "/pwned"))
        #expect(!FileManager.default.fileExists(atPath: setup.checkout.path + "/pwned2"))
        // The same event again (a re-run) changes nothing.
        let before = try git(setup, "rev-parse", "paperlint/add-paper-17")
        try file(setup, 17, body)
        #expect(try git(setup, "rev-parse", "paperlint/add-paper-17") == before)
        #expect(setup.github.pullRequests.count == 1 && setup.github.comments(on: 17).count == 1)
        #expect(requests(setup, "PATCH", "/pulls/\(pull["number"] ?? 0)") == 0)
    }

    @Test
    func aListedPaperIsLabelledDuplicateWithALinkToItsEntry() throws {
        let setup = try setup()
        try file(setup, 18, Self.form(title: "GPT-4 Technical Report", date: "2023/03", paper: "https://arxiv.org/abs/2303.08774"))
        let line = try #require(Self.list.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("2303.08774") }) + 1
        let comment = try #require(setup.github.comments(on: 18).first)
        #expect(comment.contains("https://github.com/owner/awesome-papers/blob/\(setup.main)/README.md#L\(line)"), "\(comment)")
        #expect(comment.contains("already listed"))
        #expect(setup.github.labels(of: 18) == ["add-paper", "duplicate"])
        #expect(setup.github.pullRequests.isEmpty)
        #expect(try !branchExists(setup, 18))
    }

    @Test
    func anInvalidFormIsLabelledUntilItIsEditedRight() throws {
        let setup = try setup()
        try file(setup, 19, Self.form(title: "Reflexion: Language Agents with Verbal Reinforcement Learning", date: "2023/03",
                                      paper: "javascript:alert(1)"))
        let comment = try #require(setup.github.comments(on: 19).first)
        #expect(comment.contains("javascript:alert(1)") && comment.contains("```"), "the error line, quoted: \(comment)")
        #expect(setup.github.labels(of: 19) == ["add-paper", "invalid"])
        #expect(setup.github.pullRequests.isEmpty)
        #expect(try !branchExists(setup, 19))
        // Edited into a valid form: the label goes, the pull request comes, the comment is the same one.
        try file(setup, 19, Self.form(title: "Reflexion: Language Agents with Verbal Reinforcement Learning", date: "2023/03",
                                      paper: "https://arxiv.org/abs/2303.11366"), action: "edited")
        #expect(setup.github.labels(of: 19) == ["add-paper"])
        #expect(setup.github.pullRequests.count == 1)
        #expect(setup.github.comments(on: 19).count == 1 && setup.github.comments(on: 19)[0].contains("/pull/"))
        #expect(try added(setup, 19).count == 1)
    }

    @Test
    func anEditedIssueUpdatesItsPullRequest() throws {
        let setup = try setup()
        try file(setup, 20, Self.form(title: "Tree of Thoughts", date: "2023/05", paper: "https://arxiv.org/abs/2305.10601"))
        let number = try #require(setup.github.pullRequests.first?["number"] as? Int)
        try file(setup, 20, Self.form(title: "Tree of Thoughts: Deliberate Problem Solving with Large Language Models", date: "2023/05",
                                      paper: "https://arxiv.org/abs/2305.10601"), action: "edited")
        #expect(setup.github.pullRequests.count == 1, "no second pull request")
        #expect(requests(setup, "POST", "/pulls") == 1 && requests(setup, "PATCH", "/pulls/\(number)") == 1)
        #expect((setup.github.pullRequests[0]["title"] as? String)?.contains("Deliberate Problem Solving") == true)
        let lines = try added(setup, 20)
        #expect(lines.count == 1 && lines[0].contains("Tree of Thoughts: Deliberate Problem Solving with Large Language Models"), "\(lines)")
        #expect(setup.github.comments(on: 20).count == 1)
    }

    @Test
    func aMergeRegeneratesTheOtherPullRequestOnTheNewMain() throws {
        let setup = try setup()
        // Both go between the same two entries: as plain branches they would conflict.
        try file(setup, 21, Self.form(title: "Large Language Models are Zero-Shot Reasoners", date: "2023/05", paper: "https://arxiv.org/abs/2305.11916"))
        try file(setup, 22, Self.form(title: "ReAct: Synergizing Reasoning and Acting in Language Models", date: "2023/04",
                                      paper: "https://arxiv.org/abs/2304.03629"))
        #expect(setup.github.pullRequests.count == 2)
        #expect(try added(setup, 21).count == 1 && added(setup, 21)[0].contains("Zero-Shot Reasoners"))
        #expect(try added(setup, 22).count == 1 && added(setup, 22)[0].contains("ReAct"))
        // A maintainer merges the first.
        let merger = try ScratchRepository()
        try merger.git("fetch", "-q", setup.origin, "main")
        try merger.git("checkout", "-q", "-B", "main", "FETCH_HEAD")
        try merger.git("fetch", "-q", setup.origin, "paperlint/add-paper-21")
        try merger.git("merge", "-q", "--no-ff", "-m", "Merge pull request #101", "FETCH_HEAD")
        try merger.git("push", "-q", setup.origin, "HEAD:refs/heads/main")
        setup.github.closePullRequest(try #require(setup.github.pullRequests.first?["number"] as? Int))
        let main = try git(setup, "rev-parse", "main")
        try run(setup, event: "push", payload: GitHubEvent.push(before: setup.main, after: main, ref: "refs/heads/main"))
        #expect(try git(setup, "rev-parse", "paperlint/add-paper-22^") == main, "regenerated on the new main")
        let lines = try added(setup, 22)
        #expect(lines.count == 1 && lines[0].contains("ReAct"), "\(lines)")
        let readme = try git(setup, "show", "paperlint/add-paper-22:README.md")
        #expect(readme.contains("Zero-Shot Reasoners") && readme.range(of: "Zero-Shot")!.lowerBound < readme.range(of: "ReAct")!.lowerBound)
        // A workflow_dispatch run right after has nothing to regenerate.
        let pushed = try git(setup, "rev-parse", "paperlint/add-paper-22")
        try run(setup, event: "workflow_dispatch", payload: GitHubEvent.workflowDispatch())
        #expect(try git(setup, "rev-parse", "paperlint/add-paper-22") == pushed)
    }

    /// A push or a run by hand answers the issues no run answered (GitHub cancels a waiting
    /// run when another joins the concurrency group), and only those.
    @Test
    func aRefreshAnswersTheIssuesNoRunAnswered() throws {
        let setup = try setup()
        try file(setup, 25, Self.form(title: "Generative Agents: Interactive Simulacra of Human Behavior", date: "2023/04",
                                      paper: "https://arxiv.org/abs/2304.03442"))
        setup.github.closePullRequest(try #require(setup.github.pullRequests.first?["number"] as? Int))  // a maintainer said no
        try file(setup, 26, Self.form(title: "GPT-4 Technical Report", date: "2023/03", paper: "https://arxiv.org/abs/2303.08774"))
        setup.github.addIssue(27, title: "Add paper: MetaGPT", body: Self.form(
            title: "MetaGPT: Meta Programming for a Multi-Agent Collaborative Framework", date: "2023/08", paper: "https://arxiv.org/abs/2308.00352"))
        setup.github.addIssue(28, title: "More surveys?", body: "Could you add surveys?", labels: ["question"])
        try run(setup, event: "workflow_dispatch", payload: GitHubEvent.workflowDispatch())
        #expect(setup.github.pullRequests.count == 2, "only #27 gets a pull request: #25 was closed, #26 is a duplicate")
        #expect(try added(setup, 27).first?.contains("MetaGPT") == true)
        #expect(setup.github.comments(on: 26).count == 1 && setup.github.comments(on: 28).isEmpty)
    }

    /// The action's intake step, as action.yml writes it: the workflow's token reaches the
    /// script, and the check and review steps are conditioned off.
    @Test
    func theActionsIntakeStepOpensThePullRequest() throws {
        let setup = try setup()
        let action = try #require(try Yams.load(yaml: String(contentsOfFile: Fixtures.packageRoot + "/action.yml", encoding: .utf8)) as? [String: Any])
        let steps = try #require((action["runs"] as? [String: Any])?["steps"] as? [[String: Any]])
        let step = try #require(steps.first { $0["name"] as? String == "Run the add-paper intake" })
        for name in ["Check the changed lines", "Review the pull request"] {
            let other = try #require(steps.first { $0["name"] as? String == name })
            #expect((other["if"] as? String)?.contains("inputs.intake != 'true'") == true, "\(name) does not run for intake")
        }
        let body = Self.form(title: "Voyager: An Open-Ended Embodied Agent", date: "2023/05", paper: "https://arxiv.org/abs/2305.16291")
        setup.github.addIssue(24, title: "Add paper: Voyager", body: body)
        try run(setup, event: "issues", payload: GitHubEvent.issue(action: "opened", number: 24, title: "Add paper: Voyager", body: body), step: step)
        #expect(setup.github.pullRequests.count == 1)
        #expect(try added(setup, 24).first?.contains("Voyager: An Open-Ended Embodied Agent") == true)
        #expect(!setup.github.requests.isEmpty && setup.github.requests.allSatisfy { $0.authorization == "Bearer write-token" })
    }

    @Test func otherIssuesAndEventsAreLeftAlone() throws {
        let setup = try setup()
        try file(setup, 23, "Please add more surveys.", labels: ["question"])
        try run(setup, event: "push", payload: GitHubEvent.push(before: setup.main, after: setup.main, ref: "refs/heads/feature"))
        #expect(setup.github.requests.isEmpty)
    }
}
