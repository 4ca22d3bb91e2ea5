import Foundation
@testable import PaperLintKit
import PaperLintCore
import PaperLintGit
import PaperLintRules
import PaperLintTestSupport
import Testing

/// `paperlint add` on real lists: for the bundled list, the samples and every list of the
/// corpus, generated papers added to random sections must leave the list exactly as clean as
/// it was (no finding on the new entry, none gained or lost elsewhere), sit where `order`
/// expects them, come as a patch `git apply` accepts, and be written in the list's style.
@Suite struct AddPropertyTests {
    /// Every list to add to: the bundled one, the samples and the corpus heads (skipped with
    /// a message where `../shared/` is absent).
    static var lists: [String] {
        var paths = [Fixtures.healthcare]
        for name in ["agent-papers-README.md", "game-agent-papers-README.md"] {
            if let path = Fixtures.sharedSample(name) { paths.append(path) }
        }
        let heads = Fixtures.packageRoot + "/../shared/corpus/heads"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: heads)) ?? []
        paths += names.filter { $0.hasSuffix(".md") }.sorted().map { heads + "/" + $0 }
        return paths
    }

    static let configuration: Configuration = {
        var configuration = try! ConfigurationLoader.load(text: nil)
        configuration.today = YearMonth(year: 2026, month: 12)
        return configuration
    }()

    /// Papers per list (`PAPERLINT_ADD_ROUNDS` for a longer run); sections are drawn at
    /// random among those holding entries.
    static let papersPerList = ProcessInfo.processInfo.environment["PAPERLINT_ADD_ROUNDS"].flatMap(Int.init) ?? 4

    @Test(arguments: lists)
    func aGeneratedPaperLeavesTheListAsCleanAsItWas(path: String) throws {
        if path == Fixtures.healthcare && Fixtures.sharedSample("healthcare-README.md") == nil {
            print(Fixtures.missingSharedMessage)
        }
        let bytes = try Fixtures.bytes(path)
        let document = Document(bytes: bytes)
        let configuration = Self.configuration
        let before = Self.counts(Linter.lint(document, path: "README.md", configuration))
        let listStyle = Self.style(document)
        var generator = SplitMix64(seed: UInt64(FNV1a.hex(path.split(separator: "/").last ?? ""), radix: 16) ?? 1)
        let sections = Self.sectionsWithEntries(document, configuration)
        try #require(!sections.isEmpty, "\(path): no section with entries")
        for round in 0..<Self.papersPerList {
            let section = sections[Int(generator.next() % UInt64(sections.count))]
            let paper = PaperGenerator.paper(section: section, in: document, configuration, round: round, using: &generator)
            let checked = try paper.validated(today: configuration.today)
            let addition: Adder.Addition
            do {
                addition = try Adder.add(checked, to: document, configuration, path: "README.md", allowRepeat: false)
            } catch {
                Issue.record("\(path): \(paper.section ?? "") \(paper.date ?? ""): \(error)")
                continue
            }
            guard case .added(let added) = addition else {
                Issue.record("\(path): generated paper reported as listed: \(checked.plainTitle)")
                continue
            }
            let after = Document(bytes: added.bytes)
            let lines = added.line...added.line
            let found = Linter.lint(after, path: "README.md", configuration)
            let onEntry = found.filter { $0.lineSpan(in: after).overlaps(lines) }
            #expect(onEntry.isEmpty, "\(path): \(after.text(ofLine: added.line))\n\(onEntry.map { "\($0.rule): \($0.message)" })")
            // Nothing gained or lost elsewhere: the rest of the list reads as it did.
            let elsewhere = found.filter { !$0.lineSpan(in: after).overlaps(lines) }
            #expect(Self.counts(elsewhere) == before,
                    "\(path): findings elsewhere changed after adding at line \(added.line): \(after.text(ofLine: added.line))\n\(Self.difference(elsewhere, Linter.lint(document, path: "README.md", configuration), added.line))")
            #expect(added.warnings.isEmpty, "\(path): \(added.warnings)")
            try Self.expectPlacedInOrder(added, after, configuration, date: checked.date, path: path)
            try Self.expectStyle(of: after.text(ofLine: added.line), matches: listStyle, path: path)
            if round == 0 { try Self.expectPatchApplies(old: bytes, new: added.bytes) }
        }
    }

    // MARK: Checks

    /// Rule → count: what a list's findings amount to.
    static func counts(_ found: [ReportedDiagnostic]) -> [String: Int] {
        found.reduce(into: [:]) { $0[$1.rule, default: 0] += 1 }
    }

    /// The findings of one list that the other lacks, by message (lines after `line` shifted by one).
    static func difference(_ after: [ReportedDiagnostic], _ before: [ReportedDiagnostic], _ line: Int) -> String {
        let old = Set(before.map { "\($0.start.line >= line ? $0.start.line + 1 : $0.start.line) \($0.rule): \($0.message)" })
        let new = Set(after.map { "\($0.start.line) \($0.rule): \($0.message)" })
        return "gained: \(new.subtracting(old).sorted()) lost: \(old.subtracting(new).sorted())"
    }

    /// The sections holding a list of papers (three entries or more; one paper nested in
    /// prose is no list to add to), by index.
    static func sectionsWithEntries(_ document: Document, _ configuration: Configuration) -> [Int] {
        var seen: Set<Int> = []
        return document.paperEntries(configuration).compactMap { entry in
            let section = document.sectionIndex(containing: entry.line)
            guard document.sections[section].heading != nil, seen.insert(section).inserted,
                PaperLookup.placement(section: section, in: document, configuration).entries.count >= 3
            else { return nil }
            return section
        }
    }

    /// In a section `order` checks, the entries above and below the new one are newer and no
    /// newer (newest first), or the reverse (oldest first); an undated neighbour says nothing.
    static func expectPlacedInOrder(
        _ added: Adder.Added, _ after: Document, _ configuration: Configuration, date: PaperDate, path: String
    ) throws {
        let section = after.sectionIndex(containing: added.line)
        let (entries, newestFirst, ordered) = PaperLookup.placement(section: section, in: after, configuration)
        // A section in no order (by topic, or unsorted) has no place to miss.
        guard ordered, let index = entries.firstIndex(where: { $0.entry.line == added.line }), let key = entries[index].key else { return }
        let above = entries[..<index].last { $0.key != nil }, below = entries[(index + 1)...].first { $0.key != nil }
        // Among equal months the new entry comes first, unless both are dated to the day.
        func precedes(_ a: (entry: Entry, key: Int?), newestFirst: Bool) -> Bool {
            guard let other = a.key else { return false }
            if other == key, let day = date.day, let otherDay = a.entry.date?.day { return newestFirst ? otherDay > day : otherDay < day }
            return newestFirst ? other > key : other < key
        }
        if let above { #expect(precedes(above, newestFirst: newestFirst), "\(path): line \(added.line) below a \(above.key ?? 0) entry") }
        if let below { #expect(!precedes(below, newestFirst: newestFirst), "\(path): line \(added.line) above a \(below.key ?? 0) entry") }
    }

    /// The style keys `init` infers, each with the forms accepted.
    static func style(_ document: Document) -> [String: [String]] {
        let inference = StyleInference.infer(document, path: "README.md", presets: [configuration])
        return Dictionary(inference.findings.map { ($0.key, $0.values) }, uniquingKeysWith: { a, _ in a })
    }

    /// The new line's own style, key by key, is one the list uses.
    static func expectStyle(of line: String, matches list: [String: [String]], path: String) throws {
        let own = style(Document("# List\n\n" + line + "\n"))
        for key in ["entry.date", "entry.title", "entry.title-period", "entry.authors", "entry.link-syntax", "entry.link-separator"] {
            guard let accepted = list[key], let values = own[key], !accepted.contains("auto") else { continue }
            #expect(Set(values).isSubset(of: accepted), "\(path): \(key) \(values) not among the list's \(accepted): \(line)")
        }
    }

    static func expectPatchApplies(old: [UInt8], new: [UInt8]) throws {
        let repository = try ScratchRepository()
        try repository.write("README.md", bytes: old)
        let patch = try Repository.unifiedPatch(old: old, new: new, path: "README.md")
        try repository.write("add.patch", patch)
        let result = try runProcess("/usr/bin/git", ["apply", "add.patch"], in: repository.path)
        #expect(result.status == 0, "git apply: \(result.error)")
        #expect(try repository.read("README.md") == new)
    }
}

/// Plausible papers for a section: a date among the section's own, an arXiv id of that
/// month, a title no list holds.
enum PaperGenerator {
    static let words = ["Sparse", "Grounded", "Latent", "Agentic", "Robust", "Causal", "Neural", "Adaptive", "Federated", "Contrastive"]
    static let nouns = ["Planning", "Retrieval", "Reasoning", "Memory", "Alignment", "Perception", "Tool Use", "Distillation"]
    static let names = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov", "Donald Knuth"]
    static let venues: [String?] = [nil, "NeurIPS 2024", "ICLR 2025", "arXiv"]

    static func paper(
        section: Int, in document: Document, _ configuration: Configuration, round: Int, using generator: inout SplitMix64
    ) -> NewPaper {
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        let keys = PaperLookup.placement(section: section, in: document, configuration).entries.compactMap(\.key)
        let key = keys.isEmpty ? 202405 : pick(keys)
        let year = key / 100, month = max(1, key % 100)
        let day = 1 + Int(generator.next() % 28)
        // Five digits after the dot from 2015, four before.
        let id = year >= 2015
            ? String(format: "%02d%02d.%05d", year % 100, month, 10000 + Int(generator.next() % 89999))
            : String(format: "%02d%02d.%04d", year % 100, month, 1000 + Int(generator.next() % 8999))
        let title = "\(pick(words)) \(pick(nouns)) for \(pick(words)) \(pick(nouns)): Probe \(round) \(generator.next() % 100000)"
        let authors = (0...Int(generator.next() % 4)).map { _ in pick(names) }
        var links = [NewPaper.Link(label: "paper", url: "https://arxiv.org/abs/\(id)")]
        if generator.next() % 2 == 0 { links.append(NewPaper.Link(label: "code", url: "https://github.com/probe/probe-\(round)")) }
        let anchor = document.sections[section].heading?.slug ?? ""
        return NewPaper(
            section: anchor, title: title, authors: authors.joined(separator: ", "), venue: pick(venues),
            date: String(format: "%04d/%02d/%02d", year, month, day), links: links)
    }
}
