import Foundation
import PaperLintTestSupport
import Testing

/// Runs the real `paperlint` binary: exit codes, streams and the JSON contract of DESIGN.md.
@Suite struct CLITests {
    func paperlint(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> ProcessResult {
        try runProcess(Fixtures.executable, arguments, in: directory, environment: environment)
    }

    func sampleRepository() throws -> ScratchRepository {
        let repo = try ScratchRepository()
        try repo.commit("README.md", try String(contentsOfFile: Fixtures.healthcare, encoding: .utf8))
        return repo
    }

    @Test func jsonMatchesTheContractFieldByField() throws {
        let repo = try sampleRepository()
        let result = try paperlint(["check", "--all", "--format", "json"], in: repo.path)
        #expect(result.status == 1)
        #expect(result.error.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["version", "diagnostics", "summary"])
        #expect(object["version"] as? Int == 1)
        let summary = try #require(object["summary"] as? [String: Int])
        let all = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(summary == [
            "files": 1, "errors": all.count { $0["severity"] as? String == "error" },
            "warnings": all.count { $0["severity"] as? String == "warning" }, "fixable": all.count { !($0["fix"] is NSNull) },
        ])
        // Sorted by line, column, rule (DESIGN.md).
        let positions = all.compactMap { d in (d["line"] as? Int).flatMap { l in (d["column"] as? Int).map { (l, $0) } } }
        #expect(positions.count == all.count && zip(positions, positions.dropFirst()).allSatisfy { $0 <= $1 })
        // The sample's known double spaces, field by field.
        let diagnostics = all.filter { $0["rule"] as? String == "whitespace" }
        #expect(diagnostics.count == 2)
        let first = diagnostics[0]
        #expect(Set(first.keys) == ["rule", "severity", "path", "line", "column", "endLine", "endColumn", "message", "help", "related", "fix"])
        #expect(first["rule"] as? String == "whitespace")
        #expect(first["severity"] as? String == "warning")
        #expect(first["path"] as? String == "README.md")
        #expect(first["line"] as? Int == 161)
        #expect(first["column"] as? Int == 161)
        #expect(first["endLine"] as? Int == 161)
        #expect(first["endColumn"] as? Int == 163, "endColumn is exclusive: two spaces")
        #expect(first["message"] as? String == "2 spaces inside an entry")
        #expect(first["help"] as? String == "use a single space")
        #expect((first["related"] as? [Any])?.isEmpty == true)
        let fix = try #require(first["fix"] as? [String: Any])
        #expect(Set(fix.keys) == ["safety", "message", "edits"])
        #expect(fix["safety"] as? String == "safe")
        let edits = try #require(fix["edits"] as? [[String: Any]])
        #expect(edits.count == 1)
        #expect(edits[0]["line"] as? Int == 161 && edits[0]["column"] as? Int == 161)
        #expect(edits[0]["endLine"] as? Int == 161 && edits[0]["endColumn"] as? Int == 163)
        #expect(edits[0]["replacement"] as? String == " ")
        #expect(diagnostics[1]["line"] as? Int == 162)
        // The JSON columns count Unicode scalars: check against the line's own text.
        let line161 = try String(contentsOfFile: Fixtures.healthcare, encoding: .utf8).components(separatedBy: "\n")[160]
        let scalars = Array(line161.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[160..<162])) == "  ")
        // A file-level finding carries its related location (DESIGN.md's example): PathAsst's
        // repeat in another section is a warning pointing at the first copy.
        let duplicate = try #require(all.first { $0["rule"] as? String == "duplicate" })
        #expect(duplicate["severity"] as? String == "warning")
        #expect(duplicate["line"] as? Int == 117 && duplicate["column"] as? Int == 3)
        let related = try #require(duplicate["related"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related.first?["path"] as? String == "README.md")
        #expect(related.first?["line"] as? Int == 97 && related.first?["column"] as? Int == 3)
        #expect(related.first?["message"] as? String == "first listed here")
        #expect(duplicate["fix"] is NSNull)
    }

    @Test func cleanRunIsEmptyJSONAndExitZero() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", "# List\n\n- [2023/10] **Title** *A. arXiv.*\n")
        let result = try paperlint(["check", "--format", "json"], in: repo.path)
        #expect(result.status == 0)
        #expect(result.output == #"{"version":1,"diagnostics":[],"summary":{"files":1,"errors":0,"warnings":0,"fixable":0}}"# + "\n")
    }

    /// Every "run X" hint is a command that does what it says: after `fix --all --write
    /// --commit`, the findings left are shown by the command the summary names.
    @Test func theFixSummaryNamesACheckThatShowsWhatIsLeft() throws {
        let repo = try sampleRepository()
        let fixed = try paperlint(["fix", "--all", "--write", "--commit"], in: repo.path)
        let hint = try #require(fixed.output.split(separator: "\n").first { $0.contains("shows them") }, "\(fixed.output)")
        #expect(hint.hasSuffix("`paperlint check --all` shows them"), "\(hint)")
        let left = try #require(hint.split(separator: " ").dropFirst().first.flatMap { Int($0) })
        let shown = try paperlint(["check", "--all"], in: repo.path)
        let findings = shown.output.split(separator: "\n").count { $0.hasPrefix("error[") || $0.hasPrefix("warning[") || $0.hasPrefix("note[") }
        #expect(left > 0 && findings == left, "the \(left) findings left are the ones it shows: \(shown.output.suffix(200))")
        // A plain `check` after the commit would show nothing: the hint must not say that.
        #expect(try paperlint(["check"], in: repo.path).output.hasPrefix("no problems"))
    }

    @Test func stagedScenarioExitCodes() throws {
        let repo = try sampleRepository()
        try runProcess("/bin/sh", ["-c", "sed -i '164a - [2023/03] **New.** *A. B. arXiv.* [[paper](http://https://arxiv.org/abs/2303.00001)]  ' README.md && git add README.md"], in: repo.path)
        let staged = try paperlint(["check", "--staged"], in: repo.path)
        #expect(staged.status == 1)
        #expect(staged.output.contains("README.md:165:"))
        #expect(!staged.output.contains("README.md:161:"))
        // The doubled scheme blocks; the trailing blanks are shown as a warning.
        #expect(staged.output.hasSuffix("found 1 error, 1 warning in 1 file (2 with a safe fix)\n"), "\(staged.output)")
        let all = try paperlint(["check", "--staged", "--filter", "all"], in: repo.path)
        #expect(all.output.contains("README.md:161:") && all.output.contains("README.md:162:"))
        #expect(try paperlint(["check", "--staged", "--fail-on", "never"], in: repo.path).status == 0)
        // From a subdirectory, with a path relative to it.
        try FileManager.default.createDirectory(atPath: repo.path + "/docs", withIntermediateDirectories: true)
        let sub = try paperlint(["check", "--staged", "../README.md"], in: repo.path + "/docs")
        #expect(sub.status == 1 && sub.output.contains("README.md:165:"))
    }

    @Test func textOutputHasNoColourUnlessAsked() throws {
        let repo = try sampleRepository()
        let plain = try paperlint(["check", "--all"], in: repo.path)
        #expect(!plain.output.contains("\u{1B}["))
        #expect(plain.output.contains("warning[whitespace]: 2 spaces inside an entry\n   --> README.md:161:161\n"))
        let forced = try paperlint(["check", "--all", "--color", "always"], in: repo.path)
        #expect(forced.output.contains("\u{1B}[1;31merror[") && forced.output.contains("warning[whitespace]"))
        let noColor = try paperlint(["check", "--all", "--color", "always"], in: repo.path, environment: ["NO_COLOR": "1"])
        #expect(!noColor.output.contains("\u{1B}["))
    }

    @Test(arguments: [
        (["check", "--staged"], "not a git repository"),
        (["check", "--all", "missing.md"], "missing.md: no such file"),
        (["check", "--staged", "--all"], "choose one mode"),
        (["check", "--format", "yaml"], "format"),
        (["check", "--bogus"], "--bogus"),
    ])
    func errorsExitTwoWithOneClearLine(arguments: [String], expected: String) throws {
        let directory = try ScratchDirectory()
        let result = try paperlint(arguments, in: directory.path)
        #expect(result.status == 2, "\(result)")
        #expect(result.output.isEmpty)
        #expect(result.error.contains(expected), "\(result.error)")
        #expect(result.error.hasPrefix("paperlint: ") && result.error.filter { $0 == "\n" }.count == 1, "one line: \(result.error)")
    }

    @Test func gitErrorsExitTwo() throws {
        let repo = try sampleRepository()
        let badRange = try paperlint(["check", "--range", "nope..HEAD"], in: repo.path)
        #expect(badRange.status == 2)
        #expect(badRange.error == "paperlint: unknown revision 'nope' in --range (base); check it with `git rev-parse nope` or fetch it first\n")
        try repo.write("latin1.md", bytes: Array("caf".utf8) + [0xE9, 0x0A])
        let invalid = try paperlint(["check", "--all", "latin1.md"], in: repo.path)
        #expect(invalid.status == 2)
        #expect(invalid.error == "paperlint: latin1.md:1:4: invalid UTF-8 (byte 0xE9); re-save the file as UTF-8\n")
        try FileManager.default.createDirectory(atPath: repo.path + "/folder.md", withIntermediateDirectories: true)
        let directory = try paperlint(["check", "--all", "folder.md"], in: repo.path)
        #expect(directory.status == 2)
        #expect(directory.error == "paperlint: folder.md: cannot read (Is a directory); check the path and its permissions\n")
        try repo.write("locked.md", "x\n")
        chmod(repo.path + "/locked.md", 0)
        defer { chmod(repo.path + "/locked.md", 0o644) }
        if getuid() != 0 {  // root reads anything; the check only means something for other users
            let unreadable = try paperlint(["check", "--all", "locked.md"], in: repo.path)
            #expect(unreadable.status == 2 && unreadable.error.contains("cannot read"))
        }
    }

    /// Git modes start libgit2 on another thread while the arguments are read; a run that
    /// ends at once (a usage error) must wait for it rather than exit in the middle of it
    /// (a draft crashed in OpenSSL's exit-time cleanup in a few release runs per hundred).
    @Test func earlyExitsWhileLibgit2StartsAreClean() throws {
        let repo = try sampleRepository()
        for _ in 0..<25 {
            #expect(try paperlint(["check", "--format", "nope"], in: repo.path).status == 2)
            #expect(try paperlint(["check", "--range", "nope"], in: repo.path).status == 2)
        }
    }

    @Test func copiedBinaryCarriesItsPresets() throws {
        let directory = try ScratchDirectory()
        let copy = directory.path + "/paperlint"
        try FileManager.default.copyItem(atPath: Fixtures.executable, toPath: copy)
        try "- [2023/10] **A** *B.* [[paper](https://a.org/1)]  \n".write(toFile: directory.path + "/list.md", atomically: true, encoding: .utf8)
        try "preset: venue-list\nrules: {whitespace: warning}\n".write(toFile: directory.path + "/.paperlint.yml", atomically: true, encoding: .utf8)
        let result = try runProcess(copy, ["check", "--all", "--format", "json", "list.md"], in: directory.path)
        #expect(result.status == 0, "\(result)")
        #expect(result.output.contains(#""severity":"warning""#))
        let unknown = try runProcess(copy, ["check", "--all", "--preset", "nope", "list.md"], in: directory.path)
        #expect(unknown.status == 2)
        #expect(unknown.error == "paperlint: --preset nope: unknown preset (available: paper-list, venue-list)\n")
    }

    @Test func rulesAndExplain() throws {
        let directory = try ScratchDirectory()
        let list = try paperlint(["rules"], in: directory.path)
        // One line per rule: id, default severity, summary, in columns.
        let whitespaceLine = list.output.split(separator: "\n").first { $0.hasPrefix("whitespace ") }
        #expect(list.status == 0 && whitespaceLine?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first == "warning")
        let json = try paperlint(["rules", "--format", "json"], in: directory.path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let rules = try #require(object["rules"] as? [[String: Any]])
        let whitespace = rules.first { $0["id"] as? String == "whitespace" }
        #expect(whitespace?["defaultSeverity"] as? String == "warning")
        #expect(Set(whitespace?.keys.map { $0 } ?? []) == ["id", "defaultSeverity", "summary", "rationale", "triggering", "nonTriggering", "corrections"])
        let explain = try paperlint(["explain", "whitespace"], in: directory.path)
        #expect(explain.status == 0 && explain.output.contains("Flagged (↓ marks each finding):"))
        let unknown = try paperlint(["explain", "white_space"], in: directory.path)
        #expect(unknown.status == 2)
        #expect(unknown.error == "paperlint: unknown rule 'white_space'; did you mean 'whitespace'?; `paperlint rules` lists them\n")
    }

    @Test func stagedPatchAppliesToTheIndex() throws {
        let repo = try sampleRepository()
        try runProcess("/bin/sh", ["-c", "sed -i '164a - [2023/03] **New.** *A. B. arXiv.*  [[paper](https://arxiv.org/abs/2303.00001)]  ' README.md && git add README.md"], in: repo.path)
        let patch = try paperlint(["fix", "--staged"], in: repo.path)
        #expect(patch.status == 1)
        #expect(patch.output.hasPrefix("diff --git a/README.md b/README.md\n"))
        #expect(patch.output.contains("\n+- [2023/03] **New.** *A. B. arXiv.* [[paper](https://arxiv.org/abs/2303.00001)]\n"))
        try repo.write("fix.patch", patch.output)
        try repo.git("apply", "--cached", "fix.patch")
        let after = try paperlint(["fix", "--staged"], in: repo.path)
        #expect(after.status == 0 && after.output.isEmpty, "nothing left to fix in what is staged")
        // From a subdirectory the patch still names paths from the repository root.
        try FileManager.default.createDirectory(atPath: repo.path + "/docs", withIntermediateDirectories: true)
        let sub = try paperlint(["fix", "--all", "../README.md"], in: repo.path + "/docs")
        #expect(sub.output.hasPrefix("diff --git a/README.md b/README.md\n"))
        let usage = try paperlint(["fix", "--patch", "--write"], in: repo.path)
        #expect(usage.status == 2 && usage.error.contains("choose --patch or --write"))
        let commitWithoutWrite = try paperlint(["fix", "--commit"], in: repo.path)
        #expect(commitWithoutWrite.status == 2 && commitWithoutWrite.error.contains("--commit goes with --write"))
    }

    @Test func timingsOnRequest() throws {
        let repo = try sampleRepository()
        try repo.write("README.md", try String(contentsOfFile: Fixtures.healthcare, encoding: .utf8) + "- [2023/01] **X** *Y. arXiv.*  \n")
        try repo.git("add", "README.md")
        let timed = try paperlint(["check", "--staged", "--format", "json"], in: repo.path, environment: ["PAPERLINT_TIMINGS": "1"])
        let line = try #require(timed.error.split(separator: "\n").last.map(String.init))
        #expect(line.hasPrefix("timings: git "))
        for phase in ["configuration ", "parse ", "rules ", "output ", "total "] { #expect(line.contains(", " + phase), "\(line)") }
        #expect(line.hasSuffix(" ms (since main)"))
        #expect(try paperlint(["check", "--staged", "--format", "json"], in: repo.path).error.isEmpty, "silent unless asked")
    }

    @Test func helpAndVersionExitZero() throws {
        let directory = try ScratchDirectory()
        let help = try paperlint(["check", "--help"], in: directory.path)
        #expect(help.status == 0 && help.output.contains("--staged"))
        #expect(try paperlint(["--version"], in: directory.path).status == 0)
    }

    @Test func deletedFileNoteGoesToStandardError() throws {
        let repo = try sampleRepository()
        try repo.git("rm", "-q", "README.md")
        let result = try paperlint(["check", "--staged", "--format", "json"], in: repo.path)
        #expect(result.status == 0)
        #expect(result.error == "note: README.md: deleted in the index; nothing to lint\n")
        #expect(result.output.hasPrefix(#"{"version":1,"diagnostics":[]"#))
    }
}

/// A temporary directory outside any repository.
final class ScratchDirectory {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "paperlint-dir-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
