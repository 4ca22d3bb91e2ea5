import Foundation
import PaperLintTestSupport
import Testing

/// `paperlint-bench` end to end on a tiny list (one run; no timing is asserted).
@Suite struct BenchTests {
    var bench: String {
        let paperlint = URL(fileURLWithPath: Fixtures.executable)
        return paperlint.deletingLastPathComponent().appendingPathComponent("paperlint-bench").path
    }

    @Test func runsEveryMeasurementAndWritesJSON() throws {
        let json = NSTemporaryDirectory() + "paperlint-bench-\(getpid()).json"
        defer { try? FileManager.default.removeItem(atPath: json) }
        let result = try runProcess(
            bench, ["--sizes", "200", "--runs", "1", "--json", json, "--paperlint", Fixtures.executable],
            in: NSTemporaryDirectory())
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("| 200 | `check --all` |"))
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let rows = report?["measurements"] as? [[String: Any]] ?? []
        func row(_ name: String) -> [String: Any]? { rows.first { $0["name"] as? String == name } }
        for name in ["check --all", "fix --all --patch", "git diff --cached", "check --staged",
                     "git commit --no-verify", "git commit (hook)"] {
            #expect(row(name)?["medianSeconds"] is Double, "\(name)")
        }
        #expect(row("check --all")?["exitStatus"] as? Int == 1, "the generated list has defects")
        #expect(row("check --staged")?["exitStatus"] as? Int == 0, "the 20 staged entries are clean")
        #expect(row("git commit (hook)")?["exitStatus"] as? Int == 0, "the hook lets the clean change through")
        #expect(row("check --staged")?["baseline"] as? String == "git diff --cached")
        // paperlint's own phase timings ride along for the two check rows.
        for name in ["check --all", "check --staged"] {
            let phases = row(name)?["phases"] as? String ?? ""
            #expect(phases.contains("parse ") && phases.contains("rules ") && phases.hasSuffix("(since main)"), "\(name): \(phases)")
        }
        #expect(result.output.contains("Where paperlint's time goes"))
        for peer in ["rumdl", "mdl", "mdformat", "pymarkdown"] { #expect(row(peer) != nil, "\(peer): measured or skipped") }
    }
}
