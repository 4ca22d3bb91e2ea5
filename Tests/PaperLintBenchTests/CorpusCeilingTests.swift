import Foundation
import PaperLintBenchSupport
import PaperLintTestSupport
import Testing

// Ceilings on how much paperlint flags real lists it was not built against (../shared/corpus),
// with no configuration, so that a regression in precision cannot land.

/// Per list: the largest share of the head file's entry lines with a finding at warning or
/// error that the hand review does not confirm as a real defect. A list with many real
/// defects is not noise: awesome-bioagent-papers has 9 of 78 entry lines flagged at its head,
/// every one reviewed real (three papers linked to one aggregator repository, four entries out
/// of its oldest-first Reviews section, two repeats).
let maxFlaggedShare = 0.10
/// Over all lists and their whole replayed history: findings at warning or error per added
/// entry line. The target is 0.10; 0.118 is measured (0.151 two sessions ago, 0.126 at the
/// start of this one), and this holds what landed. Most of the excess is real and belongs to
/// two lists: order, link-clash and table-of-contents errors in the history of
/// Awesome-Human-Agent-Collaboration (which its maintainer later re-sorted, "fix timeline") and
/// Awesome-Agent4SE's rewritten anchors.
let maxFindingsPerAddedLine = 0.12
/// The same for errors alone. The target is 0.03; 0.069 is measured, and the excess is real:
/// 43 are broken table-of-contents anchors that Awesome-Agent4SE rewrote in most of its 13
/// commits, 45 entries out of order and 25 links under another paper's title in the history of
/// Awesome-Human-Agent-Collaboration, and the stray `]` after its dates (`[18 Apr 2024]]`).
let maxErrorsPerAddedLine = 0.07
/// Reviewed findings that are still reported must be real defects at least this often. The
/// target is 0.95, and it is met: 446 of 469 (0.951), with three blind rounds of findings no
/// earlier round had judged (169 verdicts; seeds 2027–2029) among them. The rest are mostly
/// judged by what the list did later (separators a maintainer never tidied, a paper held by
/// arXiv dated by its submission day): see the review's reasons.
let minReviewedPrecision = 0.95
/// Findings reviewed as real must still be reported at least this often (446 of 451).
let minReviewedRecall = 0.98

/// `check --all` on each corpus head file and a replay of its whole history (parent committed,
/// child staged, `check --staged`), held to the ceilings above, and the hand-reviewed sample of
/// findings in Review/corpus-review.tsv held to its verdicts. Skipped when ../shared/corpus is
/// absent next to the package.
@Suite struct CorpusCeilingTests {
    /// The package root: this file is at Tests/PaperLintBenchTests/CorpusCeilingTests.swift.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()
    static let corpus = packageRoot.appendingPathComponent("../shared/corpus").standardizedFileURL
    static let isCorpusPresent = FileManager.default.fileExists(atPath: corpus.appendingPathComponent("heads").path)
    static let reviewPath = packageRoot.appendingPathComponent("Tests/PaperLintBenchTests/Review/corpus-review.tsv")

    /// One hand-reviewed finding: which line (by its text's hash), where, which rule, and whether
    /// a maintainer of that list would fix it.
    struct Verdict {
        var hash: String
        var list: String
        /// "head", or the first 12 hex digits of the replayed commit.
        var source: String
        var rule: String
        var isReal: Bool
        var reason: String

        func matches(_ finding: CorpusFinding) -> Bool {
            finding.hash == hash && finding.list == list && finding.rule == rule && finding.source.hasPrefix(source)
        }
    }

    static func verdicts() throws -> [Verdict] {
        let text = try String(contentsOf: reviewPath, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 6 else { return nil }
            return Verdict(hash: fields[0], list: fields[1], source: fields[2], rule: fields[3], isReal: fields[4] == "real", reason: fields[5])
        }
    }

    @Test func reviewFileIsWellFormed() throws {
        let verdicts = try Self.verdicts()
        #expect(verdicts.count >= 150, "the hand review covers at least 150 findings")
        let text = try String(contentsOf: Self.reviewPath, encoding: .utf8)
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(fields.count == 6 && ["real", "false"].contains(String(fields[4])) && !fields[5].isEmpty, "\(line)")
        }
        #expect(Set(verdicts.map(\.rule)).count >= 12, "every rule that fires on the corpus is represented")
    }

    @Test(.enabled(if: isCorpusPresent, "../shared/corpus absent: skipped"))
    func flaggedShareAndFindingsPerAddedLineStayUnderCeilings() throws {
        let report = try CorpusHarness.measure(
            corpus: Self.corpus, paperlint: Fixtures.executable, commitsPerList: nil,
            replayWithInit: false, fixCheck: false, sampleSize: 0)
        print(report.markdown())
        print(String(format: "corpus measured in %.1f s", report.seconds))

        #expect(!report.lists.isEmpty)
        let verdicts = try Self.verdicts()
        for list in report.lists {
            #expect(list.replay.failures == 0, "\(list.name): paperlint failed on replayed commits: \(list.replay.failureMessages)")
            let unconfirmed = Self.unconfirmedFlaggedLines(list, verdicts)
            let share = Double(unconfirmed) / Double(max(list.entryLines, 1))
            #expect(share <= maxFlaggedShare, """
                \(list.name): \(unconfirmed) of \(list.entryLines) entry lines flagged and not reviewed real \
                (share \(String(format: "%.3f", share)); \(list.flaggedEntryLines) flagged in all) exceeds maxFlaggedShare \(maxFlaggedShare); \
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

        // The hand review: the findings judged real are still reported, and of the reviewed
        // findings still reported, the share judged real holds.
        let findings = report.lists.flatMap(\.findings)
        var reported = 0, realReported = 0
        var lost: [Verdict] = []
        for verdict in verdicts {
            let isReported = findings.contains(where: verdict.matches)
            if verdict.isReal && !isReported { lost.append(verdict) }
            if isReported {
                reported += 1
                if verdict.isReal { realReported += 1 }
            }
        }
        let real = verdicts.count { $0.isReal }
        let precision = Double(realReported) / Double(max(reported, 1))
        let recall = Double(real - lost.count) / Double(max(real, 1))
        print(String(format: "hand review: %d of %d reviewed findings still reported, %.1f%% real; %d of %d real ones still reported",
                     reported, verdicts.count, precision * 100, real - lost.count, real))
        #expect(precision >= minReviewedPrecision, "reviewed precision \(precision) below \(minReviewedPrecision)")
        #expect(recall >= minReviewedRecall, """
            reviewed recall \(recall) below \(minReviewedRecall); no longer reported: \
            \(lost.map { "\($0.list) \($0.source) \($0.rule) (\($0.reason))" }.joined(separator: "; "))
            """)
    }

    /// Entry lines of the head file with a finding at warning or error, not counting those whose
    /// every finding the hand review confirms as a real defect.
    static func unconfirmedFlaggedLines(_ list: CorpusListReport, _ verdicts: [Verdict]) -> Int {
        let head = list.findings.filter { $0.source == "head" && CorpusEntryLine.isEntry($0.text) }
        return Dictionary(grouping: head, by: \.line).values.count { findings in
            !findings.allSatisfy { finding in verdicts.contains { $0.isReal && $0.matches(finding) } }
        }
    }

    /// The three lists with the highest `figure`, for a failure message.
    static func worst(_ report: CorpusReport, _ figure: (CorpusListReport) -> Double) -> String {
        report.lists.sorted { figure($0) > figure($1) }.prefix(3)
            .map { "\($0.name) \(String(format: "%.3f", figure($0)))" }.joined(separator: ", ")
    }
}
