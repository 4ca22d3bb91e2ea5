import Foundation
import PaperLintCore
@testable import PaperLintKit
import Testing

/// The text format's caret sits under the finding in a terminal: it counts cells, not
/// Unicode scalars (a CJK character or an emoji takes two, a combining mark none).
@Suite struct TextReporterTests {
    /// The caret line's column where the carets start, in cells, and how many there are.
    func caret(_ text: String, at needle: String) throws -> (start: Int, width: Int) {
        let range = SyntheticReport.range(of: needle, in: text)
        let report = SyntheticReport.make(text, [Diagnostic(ruleID: "whitespace", severity: .warning, range: range, message: "m")])
        let lines = TextReporter(colored: false).render(report).split(separator: "\n").map(String.init)
        let source = try #require(lines.firstIndex { $0.hasPrefix("1 | ") })
        let underline = lines[source + 1].dropFirst("  | ".count)
        let start = underline.prefix { $0 == " " }.count
        return (start, underline.count - start)
    }

    @Test func caretsCountTerminalCells() throws {
        // 14 cells of ASCII, then 15 wide characters (30 cells) and the closing `**`.
        let cjk = "- [2023/10] **大型语言模型综述：从理论到实践**  *A. B.*\n"
        let found = try caret(cjk, at: "  *A")
        #expect(found.start == 46 && found.width == 4, "\(found)")
        // A wide finding is as wide as its cells.
        #expect(try caret(cjk, at: "综述") == (26, 4))
        // An emoji takes two cells, a combining accent none.
        let emoji = try caret("- 🔥 [2023/10] x  y\n", at: "  y")
        #expect(emoji.start == 16 && emoji.width == 3, "\(emoji)")
        let accent = try caret("- [2023/10] Cafe\u{301}  y\n", at: "  y")
        #expect(accent.start == 16 && accent.width == 3, "\(accent)")
        #expect(TextReporter.cells("a") == 1 && TextReporter.cells("語") == 2 && TextReporter.cells("\u{301}") == 0)
    }
}
