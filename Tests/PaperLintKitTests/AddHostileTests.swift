import Foundation
@testable import PaperLintKit
import PaperLintCore
import PaperLintTestSupport
import Testing

/// Seeded random fields made of Markdown's special characters, HTML, line breaks, direction
/// marks and long runs: each paper is refused with a message or added as exactly one new
/// line whose title renders as the words given and whose links are the ones given; the rest
/// of the list never changes. `PAPERLINT_ADD_ROUNDS` lengthens the run.
@Suite struct AddHostileTests {
    /// Markdown's special characters and link-breaking runs, common; HTML, entities, line
    /// breaks and direction marks (always refused), rare, so that both outcomes are tried.
    static let common: [String] = Array("abcXYZ019 ").map(String.init) + [
        "*", "_", "[", "]", "(", ")", "|", "\\", "`", "!", "#", "~", "&", ";", ":", "\"", "'", "$", "{", "}", "^", "%", "=", "+",
        "@", ",", ".", "?", "/", "-", "é", "中", "🔥", "](", "](javascript:alert(1))", "**", "[[", "]]", "  ", "\t",
    ]
    static let rare = ["<", ">", "<script>", "</a>", "<!--", "\u{200F}", "\n", "&amp;", "&#x3C;"]
    /// Names and venues: what names are made of, and now and then a character they never hold.
    static let nameCharacters: [String] = Array("abcXYZ .-'é中,").map(String.init)
    static let rareInNames = ["*", "[", "\n", "<b>", "&amp;"]

    static func text(_ generator: inout SplitMix64, length: Int, names: Bool = false) -> String {
        (0..<length).map { _ in
            let pool = generator.next() % 48 == 0 ? (names ? rareInNames : rare) : (names ? nameCharacters : common)
            return pool[Int(generator.next() % UInt64(pool.count))]
        }.joined()
    }

    /// The title as it renders: backslash escapes removed.
    static func unescaped(_ markdown: String) -> String {
        var out = ""
        var escaping = false
        for character in markdown {
            if !escaping && character == "\\" {
                escaping = true
                continue
            }
            escaping = false
            out.append(character)
        }
        return out
    }

    @Test func hostileFieldsAreRefusedOrRenderAsGiven() throws {
        let original = AddTests.healthcare
        let rounds = 10 * (ProcessInfo.processInfo.environment["PAPERLINT_ADD_ROUNDS"].flatMap(Int.init) ?? 4)
        var generator = SplitMix64(seed: 17)
        var (added, refused) = (0, 0)
        for round in 0..<rounds {
            let title = "Probe \(round) " + Self.text(&generator, length: 1 + Int(generator.next() % 16))
            let paper = AddTests.paper(
                title: title, authors: "Ann " + Self.text(&generator, length: Int(generator.next() % 12), names: true),
                venue: generator.next() % 2 == 0 ? nil : "Venue " + Self.text(&generator, length: Int(generator.next() % 8), names: true),
                links: [("paper", "https://example.org/p\(round)/" + Self.text(&generator, length: Int(generator.next() % 6)))])
            let addition: Adder.Addition
            do {
                addition = try AddTests.add(paper)
            } catch {
                refused += 1
                #expect(!"\(error)".isEmpty && !"\(error)".contains("\n"), "a refusal is one line: \(error)")
                continue
            }
            guard case .added(let result) = addition else {
                Issue.record("round \(round): \(title.debugDescription) reported as listed")
                continue
            }
            added += 1
            let document = Document(bytes: result.bytes)
            var lines = String(decoding: result.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            lines.remove(at: result.line - 1)
            #expect(lines.joined(separator: "\n") == String(decoding: original.bytes, as: UTF8.self), "round \(round): the list changed elsewhere")
            let entry = try #require(document.entries.first { $0.line == result.line })
            #expect(entry.lastLine == entry.line)
            let written = Self.unescaped(document.string(try #require(entry.title).text))
            // Blanks collapse; the section's final-period habit may add or drop a period.
            let given = try #require(try NewPaper.text(title, field: "--title", limit: 300))
            #expect(written == given || written == given + "." || written + "." == given, "round \(round): \(written.debugDescription) for \(given.debugDescription)")
            let url = try #require(entry.links.first?.url)
            #expect(entry.links.count == 1 && document.string(url).hasPrefix("https://example.org/p\(round)/"))
        }
        // Both outcomes happen: the alphabet is not all refusals.
        #expect(added >= rounds / 4 && refused > 0, "added \(added), refused \(refused)")
    }
}
