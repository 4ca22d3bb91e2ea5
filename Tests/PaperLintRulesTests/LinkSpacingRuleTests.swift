import PaperLintCore
import PaperLintRules
import PaperLintTestSupport
import Testing

@Suite struct LinkSpacingRuleTests {
    func configuration(_ separator: LinkSeparatorStyle = .auto) -> Configuration {
        var configuration = Configuration(presetName: "test", skipSections: ["News", "Table of Contents", "Citing"])
        configuration.style.linkSeparator = separator.rawValue == "auto" ? [] : [separator]
        return configuration
    }

    func check(_ text: String, _ configuration: Configuration) -> [Diagnostic] {
        LinkSpacingRule().check(Document(text), configuration)
    }

    func fixed(_ text: String, _ configuration: Configuration) -> String {
        let edits = check(text, configuration).compactMap(\.fix).flatMap(\.edits)
        return String(decoding: Fix(.safe, "all", edits: edits).applied(to: Array(text.utf8)), as: UTF8.self)
    }

    let spaced = "- [2023/10] **T** *A. B.* [[paper](u)] [[code](v)]\n"
    let joined = "- [2023/09] **U** *C. D.* [[paper](u)][[code](v)]\n"

    @Test func healthcareMinorityIsTheThreeJoinedSeparators() throws {
        let document = Document(bytes: try Fixtures.bytes(Fixtures.healthcare))
        let found = LinkSpacingRule().check(document, configuration())
        #expect(found.map { document.line(containing: $0.range.lowerBound) } == [39, 40, 41])
        #expect(found.first?.message == "links separated by `][[` where this list writes `] [[` (48 of the other 50 separators)")
        #expect(found.allSatisfy { $0.fix?.safety == .safe && $0.fix?.edits.map(\.replacement) == [" "] })
        // Configured, the message still shows how much of the list follows the setting.
        #expect(LinkSpacingRule().check(document, configuration(.space)).first?.message
            == "links separated by `][[` where the configured form is `] [[` (used by 48 of the other 50 separators)")
        #expect(LinkSpacingRule().check(document, configuration(.none)).count == 48)
    }

    @Test func rangeCoversTheClosingAndOpeningBrackets() {
        let text = spaced + spaced + joined
        let found = check(text, configuration())
        let bytes = Array(text.utf8)
        #expect(found.count == 1)
        let range = found[0].range
        #expect(String(decoding: bytes[range], as: UTF8.self) == "][[")
    }

    @Test func fixesTowardTheConfiguredSeparator() {
        #expect(fixed(spaced + joined, configuration(.space))
            == spaced + "- [2023/09] **U** *C. D.* [[paper](u)] [[code](v)]\n")
        #expect(fixed(spaced + joined, configuration(.none))
            == "- [2023/10] **T** *A. B.* [[paper](u)][[code](v)]\n" + joined)
        #expect(fixed("- [2023/10] **T** *A.* [[a](u)]\t[[b](v)]  [[c](w)]\n", configuration(.none))
            == "- [2023/10] **T** *A.* [[a](u)][[b](v)][[c](w)]\n")
    }

    @Test func tiesAndTextAreNotJudged() {
        // A tie in a small list: the grammar's `] [[` decides, so only the joined one is
        // reported, and its fix is stable (no swapping back and forth).
        let tie = check(spaced + joined, configuration())
        #expect(tie.count == 1 && tie.first?.message.hasPrefix("links separated by `][[`") == true)
        // A real share of both forms in a larger list is house style.
        let both = String(repeating: spaced, count: 4) + String(repeating: joined, count: 4)
        #expect(check(both, configuration()).isEmpty)
        // Words, a slash or a line break between links are not separators.
        let text = spaced + spaced + "- [2023/08] **V** *E.* [[paper](u)] / [[code](v)]\n- [2023/07] **W** *F.* [[paper](u)]\n  [[code](v)]\n"
        #expect(check(text, configuration(.none)).count == 2)
        // Double spaces are the whitespace rule's: under `space` they are not reported here.
        #expect(check("- [2023/10] **T** *A.* [[a](u)]  [[b](v)]\n", configuration(.space)).isEmpty)
        // Single-bracket links and outer-URL links: only double brackets on both sides count.
        #expect(check("- [2023/10] **T** *A.* [a](u) [b](v)\n", configuration(.none)).isEmpty)
        #expect(check("- [2023/10] **T** *A.* [[a]](u) [[b]](v)\n", configuration(.none)).count == 1)
    }

    @Test func skippedSectionsAndCodeAreIgnored() {
        let text = "## News\n" + joined + "\n## Papers\n```\n" + joined + "```\n" + spaced + spaced
        #expect(check(text, configuration()).isEmpty)
    }
}
