import Foundation
import PaperLintCore
import PaperLintKit
import PaperLintTestSupport
import Testing

/// With no `.paperlint.yml` the house style is learned from the list itself: forms a real
/// share of the list uses are never defects, a rare form next to a strong majority is a
/// warning counted against the other entries, and in a diff the style comes from the
/// entries the change does not touch.
@Suite struct HouseStyleLearningTests {
    static let preset = try! ConfigurationLoader.load(text: nil)

    /// `count` entries dated `date(i)`, newest first.
    static func entries(_ count: Int, from start: Int = 0, date: (Int) -> String) -> [String] {
        (start..<start + count).map { i in
            "- \(date(i)) **Paper \(i)** *A. Author et al. arXiv.* [[paper](https://example.org/\(i))]"
        }
    }

    func lint(_ lines: [String], _ configuration: Configuration = HouseStyleLearningTests.preset) -> [ReportedDiagnostic] {
        var configuration = configuration
        configuration.today = YearMonth(year: 2026, month: 6)
        return Linter.lint(Document("# Papers\n\n" + lines.joined(separator: "\n") + "\n"), path: "README.md", configuration)
    }

    /// Month `i` counted back from 2024/12.
    static func month(_ i: Int, separator: String = "/") -> String {
        let year = 2024 - i / 12, month = 12 - i % 12
        return "[\(year)\(separator)\(month < 10 ? "0" : "")\(month)]"
    }

    @Test func aListsOwnFormsAreNeverDefects() {
        // A list of year-only dates, plain titles and no author segment: nothing to report.
        let plain = (0..<12).map { "- [\(2024 - $0)] Paper \($0). [[paper](https://example.org/\($0))]" }
        #expect(lint(plain).isEmpty, "\(lint(plain).map(\.message))")
        // Two date forms, each a real share (10 `[YYYY/MM]`, 4 `[YYYY]` for classic papers).
        let mixed = Self.entries(10, date: { Self.month($0) }) + Self.entries(4, from: 10, date: { "[\(2012 - $0)]" })
        #expect(lint(mixed).filter { $0.rule == "date-format" }.isEmpty)
    }

    @Test func aRareFormNextToAStrongMajorityIsAWarningCountingTheOthers() throws {
        var lines = Self.entries(20, date: { Self.month($0) })
        lines[7] = lines[7].replacingOccurrences(of: "[2024/05]", with: "[2024-05]")
        let found = lint(lines).filter { $0.rule == "date-format" }
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.severity == .warning)
        #expect(finding.message == "date `[2024-05]` is written YYYY-MM; this list writes `[YYYY/MM]` (19 of the other 19 dates)")
        #expect(finding.fix?.safety == .safe)
    }

    @Test func aSplitListFlagsNeitherHalf() {
        // 60/40: neither half is a deviation from the other.
        let lines = Self.entries(12, date: { Self.month($0) }) + Self.entries(8, from: 12, date: { Self.month($0, separator: "-") })
        #expect(lint(lines).filter { $0.rule == "date-format" }.isEmpty)
    }

    @Test func aPinnedListOfFormsAcceptsEachAndReportsOthers() throws {
        let configuration = try ConfigurationLoader.load(text: "entry:\n  date: [YYYY/MM, YYYY]\n")
        #expect(configuration.style.date == [.yearMonth, .year])
        let lines = Self.entries(3, date: { Self.month($0) }) + ["- [2010] **Classic** *A. B. JMLR.* [[paper](https://example.org/c)]",
                                                               "- [2009/03/05] **Dated** *A. B. JMLR.* [[paper](https://example.org/d)]"]
        let found = lint(lines, configuration).filter { $0.rule == "date-format" }
        #expect(found.map(\.start.line) == [7])
        #expect(found.first?.message.contains("the configured form is `[YYYY/MM]` or `[YYYY]`") == true)
    }

    @Test func tasteIsOffByDefaultAndOnByConfiguration() throws {
        let lines = Self.entries(6, date: { Self.month($0) }).map { $0.replacingOccurrences(of: "https://example.org/", with: "https://arxiv.org/abs/2412.0000") }
            + ["- [2024/06] **Pinned** *A. B. arXiv.* [[paper](https://www.arxiv.org/abs/2406.00001v2)]"]
        #expect(lint(lines).filter { $0.rule == "arxiv-url" }.isEmpty)
        let taste = try ConfigurationLoader.load(text: "taste: [arxiv-version, arxiv-host]\n")
        #expect(taste.taste == [.arxivVersion, .arxivHost])
        let found = lint(lines, taste).filter { $0.rule == "arxiv-url" }.map(\.message)
        #expect(found.contains { $0.contains("the host `www.arxiv.org`") } && found.contains { $0.contains("pins version v2") }, "\(found)")
        #expect(throws: PaperLintError.self) { try ConfigurationLoader.load(text: "taste: [arxiv-versions]\n") }
    }

    /// Four new `[YYYY-MM]` entries among twenty `[YYYY/MM]` ones would be a real share (4 of 24)
    /// if they voted; in a diff only the untouched entries do, so all four are reported.
    @Test func aDiffLearnsFromTheEntriesItDoesNotTouch() throws {
        let repo = try ScratchRepository()
        let old = Self.entries(20, from: 4, date: { Self.month($0) })
        try repo.commit("README.md", "# Papers\n\n" + old.joined(separator: "\n") + "\n")
        let new = Self.entries(4, date: { Self.month($0, separator: "-") })
        try repo.write("README.md", "# Papers\n\n" + (new + old).joined(separator: "\n") + "\n")
        try repo.git("add", "README.md")
        let staged = try Linter.check(CheckRequest(mode: .staged, currentDirectory: repo.path)).diagnostics
        #expect(staged.filter { $0.rule == "date-format" }.map(\.start.line) == [3, 4, 5, 6])
        #expect(staged.first { $0.rule == "date-format" }?.message.hasSuffix("(20 of the other 20 dates)") == true)
        // The whole file, each entry judged against all the others: 4 of 24 is a form of its own.
        let all = try Linter.check(CheckRequest(mode: .all, currentDirectory: repo.path)).diagnostics
        #expect(all.filter { $0.rule == "date-format" }.isEmpty)
    }
}
