import Foundation
import PaperLintCore
import PaperLintKit
import PaperLintTestSupport
import Testing

/// Seeded, bounded property tests of the fix loop on random lists built from entry fragments
/// (every date form, title markup, stray period, link syntax, separator, blank, mojibake and
/// line ending the rules fix, plus wrapped titles and author segments, a placeholder arXiv
/// link and a marker missing its space): the loop settles within its bound, a second run
/// changes nothing, no finding with a safe fix survives the safe run, and safe fixes add or
/// lose no list item and move no link to another line.
///
/// Each case has its own seed (printed on failure) so it replays alone. Set
/// `PAPERLINT_LONG_FUZZ=1` for a longer run.
@Suite struct FixPropertyTests {
    static let isLongRun = ProcessInfo.processInfo.environment["PAPERLINT_LONG_FUZZ"] != nil
    static let caseCount = isLongRun ? 3000 : 150

    static let configuration: Configuration = {
        var configuration = try! ConfigurationLoader.load(text: nil)
        configuration.today = YearMonth(year: 2026, month: 6)
        return configuration
    }()

    @Test func safeFixesSettleAndLeaveNoSafeFinding() {
        expectNoProblems(in: Self.safeProblems)
    }

    @Test func unsafeFixesSettle() {
        expectNoProblems(in: Self.unsafeProblems)
    }

    /// Runs `problems` on every seeded random list and records what it finds, stopping after
    /// the first few counterexamples (they say enough).
    func expectNoProblems(in problems: ([UInt8]) -> [String], sourceLocation: SourceLocation = #_sourceLocation) {
        var failures = 0
        for index in 0..<Self.caseCount {
            let seed = 0xF1C5_0000 + UInt64(index)
            var rng = SplitMix64(seed: seed)
            let input = RandomList.make(&rng)
            let found = problems(input)
            #expect(found.isEmpty, "seed \(seed): \(found)\n\(String(decoding: input, as: UTF8.self).debugDescription)", sourceLocation: sourceLocation)
            if !found.isEmpty { failures += 1 }
            if failures >= 3 { return }
        }
    }

    /// What is wrong with the safe fix loop's outcome on `input`, in words; empty when nothing is.
    static func safeProblems(_ input: [UInt8]) -> [String] {
        var (problems, outcome) = settlingProblems(input, unsafe: false)
        let fixed = Document(bytes: outcome.fixed)
        let safeLeft = Linter.lint(fixed, path: "README.md", configuration).filter { $0.fix?.safety == .safe }
        if !safeLeft.isEmpty {
            problems.append("safe fixes left: " + safeLeft.map { "\($0.start) \($0.rule): \($0.message)" }.joined(separator: "; "))
        }
        let original = Document(bytes: input)
        let before = listItems(original), after = listItems(fixed)
        if before != after { problems.append("\(before) list items became \(after)") }
        let linksBefore = linksByLine(original), linksAfter = linksByLine(fixed)
        for line in Set(linksBefore.keys).union(linksAfter.keys).sorted() where linksBefore[line] != linksAfter[line] {
            problems.append("line \(line): links \(linksBefore[line] ?? []) became \(linksAfter[line] ?? [])")
        }
        return problems
    }

    static func unsafeProblems(_ input: [UInt8]) -> [String] {
        settlingProblems(input, unsafe: true).problems
    }

    /// Whether the fix loop settles on `input` and a second run changes nothing; with the outcome.
    static func settlingProblems(_ input: [UInt8], unsafe: Bool) -> (problems: [String], outcome: FixLoop.Outcome) {
        var problems: [String] = []
        let outcome = FixLoop.run(input, configuration, unsafe: unsafe, scope: .all)
        if !outcome.settled { problems.append("did not settle after \(FixLoop.maxRounds) rounds (\(outcome.applied))") }
        let again = FixLoop.run(outcome.fixed, configuration, unsafe: unsafe, scope: .all)
        if again.fixed != outcome.fixed {
            problems.append("not idempotent: a second run applied \(again.applied):\n\(String(decoding: outcome.fixed, as: UTF8.self).debugDescription)")
        }
        return (problems, outcome)
    }

    static func listItems(_ document: Document) -> Int {
        (1...document.lineCount).count { document.isListItemStart($0) }
    }

    /// Per line, the sorted normalised URLs of the entries' links on it. Safe fixes keep the
    /// lines (line-end conversion keeps their number) and only reorder links within a line.
    static func linksByLine(_ document: Document) -> [Int: [String]] {
        var lines: [Int: [String]] = [:]
        for entry in document.entries {
            for link in entry.links {
                guard let url = link.url else { continue }
                lines[document.line(containing: link.range.lowerBound), default: []].append(LinkNormalisation.url(document.string(url)))
            }
        }
        return lines.mapValues { $0.sorted() }
    }

    // MARK: Counterexamples the properties found, kept as plain examples

    static func fixedSafely(_ text: String) -> String {
        String(decoding: FixLoop.run(Array(text.utf8), configuration, unsafe: false, scope: .all).fixed, as: UTF8.self)
    }

    /// A plain title wrapped onto a line holding only its number: punctuation added the title's
    /// period there, and `9. *B.*` is an ordered list item, so the entry lost its authors and
    /// links to a second item. Now the finding stays, without a fix.
    @Test func titlePeriodDoesNotSplitAWrappedTitle() {
        let text = """
            - [2023/06] A. *B.* [[paper](https://arxiv.org/abs/2306.11111)]
            - [2023/06] C. *B.* [[paper](https://arxiv.org/abs/2306.22222)]
            - [2023/05] Med-PaLM
            9 *B.* [[paper](https://arxiv.org/abs/2305.45179)]

            """
        #expect(Self.safeProblems(Array(text.utf8)).isEmpty)
        #expect(Self.fixedSafely(text) == text)
    }

    /// A placeholder link to arXiv's home page crashed every rule that identifies papers
    /// (duplicate, link-title-mismatch, date-mismatch): the fast arXiv path read past the URL.
    @Test func arxivHomePageLinkDoesNotCrash() {
        let text = "- [2023/05] **T** *A. B. arXiv.* [[paper](http://arxiv.org)]\n"
        #expect(Self.safeProblems(Array(text.utf8)).isEmpty)
        #expect(Self.unsafeProblems(Array(text.utf8)).isEmpty)
    }

    /// `-[2021/01]` (no space) continues the item above, whose links then included this line's:
    /// the safe reorder of link-label moved the paper link up a line and the code link down.
    @Test func linkReorderStaysOnItsLine() {
        let text = """
            - [2024/03] **A** *B.* [[paper](https://arxiv.org/abs/2403.74501)] [[code](https://github.com/o/r56)]
            -[2021/01] **T** *A.* [[paper](https://arxiv.org/abs/2101.24651)]

            """
        #expect(Self.safeProblems(Array(text.utf8)).isEmpty)
        #expect(Self.fixedSafely(text) == text)
    }
}

/// Random paper lists assembled from the fragments contributors actually paste.
enum RandomList {
    static func pick<T>(_ choices: [T], _ rng: inout SplitMix64) -> T { choices[Int.random(in: 0..<choices.count, using: &rng)] }
    static func chance(_ percent: Int, _ rng: inout SplitMix64) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }

    static func make(_ rng: inout SplitMix64) -> [UInt8] {
        var lines: [String] = []
        if chance(80, &rng) { lines += ["# Awesome \(pick(["LLM", "Agent", "GrÃ©goire"], &rng)) Papers", ""] }
        for section in 0..<Int.random(in: 1...3, using: &rng) {
            if section > 0 || chance(70, &rng) {
                lines += ["## \(pick(["Surveys", "Models", "Agents", "Benchmarks"], &rng)) \(section)" + pick(["", "", "", " ", "  ", "\t"], &rng), ""]
            }
            for _ in 0..<Int.random(in: 0...12, using: &rng) {
                // A wrapped entry's lines take the document's line ends too.
                lines += entry(&rng).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            lines.append("")
        }
        // Line ends: LF, CRLF, or (rarely) a mix of both.
        let style = Int.random(in: 0..<10, using: &rng)
        var text = ""
        for (index, line) in lines.enumerated() {
            text += line
            guard index < lines.count - 1 || chance(70, &rng) else { break }  // with or without a final newline
            let crlf = style < 6 ? false : style < 9 ? true : chance(50, &rng)
            text += crlf ? "\r\n" : "\n"
        }
        return Array(text.utf8)
    }

    static func entry(_ rng: inout SplitMix64) -> String {
        let year = Int.random(in: 2019...2025, using: &rng)
        let month = Int.random(in: 1...12, using: &rng)
        let mm = month < 10 ? "0\(month)" : "\(month)"
        let arxiv = "\(year % 100)\(mm).\(Int.random(in: 10000...99999, using: &rng))"
        var parts: [String] = []
        switch Int.random(in: 0..<6, using: &rng) {
        case 0, 1: parts.append("[\(year)/\(mm)]")
        case 2: parts.append("[\(year)-\(mm)]")
        case 3: parts.append("[\(year)/\(Int.random(in: 1...9, using: &rng))]")
        case 4: parts.append("[\(year)/\(mm)/\(pick(["05", "17", "28"], &rng))]")
        default: break
        }
        var title = pick(["Chain of Thought", "Agents: A Survey", "Med-PaLM 2", "Tool Use in LLMs", "GrÃ©goire's Model", "Reflexion"], &rng)
        // Now and then the title wraps onto a continuation line before its number.
        title += pick([" ", " ", " ", "  ", "\t", " ", " ", "\n", "\n  "], &rng) + "\(Int.random(in: 1...999, using: &rng))"
        if chance(35, &rng) { title += "." }
        switch Int.random(in: 0..<6, using: &rng) {
        case 0, 1, 2: parts.append("**\(title)**" + (chance(20, &rng) ? "." : ""))
        case 3: parts.append("*\(title)*")
        case 4: parts.append(title)
        default: break
        }
        switch Int.random(in: 0..<6, using: &rng) {
        case 0, 1: parts.append("*\(pick(["A. Author", "GrÃ©goire Mialon", "Z. Chen"], &rng)) et al. \(pick(["arXiv", "NeurIPS 2023"], &rng)).*")
        case 2: parts.append("*A. Author et al. \(pick(["arXiv", "arXiv\n2023", "ICLR\n  2024 "], &rng))*")
        case 3: parts.append("*\(pick(["OpenMedLab", "ICLR 2024"], &rng))*.")
        case 4: parts.append("*\(pick(["OpenMedLab", "ICLR 2024"], &rng))*")
        default: break
        }
        var links: [String] = []
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            links.append(pick([
                "[[paper](https://arxiv.org/abs/\(arxiv))]",
                "[[Code](https://github.com/o/r\(Int.random(in: 1...99, using: &rng)))]",
                "[[paper]](https://arxiv.org/abs/\(arxiv))",
                "[[paper](http://arxiv.org/abs/\(arxiv))]",
                "[[paper](https://arxiv.org/abs/\(arxiv).pdf)]",
                "[[blog](http://https://x.org/\(Int.random(in: 1...99, using: &rng)))]",
                "[[code]](https://github.com/o/r)",
                "[[ code ](https://github.com/o/r\(Int.random(in: 1...99, using: &rng)))]",
                "[[paper](https://arxiv.org)]",
            ], &rng))
        }
        if !links.isEmpty {
            var joined = links[0]
            for link in links.dropFirst() { joined += pick(["", " ", "  "], &rng) + link }
            parts.append(joined)
        }
        // `-[2023/10]`, a marker missing its space, continues the item above.
        var line = chance(3, &rng) ? "-" : pick(["- ", "- ", "- ", "* "], &rng)
        for (index, part) in parts.enumerated() {
            if index > 0 { line += pick([" ", " ", " ", " ", "  ", "\t"], &rng) }
            line += part
        }
        if chance(15, &rng) { line += pick([" ", "  ", "\t"], &rng) }
        return line
    }
}
