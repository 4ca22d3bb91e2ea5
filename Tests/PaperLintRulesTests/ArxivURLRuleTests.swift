import PaperLintCore
import PaperLintRules
import PaperLintTestSupport
import Testing

@Suite struct ArxivURLRuleTests {
    func configuration(_ form: ArxivForm = .auto) -> Configuration {
        var configuration = Configuration(presetName: "test", skipSections: ["News"])
        configuration.style.arxivForm = form.rawValue == "auto" ? [] : [form]
        return configuration
    }

    func check(_ text: String, _ form: ArxivForm = .auto) -> [Diagnostic] {
        ArxivURLRule().check(Document(text), configuration(form))
    }

    func entries(_ urls: [String]) -> String {
        urls.enumerated().map { "- [2023/10] **Paper \($0.offset)** *A. Author et al. arXiv.* [[paper](\($0.element))]\n" }.joined()
    }

    func fixed(_ text: String, _ form: ArxivForm = .auto, unsafe: Bool = false) -> String {
        let edits = check(text, form).compactMap(\.fix).filter { unsafe || $0.safety == .safe }.flatMap(\.edits)
        return String(decoding: Fix(.safe, "all", edits: edits).applied(to: Array(text.utf8)), as: UTF8.self)
    }

    @Test func autoFollowsTheMajorityAndNamesIt() {
        let text = entries(["https://arxiv.org/pdf/2310.00001", "https://arxiv.org/pdf/2310.00002", "https://arxiv.org/abs/2310.00003"])
        let found = check(text)
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message == "arXiv link `https://arxiv.org/abs/2310.00003` links `abs/` where this list uses `pdf/` (2 of 3 arXiv links)")
        #expect(fixed(text).contains("https://arxiv.org/pdf/2310.00003"))
        // Configured forms win over the majority.
        #expect(check(text, .abs).count == 2)
        #expect(check(text, .abs).first?.message.hasSuffix("where the configuration asks for `abs/` (arxiv-form: abs)") == true)
    }

    @Test func tiesAndEmptyListsPreferAbs() {
        let tie = entries(["https://arxiv.org/pdf/2310.00001", "https://arxiv.org/abs/2310.00002"])
        #expect(check(tie).map(\.message) == ["arXiv link `https://arxiv.org/pdf/2310.00001` links `pdf/` where this list uses `abs/` (1 of 2 arXiv links)"])
        #expect(check(entries(["https://arxiv.org/html/2310.00001v1"])).first?.message.hasSuffix("links `html/` where `abs/` is the default (the list has no `abs/` or `pdf/` links)") == true)
    }

    @Test func defectsAreErrorsEvenInTheMajorityForm() {
        let text = entries(["http://arxiv.org/abs/2310.00001", "https://www.arxiv.org/abs/2310.00002", "https://arxiv.org/abs/2310.00003.pdf"])
        let found = check(text)
        #expect(found.map(\.severity) == [.error, .error, .error])
        #expect(found.map(\.message) == [
            "arXiv link `http://arxiv.org/abs/2310.00001` has `http://`",
            "arXiv link `https://www.arxiv.org/abs/2310.00002` has the host `www.arxiv.org`",
            "arXiv link `https://arxiv.org/abs/2310.00003.pdf` has `.pdf` after an abstract link",
        ])
        #expect(found.allSatisfy { $0.fix?.safety == .safe })
        #expect(fixed(text) == entries(["https://arxiv.org/abs/2310.00001", "https://arxiv.org/abs/2310.00002", "https://arxiv.org/abs/2310.00003"]))
    }

    @Test func aDefectAndAWrongFormAreOneErrorWithOneFix() {
        let text = entries(["http://export.arxiv.org/pdf/2310.00001.pdf", "https://arxiv.org/abs/2310.00002", "https://arxiv.org/abs/2310.00003"])
        let found = check(text)
        #expect(found.count == 1)
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "arXiv link `http://export.arxiv.org/pdf/2310.00001.pdf` has `http://`, the host `export.arxiv.org`; links `pdf/` where this list uses `abs/` (2 of 3 arXiv links)")
        #expect(found.first?.help == "write `https://arxiv.org/abs/2310.00001`")
        #expect(fixed(text).hasPrefix("- [2023/10] **Paper 0** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2310.00001)]"))
    }

    @Test func pdfSuffixOnPDFLinksIsTheirOwnForm() {
        #expect(check(entries(["https://arxiv.org/pdf/2310.00001.pdf", "https://arxiv.org/pdf/2310.00002"])).isEmpty)
    }

    @Test func versionPinsAreWarningsUnlessTheListPins() {
        let mostlyLatest = entries(["https://arxiv.org/abs/2310.00001v2", "https://arxiv.org/abs/2310.00002", "https://arxiv.org/abs/2310.00003"])
        let found = check(mostlyLatest)
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message == "arXiv link pins version v2 where this list links the latest version (2 of 3 arXiv links)")
        #expect(found.first?.fix?.safety == .unsafe)
        #expect(fixed(mostlyLatest) == mostlyLatest, "removing a pin is not a safe fix")
        #expect(fixed(mostlyLatest, unsafe: true).contains("(https://arxiv.org/abs/2310.00001)"))
        let mostlyPinned = entries(["https://arxiv.org/abs/2310.00001v2", "https://arxiv.org/abs/2310.00002v1", "https://arxiv.org/abs/2310.00003"])
        #expect(check(mostlyPinned).isEmpty)
    }

    @Test func versionAndCanonicalFixesDoNotOverlap() {
        let text = entries(["http://arxiv.org/abs/2310.00001v3.pdf", "https://arxiv.org/abs/2310.00002", "https://arxiv.org/abs/2310.00003"])
        let found = check(text)
        #expect(found.count == 2)
        #expect(fixed(text, unsafe: true) == entries(["https://arxiv.org/abs/2310.00001", "https://arxiv.org/abs/2310.00002", "https://arxiv.org/abs/2310.00003"]))
        #expect(fixed(text).contains("(https://arxiv.org/abs/2310.00001v3)"))
    }

    @Test func invalidIdentifiersOnArxivAreErrorsWithoutFix() {
        let found = check(entries(["https://arxiv.org/abs/2313.12345", "https://arxiv.org/pdf/231012345", "https://arxiv.org/list/cs.AI"]))
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.severity == .error && $0.fix == nil })
        #expect(found.first?.message == "`https://arxiv.org/abs/2313.12345` is not a valid arXiv identifier")
    }

    @Test func onlyPaperEntriesOutsideSkippedSectionsCount() {
        let text = """
            Our survey: [paper](http://arxiv.org/pdf/2310.00009.pdf)

            ## News
            - [2023/10] **Survey** *Us.* [[paper](http://www.arxiv.org/pdf/2310.00009v2.pdf)]

            ## Papers
            - [2023/10] **T** *A.* [[paper](https://arxiv.org/abs/2310.00001)]
            - Not an entry: [x](http://arxiv.org/abs/2310.00002)

            """
        #expect(check(text).isEmpty)
    }

    @Test func otherHostsAndMalformedURLsAreLeftToTheURLRule() {
        #expect(check(entries(["https://github.com/arxiv/abs", "arxiv.org/abs/2310.00001", "http://https://arxiv.org/abs/2310.00001"])).isEmpty)
    }

    @Test func healthcareHasOneHTTPLink() throws {
        let document = Document(bytes: try Fixtures.bytes(Fixtures.healthcare))
        let found = ArxivURLRule().check(document, configuration())
        #expect(found.map { document.line(containing: $0.range.lowerBound) } == [156])
        #expect(found.first?.message == "arXiv link `http://arxiv.org/abs/2311.05112` has `http://`")
    }
}
