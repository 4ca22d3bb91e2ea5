import PaperLintCore
import PaperLintKit
import PaperLintTestSupport
import Testing

/// The url, arxiv-url, toc and encoding rules over the three sample lists, each with the
/// configuration `paperlint init` infers for it. Every error listed here was reviewed by hand
/// as a defect a maintainer would fix; warnings are counted.
@Suite struct LinkAndFileRulesSampleTests {
    static let rules: Set<String> = ["url", "arxiv-url", "toc", "encoding"]

    struct Finding: Hashable, CustomStringConvertible {
        var rule: String
        var line: Int
        var description: String { "\(rule)@\(line)" }
    }

    func lint(_ path: String, rules overrides: String = "") throws -> [ReportedDiagnostic] {
        let inference = try Initializer.run(path: path, currentDirectory: "/", write: false, force: false).inference
        var configuration = try ConfigurationLoader.load(text: inference.yaml + overrides)
        configuration.today = YearMonth(year: 2026, month: 6)
        let document = Document(bytes: try Fixtures.bytes(path))
        return Linter.lint(document, path: "README.md", configuration).filter { Self.rules.contains($0.rule) }
    }

    func findings(_ diagnostics: [ReportedDiagnostic], _ severity: Severity) -> [Finding] {
        diagnostics.filter { $0.severity == severity }.map { Finding(rule: $0.rule, line: $0.start.line) }
    }

    func counts(_ diagnostics: [ReportedDiagnostic], _ severity: Severity) -> [String: Int] {
        Dictionary(grouping: diagnostics.filter { $0.severity == severity }, by: \.rule).mapValues(\.count)
    }

    /// Healthcare: the mojibake SOURCES.md lists (the emoji of the News heading and the news
    /// items, Grégoire's name), and one http:// arXiv link among 74 https:// ones (a warning).
    /// The 💥 inside the HTML comment on line 4 is not reported: no rule looks inside HTML blocks.
    @Test func healthcare() throws {
        let found = try lint(Fixtures.healthcare)
        #expect(findings(found, .error) == [
            Finding(rule: "encoding", line: 3), Finding(rule: "encoding", line: 5), Finding(rule: "encoding", line: 6),
            Finding(rule: "encoding", line: 152),
        ])
        #expect(findings(found, .warning) == [Finding(rule: "arxiv-url", line: 156)])
        #expect(findings(found, .info).isEmpty)
        #expect(found.filter { $0.severity == .error }.allSatisfy { $0.fix?.safety == .safe })
        // GPT-4V (###) and Licenses are not in the ToC, which lists ## to ####: a matter of taste.
        let covered = try lint(Fixtures.healthcare, rules: "taste: [toc-coverage]\n")
        #expect(findings(covered, .warning) == [
            Finding(rule: "toc", line: 102), Finding(rule: "arxiv-url", line: 156), Finding(rule: "toc", line: 190),
        ])
    }

    /// Agent list: two http:// arXiv links (the same paper listed twice) are warnings; the 24
    /// PDF links in a list of 245 abstract links only with `taste: [arxiv-form]` (intent changed:
    /// `init` used to pin `arxiv-form: abs`, switching on a check a run without configuration
    /// leaves off; it now writes the line commented out), and the one pinned version only with
    /// `taste: [arxiv-version]`.
    @Test(.enabled(if: Fixtures.sharedSample("agent-papers-README.md") != nil, "../shared/samples absent: skipped"))
    func agentPapers() throws {
        let path = try #require(Fixtures.sharedSample("agent-papers-README.md"))
        let found = try lint(path)
        #expect(findings(found, .error).isEmpty)
        #expect(counts(found, .warning) == ["arxiv-url": 2])
        #expect(counts(try lint(path, rules: "taste: [arxiv-form]\n"), .warning) == ["arxiv-url": 26])
        #expect(found.filter { $0.message.contains("has `http://`") }.map(\.start.line) == [583, 599])
        #expect(!found.contains { $0.message.contains("pins version") })
        let pinned = try lint(path, rules: "taste: [arxiv-version]\n")
        #expect(pinned.filter { $0.message.contains("pins version") }.map(\.start.line) == [424])
    }

    /// Game-agent list: 47 `/abs/ID.pdf` links (not an arXiv identifier), an `http://https://`
    /// link and a ToC item for a Contact section that does not exist. Its 43 PDF links beside 68
    /// abstract links are a form of its own (39%), and its one `www.arxiv.org` link is a matter
    /// of taste.
    @Test(.enabled(if: Fixtures.sharedSample("game-agent-papers-README.md") != nil, "../shared/samples absent: skipped"))
    func gameAgentPapers() throws {
        let found = try lint(try #require(Fixtures.sharedSample("game-agent-papers-README.md")))
        let arxiv = [
            54, 62, 64, 65, 81, 82, 89, 90, 91, 92, 93, 95, 96, 98, 99, 100, 101, 109, 111, 124, 125, 126, 127, 141, 142,
            147, 154, 155, 157, 158, 159, 169, 171, 173, 176, 177, 186, 187, 188, 192, 193, 196, 198, 199, 209, 210, 224,
        ]
        var expected = arxiv.map { Finding(rule: "arxiv-url", line: $0) }
        expected.insert(Finding(rule: "toc", line: 46), at: 0)
        expected.insert(Finding(rule: "url", line: 170), at: expected.firstIndex { $0.line > 170 }!)
        #expect(findings(found, .error) == expected)
        let errors = found.filter { $0.severity == .error }
        #expect(errors.filter { $0.rule == "arxiv-url" && $0.message.hasSuffix("has `.pdf` after an abstract link") }.count == 47)
        let hosts = try lint(try #require(Fixtures.sharedSample("game-agent-papers-README.md")), rules: "taste: [arxiv-host]\n")
        #expect(hosts.first { $0.start.line == 201 }?.message.contains("the host `www.arxiv.org`") == true)
        #expect(errors.first { $0.rule == "url" }?.message == "doubled scheme in `http://https://arxiv.org/abs/2309.09971`")
        #expect(errors.first { $0.rule == "toc" }?.message == "anchor `#contact` matches no heading")
        #expect(counts(found, .warning).isEmpty)
    }

    /// A severity configured for a rule applies to all its findings; without one, each keeps its own.
    @Test(.enabled(if: Fixtures.sharedSample("game-agent-papers-README.md") != nil, "../shared/samples absent: skipped"))
    func configuredSeverityAppliesToEveryFinding() throws {
        let path = try #require(Fixtures.sharedSample("game-agent-papers-README.md"))
        let raised = try lint(path, rules: "rules:\n  arxiv-url: error\n  toc: warning\n")
        #expect(counts(raised, .error) == ["arxiv-url": 47, "url": 1])
        #expect(counts(raised, .warning) == ["toc": 1])
        let off = try lint(path, rules: "rules:\n  arxiv-url: off\n")
        #expect(!off.contains { $0.rule == "arxiv-url" })
    }
}
