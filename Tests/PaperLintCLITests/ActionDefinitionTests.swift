import Foundation
import PaperLintTestSupport
import Testing
import Yams

/// `action.yml` and the example workflows as GitHub reads them: valid YAML, valid against
/// the schemas GitHub's own validators use (`check-jsonschema`'s vendored
/// `github-actions` / `github-workflows`, which `.ci/run` installs into `.build-venv/`), and
/// naming only scripts and inputs that exist.
@Suite struct ActionDefinitionTests {
    static let actionPath = Fixtures.packageRoot + "/action.yml"
    static let workflowsFolder = Fixtures.packageRoot + "/Action/example-workflows"

    static let validator: String? = {
        let candidates = [
            ProcessInfo.processInfo.environment["PAPERLINT_CHECK_JSONSCHEMA"] ?? "",
            Fixtures.packageRoot + "/.build-venv/bin/check-jsonschema",
        ]
        return candidates.first { !$0.isEmpty && FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Issue forms kept next to the workflows (GitHub reads them from .github/ISSUE_TEMPLATE/).
    static let issueForms = ["add-paper.yml"]

    static var workflows: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: workflowsFolder)) ?? [])
            .filter { $0.hasSuffix(".yml") && !issueForms.contains($0) }.sorted().map { workflowsFolder + "/" + $0 }
    }

    func load(_ path: String) throws -> [String: Any] {
        try #require(try Yams.load(yaml: String(contentsOfFile: path, encoding: .utf8)) as? [String: Any], "\(path)")
    }

    /// The action loaded as a mapping: every input described, every script it runs present,
    /// executable and outside `.ci/` (this project's own CI).
    @Test func actionParsesAndRunsOnlyItsOwnScripts() throws {
        let action = try load(Self.actionPath)
        let inputs = try #require(action["inputs"] as? [String: [String: Any]])
        #expect(!inputs.isEmpty)
        for (name, input) in inputs {
            let description = input["description"] as? String ?? ""
            #expect(!description.isEmpty, "input \(name) has a description")
            #expect(input["default"] is String, "input \(name) has a string default")
        }
        let runs = try #require(action["runs"] as? [String: Any])
        #expect(runs["using"] as? String == "composite")
        let steps = try #require(runs["steps"] as? [[String: Any]])
        let scripts = steps.compactMap { $0["run"] as? String }.compactMap { run -> String? in
            guard let range = run.range(of: "$GITHUB_ACTION_PATH/") else { return nil }
            return String(run[range.upperBound...].prefix { $0 != "\"" && $0 != " " })
        }
        #expect(scripts.count >= 2, "the install and check scripts: \(scripts)")
        for script in scripts {
            #expect(!script.hasPrefix(".ci/"), "\(script) belongs to the action, not to this project's CI")
            #expect(FileManager.default.isExecutableFile(atPath: Fixtures.packageRoot + "/" + script), "\(script) exists and is executable")
        }
    }

    /// Each example workflow uses the action with inputs it declares, after a checkout that
    /// fetches the history the comparison needs.
    @Test func exampleWorkflowsUseTheActionsOwnInputs() throws {
        let declared = Set(try #require(try load(Self.actionPath)["inputs"] as? [String: Any]).keys)
        #expect(!Self.workflows.isEmpty)
        for path in Self.workflows {
            let workflow = try load(path)
            let jobs = try #require(workflow["jobs"] as? [String: [String: Any]], "\(path)")
            var usesAction = false
            for job in jobs.values {
                let steps = job["steps"] as? [[String: Any]] ?? []
                for (index, step) in steps.enumerated() where (step["uses"] as? String)?.contains("/paperlint@") == true {
                    usesAction = true
                    let given = Set((step["with"] as? [String: Any] ?? [:]).keys)
                    #expect(given.isSubset(of: declared), "\(path): \(given.subtracting(declared)) are not inputs of action.yml")
                    let checkout = steps[..<index].first { ($0["uses"] as? String)?.hasPrefix("actions/checkout@") == true }
                    if given.contains("review-file") {
                        // Posting an artifact's review runs nothing of the pull request's.
                        #expect(checkout == nil, "\(path): the posting job checks nothing out")
                    } else {
                        #expect((checkout?["with"] as? [String: Any])?["fetch-depth"] as? Int == 0, "\(path): checkout fetches the history")
                    }
                }
            }
            #expect(usesAction, "\(path) uses the action")
        }
    }

    @Test(.enabled(if: validator != nil, "check-jsonschema is not installed (.ci/run puts it in .build-venv): skipped"))
    func githubsSchemasAcceptTheActionAndEveryExampleWorkflow() throws {
        let validator = try #require(Self.validator)
        let action = try runProcess(validator, ["--builtin-schema", "vendor.github-actions", Self.actionPath], in: Fixtures.packageRoot)
        #expect(action.status == 0, "\(action.output)\(action.error)")
        let workflows = try runProcess(validator, ["--builtin-schema", "vendor.github-workflows"] + Self.workflows, in: Fixtures.packageRoot)
        #expect(workflows.status == 0, "\(workflows.output)\(workflows.error)")
        // The validator does reject what GitHub rejects: the unquoted `(default: …)` that once
        // stopped the action from loading.
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("paperlint-action-\(UUID().uuidString).yml").path
        defer { try? FileManager.default.removeItem(atPath: broken) }
        try String(contentsOfFile: Self.actionPath, encoding: .utf8)
            .replacingOccurrences(of: "description: \"Configuration file (default: .paperlint.yml of the pull request's base commit).\"",
                                  with: "description: Configuration file (default: .paperlint.yml of the pull request's base commit).")
            .write(toFile: broken, atomically: true, encoding: .utf8)
        let rejected = try runProcess(validator, ["--builtin-schema", "vendor.github-actions", broken], in: Fixtures.packageRoot)
        #expect(rejected.status != 0)
    }

    /// The example issue form, and the forms `init --issue-form --write` writes for the reference
    /// list and for headings full of YAML syntax, are issue forms GitHub accepts.
    @Test(.enabled(if: validator != nil, "check-jsonschema is not installed (.ci/run puts it in .build-venv): skipped"))
    func githubsSchemaAcceptsTheIssueForms() throws {
        let validator = try #require(Self.validator)
        let repo = try ScratchRepository()
        var forms = Self.issueForms.map { Self.workflowsFolder + "/" + $0 }
        let lists = [try String(contentsOfFile: Fixtures.healthcare, encoding: .utf8),
                     "# L\n\n## Models\" - type: input\n\n- [2023/01] **A** *B. arXiv.* [[paper](https://arxiv.org/abs/2301.00001)]\n\n"
                        + "## {x: y}, [z] # &a *b !c | > 'd' \\e\n\n- [2023/02] **C** *D. arXiv.* [[paper](https://arxiv.org/abs/2302.00002)]\n"]
        for (index, list) in lists.enumerated() {
            try repo.write("README.md", list)
            let result = try runProcess(Fixtures.executable, ["init", "--issue-form", "--write", "--force"], in: repo.path)
            #expect(result.status == 0, "\(result.error)")
            let copy = repo.path + "-form-\(index).yml"
            try FileManager.default.copyItem(atPath: repo.path + "/.github/ISSUE_TEMPLATE/add-paper.yml", toPath: copy)
            forms.append(copy)
        }
        defer { for form in forms.dropFirst(Self.issueForms.count) { try? FileManager.default.removeItem(atPath: form) } }
        let checked = try runProcess(validator, ["--builtin-schema", "vendor.github-issue-forms"] + forms, in: Fixtures.packageRoot)
        #expect(checked.status == 0, "\(checked.output)\(checked.error)")
    }

    /// The README shows the example workflow a maintainer copies: the same workflow.
    @Test(arguments: ["paperlint.yml", "paperlint-review.yml"])
    func readmeShowsTheExampleWorkflow(_ name: String) throws {
        let readme = try String(contentsOfFile: Fixtures.packageRoot + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "```yaml\n# .github/workflows/\(name)\n"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let shown = try #require(try Yams.load(yaml: String(readme[start.upperBound..<end.lowerBound])) as? NSDictionary)
        let example = try #require(try Yams.load(yaml: String(contentsOfFile: Self.workflowsFolder + "/" + name, encoding: .utf8)) as? NSDictionary)
        #expect(shown == example)
    }
}
