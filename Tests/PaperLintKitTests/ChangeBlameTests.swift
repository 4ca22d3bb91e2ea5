import Foundation
import PaperLintBenchSupport
import PaperLintCore
import PaperLintRules
@testable import PaperLintKit
import PaperLintTestSupport
import Testing

/// File-level findings belong to the change, wherever it sits: a contributor's duplicate of an
/// old entry, or a misdated entry, is reported on the line they added, above or below the
/// entry it collides with (newest-first lists take new entries at the top, above the old copy).
@Suite struct ChangeBlameTests {
    /// The lists the cases are drawn from: the reference list, the shared samples where
    /// present, and a generated list.
    static let lists: [(name: String, text: String)] = {
        var lists = [("healthcare", try! String(contentsOfFile: Fixtures.healthcare, encoding: .utf8))]
        for name in ["agent-papers-README.md", "game-agent-papers-README.md"] {
            if let path = Fixtures.sharedSample(name), let text = try? String(contentsOfFile: path, encoding: .utf8) {
                lists.append((name, text))
            }
        }
        lists.append(("generated", ListGenerator(seed: 11).generate(entries: 300)))
        return lists
    }()

    /// Seeded cases per kind in the default run; `PAPERLINT_PROPERTY_CASES` raises it.
    static let cases = Int(ProcessInfo.processInfo.environment["PAPERLINT_PROPERTY_CASES"] ?? "") ?? 500

    /// Each list's lines and single-line paper entries, read once.
    static let bases: [(name: String, lines: [String], candidates: [Candidate], unordered: Set<Int>)] = lists.map { list in
        let document = Document(list.text)
        // Sections where the order rule already finds an entry out of place before the change.
        let unordered = Set(RuleRunner.run(document, configuration()).filter { $0.ruleID == "order" }
            .map { document.sectionIndex(containing: document.line(containing: $0.range.lowerBound)) })
        return (list.name, list.text.components(separatedBy: "\n"), candidates(document), unordered)
    }

    /// A list's single-line paper entries, with their sections.
    struct Candidate {
        var line: Int
        var section: Int
        var text: String
        var key: Int?
    }

    static func candidates(_ document: Document) -> [Candidate] {
        document.entries.filter { $0.isPaper && $0.line == $0.lastLine && !document.isOpaque($0.line) }.map { entry in
            Candidate(line: entry.line, section: document.sectionIndex(containing: entry.line),
                      text: document.text(ofLine: entry.line), key: entry.date.flatMap { $0.month == nil ? nil : $0.sortKey })
        }
    }

    /// What `check --staged` reports on `lines` after inserting `inserted` before line `at`
    /// (1-based), the inserted line alone being the change.
    static func staged(_ lines: [String], inserting inserted: String, at: Int, _ configuration: Configuration) -> (line: Int, found: [ReportedDiagnostic]) {
        let (document, changed) = Self.document(lines, inserting: inserted, at: at)
        let found = Linter.lint(document, path: "README.md", configuration).filter { changed.intersects($0.lineSpan(in: document)) }
        return (at, found)
    }

    static func document(_ lines: [String], inserting inserted: String, at: Int) -> (Document, LineSet) {
        var edited = lines
        edited.insert(inserted, at: at - 1)
        let changed = LineSet(lines: [at])
        return (Document(bytes: Array(edited.joined(separator: "\n").utf8), focus: changed, changed: changed), changed)
    }

    /// The same paper in another URL form: `abs/` ↔ `pdf/…v1`, `http://`, `www.`.
    static func variant(_ line: String, _ rng: inout SplitMix64) -> String {
        let forms: [(String, String)] = [("arxiv.org/abs/", "arxiv.org/pdf/"), ("https://arxiv.org", "http://arxiv.org"), ("https://arxiv.org", "https://www.arxiv.org")]
        let (from, to) = forms[Int(rng.next() % UInt64(forms.count))]
        return line.replacingOccurrences(of: from, with: to)
    }

    /// No configuration, `duplicates.scope` as given, and only the two rules under test on (the
    /// others cannot change where these report, and a thousand full runs would be slow).
    static func configuration(scope: DuplicateScope = .section) -> Configuration {
        var configuration = try! ConfigurationLoader.load(text: nil)
        configuration.duplicateScope = scope
        configuration.today = YearMonth(year: 2026, month: 6)
        for rule in RuleCatalog.all where !["duplicate", "order"].contains(rule.description.id) {
            configuration.severities[rule.description.id] = .some(nil)
        }
        return configuration
    }

    /// The cases run in this many seeded chunks, side by side.
    static let chunks = 5

    @Test(arguments: 0..<chunks)
    func aDuplicateIsReportedOnTheAddedLineAboveOrBelowItsCopy(chunk: Int) throws {
        var rng = SplitMix64(seed: 0x15D0 + UInt64(chunk))
        var counts = (above: 0, below: 0, otherSection: 0)
        for round in 0..<Self.cases / Self.chunks {
            let list = Self.bases[(round + chunk) % Self.bases.count]
            let (lines, candidates) = (list.lines, list.candidates)
            let original = candidates[Int(rng.next() % UInt64(candidates.count))]
            let place = candidates[Int(rng.next() % UInt64(candidates.count))]
            // Before or after the chosen entry: its line, or the line after it.
            let at = place.line + Int(rng.next() % 2)
            let otherSection = place.section != original.section
            // A repeat in another section, or another part of one (below a `**In web scenarios**`
            // paragraph), is a defect only where the list does not cross-list papers on
            // purpose; `duplicates.scope: file` says it never does. Both scopes blame alike.
            let configuration = Self.configuration(scope: .file)
            let copy = Self.variant(original.text, &rng)
            let (line, found) = Self.staged(lines, inserting: copy, at: at, configuration)
            let duplicates = found.filter { $0.rule == "duplicate" }
            #expect(duplicates.map(\.start.line) == [line],
                    "\(list.name): copy of line \(original.line) inserted at \(line): \(found.map { "\($0.rule) \($0.start.line) \($0.message)" })")
            if duplicates.isEmpty { return }
            if otherSection { counts.otherSection += 1 } else if at <= original.line { counts.above += 1 } else { counts.below += 1 }
        }
        // The draw covers every placement.
        #expect(counts.above > 0 && counts.below > 0 && counts.otherSection > 0, "\(counts)")
    }

    @Test(arguments: 0..<chunks)
    func aMisdatedEntryIsReportedOnTheAddedLine(chunk: Int) throws {
        var rng = SplitMix64(seed: 0x15DA + UInt64(chunk))
        var tried = 0
        let wanted = Self.cases / Self.chunks
        for round in 0..<(wanted * 8) where tried < wanted {
            let list = Self.bases[(round + chunk) % Self.bases.count]
            let (lines, candidates) = (list.lines, list.candidates)
            let configuration = Self.configuration()
            // Between two dated neighbours of one sorted section (its untouched entries all in
            // order, at least four), with a date outside what they allow.
            let index = Int(rng.next() % UInt64(max(1, candidates.count - 1)))
            guard index + 1 < candidates.count else { continue }
            let (above, below) = (candidates[index], candidates[index + 1])
            guard above.section == below.section, above.line + 1 == below.line, let high = above.key, let low = below.key else { continue }
            let section = candidates.filter { $0.section == above.section }.compactMap(\.key)
            let newestFirst = zip(section, section.dropFirst()).allSatisfy { $0 >= $1 }
            let oldestFirst = zip(section, section.dropFirst()).allSatisfy { $0 <= $1 }
            guard section.count >= 4, newestFirst != oldestFirst, !list.unordered.contains(above.section) else { continue }
            let earliest = min(high, low), latest = max(high, low)
            // A month past the later neighbour or before the earlier one, by 1–24 months.
            let shift = Int(rng.next() % 24) + 1
            let month = rng.next() % 2 == 0 ? Self.add(latest, months: shift) : Self.add(earliest, months: -shift)
            let date = String(format: "[%04d/%02d]", month / 100, month % 100)
            let inserted = "- \(date) **A New Paper \(round)** *N. Author et al. arXiv.* [[paper](https://example.org/new/\(round))]"
            let (line, found) = Self.staged(lines, inserting: inserted, at: below.line, configuration)
            tried += 1
            let order = found.filter { $0.rule == "order" }
            #expect(order.map(\.start.line) == [line], "\(list.name): \(date) inserted at \(line) between \(above.text.prefix(20)) and \(below.text.prefix(20)): \(found.map { "\($0.rule) \($0.start.line)" })")
            if order.isEmpty { return }
            // `fix --staged`: a safe fix that moves the inserted line, and only it, into place.
            let (document, _) = Self.document(lines, inserting: inserted, at: line)
            let fix = try #require(RuleRunner.run(document, configuration).first {
                $0.ruleID == "order" && document.line(containing: $0.range.lowerBound) == line
            }?.fix)
            #expect(fix.safety == .safe)
            var fixed = String(decoding: fix.applied(to: document.bytes), as: UTF8.self).components(separatedBy: "\n")
            let landed = try #require(fixed.firstIndex(of: inserted), "\(list.name): the fix lost the inserted line")
            fixed.remove(at: landed)
            #expect(fixed == lines, "\(list.name): the fix moved more than the inserted line")
            let again = Self.staged(lines, inserting: inserted, at: landed + 1, configuration).found
            #expect(again.filter { $0.rule == "order" }.isEmpty, "\(list.name): \(date) moved to line \(landed + 1) is still out of order")
        }
        #expect(tried == wanted)
    }

    /// `key` (year * 100 + month) moved by `months`.
    static func add(_ key: Int, months: Int) -> Int {
        let total = (key / 100) * 12 + (key % 100 - 1) + months
        return (total / 12) * 100 + total % 12 + 1
    }

    /// The same through git: seeded cases over the reference list, each staged, committed and
    /// checked as the commit's range, and run through the hook. Fewer cases (each builds a
    /// repository); the in-process properties above carry the count.
    @Test(arguments: 0..<3)
    func throughStagedRangeAndTheHook(chunk: Int) throws {
        var rng = SplitMix64(seed: 0x15C0 + UInt64(chunk))
        let base = Self.bases[0]
        #expect(base.name == "healthcare")
        for round in 0..<8 {
            let repo = try ScratchRepository()
            try repo.commit(".paperlint.yml", "duplicates:\n  scope: file\n")
            try repo.commit("README.md", base.lines.joined(separator: "\n"))
            let original = base.candidates[Int(rng.next() % UInt64(base.candidates.count))]
            let place = base.candidates[Int(rng.next() % UInt64(base.candidates.count))]
            let at = place.line + Int(rng.next() % 2)
            var edited = base.lines
            edited.insert(Self.variant(original.text, &rng), at: at - 1)
            try repo.write("README.md", edited.joined(separator: "\n"))
            try repo.git("add", "README.md")
            let duplicates = { (found: [ReportedDiagnostic]) in found.filter { $0.rule == "duplicate" }.map(\.start.line) }
            let staged = try Linter.check(CheckRequest(mode: .staged, currentDirectory: repo.path)).diagnostics
            #expect(duplicates(staged) == [at], "round \(round): copy of \(original.line) at \(at), staged")
            let hook = try HookRunner.run(currentDirectory: repo.path, fixRequested: false).check.diagnostics
            #expect(duplicates(hook) == [at], "round \(round): hook")
            try repo.git("commit", "-q", "-m", "add a copy")
            let range = try Linter.check(CheckRequest(mode: .range("HEAD~1...HEAD"), currentDirectory: repo.path)).diagnostics
            #expect(duplicates(range) == [at], "round \(round): range")
        }
    }

    /// A misdated entry through git: staged, the hook and the committed range report it on its
    /// line, and `fix --staged --write` moves that line, and only it, in the index.
    @Test(arguments: 0..<3)
    func aMisdatedEntryThroughGit(chunk: Int) throws {
        var rng = SplitMix64(seed: 0x15D6 + UInt64(chunk))
        let base = Self.bases[0]
        var tried = 0
        while tried < 6 {
            let index = Int(rng.next() % UInt64(base.candidates.count - 1))
            let (above, below) = (base.candidates[index], base.candidates[index + 1])
            guard above.section == below.section, above.line + 1 == below.line, let high = above.key, let low = below.key,
                !base.unordered.contains(above.section)
            else { continue }
            let section = base.candidates.filter { $0.section == above.section }.compactMap(\.key)
            guard section.count >= 4, zip(section, section.dropFirst()).allSatisfy({ $0 >= $1 }) else { continue }
            tried += 1
            let shift = Int(rng.next() % 24) + 1
            let month = rng.next() % 2 == 0 ? Self.add(max(high, low), months: shift) : Self.add(min(high, low), months: -shift)
            let inserted = "- " + String(format: "[%04d/%02d]", month / 100, month % 100)
                + " **A Staged Paper \(chunk)-\(tried)** *N. Author et al. arXiv.* [[paper](https://example.org/s/\(chunk)/\(tried))]"
            let repo = try ScratchRepository()
            try repo.commit("README.md", base.lines.joined(separator: "\n"))
            var edited = base.lines
            edited.insert(inserted, at: below.line - 1)
            try repo.write("README.md", edited.joined(separator: "\n"))
            try repo.git("add", "README.md")
            let order = { (found: [ReportedDiagnostic]) in found.filter { $0.rule == "order" }.map(\.start.line) }
            #expect(order(try Linter.check(CheckRequest(mode: .staged, currentDirectory: repo.path)).diagnostics) == [below.line])
            #expect(order(try HookRunner.run(currentDirectory: repo.path, fixRequested: false).check.diagnostics) == [below.line])
            try repo.git("commit", "-q", "-m", "add")
            #expect(order(try Linter.check(CheckRequest(mode: .range("HEAD~1...HEAD"), currentDirectory: repo.path)).diagnostics) == [below.line])
            // Back to staged, then fixed in the index: the original list plus the one line.
            try repo.git("reset", "-q", "--soft", "HEAD~1")
            _ = try Fixer.run(FixRequest(mode: .staged, output: .write, currentDirectory: repo.path))
            var staged = try repo.git("show", ":README.md").trimmingCharacters(in: .newlines).components(separatedBy: "\n")
            let landed = try #require(staged.firstIndex(of: inserted))
            staged.remove(at: landed)
            let expected = base.lines.joined(separator: "\n").trimmingCharacters(in: .newlines).components(separatedBy: "\n")
            #expect(staged == expected, "\(zip(staged, expected).enumerated().first { $0.element.0 != $0.element.1 }.map { "line \($0.offset + 1): \($0.element.0.prefix(60)) | \($0.element.1.prefix(60))" } ?? "lengths \(staged.count) \(expected.count)")")
        }
    }
}
