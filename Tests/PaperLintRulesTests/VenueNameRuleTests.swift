import PaperLintCore
@testable import PaperLintRules
import PaperLintTestSupport
import Testing

@Suite struct VenueNameRuleTests {
    /// A word names a venue exactly when its lowercased text is a key of the spellings: the
    /// byte comparison by shape is held to that lookup, on every name in three cases and on
    /// seeded words of the names' shapes.
    @Test func venuesAreFoundAsTheSpellingsNameThem() {
        for (key, spelling) in VenueNameRule.spellings {
            for written in [key, key.uppercased(), spelling] {
                #expect(VenueNameRule.venue(Array(written.utf8)[...]) == spelling, "\(written)")
            }
        }
        var random = SplitMix64(seed: 0x7E4E)
        let names = Array(VenueNameRule.spellings.keys)
        let letters = Array("aAcClLrRsSvVxX-".utf8)
        for _ in 0..<5_000 {
            // A name with a letter or two changed: the same shape, mostly not a venue.
            var word = Array(names[Int(random.next() % UInt64(names.count))].utf8)
            for _ in 0...Int(random.next() % 2) {
                word[Int(random.next() % UInt64(word.count))] = letters[Int(random.next() % UInt64(letters.count))]
            }
            let text = String(decoding: word, as: UTF8.self)
            #expect(VenueNameRule.venue(word[...]) == VenueNameRule.spellings[text.lowercased()], "\(text)")
        }
    }

    @Test func reportsAMisspelledVenueAgainstTheListsSpelling() {
        let text = (1...6).map { "- [2023/10] **Title \($0)** *A. Author et al. NeurIPS 2023.* [[paper](https://arxiv.org/abs/2310.1234\($0))]" }
            .joined(separator: "\n") + "\n- [2023/10] **Title 7** *A. Author et al. Neurips 2023.* [[paper](https://arxiv.org/abs/2310.12347)]\n"
        let found = VenueNameRule().check(Document(text), .default)
        #expect(found.map(\.message) == ["`Neurips` is spelled `NeurIPS` (6 of the other 6 in this list)"])
        #expect(found.first?.fix?.edits.first?.replacement == "NeurIPS")
    }
}
