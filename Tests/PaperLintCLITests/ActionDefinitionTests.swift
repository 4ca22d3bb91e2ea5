import Foundation
import PaperLintTestSupport
import Testing
import Yams

/// `action.yml` as GitHub reads it: valid YAML, valid against the schema GitHub's own
/// validators use (`check-jsonschema`'s vendored `github-actions`, which `.ci/run` installs
/// into `.build-venv/`), and naming only scripts that exist.
@Suite struct ActionDefinitionTests {
    static let actionPath = Fixtures.packageRoot + "/action.yml"

    static let validator: String? = {
        let candidates = [
            ProcessInfo.processInfo.environment["PAPERLINT_CHECK_JSONSCHEMA"] ?? "",
            Fixtures.packageRoot + "/.build-venv/bin/check-jsonschema",
        ]
        return candidates.first { !$0.isEmpty && FileManager.default.isExecutableFile(atPath: $0) }
    }()

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

    @Test(.enabled(if: validator != nil, "check-jsonschema is not installed (.ci/run puts it in .build-venv): skipped"))
    func githubsSchemaAcceptsTheAction() throws {
        let validator = try #require(Self.validator)
        let action = try runProcess(validator, ["--builtin-schema", "vendor.github-actions", Self.actionPath], in: Fixtures.packageRoot)
        #expect(action.status == 0, "\(action.output)\(action.error)")
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
}
