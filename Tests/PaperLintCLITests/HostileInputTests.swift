import Foundation
import PaperLintBenchSupport
import PaperLintCore
import PaperLintTestSupport
import Testing

/// The real binary on hostile input (see `HostileCorpus`): `check` ends with 0, 1 or 2 and
/// never by a signal, its output is well-formed in every format, a refusal is one line, and
/// `fix --write` is idempotent and keeps every entry and link, or leaves the file untouched.
///
/// Time is not asserted (no timed tests): the corpus holds megabyte lines, 20,000-deep
/// nesting and 100,000 entries, so anything quadratic shows up as a suite that does not
/// finish; `paperlint-bench --hostile` prints how each shape scales. `PAPERLINT_LONG_FUZZ=1`
/// runs 200 seeds per random shape and doubles the scaled shapes (2 MB lines, 200,000 entries).
@Suite struct HostileInputTests {
    static let isLongRun = ProcessInfo.processInfo.environment["PAPERLINT_LONG_FUZZ"] != nil
    static let inputs = HostileCorpus.inputs(seeds: isLongRun ? Array(1...200) : Array(1...6), scale: isLongRun ? 8 : 4)

    /// A private directory holding `list.md`, removed afterwards.
    final class Workspace {
        let path: String
        var list: String { path + "/list.md" }

        init(_ bytes: [UInt8]) throws {
            var template = Array((NSTemporaryDirectory() + "/paperlint-hostile-XXXXXX").utf8CString)
            guard let made = mkdtemp(&template) else { throw CommandFailed(description: "mkdtemp failed") }
            path = String(cString: made)
            try write(bytes)
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }

        func write(_ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: list)) }
        func read() throws -> [UInt8] { try Fixtures.bytes(list) }

        func paperlint(_ arguments: [String]) throws -> ProcessResult {
            try runProcess(Fixtures.executable, arguments + ["list.md"], in: path)
        }
    }

    /// What is wrong with how a run ended, in words; empty when nothing is.
    static func endingProblems(_ result: ProcessResult) -> [String] {
        if result.signaled { return ["killed by signal \(result.status): \(result.error.suffix(500))"] }
        switch result.status {
        case 0, 1: return []
        case 2:
            var problems: [String] = []
            if !result.output.isEmpty { problems.append("exit 2 with standard output: \(result.output.prefix(200))") }
            if !result.error.hasPrefix("paperlint: ") || result.error.count(where: { $0 == "\n" }) != 1 {
                problems.append("exit 2 without a one-line message: \(result.error.prefix(500))")
            }
            return problems
        default: return ["exit \(result.status): \(result.error.suffix(500))"]
        }
    }

    /// What is malformed in `output` of `format`, in words; empty when nothing is.
    static func formatProblems(_ output: String, format: String, lineCount: Int) -> [String] {
        func json(_ text: String) -> Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) }
        switch format {
        case "json":
            guard let object = json(output) as? [String: Any], let diagnostics = object["diagnostics"] as? [[String: Any]],
                object["summary"] is [String: Any]
            else { return ["json output does not parse to the contract's shape: \(output.prefix(300))"] }
            return diagnostics.compactMap { diagnostic in
                guard let line = diagnostic["line"] as? Int, let end = diagnostic["endLine"] as? Int,
                    let column = diagnostic["column"] as? Int, column >= 1, 1...max(lineCount, 1) ~= line, line <= end
                else { return "diagnostic outside the file: \(diagnostic)" }
                return nil
            }
        case "sarif", "rdjson", "review":
            return json(output) is [String: Any] ? [] : ["\(format) output is not a JSON object: \(output.prefix(300))"]
        case "github":
            // Workflow commands; plain lines only inside a ::group:: (the findings over the
            // annotation limit are listed there).
            var inGroup = false
            var bad: [Substring] = []
            for line in output.split(separator: "\n") {
                if line.hasPrefix("::group::") { inGroup = true } else if line == "::endgroup::" { inGroup = false } else if !inGroup
                    && !(line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice "))
                {
                    bad.append(line)
                }
            }
            return bad.isEmpty && !inGroup ? [] : ["github lines that are not workflow commands: \(bad.prefix(3))"]
        case "text":
            return output.hasSuffix("\n") && (output.contains(" in 1 file") || output.contains("no problems")) ? [] : ["text without its summary line"]
        default:
            return output.isEmpty ? ["\(format) output is empty"] : []
        }
    }

    static func lineCount(_ bytes: [UInt8]) -> Int {
        bytes.count(where: { $0 == 0x0A || $0 == 0x0D }) + 1
    }

    @Test(arguments: inputs)
    func checkEndsCleanlyInEveryFormat(_ input: HostileInput) throws {
        let workspace = try Workspace(input.bytes)
        var statuses: Set<Int32> = []
        for format in input.isLarge ? ["json", "text"] : CIScenario.formats {
            let result = try workspace.paperlint(["check", "--all", "--format", format])
            var problems = Self.endingProblems(result)
            if problems.isEmpty && result.status != 2 {
                problems += Self.formatProblems(result.output, format: format, lineCount: Self.lineCount(input.bytes))
            }
            #expect(problems.isEmpty, "\(input.name), --format \(format): \(problems)")
            statuses.insert(result.status)
        }
        #expect(statuses.count == 1, "\(input.name): the formats disagree on the exit status \(statuses)")
    }

    @Test(arguments: inputs.filter { $0.bytes.count <= 1_100_000 })
    func fixIsIdempotentAndKeepsEveryEntry(_ input: HostileInput) throws {
        let workspace = try Workspace(input.bytes)
        let first = try workspace.paperlint(["fix", "--all", "--write"])
        #expect(Self.endingProblems(first).isEmpty, "\(input.name): \(Self.endingProblems(first))")
        let fixed = try workspace.read()
        guard first.status != 2 else {
            #expect(fixed == input.bytes, "\(input.name): a refused fix changed the file")
            return
        }
        let before = Document(bytes: input.bytes), after = Document(bytes: fixed)
        // No fewer: a fix may reveal structure (a BOM or mojibake removed before `- ` makes a
        // paragraph line an item, as in token soups #20 and #69 of the long run), never drop it.
        #expect(after.entries.count >= before.entries.count, "\(input.name): \(before.entries.count) entries became \(after.entries.count)")
        #expect(Self.urlCount(after) >= Self.urlCount(before), "\(input.name): \(Self.urlCount(before)) links became \(Self.urlCount(after))")
        let second = try workspace.paperlint(["fix", "--all", "--write"])
        #expect(second.status != 2 && !second.signaled, "\(input.name): \(second)")
        #expect(try workspace.read() == fixed, "\(input.name): a second fix changed the file again")
        let left = try FileManager.default.contentsOfDirectory(atPath: workspace.path)
        #expect(left == ["list.md"], "\(input.name): no temporary file is left")
    }

    /// SARIF and reviewdog's format against their published schemas, every small input in one
    /// validator run per schema.
    @Test(.enabled(if: JSONSchemaValidator.isAvailable, Comment(rawValue: JSONSchemaValidator.skipReason)))
    func sarifAndRdjsonMatchTheirSchemas() throws {
        for (format, schema) in [("sarif", "sarif-schema-2.1.0.json"), ("rdjson", "rdjson/DiagnosticResult.json")] {
            guard let schemaPath = Fixtures.sharedSchema(schema) else {
                print("skipped: \(Fixtures.missingSharedMessage)")
                return
            }
            var outputs: [(String, String)] = []
            for input in Self.inputs where !input.isLarge {
                let result = try Workspace(input.bytes).paperlint(["check", "--all", "--format", format])
                if result.status != 2 { outputs.append((input.name, result.output)) }
            }
            #expect(outputs.count > Self.inputs.count / 3, "most inputs are linted, not refused")
            let problems = try JSONSchemaValidator.problems(outputs.map(\.1), schemaPath: schemaPath)
            for (index, problem) in problems.enumerated() where !problem.isEmpty {
                Issue.record("\(outputs[index].0), --format \(format): \(problem)")
            }
        }
    }

    /// Links with a URL in all entries (fixes may rewrite a URL, e.g. `http://https://`, but
    /// not drop one; a bracketed `[x]` without one is text, which a fix may reshape).
    static func urlCount(_ document: Document) -> Int {
        document.entries.reduce(0) { count, entry in count + entry.links.count { $0.url != nil } }
    }
}

