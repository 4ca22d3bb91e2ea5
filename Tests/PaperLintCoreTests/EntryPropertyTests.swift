import Foundation
@testable import PaperLintCore
import PaperLintTestSupport
import Testing

/// Seeded, bounded property tests: any input parses, the parts cover it, and the work is linear.
///
/// Linearity is shown by counting the bytes the scanner examines (`parseCounting`), never by
/// timing. Set `PAPERLINT_LONG_FUZZ=1` for a longer run.
@Suite struct EntryPropertyTests {
    static let isLongRun = ProcessInfo.processInfo.environment["PAPERLINT_LONG_FUZZ"] != nil
    static let caseCount = isLongRun ? 50_000 : 400

    /// The bound every parse must respect, for an item of `count` bytes.
    static func stepLimit(_ count: Int) -> Int { 8 * count + 64 }

    /// Parses `bytes[range]`, checks the invariants and the step bound; returns the problems.
    static func check(_ bytes: [UInt8], _ range: Range<Int>) -> [String] {
        let (entry, steps) = EntryParser.parseCounting(bytes, range: range, line: 1, lastLine: 1)
        var problems = EntryCheck.violations(entry, bytes)
        if steps > stepLimit(range.count) { problems.append("\(steps) steps for \(range.count) bytes") }
        return problems
    }

    static func check(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return check(bytes, 0..<bytes.count)
    }

    /// Tokens that exercise every branch of the grammar, plus multi-byte text and line breaks.
    static let tokens = [
        "[", "]", "(", ")", "*", "**", "_", "!", "\\", " ", "  ", "-", "/", "2023", "10", "9", "13", "a", "Title",
        "é", "漢", "🔥", "\n", "\n  ", "\r\n", "\t", ".", ":", "`", "#", ">", "1.", "[[", "]]", "](", ")]", "![",
        "[2023/10]", "[[paper](https://x.org/a_(b))]", "[[code]](u)", "*A. B.*", "**T**",
    ]

    static func soup(_ rng: inout SplitMix64, maxTokens: Int) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...maxTokens, using: &rng) {
            text += tokens[Int.random(in: 0..<tokens.count, using: &rng)]
        }
        return text
    }

    @Test func randomPunctuationSoups() {
        var rng = SplitMix64(seed: 0x5EED_0001)
        for index in 0..<Self.caseCount {
            let markers = ["- ", "* ", "+ ", "1. ", "", "-", "12) "]
            let text = markers[index % markers.count] + Self.soup(&rng, maxTokens: 60)
            let problems = Self.check(text)
            #expect(problems.isEmpty, "\(text.debugDescription): \(problems)")
            if !problems.isEmpty { return }
        }
    }

    /// Template entries with random bytes deleted, duplicated or inserted: inputs near the grammar.
    @Test func mutatedEntries() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.healthcare)))
        let document = Document(bytes: bytes)
        let entries = EntryParser.entries(in: document).filter(\.isPaper)
        let inserts = Array("[]()*_!\\ \n/-.".utf8)
        var rng = SplitMix64(seed: 0x5EED_0002)
        for _ in 0..<Self.caseCount {
            let entry = entries[Int.random(in: 0..<entries.count, using: &rng)]
            var item = Array(bytes[entry.range])
            for _ in 0..<Int.random(in: 1...6, using: &rng) where !item.isEmpty {
                let at = Int.random(in: 0..<item.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: item.remove(at: at)
                case 1: item.insert(item[at], at: at)
                default: item.insert(inserts[Int.random(in: 0..<inserts.count, using: &rng)], at: at)
                }
            }
            // Deleting a byte can cut a multi-byte scalar; the parser only promises valid UTF-8.
            guard UTF8Check.firstInvalidOffset(in: item) == nil else { continue }
            let problems = Self.check(item, 0..<item.count)
            #expect(problems.isEmpty, "\(String(decoding: item, as: UTF8.self).debugDescription): \(problems)")
            if !problems.isEmpty { return }
        }
    }

    /// Whole random documents through `entries(in:)`: headings, code, quotes, nesting, entries.
    @Test func randomDocuments() {
        var rng = SplitMix64(seed: 0x5EED_0003)
        let lines = [
            "# Title", "## Section", "", "", "```", "    indented code", "> quoted", "para text", "<div>", "</div>",
            "- [2023/10] **T** *A.* [[p](u)][[c](v)]", "  - nested note", "    - deeper", "1. ordered", "* star",
            "continuation line", "\t- tab item", "- - same line", "- ", "-", "| a | b |", "|---|---|",
        ]
        let documentCount = Self.isLongRun ? 5_000 : 100
        for _ in 0..<documentCount {
            var text = ""
            for _ in 0..<Int.random(in: 0...30, using: &rng) {
                let line = lines[Int.random(in: 0..<lines.count, using: &rng)]
                // Noise stays on its line: a lone CR is a line end to cmark but not to Document.
                let noise = Int.random(in: 0..<4, using: &rng) == 0 ? Self.soup(&rng, maxTokens: 6) : ""
                text += line + noise.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ") + "\n"
            }
            let document = Document(text)
            let entries = EntryParser.entries(in: document)
            #expect(entries.count == document.blocks.items.count, "\(text.debugDescription)")
            for entry in entries {
                var problems = EntryCheck.violations(entry, document.bytes)
                problems += Self.check(document.bytes, entry.range)
                #expect(problems.isEmpty, "\(text.debugDescription) line \(entry.line): \(problems)")
                if !problems.isEmpty { return }
            }
        }
    }

    /// An input built to defeat naive lookahead: each would cost quadratic time if a failed
    /// match were retried from every position.
    struct Adversarial: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        var testDescription: String { "\(name) (\(text.utf8.count) bytes)" }
    }

    static let adversarial: [Adversarial] = {
        let cases = [
            Adversarial(name: "[[ x 100k", text: String(repeating: "[[", count: 100_000)),
            Adversarial(name: "** x 100k", text: String(repeating: "**", count: 100_000)),
            Adversarial(name: "[x]( x 50k", text: String(repeating: "[x](", count: 50_000)),
            Adversarial(name: "( x 200k", text: String(repeating: "(", count: 200_000)),
            Adversarial(name: "[ x 200k", text: String(repeating: "[", count: 200_000)),
            Adversarial(name: "] x 200k", text: String(repeating: "]", count: 200_000)),
            Adversarial(name: "* x 200k", text: String(repeating: "*", count: 200_000)),
            Adversarial(name: "_ x 200k", text: String(repeating: "_", count: 200_000)),
            Adversarial(name: "\\ x 200k", text: String(repeating: "\\", count: 200_000)),
            Adversarial(name: "![ x 100k", text: String(repeating: "![", count: 100_000)),
            Adversarial(name: "[![ x 70k", text: String(repeating: "[![", count: 70_000)),
            Adversarial(name: "[![a](b) x 25k", text: String(repeating: "[![a](b)", count: 25_000)),
            Adversarial(name: "[] x 100k", text: String(repeating: "[]", count: 100_000)),
            Adversarial(name: "[a](b) x 30k", text: String(repeating: "[a](b)", count: 30_000)),
            Adversarial(name: "[[a](b) x 30k", text: String(repeating: "[[a](b)", count: 30_000)),
            Adversarial(name: "[[a]]( x 30k", text: String(repeating: "[[a]](", count: 30_000)),
            Adversarial(name: "![a]( x 40k", text: String(repeating: "![a](", count: 40_000)),
            Adversarial(name: "**[ x 70k", text: String(repeating: "**[", count: 70_000)),
            Adversarial(name: "*[*( x 50k", text: String(repeating: "*[*(", count: 50_000)),
            Adversarial(name: "[2023/ then 200k digits", text: "[2023/" + String(repeating: "9", count: 200_000)),
            Adversarial(name: "dates x 20k", text: String(repeating: "[2023/10] ", count: 20_000)),
            Adversarial(name: "emoji x 50k then a date", text: String(repeating: "🔥", count: 50_000) + " [2023/10] **T**"),
            Adversarial(name: " \\n x 100k", text: String(repeating: " \n", count: 100_000)),
            Adversarial(name: "unclosed bold, unclosed authors", text: "[2023/10] **" + String(repeating: "t [", count: 60_000) + " *a"),
            Adversarial(name: "bold, then * x 100k", text: "[2023/10] **T** " + String(repeating: "* ", count: 100_000)),
        ]
        // Each again as a list item, so the marker and date scans run first.
        return cases + cases.map { Adversarial(name: "- " + $0.name, text: "- " + $0.text) }
    }()

    @Test(arguments: adversarial)
    func adversarialInputsStayLinear(_ c: Adversarial) {
        let bytes = Array(c.text.utf8)
        let (entry, steps) = EntryParser.parseCounting(bytes, range: 0..<bytes.count, line: 1, lastLine: 1)
        #expect(steps <= Self.stepLimit(bytes.count), "\(steps) steps for \(bytes.count) bytes")
        #expect(EntryCheck.violations(entry, bytes).isEmpty)
    }

    @Test func oneMegabyteLine() {
        let megabyte = 1 << 20
        let title = String(repeating: "Long title words (with [brackets]) ", count: megabyte / 35)
        let text = "- [2023/10] **\(title)** *A. Author.* [[paper](https://x.org/p)] [[code](https://x.org/c)]\n"
        let document = Document(text)
        let entries = EntryParser.entries(in: document)
        #expect(entries.count == 1)
        guard let entry = entries.first else { return }
        #expect(entry.range.count > megabyte)
        #expect(entry.deviations.isEmpty && entry.links.count == 2)
        #expect(Self.check(document.bytes, entry.range).isEmpty)

        var rng = SplitMix64(seed: 0x5EED_0004)
        var soup = "- "
        while soup.utf8.count < megabyte { soup += Self.tokens[Int.random(in: 0..<Self.tokens.count, using: &rng)] }
        let problems = Self.check(soup.replacingOccurrences(of: "\n", with: " "))
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func deeplyNestedLists() {
        let depth = 500
        var text = ""
        for level in 0..<depth {
            text += String(repeating: "  ", count: level) + "- [2023/10] **T\(level)** *A.* [[p](u)]\n"
        }
        let document = Document(text)
        let entries = EntryParser.entries(in: document)
        #expect(entries.count == depth)
        #expect(entries.map(\.line) == Array(1...depth))
        #expect(entries.allSatisfy { $0.lastLine == $0.line && $0.isPaper && $0.deviations.isEmpty })
        for entry in entries { #expect(EntryCheck.violations(entry, document.bytes).isEmpty) }

        // Every level opens on the same line: each entry starts after the previous marker.
        let oneLine = Document(String(repeating: "- ", count: depth) + "[2023/10] **T** *A.* [[p](u)]\n")
        let stacked = EntryParser.entries(in: oneLine)
        #expect(stacked.count == oneLine.blocks.items.count)
        #expect(stacked.last?.isPaper == true)
        for entry in stacked { #expect(EntryCheck.violations(entry, oneLine.bytes).isEmpty) }

        // Unbalanced brackets and emphasis at every level.
        var ragged = ""
        for level in 0..<depth { ragged += String(repeating: "  ", count: level) + "- [[x](**[(\(level)\n" }
        let raggedDocument = Document(ragged)
        let raggedEntries = EntryParser.entries(in: raggedDocument)
        #expect(raggedEntries.count == raggedDocument.blocks.items.count)
        for entry in raggedEntries {
            #expect(Self.check(raggedDocument.bytes, entry.range).isEmpty)
            #expect(entry.deviations.contains { $0.kind == .unbalancedBrackets })
        }
    }
}
