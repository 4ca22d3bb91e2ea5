import PaperLintCore
@testable import PaperLintKit
import Testing

/// An entry the template rules find wrong in three or more places is one finding, with the
/// fixes of all of them; fewer stay apart, and other rules' findings are never merged.
@Suite struct TemplateFindingsTests {
    static let neighbours = (1...9).map {
        "- [2023/0\($0)] **Paper \($0)** *A. Author et al. arXiv.* [[paper](https://x.org/\($0))] [[code](https://y.org/\($0))]"
    }

    func lint(_ extra: String) -> (Document, [ReportedDiagnostic]) {
        var configuration = try! ConfigurationLoader.load(text: nil)
        configuration.today = YearMonth(year: 2026, month: 6)
        let document = Document("# Papers\n\n" + (Self.neighbours + [extra]).joined(separator: "\n") + "\n")
        return (document, Linter.lint(document, path: "README.md", configuration))
    }

    @Test func manyPartsOfOneEntryAreOneFinding() throws {
        let (document, found) = lint("- [2023/10]**Title***A. B.*[[paper](http://https://x.org/p)][[code](v)]")
        let line = found.filter { $0.start.line == 12 }
        // The doubled scheme is a `url` finding of its own; the four template slips are one.
        #expect(line.map(\.rule).sorted() == ["entry-format", "url"])
        let merged = try #require(line.first { $0.rule == "entry-format" })
        #expect(merged.message.hasPrefix("entry departs from the list's template in 4 places: no space between the date and the title"))
        #expect(merged.fix?.safety == .safe)
        // Its fix makes every one of the four repairs.
        var configuration = try ConfigurationLoader.load(text: nil)
        configuration.today = YearMonth(year: 2026, month: 6)
        let fix = try #require(RuleRunner.run(document, configuration).first { $0.ruleID == "entry-format" }?.fix)
        let fixed = String(decoding: fix.applied(to: document.bytes), as: UTF8.self)
        #expect(fixed.contains("- [2023/10] **Title** *A. B.* [[paper](http://https://x.org/p)] [[code](v)]\n"))
    }

    @Test func twoSlipsStayTwoFindings() {
        let (_, found) = lint("- [2023/10]**Title** *A. B.* [[paper](https://x.org/p)][[code](https://y.org/p)]")
        #expect(found.filter { $0.start.line == 12 }.map(\.rule).sorted() == ["link-spacing", "whitespace"])
    }
}
