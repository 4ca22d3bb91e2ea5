import PaperLintCore
import PaperLintTestSupport
import Testing

/// The document answers "did the change touch these lines, are they kept" from counts and
/// byte spans: exactly as the scope's line sets answer, for any scope and any question.
@Suite struct ScopeIndexTests {
    static func randomSet(_ random: inout SplitMix64, lines: Int) -> LineSet? {
        if random.next() % 5 == 0 { return nil }
        let count = Int(random.next() % 6)
        return LineSet((0..<count).map { _ in
            let start = Int(random.next() % UInt64(lines + 4))
            return start...(start + Int(random.next() % 4))
        })
    }

    @Test func countsAndSpansAnswerAsTheLineSetsDo() {
        var random = SplitMix64(seed: 77)
        for _ in 0..<300 {
            let lineCount = 1 + Int(random.next() % 12)
            var text = (0..<lineCount).map { index in String(repeating: "x", count: Int(random.next() % 4)) + "\(index)" }
                .joined(separator: random.next() % 3 == 0 ? "\r\n" : "\n")
            if random.next() % 2 == 0 { text += "\n" }
            let scope = ChangeScope(kept: Self.randomSet(&random, lines: lineCount), changed: Self.randomSet(&random, lines: lineCount))
            let document = Document(bytes: Array(text.utf8), scope: scope)
            for _ in 0..<40 {
                let first = Int(random.next() % UInt64(lineCount + 3)) - 1
                let last = first + Int(random.next() % 4) - 1
                #expect(document.isChanged(first, last) == scope.changes(first...max(first, last)), "\(scope) \(first) \(last)")
                #expect(document.isInFocus(first, last) == scope.touches(first...max(first, last)), "\(scope) \(first) \(last)")
                let lower = Int(random.next() % UInt64(text.utf8.count + 2))
                let bytes = lower..<(lower + Int(random.next() % 6))
                let lines = document.lines(spanning: bytes)
                #expect(document.isInFocus(bytes: bytes) == scope.touches(lines), "\(scope) \(bytes)")
            }
        }
    }
}
