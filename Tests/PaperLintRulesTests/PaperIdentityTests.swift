import PaperLintCore
import PaperLintTestSupport
import Testing

@testable import PaperLintRules

/// The shared keys of `duplicate`, `link-title-mismatch` and `date-mismatch`.
@Suite struct PaperIdentityTests {
    func key(_ url: String) -> String? {
        PaperIdentity.linkKey(Array(url.utf8)).map { "\($0.kind.rawValue): \($0.value)" }
    }

    @Test func arxivIDInEveryURLForm() {
        for url in [
            "https://arxiv.org/abs/2305.15072", "http://arxiv.org/abs/2305.15072v2", "https://arxiv.org/pdf/2305.15072.pdf",
            "https://www.arxiv.org/pdf/2305.15072v3", "https://export.arxiv.org/abs/2305.15072/", "https://arxiv.org/html/2305.15072v1",
            "https://doi.org/10.48550/arXiv.2305.15072", "https://doi.org/10.48550/ARXIV.2305.15072",
        ] {
            #expect(key(url) == "arXiv id: 2305.15072", "\(url)")
        }
    }

    /// The byte-level fast path agrees with `ArxivID.parse` on every link of the samples
    /// and on odd spellings.
    @Test func fastArxivPathAgreesWithTheParser() throws {
        var urls = [
            "https://arxiv.org/abs/2305.15072v", "https://arxiv.org/abs/2305.15072/.pdf", "HTTPS://ArXiv.org/PDF/2305.15072",
            "https://arxiv.org:443/abs/2305.15072", "https://notarxiv.org/abs/2305.15072", "https://arxiv.org/abs/2305.1507",
            "https://arxiv.org/abs/2305.150721", "https://arxiv.org/abs/2305.15072?context=cs", "https://arxiv.org/abs/2305.15072#x",
            "https://arxiv.org/abs/2305.15072v2.pdf//", "https://arxiv.org/abs/cs/0112017v1", "ftp://arxiv.org/abs/2305.15072",
            "https://arxiv.org/list/2305.15072", "https://arxiv.org/abs//2305.15072", "https://arxiv.org/abs/2305.15072.pdfx",
            // A host without a path trapped the fast path (reading past the end): a crash of
            // every rule that identifies papers, on a placeholder link (found by FixPropertyTests).
            "https://arxiv.org", "http://www.arxiv.org", "https://arxiv.org?id=2305.15072", "https://arxiv.org/", "https://arxiv.org/abs",
        ]
        let samples = [Fixtures.healthcare] + ["agent-papers-README.md", "game-agent-papers-README.md"].compactMap(Fixtures.sharedSample)
        for path in samples {
            let document = Document(bytes: try Fixtures.bytes(path))
            urls += document.entries.flatMap(\.links).compactMap { $0.url.map(document.string) }
        }
        for url in urls where !url.contains("10.48550") {
            #expect(PaperIdentity.arxivID(Array(url.utf8)) == ArxivID.parse(Array(url.utf8))?.id, "\(url)")
        }
        #expect(PaperIdentity.arxivMonth("2310.15896") == YearMonth(year: 2023, month: 10))
        #expect(PaperIdentity.arxivMonth("2313.15896") == nil)
        #expect(PaperIdentity.arxivMonth("cs/0112017") == nil)
    }

    @Test func doiInsideURLs() {
        #expect(key("https://doi.org/10.1145/3586183.3606763") == "DOI: 10.1145/3586183.3606763")
        #expect(key("https://dl.acm.org/doi/pdf/10.1145/3586183.3606763") == "DOI: 10.1145/3586183.3606763")
        #expect(key("https://www.science.org/doi/pdf/10.1126/science.ade9097?casa_token=AB3P") == "DOI: 10.1126/science.ade9097")
        #expect(key("https://doi.org/10.18653/v1/2022.ACL-long.585") == "DOI: 10.18653/v1/2022.acl-long.585")
        #expect(key("https://www.medrxiv.org/content/10.1101/2023.10.29.23297733v1.full.pdf") == "DOI: 10.1101/2023.10.29.23297733v1")
        // A number that merely starts with 10. is no DOI.
        #expect(key("https://example.org/10.5/x") == "URL: example.org/10.5/x")
    }

    @Test func urlsNormalised() {
        #expect(key("https://www.Nature.com/articles/s41586-023-06291-2/") == "URL: nature.com/articles/s41586-023-06291-2")
        #expect(key("http://nature.com/articles/s41586-023-06291-2#main") == "URL: nature.com/articles/s41586-023-06291-2")
        #expect(key("https://aclanthology.org/2023.emnlp-main.689.pdf") == "URL: aclanthology.org/2023.emnlp-main.689")
        #expect(key("https://aclanthology.org/2023.emnlp-main.689/") == "URL: aclanthology.org/2023.emnlp-main.689")
        // The query names the paper on some hosts; the path keeps its case.
        #expect(key("https://openreview.net/forum?id=NltzxpG0nz") == "URL: openreview.net/forum?id=NltzxpG0nz")
        #expect(key("https://openreview.net/forum?id=OTHER") != key("https://openreview.net/forum?id=NltzxpG0nz"))
        #expect(key("") == nil)
        #expect(key("#") == nil)
        #expect(key("./paper.pdf") == nil)
        #expect(key("https://") == nil)
    }

    @Test func titlesNormalised() {
        #expect(PaperIdentity.normalizedTitle("PathAsst: Redefining  Pathology!") == "pathasstredefiningpathology")
        #expect(PaperIdentity.normalizedTitle("ﬁne-tuning ÉCOLE") == "finetuningécole")
        // Precomposed and decomposed accents are one key (String compares canonically).
        #expect(PaperIdentity.normalizedTitle("Pok\u{E9}LLMon") == PaperIdentity.normalizedTitle("Poke\u{301}LLMon"))
        #expect(PaperIdentity.normalizedTitle("“—”") == "")
    }

    /// A title's key read from the document's bytes is the key of its text.
    @Test func titleKeysFromBytesAreTheKeysOfTheText() {
        var random = SplitMix64(seed: 0x71E)
        let pieces = ["Path", "Asst", ": ", "Re-defining", "  ", "LLM", "2023", "ﬁ", "École", "Poke\u{301}", "“", "中文", "!", "\t", "x"]
        for _ in 0..<2_000 {
            let title = (0..<Int(random.next() % 8)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let bytes = Array("- **\(title)**".utf8)
            let range = 4..<(bytes.count - 2)
            #expect(PaperIdentity.normalizedTitle(bytes, range) == PaperIdentity.normalizedTitle(title), "\(title)")
        }
    }

    func identity(_ title: String) -> PaperIdentity {
        let document = Document("- [2023/01] **\(title)** *A.*\n")
        return PaperIdentity(document.entries[0], in: document, .default)
    }

    @Test func titlesDifferOnlyWhenClearlyDifferent() {
        func differ(_ a: String, _ b: String) -> Bool {
            PaperIdentity.titlesDiffer(identity(a), identity(b), PaperIdentity.TitleFacts(a), PaperIdentity.TitleFacts(b))
        }
        #expect(!differ("Voyager", "VOYAGER: An Open-Ended Embodied Agent with Large Language Models"))
        #expect(!differ("Language Models as Zero-Shot Planners", "Language Models as Zero-Shot Planner"))
        #expect(!differ("A Survey of LLMs", "a survey of llms."))
        #expect(differ(
            "Evaluating and Enhancing LLMs Agent based on Theory of Mind in Guandan",
            "AMONGAGENTS: Evaluating Large Language Models in the Interactive Text-Based Social Deduction Game"))
        // Function words alone do not make two titles the same.
        #expect(differ("The Art of Prompting", "The Use of Tools"))
    }

    @Test func paperLinkSkipsSharedLabels() {
        let labels = LabelVocabulary(order: ["paper", "code", "project"], aliases: ["arxiv": "paper", "github": "code"])
        var configuration = Configuration.default
        configuration.labels = labels
        func link(_ links: String) -> String? {
            let document = Document("- [2023/01] **T** *A.* \(links)\n")
            return PaperIdentity.paperLink(of: document.entries[0], in: document, configuration)
                .flatMap { $0.url.map(document.string) }
        }
        #expect(link("[[code](https://c)] [[paper](https://p)]") == "https://p")
        #expect(link("[[code](https://c)] [[arXiv](https://a)]") == "https://a")
        #expect(link("[[GitHub](https://c)] [[project](https://q)]") == nil)
        #expect(link("[[code](https://c)] [[slides](https://s)]") == nil)
        #expect(link("[[code](https://c)] [[preprint](https://x)]") == "https://x")
        // Without a vocabulary, `paper` is still recognised by name.
        let document = Document("- [2023/01] **T** *A.* [[code](https://c)] [[Paper](https://p)]\n")
        #expect(PaperIdentity.paperLink(of: document.entries[0], in: document, .default)?.url.map(document.string) == "https://p")
    }

    @Test func quotedTitlesAreShortenedAtAWord() {
        #expect(PaperIdentity.quoted("Short") == "“Short”")
        #expect(PaperIdentity.quoted("PathAsst: Redefining Pathology through Generative Foundation AI Assistant for Pathology")
            == "“PathAsst: Redefining Pathology through…”")
    }

    /// Titles are read byte by byte when they are ASCII: quoting, the words before a colon and
    /// the content words must come out as the reading by characters gives them.
    @Test func asciiTitlesReadByBytesAsByCharacters() {
        let pieces = ["LLaVA", "Voyager", "a", "of", "the", "Agents", "GPT-4", "2023", ":", " ", "  ", "*", "**", "_", ",", ".",
                      "Open-Ended", "ZERO", "x", "\t", "(", ")", "Self_Refine", "CoT:", "Q&A", "\r", "\r\n"]
        var random = SplitMix64(seed: 0x717E)
        for round in 0..<600 {
            var title = ""
            for _ in 0..<(1 + Int(random.next() % 24)) { title += pieces[Int(random.next() % UInt64(pieces.count))] }
            let trimmed = PaperIdentity.trimmed(title)
            for limit in [8, 20, 48] where !trimmed.utf8.contains(13) {
                #expect(PaperIdentity.quoted(title, limit: limit) == PaperIdentity.quotedByCharacters(trimmed, limit: limit),
                        "round \(round), limit \(limit): \(title.debugDescription)")
            }
            #expect(PaperIdentity.leadWords(title) == PaperIdentity.leadWordsByCharacters(title), "round \(round): \(title.debugDescription)")
            #expect(PaperIdentity.hasName(title) == (PaperIdentity.name(title) != nil), "round \(round): \(title.debugDescription)")
            // Content words: sorted, each once, function words left out unless nothing else is left.
            let words = PaperIdentity.words(title)
            #expect(words == Array(Set(words)).sorted(), "round \(round): \(title.debugDescription)")
            #expect(PaperIdentity.asciiWords(title) == PaperIdentity.wordsByCharacters(title), "round \(round): \(title.debugDescription)")
        }
        #expect(PaperIdentity.words("The Art of the Art") == ["art"])
        #expect(PaperIdentity.words("Of The") == ["of", "the"])
        #expect(PaperIdentity.sharedCount(["a", "b", "d"], ["b", "c", "d", "e"]) == 2)
    }
}
