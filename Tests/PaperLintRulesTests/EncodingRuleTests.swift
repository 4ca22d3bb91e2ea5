import PaperLintCore
@testable import PaperLintRules
import PaperLintTestSupport
import Testing

@Suite struct EncodingRuleTests {
    let configuration = Configuration(presetName: "test", skipSections: ["News"])

    func check(_ text: String) -> [Diagnostic] { EncodingRule().check(Document(text), configuration) }

    func fixed(_ text: String, unsafe: Bool = false) -> String {
        let edits = check(text).compactMap(\.fix).filter { unsafe || $0.safety == .safe }.flatMap(\.edits)
        return String(decoding: Fix(.safe, "all", edits: edits).applied(to: Array(text.utf8)), as: UTF8.self)
    }

    func entry(title: String, authors: String = "A. Author et al.") -> String {
        "- [2023/10] **\(title)** *\(authors)* [[paper](https://example.org/p?a=1&amp;b=2)]\n"
    }

    // MARK: BOM and line endings

    @Test func byteOrderMarkAtTheStartAndInside() {
        let found = check("\u{FEFF}# List\n\nSome\u{FEFF}thing\n")
        #expect(found.map(\.message) == ["byte-order mark at the start of the file", "invisible byte-order mark (U+FEFF) inside the text"])
        #expect(fixed("\u{FEFF}# List\n\nSome\u{FEFF}thing\n") == "# List\n\nSomething\n")
    }

    @Test func crlfMajorityReportsTheLFLines() {
        let text = "- a\r\n- b\r\n- c\n- d\r\n- e\n"
        let found = check(text)
        #expect(found.map(\.range) == [13..<14, 22..<23])
        #expect(found.first?.message == "LF line ending where this file uses CRLF (3 of 5 lines)")
        #expect(fixed(text) == "- a\r\n- b\r\n- c\r\n- d\r\n- e\r\n")
    }

    @Test func uniformEndingsAndTiesToLF() {
        #expect(check("- a\r\n- b\r\n").isEmpty)
        #expect(check("- a\n- b").isEmpty)
        #expect(check("- a\r\n- b\n").map(\.message) == ["CRLF line ending where this file uses LF (1 of 2 lines)"])
    }

    // MARK: Mojibake

    @Test func healthcareMojibakeIsCaughtOutsideTheHTMLComment() throws {
        let document = Document(bytes: try Fixtures.bytes(Fixtures.healthcare))
        let found = EncodingRule().check(document, configuration)
        #expect(found.map { document.line(containing: $0.range.lowerBound) } == [3, 5, 6, 152])
        #expect(found.compactMap { $0.fix?.edits.first?.replacement } == ["🔔", "💥", "✨", "é"])
        #expect(found.allSatisfy { $0.fix?.safety == .safe && $0.severity == .error })
        // Line 4 is an HTML comment: HTML blocks are left alone, as by every rule.
        #expect(document.isOpaque(4))
    }

    @Test func decodesEachKindOfSequence() {
        #expect(Mojibake.findings(in: Array("GrÃ©goire".utf8), 0..<10).map(\.decoded) == ["é"])
        #expect(fixed("Itâ€™s â€œquotedâ€\u{9D} ðŸ”” MichaÅ‚ ÐŸÑ€Ð¸Ð²ÐµÑ‚ Ã—\n") == "It’s “quoted” 🔔 Michał Привет ×\n")
        // Twice mis-decoded text comes back in one fix.
        #expect(fixed("cafÃƒÂ©\n") == "café\n")
        // A mis-decoded BOM is removed rather than kept invisible.
        #expect(fixed("ï»¿# Title\n") == "# Title\n")
    }

    @Test func realTextInManyLanguagesIsNotMojibake() {
        let text = """
            Grégoire Mialon, José Hernández-Orallo, Łukasz Kaiser, Jiří Matas, Sørensen, Ødegaard, Müller, Straße
            São Paulo, SÃO PAULO, Ñandú, Ça va, À la carte, Œuvre, naïve, Zoë, Ångström, Æsir
            “ÜBER”, CAFÉ…, ÉCOLE—, Ä–Z, Ö’s, «Ça», 50°C, ±3, ©2023, ®, ½, µm, ¿Qué?, ¡Hola!
            Привет мир, Γειά σου, שלום, مرحبا, 你好世界, こんにちは, 안녕하세요, 🔔 💥 ✨ 🚀
            Tübingen · Zürich · Besançon · Kraków · Gdańsk · Łódź · Česká · Ελλάδα

            """
        #expect(check(text).isEmpty, "\(check(text).map(\.message))")
    }

    @Test func mojibakeInCodeIsLeftAlone() {
        #expect(check("```\nGrÃ©goire\n```\n\n    ðŸ””\n").isEmpty)
    }

    // MARK: HTML entities

    @Test func entitiesInTitlesAndAuthorsAreWarnings() {
        let found = check(entry(title: "Q&amp;A: Don&#39;t &ndash; Stop", authors: "J. O&#x27;Neil et al."))
        #expect(found.map(\.message) == [
            "HTML entity `&amp;` in the title", "HTML entity `&#39;` in the title", "HTML entity `&ndash;` in the title",
            "HTML entity `&#x27;` in the author segment",
        ])
        #expect(found.allSatisfy { $0.severity == .warning && $0.fix?.safety == .safe })
        #expect(fixed(entry(title: "Q&amp;A: Don&#39;t &ndash; Stop", authors: "J. O&#x27;Neil et al."))
            == entry(title: "Q&A: Don't – Stop", authors: "J. O'Neil et al."))
    }

    @Test func doubleEscapedEntitiesAreErrors() {
        let found = check(entry(title: "Don&amp;#39;t and R&amp;amp;D &amp;copy; us"))
        #expect(found.map(\.severity) == [.error, .error, .error])
        #expect(found.allSatisfy { $0.fix?.safety == .safe })
        #expect(fixed(entry(title: "&amp;copy; us")) == entry(title: "© us"))
        #expect(found.first?.message == "double-escaped HTML entity `&amp;#39;` in the title: it shows as `&#39;`")
        #expect(fixed(entry(title: "Don&amp;#39;t and R&amp;amp;D")) == entry(title: "Don't and R&D"))
    }

    @Test func fixesThatCouldChangeMarkupAreUnsafe() {
        let text = entry(title: "A &lt;b&gt; &#42;star&#42; &amp;x; x&nbsp;y&shy;z &#8203; &zwj;")
        let safety = check(text).map { $0.fix?.safety }
        #expect(safety == [.unsafe, .unsafe, .unsafe, .unsafe, .unsafe, .unsafe, .unsafe, .unsafe, nil])
        #expect(fixed(text) == text)
        #expect(fixed(text, unsafe: true) == entry(title: "A <b> *star* &x; x yz  &zwj;"))
    }

    @Test func entitiesOutsideEntryTextAreLeftAlone() {
        let text = """
            Q&amp;A in prose, <b>&amp;</b>, and `&amp;` in code.

            ## News
            - [2023/10] **News &amp; notes** *Us.* [[paper](https://example.org)]

            ## Papers
            - [2023/10] **Code `a&amp;b` span and AT&T and &unknown; and &#0; and &#xD800;** *A.* [[paper](https://e.org/?a&amp;b)]

            """
        #expect(check(text).isEmpty, "\(check(text).map(\.message))")
    }
}
