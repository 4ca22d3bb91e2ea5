import PaperLintCore
import PaperLintRules
import PaperLintTestSupport
import Testing

/// Most tests here are about the link form, a matter of taste: they turn it on (`arxiv-form`).
@Suite struct ArxivURLRuleTests {
    @Test func theFormIsTasteUnlessConfiguredOrAsked() {
        let text = entries(house("abs", 8) + ["https://arxiv.org/pdf/2310.00001"])
        #expect(check(text, taste: []).isEmpty, "abs/ and pdf/ both open the paper")
        #expect(check(text, taste: [.arxivForm]).count == 1)
        #expect(check(text, .abs, taste: []).count == 1, "a configured form is enforced")
    }

    func configuration(_ form: ArxivForm = .auto, taste: Set<TasteCheck> = [.arxivForm]) -> Configuration {
        var configuration = Configuration(presetName: "test", skipSections: ["News"])
        configuration.style.arxivForm = form.rawValue == "auto" ? [] : [form]
        configuration.taste = taste
        return configuration
    }

    func check(_ text: String, _ form: ArxivForm = .auto, taste: Set<TasteCheck> = [.arxivForm]) -> [Diagnostic] {
        ArxivURLRule().check(Document(text), configuration(form, taste: taste))
    }

    func entries(_ urls: [String]) -> String {
        urls.enumerated().map { "- [2023/10] **Paper \($0.offset)** *A. Author et al. arXiv.* [[paper](\($0.element))]\n" }.joined()
    }

    /// `count` plain links `https://arxiv.org/<form>/2311.000NN`: the list's house form.
    func house(_ form: String, _ count: Int, from first: Int = 1) -> [String] {
        (first..<first + count).map { "https://arxiv.org/\(form)/2311.\(String(100000 + $0).dropFirst())" }
    }

    func fixed(_ text: String, _ form: ArxivForm = .auto, taste: Set<TasteCheck> = [.arxivForm], unsafe: Bool = false) -> String {
        let edits = check(text, form, taste: taste).compactMap(\.fix).filter { unsafe || $0.safety == .safe }.flatMap(\.edits)
        return String(decoding: Fix(.safe, "all", edits: edits).applied(to: Array(text.utf8)), as: UTF8.self)
    }

    // Intent kept; the fixture grew from 2 `pdf/` + 1 `abs/` to 7 + 1: with fewer than five
    // other votes any form another entry uses (and `abs/`, the default) is accepted.
    @Test func autoFollowsTheMajorityAndNamesIt() {
        let text = entries(house("pdf", 7) + ["https://arxiv.org/abs/2310.00003"])
        let found = check(text)
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message == "arXiv link `https://arxiv.org/abs/2310.00003` links `abs/` where this list writes `pdf/` (7 of the other 7 arXiv links)")
        #expect(fixed(text).contains("https://arxiv.org/pdf/2310.00003"))
        // Configured forms win over the majority.
        #expect(check(text, .abs).count == 7)
        #expect(check(text, .abs).first?.message.hasSuffix("where the configured form is `abs/` (used by 1 of the other 7 arXiv links)") == true)
        // A form used by >= 3 and >= 10% of the other links is house style, never a deviation:
        // 4 `abs/` next to 6 `pdf/` are fine, while 2 `abs/` next to 6 `pdf/` are rare (1 other).
        #expect(check(entries(house("pdf", 6) + house("abs", 4, from: 50))).isEmpty)
        #expect(check(entries(house("pdf", 6) + house("abs", 2, from: 50))).map(\.message).first
            == "arXiv link `https://arxiv.org/abs/2311.00050` links `abs/` where this list writes `pdf/` (6 of the other 7 arXiv links)")
        // Three small lists: with fewer than five other links every form another entry uses is accepted.
        #expect(check(entries(["https://arxiv.org/pdf/2310.00001", "https://arxiv.org/pdf/2310.00002", "https://arxiv.org/abs/2310.00003"])).isEmpty)
    }

    @Test func tiesAndEmptyListsPreferAbs() {
        // Too few links to show a style: `abs/`, the default, is accepted besides what the
        // other entries use, so `pdf/` next to one `abs/` is reported and not the other way.
        let tie = entries(["https://arxiv.org/pdf/2310.00001", "https://arxiv.org/abs/2310.00002"])
        #expect(check(tie).map(\.message) == ["arXiv link `https://arxiv.org/pdf/2310.00001` links `pdf/` where this list writes `abs/` (1 of the other 1 arXiv links)"])
        // Intent changed: the only arXiv link of a list has no house form to miss (it used to be
        // told "the usual form is `abs/`").
        #expect(check(entries(["https://arxiv.org/pdf/2310.00001"])).isEmpty)
        // Intent changed: an `html/` link is a form of its own and is no longer judged
        // (it used to be reported as "where `abs/` is the default").
        #expect(check(entries(["https://arxiv.org/html/2310.00001v1"])).isEmpty)
    }

    // Intent changed: only `.pdf` after `abs/` is broken (error); `http://` is a warning and
    // `www.`/`export.` hosts are a matter of taste, reported only with `taste: [arxiv-host]`.
    @Test func defectsAreErrorsEvenInTheMajorityForm() {
        let text = entries(["http://arxiv.org/abs/2310.00001", "https://www.arxiv.org/abs/2310.00002", "https://arxiv.org/abs/2310.00003.pdf"])
        let found = check(text)
        #expect(found.map(\.severity) == [.warning, .error])
        #expect(found.map(\.message) == [
            "arXiv link `http://arxiv.org/abs/2310.00001` has `http://`",
            "arXiv link `https://arxiv.org/abs/2310.00003.pdf` has `.pdf` after an abstract link",
        ])
        #expect(found.allSatisfy { $0.fix?.safety == .safe })
        #expect(fixed(text) == entries(["https://arxiv.org/abs/2310.00001", "https://www.arxiv.org/abs/2310.00002", "https://arxiv.org/abs/2310.00003"]))
        let hosts = check(text, taste: [.arxivHost, .arxivForm])
        #expect(hosts.map(\.severity) == [.warning, .warning, .error])
        #expect(hosts.map(\.message) == [
            "arXiv link `http://arxiv.org/abs/2310.00001` has `http://`",
            "arXiv link `https://www.arxiv.org/abs/2310.00002` has the host `www.arxiv.org`",
            "arXiv link `https://arxiv.org/abs/2310.00003.pdf` has `.pdf` after an abstract link",
        ])
        #expect(fixed(text, taste: [.arxivHost, .arxivForm]) == entries(["https://arxiv.org/abs/2310.00001", "https://arxiv.org/abs/2310.00002", "https://arxiv.org/abs/2310.00003"]))
    }

    // Intent changed: `http://` and a wrong form are both style, so the one finding is a
    // warning; the fixture grew to 6 `abs/` links so the form is a deviation. The host is
    // rewritten only with `taste: [arxiv-host]`.
    @Test func aDefectAndAWrongFormAreOneErrorWithOneFix() {
        let text = entries(["http://export.arxiv.org/pdf/2310.00001.pdf"] + house("abs", 6))
        let found = check(text)
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message == "arXiv link `http://export.arxiv.org/pdf/2310.00001.pdf` has `http://`; links `pdf/` where this list writes `abs/` (6 of the other 6 arXiv links)")
        #expect(found.first?.help == "write `https://export.arxiv.org/abs/2310.00001`")
        let hosts = check(text, taste: [.arxivHost, .arxivForm])
        #expect(hosts.count == 1)
        #expect(hosts.first?.message == "arXiv link `http://export.arxiv.org/pdf/2310.00001.pdf` has `http://`, the host `export.arxiv.org`; links `pdf/` where this list writes `abs/` (6 of the other 6 arXiv links)")
        #expect(hosts.first?.help == "write `https://arxiv.org/abs/2310.00001`")
        #expect(fixed(text, taste: [.arxivHost, .arxivForm]).hasPrefix("- [2023/10] **Paper 0** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2310.00001)]"))
        // A broken link in the wrong form is one error with one fix.
        let broken = check(entries(["https://arxiv.org/abs/2310.00001.pdf"] + house("pdf", 6)))
        #expect(broken.map(\.severity) == [.error])
        #expect(broken.first?.help == "write `https://arxiv.org/pdf/2310.00001`")
    }

    @Test func pdfSuffixOnPDFLinksIsTheirOwnForm() {
        #expect(check(entries(["https://arxiv.org/pdf/2310.00001.pdf", "https://arxiv.org/pdf/2310.00002"])).isEmpty)
    }

    // Version pins are taste: the test enables `taste: [arxiv-version]` and checks the
    // default is silent.
    @Test func versionPinsAreWarningsUnlessTheListPins() {
        let mostlyLatest = entries(["https://arxiv.org/abs/2310.00001v2", "https://arxiv.org/abs/2310.00002", "https://arxiv.org/abs/2310.00003"])
        #expect(check(mostlyLatest).isEmpty, "version pins are off unless taste asks")
        let found = check(mostlyLatest, taste: [.arxivVersion, .arxivForm])
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message == "arXiv link pins version v2 where this list links the latest version (2 of 3 arXiv links)")
        #expect(found.first?.fix?.safety == .unsafe)
        #expect(fixed(mostlyLatest, taste: [.arxivVersion, .arxivForm]) == mostlyLatest, "removing a pin is not a safe fix")
        #expect(fixed(mostlyLatest, taste: [.arxivVersion, .arxivForm], unsafe: true).contains("(https://arxiv.org/abs/2310.00001)"))
        let mostlyPinned = entries(["https://arxiv.org/abs/2310.00001v2", "https://arxiv.org/abs/2310.00002v1", "https://arxiv.org/abs/2310.00003"])
        #expect(check(mostlyPinned, taste: [.arxivVersion, .arxivForm]).isEmpty)
    }

    @Test func versionAndCanonicalFixesDoNotOverlap() {
        let text = entries(["http://arxiv.org/abs/2310.00001v3.pdf", "https://arxiv.org/abs/2310.00002", "https://arxiv.org/abs/2310.00003"])
        // Without `taste: [arxiv-version]` only the canonical finding remains.
        #expect(check(text).count == 1)
        let found = check(text, taste: [.arxivVersion, .arxivForm])
        #expect(found.count == 2)
        #expect(fixed(text, taste: [.arxivVersion, .arxivForm], unsafe: true) == entries(["https://arxiv.org/abs/2310.00001", "https://arxiv.org/abs/2310.00002", "https://arxiv.org/abs/2310.00003"]))
        #expect(fixed(text, taste: [.arxivVersion, .arxivForm]).contains("(https://arxiv.org/abs/2310.00001v3)"))
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
