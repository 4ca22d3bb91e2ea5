import PaperLintCore
@testable import PaperLintKit
import PaperLintTestSupport
import Testing

/// Findings are put in report order in place; the order is the one a stable sort by
/// line, column and rule gives.
@Suite struct ReportOrderTests {
    @Test func permutingInPlaceTakesTheValuesTheOrderNames() {
        var random = SplitMix64(seed: 0x0D3E5)
        for count in [0, 1, 2, 3, 7, 64, 500] {
            for _ in 0..<20 {
                let values = (0..<count).map { "v\($0)" }
                var order = Array(values.indices)
                order.shuffle(using: &random)
                var permuted = values
                ReportedDiagnostic.permute(&permuted, into: order)
                #expect(permuted == order.map { values[$0] }, "\(order)")
            }
        }
        var unchanged = ["a", "b", "c"]
        ReportedDiagnostic.permute(&unchanged, into: [0, 1, 2])
        #expect(unchanged == ["a", "b", "c"])
    }

    @Test func findingsComeInLineColumnRuleOrderEqualOnesAsFound() {
        var random = SplitMix64(seed: 0x0D3E6)
        let text = (1...40).map { "- [2023/\($0 % 12 + 1)] **Título \($0)** *A.* [[paper](https://example.org/\($0))]" }.joined(separator: "\n") + "\n"
        let document = Document(text)
        let rules = ["whitespace", "duplicate", "entry-format"]
        for round in 0..<30 {
            let found = (0..<Int.random(in: 0...60, using: &random)).map { index in
                let start = Int.random(in: 0..<document.bytes.count, using: &random)
                return Diagnostic(
                    ruleID: rules[Int.random(in: 0..<rules.count, using: &random)], severity: .warning,
                    range: start..<min(document.bytes.count, start + 3), message: "finding \(index)")
            }
            let expected = found.map { ReportedDiagnostic($0, path: "README.md", in: document) }
                .enumerated().sorted { a, b in
                    (a.element.start.line, a.element.start.column, a.element.rule, a.offset)
                        < (b.element.start.line, b.element.start.column, b.element.rule, b.offset)
                }.map(\.element)
            #expect(ReportedDiagnostic.inReportOrder(found, path: "README.md", in: document) == expected, "round \(round)")
        }
    }
}
