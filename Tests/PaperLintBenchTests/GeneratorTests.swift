import Foundation
import PaperLintBenchSupport
import PaperLintCore
import PaperLintTestSupport
import Testing

/// The benchmark list generator: deterministic, parseable, and planting what the rules catch.
@Suite struct GeneratorTests {
    @Test func sameSeedSameBytesDifferentSeedDifferentBytes() {
        let a = ListGenerator(seed: 7).generate(entries: 300)
        #expect(a == ListGenerator(seed: 7).generate(entries: 300))
        #expect(a != ListGenerator(seed: 8).generate(entries: 300))
        #expect(Array(a.utf8) == ListGenerator(seed: 7).generateBytes(entries: 300))
    }

    @Test func outputParsesIntoEntries() {
        let bytes = ListGenerator(seed: 1).generateBytes(entries: 300)
        let papers = Document(bytes: bytes).entries.filter { $0.isPaper && $0.title != nil && $0.authors != nil }
        // Every generated entry (duplicates included), with its date, title, authors and links.
        #expect(papers.count == 300, "\(papers.count) papers")
        #expect(papers.allSatisfy { !$0.links.isEmpty })
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\n### ") || text.contains("\n## "))
        #expect(text.contains("[[code](https://github.com/"))
        #expect(text.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "CJK author names")
    }

    @Test func tableOfContentsLinksResolve() {
        let text = ListGenerator(seed: 3).generate(entries: 2000)
        let lines = text.split(separator: "\n")
        let anchors = Set(lines.filter { $0.hasPrefix("## ") || $0.hasPrefix("### ") }.map {
            ListGenerator.anchor(String($0.drop { $0 == "#" }.dropFirst()))
        })
        let links = lines.compactMap { line -> String? in
            guard let open = line.range(of: "](#") else { return nil }
            return String(line[open.upperBound...].prefix { $0 != ")" })
        }
        #expect(links.count > 5)
        for link in links { #expect(anchors.contains(link), "\(link)") }
    }

    @Test func checkAllFindsEveryPlantedDefectKind() throws {
        let directory = NSTemporaryDirectory() + "paperlint-bench-test-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ListGenerator(seed: 42).generate(entries: 200).write(toFile: directory + "/README.md", atomically: true, encoding: .utf8)
        // The generator plants `[[Code]]` among `[[code]]`, a matter of taste: ask for it.
        try "taste: [label-case]\n".write(toFile: directory + "/.paperlint.yml", atomically: true, encoding: .utf8)
        let result = try runProcess(Fixtures.executable, ["check", "--all", "--color", "never", "README.md"], in: directory)
        #expect(result.status == 1, "\(result.error)")
        for defect in ListGenerator.Defect.allCases {
            #expect(result.output.contains("[\(defect.ruleID)]:"), "\(defect) → \(defect.ruleID)")
        }
        // Only the planted kinds: nothing else in the list is reported.
        let expected = Set(ListGenerator.Defect.allCases.map(\.ruleID))
        let reported = Set(result.output.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("error[") || line.hasPrefix("warning[") else { return nil }
            return String(line.drop { $0 != "[" }.dropFirst().prefix { $0 != "]" })
        })
        #expect(reported.isSubset(of: expected), "unexpected: \(reported.subtracting(expected))")
    }
}
