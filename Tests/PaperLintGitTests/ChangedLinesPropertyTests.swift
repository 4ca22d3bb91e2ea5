import PaperLintGit
import PaperLintTestSupport
import Foundation
import Testing

/// Cross-checks the libgit2 changed-line reader against `git diff -U0` on random edit scripts.
@Suite struct ChangedLinesPropertyTests {
    /// Lines drawn from a small vocabulary so that edits create repeated lines and ambiguous
    /// "slider" hunks, where diff heuristics matter.
    static let vocabulary = [
        "- [2023/10] **Alpha** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2310.00001)]",
        "- [2023/09] **Beta** *B. Author.* [[code](https://github.com/o/r)]",
        "- [2023/09] **Beta** *B. Author.* [[code](https://github.com/o/r)]",
        "", "", "## Section", "### Sub", "}", "- item", "text  with  spaces ", "\t- tabbed",
    ]

    struct EditScript {
        var base: [String]
        var new: [String]
        var crlf: Bool
        var baseFinalNewline: Bool
        var newFinalNewline: Bool

        func bytes(_ lines: [String], finalNewline: Bool) -> String {
            let eol = crlf ? "\r\n" : "\n"
            guard !lines.isEmpty else { return "" }
            return lines.joined(separator: eol) + (finalNewline ? eol : "")
        }
        var baseText: String { bytes(base, finalNewline: baseFinalNewline) }
        var newText: String { bytes(new, finalNewline: newFinalNewline) }
    }

    static func randomScript(_ rng: inout SplitMix64) -> EditScript {
        let count = Int.random(in: 0...24, using: &rng)
        let base = (0..<count).map { _ in vocabulary.randomElement(using: &rng)! }
        var new = base
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0:  // insert
                new.insert(vocabulary.randomElement(using: &rng)!, at: Int.random(in: 0...new.count, using: &rng))
            case 1 where !new.isEmpty:  // delete
                new.remove(at: Int.random(in: 0..<new.count, using: &rng))
            case 2 where !new.isEmpty:  // replace
                new[Int.random(in: 0..<new.count, using: &rng)] = vocabulary.randomElement(using: &rng)! + " edited"
            case 3 where new.count > 1:  // move
                let line = new.remove(at: Int.random(in: 0..<new.count, using: &rng))
                new.insert(line, at: Int.random(in: 0...new.count, using: &rng))
            default:
                new.append("- appended")
            }
        }
        return EditScript(
            base: base, new: new, crlf: Int.random(in: 0..<5, using: &rng) == 0,
            baseFinalNewline: Int.random(in: 0..<4, using: &rng) != 0,
            newFinalNewline: Int.random(in: 0..<4, using: &rng) != 0)
    }

    /// New-side lines named by the `+c,d` part of `git diff -U0` hunk headers.
    static func gitAddedLines(_ diff: String) -> [Int] {
        var lines: [Int] = []
        for header in diff.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) where header.hasPrefix("@@ ") {
            guard let plus = header.split(separator: " ").first(where: { $0.hasPrefix("+") }) else { continue }
            let parts = plus.dropFirst().split(separator: ",").compactMap { Int($0) }
            guard let start = parts.first else { continue }
            let count = parts.count > 1 ? parts[1] : 1
            if count > 0 { lines.append(contentsOf: start..<(start + count)) }
        }
        return lines
    }

    static func flatten(_ ranges: [ClosedRange<Int>]) -> [Int] { ranges.flatMap { Array($0) } }

    /// Bounded for the normal run; `PAPERLINT_LONG_FUZZ=1` runs a long soak.
    static let casesPerMode = ProcessInfo.processInfo.environment["PAPERLINT_LONG_FUZZ"] == nil ? 80 : 2000

    @Test(arguments: ["staged", "worktree", "range"])
    func matchesGitDiff(mode: String) throws {
        var rng = SplitMix64(seed: 0x5EED_0000 + UInt64(mode.utf8.count))
        let repo = try ScratchRepository()
        try repo.commit("other.txt", "keeps HEAD born\n")
        for index in 0..<Self.casesPerMode {
            let script = Self.randomScript(&rng)
            try repo.write("README.md", script.baseText)
            try repo.commitAll("base \(index)")
            try repo.write("README.md", script.newText)
            let source: DiffSource
            let gitArguments: [String]
            switch mode {
            case "staged":
                try repo.git("add", "README.md")
                source = .staged
                gitArguments = ["diff", "-U0", "--no-color", "--cached", "--", "README.md"]
            case "worktree":
                source = .worktree
                gitArguments = ["diff", "-U0", "--no-color", "HEAD", "--", "README.md"]
            default:
                try repo.commitAll("new \(index)")
                source = .range(base: "HEAD~1", head: "HEAD", mergeBase: false)
                gitArguments = ["diff", "-U0", "--no-color", "HEAD~1", "HEAD", "--", "README.md"]
            }
            let expected = Self.gitAddedLines(try repo.git(gitArguments))
            let changes = try Repository.discover(from: repo.path).changes(in: "README.md", source: source)
            #expect(Self.flatten(changes.addedLines) == expected, "case \(index): \(script)")
            #expect(changes.content == Array(script.newText.utf8), "case \(index)")
            if mode == "staged" { try repo.commitAll("sync \(index)") }
        }
    }
}
