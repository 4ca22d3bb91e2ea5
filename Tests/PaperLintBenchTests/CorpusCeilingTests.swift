import Foundation
import PaperLintBenchSupport
import PaperLintTestSupport
import Testing

// Ceilings on how much paperlint flags real lists (../shared/corpus), with no configuration.
// Placeholders for now (nothing can exceed them); they are to be tightened to the targets once
// the rules are settled.

/// Per list: the largest share of the head file's entry lines with a finding at warning or error.
let maxFlaggedShare = 1.01
/// Over all lists, replaying the last `ceilingCommitsPerList` commits of each: findings at
/// warning or error per added entry line.
let maxFindingsPerAddedLine = 100.0
/// The same for errors alone.
let maxErrorsPerAddedLine = 100.0
/// Commits replayed per list (the debug binary keeps the whole test under a minute).
let ceilingCommitsPerList = 15

/// `check --all` on each corpus head file and a replay of its recent history, held to the
/// ceilings above. Skipped when ../shared/corpus is absent next to the package.
@Suite struct CorpusCeilingTests {
    /// The package root: this file is at Tests/PaperLintBenchTests/CorpusCeilingTests.swift.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()
    static let corpus = packageRoot.appendingPathComponent("../shared/corpus").standardizedFileURL
    static let isCorpusPresent = FileManager.default.fileExists(atPath: corpus.appendingPathComponent("heads").path)

    @Test(.enabled(if: isCorpusPresent, "../shared/corpus absent: skipped"))
    func flaggedShareAndFindingsPerAddedLineStayUnderCeilings() throws {
        let report = try CorpusHarness.measure(
            corpus: Self.corpus, paperlint: Fixtures.executable, commitsPerList: ceilingCommitsPerList,
            replayWithInit: false, fixCheck: false, sampleSize: 0)
        print(report.markdown())
        print(String(format: "corpus measured in %.1f s", report.seconds))

        #expect(!report.lists.isEmpty)
        for list in report.lists {
            #expect(list.replay.failures == 0, "\(list.name): paperlint failed on replayed commits: \(list.replay.failureMessages)")
            #expect(list.flaggedShare <= maxFlaggedShare, """
                \(list.name): \(list.flaggedEntryLines) of \(list.entryLines) entry lines flagged \
                (share \(String(format: "%.3f", list.flaggedShare))) exceeds maxFlaggedShare \(maxFlaggedShare); \
                rules: \(list.perRule.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
                """)
        }
        let total = report.totalReplay
        #expect(total.findingsPerAddedEntryLine <= maxFindingsPerAddedLine, """
            all lists: \(total.findings) findings on \(total.addedEntryLines) added entry lines \
            (\(String(format: "%.3f", total.findingsPerAddedEntryLine)) per line) exceeds maxFindingsPerAddedLine \(maxFindingsPerAddedLine); \
            worst: \(Self.worst(report) { $0.replay.findingsPerAddedEntryLine })
            """)
        #expect(total.errorsPerAddedEntryLine <= maxErrorsPerAddedLine, """
            all lists: \(total.errors) errors on \(total.addedEntryLines) added entry lines \
            (\(String(format: "%.3f", total.errorsPerAddedEntryLine)) per line) exceeds maxErrorsPerAddedLine \(maxErrorsPerAddedLine); \
            worst: \(Self.worst(report) { $0.replay.errorsPerAddedEntryLine })
            """)
    }

    /// The three lists with the highest `figure`, for a failure message.
    static func worst(_ report: CorpusReport, _ figure: (CorpusListReport) -> Double) -> String {
        report.lists.sorted { figure($0) > figure($1) }.prefix(3)
            .map { "\($0.name) \(String(format: "%.3f", figure($0)))" }.joined(separator: ", ")
    }
}
