import Foundation
import PaperLintCore
import PaperLintTestSupport
import Testing

/// `paperlint fix --all` end to end on the three sample lists, each in its own repository with
/// the `.paperlint.yml` that `paperlint init` infers for it, so the fixes follow the list's own
/// house style: the patch and the write agree byte for byte, a second run finds nothing, and
/// no entry, title or link is lost on the way.
@Suite struct FixSampleTests {
    func paperlint(_ arguments: [String], in repo: ScratchRepository) throws -> ProcessResult {
        try runProcess(Fixtures.executable, arguments, in: repo.path)
    }

    /// A repository with `list` committed as README.md, plus the configuration `init` prints for it.
    func repository(for list: String) throws -> ScratchRepository {
        let repo = try ScratchRepository()
        try repo.write("README.md", bytes: try Fixtures.bytes(list))
        let inferred = try paperlint(["init"], in: repo)
        #expect(inferred.status == 0, "\(inferred.error)")
        try repo.write(".paperlint.yml", inferred.output)
        try repo.commitAll("the list and its inferred configuration")
        return repo
    }

    /// The patch, the write, and a second pass of each; returns the fixed bytes.
    @discardableResult
    func fixRoundTrip(_ list: String, writeStatus: Int32) throws -> [UInt8] {
        let repo = try repository(for: list)
        let original = try repo.read("README.md")

        let patch = try paperlint(["fix", "--all", "--patch"], in: repo)
        #expect(patch.status == 1, "a non-empty patch exits 1: \(patch.error)")
        #expect(!patch.output.isEmpty)
        #expect(patch.error.isEmpty, "the loop settled: no warning on stderr")
        #expect(try repo.read("README.md") == original, "--patch changes nothing")
        let check = try runProcess("/usr/bin/git", ["apply", "--check", "-"], in: repo.path, stdin: Data(patch.output.utf8))
        #expect(check.status == 0, "git apply --check rejects the patch: \(check.error)")
        try runProcess("/usr/bin/git", ["apply", "-"], in: repo.path, stdin: Data(patch.output.utf8))
        let applied = try repo.read("README.md")
        #expect(applied != original)

        try repo.git("checkout", "--", "README.md")
        #expect(try repo.read("README.md") == original)
        let write = try paperlint(["fix", "--all", "--write"], in: repo)
        #expect(write.status == writeStatus, "\(write.output)\(write.error)")
        let written = try repo.read("README.md")
        #expect(applied == written, "git apply of the patch and --write differ")

        let again = try paperlint(["fix", "--all", "--patch"], in: repo)
        #expect(again.status == 0 && again.output.isEmpty, "a second fix still changes:\n\(again.output)")
        let rewrite = try paperlint(["fix", "--all", "--write"], in: repo)
        #expect(rewrite.status == writeStatus)
        #expect(rewrite.output.hasPrefix("README.md: nothing to fix\n"), "\(rewrite.output)")
        #expect(try repo.read("README.md") == written)

        expectSameEntries(original, written)
        return written
    }

    // Exit status of `fix --all --write`: 0 when no error remains after the safe fixes, else 1.

    @Test func healthcareList() throws {
        // Every error of the reference list has a safe fix (double spaces, stray periods,
        // separators, mojibake); four warnings remain: the PathAsst repeat, a date that
        // disagrees with its arXiv id, two headings missing from the table of contents.
        try fixRoundTrip(Fixtures.healthcare, writeStatus: 0)
    }

    @Test(.enabled(if: Fixtures.sharedSample("agent-papers-README.md") != nil, "../shared/samples absent: skipped"))
    func agentPapersList() throws {
        // 14 out-of-order entries (the order fix is unsafe) and one arXiv id shared by two
        // different titles (no fix) stay errors.
        try fixRoundTrip(try #require(Fixtures.sharedSample("agent-papers-README.md")), writeStatus: 1)
    }

    @Test(.enabled(if: Fixtures.sharedSample("game-agent-papers-README.md") != nil, "../shared/samples absent: skipped"))
    func gameAgentPapersList() throws {
        // Entries without a venue segment, a dead ToC anchor and arXiv ids shared by different
        // titles have no fix; one out-of-order entry has only an unsafe one.
        try fixRoundTrip(try #require(Fixtures.sharedSample("game-agent-papers-README.md")), writeStatus: 1)
    }

    @Test(.enabled(if: Fixtures.sharedSample("agent-papers-README.md") != nil, "../shared/samples absent: skipped"))
    func unsafeFixesReorderWithoutLosingEntries() throws {
        let repo = try repository(for: try #require(Fixtures.sharedSample("agent-papers-README.md")))
        let original = try repo.read("README.md")
        let before = try paperlint(["check", "--all"], in: repo)
        #expect(before.output.contains("error[order]"), "the list has out-of-order entries to sort")

        let write = try paperlint(["fix", "--all", "--write", "--unsafe"], in: repo)
        #expect(write.status == 1, "the arXiv id shared by two titles is still an error, with no fix")
        #expect(write.error.isEmpty, "the loop settled: \(write.error)")
        #expect(write.output.contains("order "), "\(write.output)")
        let fixed = try repo.read("README.md")
        // Sorting moves whole lines; the unsafe arXiv fix may also drop a pinned version.
        expectSameEntries(original, fixed, ignoringArxivVersions: true)

        let after = try paperlint(["check", "--all"], in: repo)
        #expect(!after.output.contains("error[order]"), "\(after.output)")
        let again = try paperlint(["fix", "--all", "--patch", "--unsafe"], in: repo)
        #expect(again.status == 0 && again.output.isEmpty, "a second unsafe fix still changes:\n\(again.output)")
    }

    // MARK: What fixing must keep

    /// Same titles, same links (up to what safe fixes may rewrite), same number of list items.
    func expectSameEntries(_ before: [UInt8], _ after: [UInt8], ignoringArxivVersions: Bool = false,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let old = Inventory(Document(bytes: before), ignoringArxivVersions: ignoringArxivVersions)
        let new = Inventory(Document(bytes: after), ignoringArxivVersions: ignoringArxivVersions)
        #expect(old.listItems == new.listItems, "list items", sourceLocation: sourceLocation)
        // Compared first so a failure prints the difference, not both multisets.
        let sameTitles = old.titles == new.titles, sameURLs = old.urls == new.urls
        #expect(sameTitles, "titles lost: \(old.titles.subtracting(new.titles)); gained: \(new.titles.subtracting(old.titles))",
                sourceLocation: sourceLocation)
        #expect(sameURLs, "links lost: \(old.urls.subtracting(new.urls)); gained: \(new.urls.subtracting(old.urls))",
                sourceLocation: sourceLocation)
    }
}

/// A multiset: each distinct value with how often it occurs.
struct Multiset: Equatable, CustomStringConvertible {
    var counts: [String: Int] = [:]
    mutating func add(_ value: String) { counts[value, default: 0] += 1 }
    /// What `self` holds more often than `other`.
    func subtracting(_ other: Multiset) -> Multiset {
        var result = Multiset()
        for (value, count) in counts where count > other.counts[value, default: 0] {
            result.counts[value] = count - other.counts[value, default: 0]
        }
        return result
    }
    var description: String { counts.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.description }
}

/// The titles, link URLs and list items of a document, normalised the way safe fixes may
/// rewrite them (`LinkNormalisation` for URLs), so any difference means an entry lost or corrupted.
struct Inventory {
    var titles = Multiset()
    var urls = Multiset()
    var listItems = 0

    init(_ document: Document, ignoringArxivVersions: Bool = false) {
        listItems = (1...document.lineCount).count { document.isListItemStart($0) }
        for entry in document.entries {
            if let title = entry.title { titles.add(Self.title(document.string(title.text))) }
            for link in entry.links {
                guard let url = link.url else { continue }
                urls.add(LinkNormalisation.url(document.string(url), ignoringVersions: ignoringArxivVersions))
            }
        }
    }

    /// Without markup (a period moved into `**…**` changes what the parser calls the title's
    /// text), without one final period (title-period adds or removes it), and with runs of
    /// blanks as one space (whitespace collapses them).
    static func title(_ text: String) -> String {
        var title = Substring(text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " "))
        let markup: Set<Character> = ["*", "_", " "]
        while let first = title.first, markup.contains(first) { title.removeFirst() }
        while let last = title.last, markup.contains(last) { title.removeLast() }
        if title.hasSuffix(".") { title.removeLast() }
        while let last = title.last, markup.contains(last) { title.removeLast() }
        return String(title)
    }
}
