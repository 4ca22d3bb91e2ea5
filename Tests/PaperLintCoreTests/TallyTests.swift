import PaperLintCore
import PaperLintTestSupport
import Testing

@Suite struct TallyTests {
    @Test func winnerIsTheMostVotedFirstSeenAmongEquals() {
        var tally = Tally<String>()
        for vote in ["b", "a", "a", "b", "c"] { tally.add(vote) }
        #expect(tally.counts == ["a": 2, "b": 2, "c": 1])
        #expect(tally.order == ["b", "a", "c"])
        #expect(tally.winner == "b")
        #expect(tally.total == 5)
        #expect(Tally<String>().winner == nil)
    }

    /// Votes added a run at a time give the tally that adding each vote on its own gives: the
    /// same counts and the same first-seen order.
    @Test func runsCountAsSingleVotesDo() {
        var random = SplitMix64(seed: 0x7A11)
        for _ in 0..<300 {
            var single = Tally<Int>(), runs = Tally<Int>.Runs()
            for _ in 0..<Int(random.next() % 40) {
                // Few values, often repeated in a row, as neighbouring entries vote.
                let vote = Int(random.next() % 4)
                for _ in 0...Int(random.next() % 3) {
                    single.add(vote)
                    runs.add(vote)
                }
                #expect(runs.tally.counts == single.counts && runs.tally.order == single.order)
            }
        }
    }
}
