import PaperLintCore
import PaperLintRules
import PaperLintTestSupport
import Testing

@Suite struct DuplicateRuleTests {
    func configuration(_ scope: DuplicateScope) -> Configuration {
        Configuration(
            presetName: "test", labels: LabelVocabulary(order: ["paper", "code", "project"], aliases: ["arxiv": "paper"]),
            duplicateScope: scope, skipSections: ["News"])
    }

    func check(_ text: String, _ scope: DuplicateScope = .section) -> (Document, [Diagnostic]) {
        let document = Document(text)
        return (document, DuplicateRule().check(document, configuration(scope)))
    }

    func lines(_ text: String, _ scope: DuplicateScope = .section) -> [Int] {
        let (document, found) = check(text, scope)
        return found.map { document.line(containing: $0.range.lowerBound) }
    }

    let pathAsst = "- [2023/05] **PathAsst: Redefining Pathology through Generative Foundation AI Assistant for Pathology** *Yuxuan Sun et al. arXiv.* [[paper](https://arxiv.org/abs/2305.15072)]\n"
    let other = "- [2023/05] **XrayGLM** *Rongsheng Wang et al.* [[code](https://github.com/WangRongsheng/XrayGLM)]\n"

    /// A list that files papers under several topics on purpose: three papers listed in two
    /// sections each are its habit, and none of them is reported; a lone repeat is.
    @Test func aListThatCrossListsIsNotToldAboutIt() {
        func paper(_ n: Int) -> String { "- [2023/0\(n)] **Paper \(n)** *A. B. arXiv.* [[paper](https://arxiv.org/abs/2301.0000\(n))]\n" }
        let filler = (4...9).map(paper).joined()
        let crossListed = "## Memory\n" + paper(1) + paper(2) + paper(3) + filler + "## Planning\n" + paper(1) + paper(2) + paper(3)
        #expect(lines(crossListed).isEmpty)
        let once = "## Memory\n" + paper(1) + filler + "## Planning\n" + paper(1)
        #expect(lines(once) == [10])
        #expect(lines(crossListed, .file).count == 3, "scope: file reports every repeat")
    }

    /// A change that writes both copies of a paper in two sections means it; a paper filed under
    /// three sections is cross-listed. A new copy next to an old one is still reported, wherever
    /// the change sits.
    @Test func aCrossListingWrittenOnPurposeIsNotReported() {
        func paper(_ n: Int) -> String { "- [2023/0\(n)] **Paper \(n)** *A. B. arXiv.* [[paper](https://arxiv.org/abs/2301.0000\(n))]\n" }
        let filler = (4...9).map(paper).joined()
        let text = "## Memory\n" + paper(1) + filler + "## Planning\n" + paper(1)
        func reported(changed lines: [Int]) -> [Int] {
            let changed = LineSet(lines: lines)
            let document = Document(bytes: Array(text.utf8), focus: changed, changed: changed)
            return DuplicateRule().check(document, configuration(.section)).map { document.line(containing: $0.range.lowerBound) }
        }
        #expect(reported(changed: [2, 10]).isEmpty, "both copies added together")
        #expect(reported(changed: [10]) == [10], "a new copy below the old one")
        #expect(reported(changed: [2]) == [2], "a new copy above the old one")
        #expect(lines(text) == [10], "the whole file still shows it")
        let thrice = "## Memory\n" + paper(1) + filler + "## Planning\n" + paper(1) + "## Tools\n" + paper(1)
        #expect(lines(thrice).isEmpty, "filed under three sections")
        #expect(lines(thrice, .file).count == 2)
        // A section of highlights repeats papers filed by topic (Awesome-VLA-Post-Training's
        // GR-1 under “:star: Notable Works” and under its topic), above or below the topic copy.
        for heading in [":star: Notable Works", "Must-read papers", "Highlights"] {
            #expect(lines("## \(heading)\n" + paper(1) + "## Memory\n" + paper(1) + filler).isEmpty, "\(heading)")
            #expect(lines("## Memory\n" + paper(1) + filler + "## \(heading)\n" + paper(1)).isEmpty, "\(heading)")
        }
        #expect(lines("## Planning\n" + paper(1) + "## Memory\n" + paper(1) + filler) == [4], "a topic is no highlight")
        // Inside one section, a paste twice is an error even when written together.
        let inOne = "## Memory\n" + paper(1) + filler + paper(1)
        let changed = LineSet(lines: [2, 9])
        let document = Document(bytes: Array(inOne.utf8), focus: changed, changed: changed)
        #expect(DuplicateRule().check(document, configuration(.section)).map(\.severity) == [.error])
    }

    @Test func healthcarePathAsstIsAWarningPointingAtTheFirstCopy() throws {
        let document = Document(bytes: try Fixtures.bytes(Fixtures.healthcare))
        let found = DuplicateRule().check(document, configuration(.section))
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(document.position(of: diagnostic.range.lowerBound) == SourcePosition(line: 117, column: 3))
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.message
            == "“PathAsst: Redefining Pathology through…” is already listed in “Multimodal LLMs in Medicine” (same arXiv id 2305.15072)")
        #expect(diagnostic.help
            == "remove this entry, or keep it if the repeat is on purpose (duplicates.scope: section allows repeats across sections)")
        #expect(diagnostic.related.map(\.message) == ["first listed here"])
        #expect(diagnostic.related.map { document.position(of: $0.range.lowerBound) } == [SourcePosition(line: 97, column: 3)])
        #expect(diagnostic.fix == nil)
        // With scope `file` the same repeat is an error (the rule's default severity).
        let fileWide = DuplicateRule().check(document, configuration(.file))
        #expect(fileWide.map(\.severity) == [.error])
        #expect(fileWide.first?.help?.contains("set duplicates.scope: section") == true)
    }

    @Test func withinOneSectionItIsAnErrorWithARemovalFix() throws {
        let text = "## Models\n" + pathAsst + other + pathAsst
        let (document, found) = check(text)
        #expect(found.map { document.line(containing: $0.range.lowerBound) } == [4])
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.hasSuffix("is already listed in “Models” (same arXiv id 2305.15072)"))
        #expect(diagnostic.help == "remove this entry")
        let fix = try #require(diagnostic.fix)
        #expect(fix.safety == .unsafe)
        #expect(String(decoding: fix.applied(to: document.bytes), as: UTF8.self) == "## Models\n" + pathAsst + other)
    }

    @Test func noFixUnlessTheCopiesAreIdentical() {
        let variant = pathAsst.replacingOccurrences(of: "abs/2305.15072", with: "pdf/2305.15072v2")
        let (_, found) = check(pathAsst + other + variant)
        #expect(found.count == 1)
        #expect(found.first?.fix == nil)
        // The last line without a newline is removed with the newline before it kept.
        let (document, exact) = check(pathAsst + String(pathAsst.dropLast()))
        #expect(exact.first?.fix.map { String(decoding: $0.applied(to: document.bytes), as: UTF8.self) } == pathAsst)
    }

    @Test func everyMatchKind() {
        func pair(_ a: String, _ b: String) -> [Int] {
            lines("- [2023/01] **\(a)** *A.*\n- [2023/01] **\(b)** *B.*\n")
        }
        #expect(lines("- [2023/01] **T** *A.* [[paper](https://arxiv.org/abs/2301.00001)]\n- [2023/01] **T, revised** *B.* [[arXiv](http://arxiv.org/pdf/2301.00001v3.pdf)]\n") == [2])
        #expect(lines("- [2023/01] **T** *A.* [[paper](https://doi.org/10.1145/1.2)]\n- [2023/01] **T** *B.* [[paper](https://dl.acm.org/doi/10.1145/1.2)]\n") == [2])
        #expect(lines("- [2023/01] **T** *A.* [[paper](https://x.org/p.pdf)]\n- [2023/01] **Other T** *B.* [[paper](http://www.x.org/p/)]\n") == [2])
        #expect(pair("Chain-of-Thought Prompting!", "chain of thought prompting") == [2])
        #expect(pair("Chain-of-Thought Prompting", "Chain-of-Thought Prompting II").isEmpty)
    }

    @Test func sharedRepositoriesAndMismatchedLinksAreNotDuplicates() {
        #expect(lines(
            "- [2023/01] **A** *A.* [[paper](https://arxiv.org/abs/2301.00001)] [[code](https://github.com/o/r)]\n"
                + "- [2023/02] **B** *B.* [[paper](https://arxiv.org/abs/2302.00002)] [[code](https://github.com/o/r)]\n"
                + "- [2023/03] **C** *C.* [[code](https://github.com/o/r)]\n"
                + "- [2023/04] **D** *D.* [[project](https://o.github.io)] [[code](https://github.com/o/r)]\n"
                + "- [2023/04] **E** *E.* [[project](https://o.github.io)]\n").isEmpty)
        // One link under two unrelated titles is link-title-mismatch's finding, not a duplicate.
        #expect(lines(
            "- [2024/08] **Atari-GPT: Low-Level Policies for Atari** *A.* [[paper](https://arxiv.org/abs/2408.15950)]\n"
                + "- [2024/08] **AMONGAGENTS: Social Deduction** *B.* [[paper](https://arxiv.org/abs/2408.15950)]\n").isEmpty)
    }

    @Test func scopeSectionSeparatesSectionsAndSubHeadingParagraphs() {
        let text = "## Web\n" + pathAsst + "## Life\n" + pathAsst
        let (_, found) = check(text)
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.fix == nil)
        // A paragraph acting as a sub-heading inside one section counts like a section.
        let (_, sub) = check("## Deployment\n**In web scenarios**\n" + pathAsst + "\n**In life scenarios**\n" + pathAsst)
        #expect(sub.map(\.severity) == [.warning])
        // With scope file both are errors.
        #expect(check(text, .file).1.map(\.severity) == [.error])
        // Nested entries belong to their parent's part of the section.
        let nested = "## Deployment\n" + pathAsst + "  " + pathAsst
        #expect(check(nested).1.map(\.severity) == [.error])
    }

    @Test func eachRepeatIsReportedOnceAgainstTheFirst() throws {
        let (document, found) = check("## A\n" + pathAsst + other + pathAsst + "## B\n" + pathAsst)
        #expect(found.map { document.line(containing: $0.range.lowerBound) } == [4, 6])
        #expect(found.map(\.severity) == [.error, .warning])
        #expect(found.flatMap(\.related).map { document.line(containing: $0.range.lowerBound) } == [2, 2])
    }

    @Test func skippedSectionsAndCodeBlocksAreNotCompared() {
        #expect(lines("## News\n" + pathAsst + "## Papers\n" + pathAsst).isEmpty)
        #expect(lines(pathAsst + "```\n" + pathAsst + "```\n").isEmpty)
    }
}
