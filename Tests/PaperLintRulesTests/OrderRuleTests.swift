import PaperLintCore
import PaperLintTestSupport
import Testing

@testable import PaperLintRules

@Suite struct OrderRuleTests {
    func configuration(_ order: OrderDirection) -> Configuration {
        Configuration(presetName: "test", order: order, skipSections: ["News"])
    }

    func check(_ text: String, _ order: OrderDirection = .newestFirst) -> (Document, [Diagnostic]) {
        let document = Document(text)
        return (document, OrderRule().check(document, configuration(order)))
    }

    func lines(_ text: String, _ order: OrderDirection = .newestFirst) -> [Int] {
        let (document, found) = check(text, order)
        return found.map { document.line(containing: $0.range.lowerBound) }
    }

    func list(_ dates: [String]) -> String {
        dates.enumerated().map { "- [\($0.element)] **Paper \($0.offset)** *A. Author et al. arXiv.*\n" }.joined()
    }

    @Test func messageNamesTheDirectionAndRelatedNamesTheNeighbour() {
        let (document, found) = check(list(["2023/05", "2023/09", "2023/04"]))
        #expect(found.count == 1)
        let diagnostic = found[0]
        #expect(diagnostic.message == "[2023/09] entry is out of order: this section is newest first")
        #expect(diagnostic.severity == .error)
        #expect(document.string(diagnostic.range) == "[2023/09]")
        #expect(diagnostic.related.map(\.message) == ["belongs before this [2023/05] entry"])
        #expect(diagnostic.related.map { document.line(containing: $0.range.lowerBound) } == [1])
        #expect(diagnostic.fix?.safety == .unsafe)
    }

    @Test func relatedSaysAfterWhenTheEntryBelongsAtTheEnd() {
        let (document, found) = check(list(["2023/01", "2023/09", "2023/08", "2023/07"]))
        #expect(found.map { document.line(containing: $0.range.lowerBound) } == [1])
        #expect(found.first?.related.map(\.message) == ["belongs after this [2023/07] entry"])
        #expect(found.first?.related.map { document.line(containing: $0.range.lowerBound) } == [4])
    }

    @Test func equalDatesMayStandInAnyOrderAndGoAfterTheirEquals() {
        #expect(lines(list(["2023/05", "2023/05", "2023/04", "2023/04"])).isEmpty)
        let (_, found) = check(list(["2023/05", "2023/04", "2023/05", "2023/04"]))
        #expect(found.count == 1)
        // Stable: the misplaced [2023/05] goes after the [2023/05] already there.
        #expect(found.first?.related.map(\.message) == ["belongs before this [2023/04] entry"])
    }

    @Test func oldestFirstAndNone() {
        let text = list(["2023/01", "2023/03", "2023/02", "2023/04"])
        // Two longest runs ({01, 03, 04} and {01, 02, 04}): the earlier entry is kept.
        #expect(lines(text, .oldestFirst) == [3])
        #expect(check(text, .oldestFirst).1.first?.message == "[2023/02] entry is out of order: this section is oldest first")
        #expect(lines(text, .none).isEmpty)
        #expect(lines(list(["2023/04", "2023/02", "2023/03"]), .none).isEmpty)
    }

    // Intent changed: `auto` no longer applies the majority of sections to every section; each
    // section is checked in its own direction, and only where at least four dated entries and
    // 80% of them stand in one sorted run (the fixtures grew to five entries to allow one stray).
    @Test func autoFollowsTheMajorityOfSections() {
        let oldest = "## A\n" + list(["2023/01", "2023/02", "2023/09", "2023/03", "2023/04"])
        let short = "## B\n" + list(["2023/01", "2023/05", "2023/02"])
        let newest = "## C\n" + list(["2023/09", "2023/08", "2023/01", "2023/07", "2023/06"])
        let topical = "## D\n" + list(["2023/01", "2023/05", "2023/02", "2023/08", "2023/03"])
        let (document, found) = check(oldest + short + newest + topical, .auto)
        #expect(found.map { document.line(containing: $0.range.lowerBound) } == [4, 14])
        #expect(found.map(\.message) == [
            "[2023/09] entry is out of order: this section is oldest first (4 of 5 dated entries in order)",
            "[2023/01] entry is out of order: this section is newest first (4 of 5 dated entries in order)",
        ])
        #expect(found.allSatisfy { $0.severity == .error })
        // A configured direction checks every section, short and topical ones included.
        #expect(lines(oldest + short + newest + topical, .newestFirst).count > 2)
        #expect(lines(short + topical, .oldestFirst) == [4, 8, 10])
        // Four entries with one out of place are only 75% in order: no direction to check.
        #expect(lines(list(["2023/09", "2023/05", "2023/07", "2023/06"]), .auto).isEmpty)
        // As many entries in order either way: no direction.
        #expect(lines(list(["2023/01", "2023/02", "2023/01", "2023/02"]), .auto).isEmpty)
    }

    @Test func sectionsNestedListsAndSeparatedListsAreSeparate() {
        // A paragraph between two lists of one section starts a new list.
        let text = """
            ## Deployment
            **In web scenarios**
            - [2023/10] **A** *A.*
            - [2023/03] **B** *B.*

            **In life scenarios**
            - [2023/10] **C** *C.*
            - [2023/08] **D** *D.*
            - [2023/09] **E** *E.*

            """
        #expect(lines(text) == [9])
        // Blank lines between items (a loose list) do not.
        #expect(lines("- [2023/05] **A** *A.*\n\n- [2023/09] **B** *B.*\n\n- [2023/04] **C** *C.*\n") == [3])
        let nested = """
            - [2023/05] **A** *A.*
              - [2023/01] **A1** *A.*
              - [2023/02] **A2** *A.*
            - [2023/06] **B** *B.*
              - [2023/03] **B1** *B.*

            """
        #expect(lines(nested) == [3, 4])
        #expect(check(nested).1.first?.message == "[2023/02] entry is out of order: this list is newest first")
    }

    @Test func onlyUsableDatesTakePart() {
        // Year-only dates among months, malformed months and undated items are ignored.
        #expect(lines(list(["2023/05", "2024", "2023/13", "2023/04"])).isEmpty)
        #expect(lines("- [2023/05] **A** *A.*\n- **Undated** *B.* [[paper](https://x.org)]\n- [2023/04] **C** *C.*\n").isEmpty)
        // A list of years only is compared by year.
        #expect(lines(list(["2023", "2024", "2022"])) == [2])
        // Dashed and single-digit months sort with the rest.
        #expect(lines(list(["2023-10", "2023/9", "2023/11"])) == [3])
    }

    @Test func skippedSectionsAndCodeAreIgnored() {
        #expect(lines("## News\n" + list(["2023/01", "2023/05"])).isEmpty)
        #expect(lines("```\n" + list(["2023/01", "2023/05"]) + "```\n").isEmpty)
    }

    func fixed(_ text: String, _ order: OrderDirection = .newestFirst) -> String {
        let (document, found) = check(text, order)
        let edits = found.compactMap(\.fix).first?.edits ?? []
        #expect(found.allSatisfy { $0.fix?.edits == edits }, "every diagnostic of a list carries the same fix")
        return String(decoding: Fix(.unsafe, "all", edits: edits).applied(to: document.bytes), as: UTF8.self)
    }

    @Test func fixMovesWholeLinesAndLeavesTheRestInPlace() {
        let text = """
            - [2023/01] **A** *A.*
              continued on a second line
              - a nested note on A
            - See also [X](https://x.org).
            - [2023/06] **B** *B.*\r
            - [2023/05] **C** *C.*
            """
        // Line terminators stay where they are: the file's line layout does not change.
        let expected = """
            - [2023/06] **B** *B.*
            - See also [X](https://x.org).
            - [2023/05] **C** *C.*\r
            - [2023/01] **A** *A.*
              continued on a second line
              - a nested note on A
            """
        #expect(fixed(text) == expected)
        #expect(lines(fixed(text)).isEmpty)
        #expect(fixed(list(["2023/01", "2023/03", "2023/02"]), .oldestFirst) == list(["2023/01", "2023/02", "2023/03"])
            .replacingOccurrences(of: "Paper 1", with: "Paper X").replacingOccurrences(of: "Paper 2", with: "Paper 1")
            .replacingOccurrences(of: "Paper X", with: "Paper 2"))
    }

    @Test func aVeryDisorderedListCarriesItsFixOnce() {
        let (_, few) = check(list(["2023/01", "2023/02", "2023/03", "2023/04", "2023/05"]))
        #expect(few.count == 4 && few.allSatisfy { $0.fix != nil })
        let (_, many) = check(list((1...12).map { "2023/\($0 < 10 ? "0" : "")\($0)" }))
        #expect(many.count == 11)
        #expect(many.map { $0.fix != nil } == [true] + Array(repeating: false, count: 10))
    }

    @Test func keptPositionsAreALongestRunPreferringEarlierEntries() {
        // Brute force over all subsets for small random inputs.
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<400 {
            let count = Int.random(in: 0...10, using: &generator)
            let ranks = (0..<count).map { _ in Int.random(in: 0...4, using: &generator) }
            let kept = OrderRule.keptPositions(ranks)
            let chosen = ranks.indices.filter { kept[$0] }
            var best: [Int] = []
            for mask in 0..<(1 << count) {
                let subset = ranks.indices.filter { mask & (1 << $0) != 0 }
                guard zip(subset, subset.dropFirst()).allSatisfy({ ranks[$0] <= ranks[$1] }) else { continue }
                if subset.count > best.count || (subset.count == best.count && subset.lexicographicallyPrecedes(best)) {
                    best = subset
                }
            }
            #expect(chosen == best, "\(ranks)")
        }
    }

    @Test func healthcareIsInOrder() throws {
        let document = Document(bytes: try Fixtures.bytes(Fixtures.healthcare))
        #expect(OrderRule().check(document, configuration(.newestFirst)).isEmpty)
        #expect(OrderRule().check(document, configuration(.auto)).isEmpty)
        #expect(OrderRule().check(document, configuration(.oldestFirst)).count > 50)
    }

    @Test func fiftyThousandEntriesInOneSection() {
        var generator = SplitMix64(seed: 7)
        let dates = (0..<50_000).map { _ in
            "\(Int.random(in: 2000...2025, using: &generator))/\(String(format: "%02d", Int.random(in: 1...12, using: &generator)))"
        }
        let (_, found) = check(list(dates))
        #expect(found.count > 40_000)
    }
}

@Suite struct OrderSuppressionFixTests {
    @Test func noSortFixWhenASuppressionCommentWouldBeLeftAboveAnotherEntry() {
        let text = """
            ## S
            - [2023/10] **A** *A. arXiv.* [[paper](https://x.org/a)]
              <!-- paperlint-disable-next-line url -->
            - [2023/01] **B** *B. arXiv.* [[paper](https://x.org/b)]
            - [2023/05] **C** *C. arXiv.* [[paper](https://x.org/c)]

            """
        var configuration = Configuration(presetName: "test")
        configuration.order = .newestFirst
        let found = OrderRule().check(Document(text), configuration)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.fix == nil }, "the entry under the comment would move: sorted by hand")
    }
}
