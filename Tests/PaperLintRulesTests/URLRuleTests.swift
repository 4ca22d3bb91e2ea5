import PaperLintCore
@testable import PaperLintRules
import PaperLintTestSupport
import Testing

@Suite struct URLRuleTests {
    func check(_ text: String) -> [Diagnostic] { URLRule().check(Document(text), .default) }

    func fixed(_ text: String) -> String {
        let edits = check(text).compactMap(\.fix).flatMap(\.edits)
        return String(decoding: Fix(.unsafe, "all", edits: edits).applied(to: Array(text.utf8)), as: UTF8.self)
    }

    func destinations(_ text: String) -> [String] {
        let document = Document(text)
        return MarkdownLinks.links(in: document).map { document.string($0.destination) }
    }

    @Test func scannerReadsDestinationsLikeCommonMark() {
        #expect(destinations("[[paper](https://a.org/x)] [[code]](https://b.org) [c](https://c.org \"t\")\n")
            == ["https://a.org/x", "https://b.org", "https://c.org"])
        #expect(destinations("![badge](https://img.org/b.svg) [w](https://w.org/a_(b)) [e](<https://e.org/a b>)\n")
            == ["https://img.org/b.svg", "https://w.org/a_(b)", "https://e.org/a b"])
        // Escapes and code spans hide brackets; a definition's destination is its first word.
        #expect(destinations("\\[not](a link) `[code](x y)` [ref]: no\n") == [])
        #expect(destinations("[ref]: https://r.org \"Title\"\n") == ["https://r.org"])
        #expect(destinations("   [//]: # (hidden comment)\n") == ["#"])
    }

    /// Awesome-Human-Agent-Collaboration keeps a template line for contributors:
    /// `[**arXiv or conference**](arxiv or OpenReview link)`. Words with no `.`, `/` or `:` are a
    /// placeholder, not a URL with a space in it.
    @Test func aTemplatesPlaceholderIsNotAURL() {
        #expect(check("- [Initial arXiv Date] **Paper Title**, [**arXiv or conference**](arxiv or OpenReview link)\n").isEmpty)
        #expect(check("- [2023/10] **T** [[paper](https://x.org/a b)]\n").map(\.message) == ["space inside the URL `https://x.org/a b`"])
        #expect(check("- [2023/10] **T** [[paper](x.org a)]\n").count == 1)
    }

    @Test func everyKindHasItsMessage() {
        let messages = check("""
            - [[a]()] [[b](http://https://x.org)] [[c](https://x.org/a b)] [[d](x.org/p)]
            - [[e](javascript:void(0))] [[f](https://x)] [[g](https://x.org./p)] [[h](https:x.org)]
            - [[i](https://x,org/p)] [[j](https://x.org:80a/p)] [[k](https:///)]

            """).map(\.message)
        #expect(messages == [
            "empty link URL", "doubled scheme in `http://https://x.org`", "space inside the URL `https://x.org/a b`",
            "URL without a scheme: `x.org/p`", "`javascript:` link: `javascript:void(0)`",
            "malformed host in `https://x`: the host `x` has no domain", "trailing dot in the host `x.org.` of `https://x.org./p`",
            "`https:` followed by 0 slashes in `https:x.org`", "malformed host in `https://x,org/p`: `,` in the host `x,org`",
            "malformed host in `https://x.org:80a/p`: a port that is not a number", "`https:` followed by 3 slashes in `https:///`",
        ])
    }

    @Test func leavesWorkingLinksAlone() {
        let text = """
            [rel](docs/setup.md) [up](../README.md) [root](/LICENSE) [file](CONTRIBUTING.md) [script](run.sh)
            [mail](mailto:a@b.org) [ip](http://127.0.0.1:8000/x) [v6](http://[::1]/x) [idn](https://例え.jp/a)
            [user](https://user@example.org/p) [q](https://x.org/?a=(1)&b=2#frag) [under](https://my_host.example.org)
            [anchor](#somewhere) [empty anchor](#)

            """
        #expect(check(text).isEmpty, "\(check(text))")
    }

    @Test func skipsCodeAndHTMLButNotProse() {
        #expect(check("```\n[a](http://https://x.org)\n```\n\n<p>[a](javascript:x)</p>\n").isEmpty)
        #expect(check("Read [the survey](http://https://x.org) first.\n").count == 1)
    }

    @Test func fixesKeepTheInnerSchemeAndEncodeSpaces() {
        #expect(fixed("[a](https://https://http://x.org/p)\n") == "[a](http://x.org/p)\n")
        #expect(fixed("[a](https://x.org/my paper\tv2.pdf)\n") == "[a](https://x.org/my%20paper%09v2.pdf)\n")
        #expect(fixed("[a](www.x.org/p)\n") == "[a](https://www.x.org/p)\n")
        // Blanks around the URL are legal Markdown: only a matter of taste.
        #expect(fixed("[a](  https://x.org/p  )\n") == "[a](  https://x.org/p  )\n")
        var padding = Configuration.default
        padding.taste = [.linkPadding]
        let padded = URLRule().check(Document("[a](  https://x.org/p  )\n"), padding)
        #expect(String(decoding: Fix(.safe, "all", edits: padded.compactMap(\.fix).flatMap(\.edits)).applied(to: Array("[a](  https://x.org/p  )\n".utf8)), as: UTF8.self) == "[a](https://x.org/p)\n")
        #expect(fixed("[a](https://x.org/p \"Title\")\n") == "[a](https://x.org/p \"Title\")\n")
    }

    @Test func safetyFollowsCertainty() {
        let safety = { (text: String) in self.check(text).first?.fix?.safety }
        #expect(safety("[a](http://https://x.org)\n") == .safe)
        #expect(safety("[a](https://x.org./p)\n") == .safe)
        #expect(safety("[a](x.org/p)\n") == .unsafe)
        #expect(safety("[a](https://x.org/a b)\n") == .unsafe)
        #expect(safety("[[a](https://x.org/p] tail\n") == .unsafe)
        #expect(check("[a](https://x)\n").first?.fix == nil)
        #expect(check("[[a]()]\n").first?.fix == nil)
    }

    @Test func paddingIsAWarningAndUnclosedParenIsAnError() {
        var taste = Configuration.default
        taste.taste = [.linkPadding]
        #expect(check("[a]( https://x.org/p)\n").isEmpty, "padding is taste, off by default")
        let padded = URLRule().check(Document("[a]( https://x.org/p)\n"), taste)
        #expect(padded.map(\.severity) == [.warning])
        let unclosed = check("- [[paper](https://x.org/p] [[code](https://github.com/o/r)]\n")
        #expect(unclosed.map(\.severity) == [.error])
        #expect(unclosed.first?.message == "unbalanced `(`: the link to `https://x.org/p` never closes")
        #expect(unclosed.first?.range == 10..<11)
    }

    @Test func missingSchemeNeedsAHostLikeFirstSegment() {
        #expect(URLRule.looksLikeHost(Array("arxiv.org/abs/1".utf8), 0..<15))
        #expect(URLRule.looksLikeHost(Array("www.example".utf8), 0..<11))
        #expect(!URLRule.looksLikeHost(Array("README.md".utf8), 0..<9))
        #expect(!URLRule.looksLikeHost(Array("assets/x.org".utf8), 0..<12))
        #expect(!URLRule.looksLikeHost(Array("v1.2".utf8), 0..<4))
    }

    @Test func healthcareHasNoBrokenURL() throws {
        let healthcare = Document(bytes: try Fixtures.bytes(Fixtures.healthcare))
        #expect(URLRule().check(healthcare, .default).isEmpty)
    }
}
