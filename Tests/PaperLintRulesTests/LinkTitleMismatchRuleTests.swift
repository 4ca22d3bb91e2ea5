import PaperLintCore
import PaperLintRules
import PaperLintTestSupport
import Testing

@Suite struct LinkTitleMismatchRuleTests {
    let configuration = Configuration(
        presetName: "test", labels: LabelVocabulary(order: ["paper", "code"], aliases: ["arxiv": "paper"]),
        skipSections: ["News"])

    func check(_ text: String) -> (Document, [Diagnostic]) {
        let document = Document(text)
        return (document, LinkTitleMismatchRule().check(document, configuration))
    }

    func lines(_ text: String) -> [Int] {
        let (document, found) = check(text)
        return found.map { document.line(containing: $0.range.lowerBound) }
    }

    func entry(_ date: String, _ title: String, _ url: String) -> String {
        "- [\(date)] **\(title)** *arXiv* [[paper](\(url))]\n"
    }

    @Test func reportsTheLaterEntrysLinkWithTheFirstAsRelated() throws {
        let text = entry("2024/08", "Atari-GPT: Low-Level Policies for Atari Games", "https://arxiv.org/pdf/2408.15950")
            + entry("2024/09", "Can VLMs Play Action Role-Playing Games?", "https://arxiv.org/abs/2409.12889")
            + entry("2024/08", "AMONGAGENTS: Social Deduction Games", "https://arxiv.org/abs/2408.15950v2")
        let (document, found) = check(text)
        let diagnostic = try #require(found.first)
        #expect(found.count == 1)
        #expect(document.line(containing: diagnostic.range.lowerBound) == 3)
        #expect(document.string(diagnostic.range) == "[[paper](https://arxiv.org/abs/2408.15950v2)]")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "arXiv id 2408.15950 is also the link of “Atari-GPT: Low-Level Policies for Atari Games”, a different title")
        #expect(diagnostic.help == "check which paper the link belongs to and paste the right link for “AMONGAGENTS: Social Deduction Games”")
        #expect(diagnostic.related.map { document.line(containing: $0.range.lowerBound) } == [1])
        #expect(diagnostic.fix == nil)
    }

    @Test func theArxivMonthCanClearTheLaterEntry() throws {
        let text = entry("2023/10", "FireAct: Toward Language Agent Fine-tuning", "https://arxiv.org/abs/2305.16291")
            + entry("2023/05", "Voyager: An Open-Ended Embodied Agent", "https://arxiv.org/abs/2305.16291")
        let (document, found) = check(text)
        #expect(found.map { document.line(containing: $0.range.lowerBound) } == [1])
        #expect(found.first?.message.hasSuffix("a different title; its arXiv month fits that entry, not this one") == true)
        #expect(found.first?.related.map { document.line(containing: $0.range.lowerBound) } == [2])
        // Both dates fit (or neither does): the later entry is reported.
        let both = entry("2023/05", "FireAct: Toward Language Agent Fine-tuning", "https://arxiv.org/abs/2305.16291")
            + entry("2023/05", "Voyager: An Open-Ended Embodied Agent", "https://arxiv.org/abs/2305.16291")
        #expect(lines(both) == [2])
        // A date a month off is within date-mismatch's tolerance, but the entry dated the id's
        // own month owns the link (Awesome-Human-Agent-Collaboration's WebLINX, dated 8 Feb 2024,
        // carried A2C's 2401.14432; A2C, dated 25 Jan 2024, was reported).
        let close = entry("2024/02", "WebLINX: Real-World Website Navigation", "https://arxiv.org/abs/2401.14432")
            + entry("2024/01", "A2C: A Modular Multi-stage Collaborative Decision Framework", "https://arxiv.org/abs/2401.14432")
        let (closeDocument, closeFound) = check(close)
        #expect(closeFound.map { closeDocument.line(containing: $0.range.lowerBound) } == [1])
        #expect(closeFound.first?.message.hasSuffix("a different title; its arXiv month is closer to that entry's date") == true)
        // The same the other way round, wherever the owner sits.
        let swapped = entry("2024/01", "A2C: A Modular Multi-stage Collaborative Decision Framework", "https://arxiv.org/abs/2401.14432")
            + entry("2024/02", "WebLINX: Real-World Website Navigation", "https://arxiv.org/abs/2401.14432")
        #expect(lines(swapped) == [2])
        // Neither within a month of the id: the month cannot tell, the later entry is reported.
        let far = entry("2024/05", "WebLINX: Real-World Website Navigation", "https://arxiv.org/abs/2401.14432")
            + entry("2024/04", "A2C: A Modular Multi-stage Collaborative Decision Framework", "https://arxiv.org/abs/2401.14432")
        #expect(lines(far) == [2])
    }

    @Test func similarTitlesAreNotReported() {
        func pair(_ a: String, _ b: String) -> [Int] {
            lines(entry("2023/05", a, "https://arxiv.org/abs/2305.16291") + entry("2023/05", b, "https://arxiv.org/pdf/2305.16291.pdf"))
        }
        #expect(pair("Voyager", "VOYAGER: An Open-Ended Embodied Agent with Large Language Models").isEmpty)
        #expect(pair("Voyager: An Open-Ended Embodied Agent", "Voyager: an open ended embodied agent.").isEmpty)
        #expect(pair("Large Language Models Are Zero-Shot Reasoners", "Large Language Models are Zero-Shot Planners").isEmpty)
        #expect(pair("Voyager: An Open-Ended Embodied Agent", "JARVIS-1: Memory-Augmented Multimodal Agents") == [2])
        // A paper renamed between arXiv versions keeps its name before the colon (Awesome-VLA-Robotics
        // lists Shake-VLA under both of its titles).
        #expect(pair("Shake-VLA: Shake, Stir, and Pour with a Dual-Arm Robot",
                     "Shake-VLA: Vision-Language-Action Model-Based System for Bimanual Robotic Manipulations").isEmpty)
        #expect(pair("VLA Model-Expert Collaboration: Enhancing VLA Models with Human Corrections",
                     "VLA Model-Expert Collaboration for Bi-directional Manipulation Learning").isEmpty)
        #expect(pair("Shake-VLA: Shake, Stir, and Pour", "Shaker: Another Robot Paper") == [2])
        // A generic phrase before the colon names no paper.
        #expect(pair("Large Language Models: A Survey of Agents", "Large Language Models: Planning in Robotics Tasks") == [2])
    }

    @Test func onlyPaperLinksCount() {
        let text = "- [2024/04] **Self-playing Adversarial Game** *arXiv* [[paper](https://arxiv.org/abs/2404.10642)] [[code](https://github.com/o/r)]\n"
            + "- [2024/05] **Agent Planning with World Knowledge** *arXiv* [[paper](https://arxiv.org/abs/2405.14205)] [[code](https://github.com/o/r)]\n"
            + "- [2024/05] **THREAD: Recursive Spawning** *arXiv* [[code](https://github.com/o/r)]\n"
        #expect(lines(text).isEmpty)
    }

    @Test func eachNewTitleOnceAndAcrossSections() {
        let url = "https://openreview.net/forum?id=NltzxpG0nz"
        let text = "## A\n" + entry("2023/10", "Steve-Eye: Visual Perception", url)
            + "## B\n" + entry("2023/10", "LLaMA Rider: Exploring the Open World", url)
            + entry("2023/10", "LLaMA Rider: Exploring the Open World", url)
            + entry("2023/10", "Steve-Eye: Visual Perception in Open Worlds", url)
            + entry("2023/11", "JARVIS-1: Memory-Augmented Agents", url)
        #expect(lines(text) == [4, 7])
        #expect(lines("## News\n" + entry("2023/10", "Our Survey", url) + "## Papers\n" + entry("2023/10", "Another Paper", url)).isEmpty)
    }

    @Test(.enabled(if: Fixtures.sharedSample("game-agent-papers-README.md") != nil, "../shared/samples absent: skipped"))
    func gameAgentPapersPastedLinks() throws {
        let document = Document(bytes: try Fixtures.bytes(try #require(Fixtures.sharedSample("game-agent-papers-README.md"))))
        let found = LinkTitleMismatchRule().check(document, configuration)
        #expect(found.map { document.line(containing: $0.range.lowerBound) } == [204, 215])
        #expect(found.map { $0.related.map { document.line(containing: $0.range.lowerBound) } } == [[161], [213]])
        #expect(found.map(\.message) == [
            "arXiv id 2408.02559 is also the link of “Evaluating and Enhancing LLMs Agent based on…”, a different title",
            "arXiv id 2408.15950 is also the link of “Atari-GPT: Investigating the Capabilities of…”, a different title",
        ])
    }
}
