import PaperLintBenchSupport
import PaperLintCore
import PaperLintTestSupport
import Testing

@testable import PaperLintKit

/// In diff modes the document carries the changed lines as its focus and rules skip work
/// whose findings would be dropped. What is kept must not change: on every focused line,
/// the findings are exactly those of a run without a focus.
@Suite struct FocusTests {
    /// Rounds with a random focus; in half of them the focus is also the diff's changed lines
    /// (as in `check --staged`), which decide where the house style is learned from: the
    /// unfocused run then carries the same changed lines, so only the focus differs.
    private func expectSameKeptFindings(_ bytes: [UInt8], _ configuration: Configuration, _ name: String) {
        let whole = Document(bytes: bytes)
        let unfocused = Linter.lint(whole, path: name, configuration)
        var random = SplitMix64(seed: 0xF0C5)
        for round in 0..<24 {
            var ranges: [ClosedRange<Int>] = []
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let first = 1 + Int(random.next() % UInt64(whole.lineCount))
                ranges.append(first...min(whole.lineCount, first + Int(random.next() % 25)))
            }
            let focus = LineSet(ranges)
            let changed = round % 2 == 1 ? focus : nil
            let kept = { (found: [ReportedDiagnostic], document: Document) in
                found.filter { focus.intersects($0.lineSpan(in: document)) }
            }
            let focused = Document(bytes: bytes, focus: focus, changed: changed)
            let reference = changed == nil ? unfocused : Linter.lint(Document(bytes: bytes, changed: changed), path: name, configuration)
            let expected = kept(reference, whole)
            let actual = kept(Linter.lint(focused, path: name, configuration), focused)
            #expect(actual == expected, "\(name), round \(round), focus \(focus)")
        }
    }

    @Test func focusNeverChangesWhatIsKept() throws {
        let configuration = try ConfigurationLoader.load(text: "")
        expectSameKeptFindings(try Fixtures.bytes(Fixtures.healthcare), configuration, "healthcare")
        // The benchmark's generated list carries about 1% of every defect the rules catch.
        expectSameKeptFindings(ListGenerator(seed: 7).generateBytes(entries: 800), configuration, "generated")
        for name in ["agent-papers-README.md", "game-agent-papers-README.md"] {
            guard let path = Fixtures.sharedSample(name) else { continue }
            expectSameKeptFindings(try Fixtures.bytes(path), configuration, name)
        }
    }

    /// The dense shape repeats half its papers, within and across sections: `duplicate`
    /// matches papers no focused one shares a key with only when the cross-listing count is
    /// read, and must report as without a focus in either scope.
    @Test func focusNeverChangesWhatIsKeptAmongRepeats() throws {
        let dense = ListGenerator(seed: 11, shape: .dense).generateBytes(entries: 500)
        expectSameKeptFindings(dense, try ConfigurationLoader.load(text: ""), "dense")
        expectSameKeptFindings(dense, try ConfigurationLoader.load(text: "duplicates:\n  scope: file\n"), "dense, scope file")
    }

    /// A check parses a change's new side while git diffs it and gives it the scope later
    /// (`PrefetchedDocument`): the findings are those of a document parsed with its scope.
    @Test func aDocumentParsedBeforeItsScopeLintsAsOneParsedWithIt() throws {
        let configuration = try ConfigurationLoader.load(text: "")
        for (name, bytes) in [("healthcare", try Fixtures.bytes(Fixtures.healthcare)), ("generated", ListGenerator(seed: 9).generateBytes(entries: 600))] {
            let prefetched = try #require(PrefetchedDocument(bytes).document())
            var random = SplitMix64(seed: 0x9A7)
            for round in 0..<8 {
                let first = 1 + Int(random.next() % UInt64(prefetched.lineCount))
                let focus = LineSet([first...min(prefetched.lineCount, first + Int(random.next() % 40))])
                let scope = ChangeScope(kept: focus, changed: round % 2 == 0 ? focus : nil)
                let direct = Linter.lint(Document(bytes: bytes, scope: scope), path: name, configuration)
                #expect(Linter.lint(Document(prefetched, scope: scope), path: name, configuration) == direct, "\(name), round \(round)")
            }
        }
        // Bytes the check refuses are left for it to report: nothing is parsed.
        #expect(PrefetchedDocument([0x2D, 0x20, 0xFF, 0x0A]).document() == nil)
    }

    @Test func diffModesLintWithTheChangedLinesAsFocus() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", "# Papers\n\n- [2023/10] **A Paper** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2310.12345)]\n")
        try repo.write("README.md", "# Papers\n\n- [2023/11] **B  Paper** *B. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2311.12345)]\n- [2023/10] **A Paper** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2310.12345)]\n")
        _ = try repo.git("add", "README.md")
        let report = try Linter.check(CheckRequest(
            paths: [], mode: .staged, filter: .added, failOn: .error, currentDirectory: repo.path, configPath: nil, preset: nil))
        let file = try #require(report.files.first)
        #expect(file.document.focus == LineSet([3...3]))
        #expect(file.diagnostics.map(\.rule) == ["whitespace"])
    }
}
