import Foundation
import PaperLintCore
import PaperLintTestSupport
import Testing

/// The parser on the real lists in `Examples/` and `../shared/samples/`.
@Suite struct EntrySampleTests {
    static func load(_ path: String) throws -> (document: Document, entries: [Entry]) {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let document = Document(bytes: bytes)
        return (document, EntryParser.entries(in: document))
    }

    /// Checks that hold for every list: one entry per list item, each covering its bytes exactly.
    static func checkEveryEntry(_ document: Document, _ entries: [Entry]) {
        #expect(entries.count == document.blocks.items.count)
        #expect(entries.map(\.line) == document.blocks.items.map(\.lines.first))
        for entry in entries {
            let problems = EntryCheck.violations(entry, document.bytes)
            #expect(problems.isEmpty, "line \(entry.line): \(problems)")
            // The entry starts at the marker of its first line and ends with its last line.
            #expect(document.line(containing: entry.range.lowerBound) == entry.line)
            #expect(entry.range.upperBound == document.contentRange(ofLine: entry.lastLine).upperBound)
            #expect(!entry.marker.isEmpty, "line \(entry.line) has no marker")
            // A nested item is its own entry: no later line of an entry starts an item.
            if entry.lastLine > entry.line {
                #expect(!(entry.line + 1...entry.lastLine).contains(where: document.isListItemStart), "line \(entry.line)")
            }
        }
    }

    /// The `##`…`####` heading above each entry, as written.
    static func sections(_ document: Document, _ entries: [Entry]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for entry in entries {
            let heading = document.blocks.headings.last { $0.lines.first < entry.line }
            counts[heading.map { document.text(ofLine: $0.lines.first) } ?? "", default: 0] += 1
        }
        return counts
    }

    @Test func healthcareEntriesCoverTheirItems() throws {
        let (document, entries) = try Self.load(Fixtures.healthcare)
        Self.checkEveryEntry(document, entries)
    }

    /// Counted by hand, outside paperlint: the list-item lines between consecutive headings,
    ///
    ///     awk '/^```/{code=!code; next} code{next} /^#+ /{h=$0; next}
    ///          /^[ \t]*([-*+]|[0-9]+[.)])[ \t]/{c[h]++} END{for(k in c) print c[k], k}' healthcare-README.md
    ///
    /// cross-checked against the line numbers (e.g. Specialized Medical LLMs = lines 39–80, all
    /// items: 42). Line 4 is a list bullet inside an HTML comment and is no item.
    @Test func healthcareEntriesPerSection() throws {
        let (document, entries) = try Self.load(Fixtures.healthcare)
        let expected: [String: Int] = [
            "## ðŸ”” News": 2,  // lines 5–6
            "## Table of Content (ToC)": 15,  // lines 22–36, nested ToC items included
            "## Specialized Medical LLMs": 42,  // lines 39–80
            "## Multimodal LLMs in Medicine": 18,  // lines 83–100
            "### GPT-4V": 6,  // lines 103–108
            "## LLM-Powered Healthcare Agents": 10,  // lines 111–120
            "### Strategies": 10,  // lines 125–134
            "### Comparative Studies": 3,  // lines 137–139
            "#### LLM Techniques": 10,  // lines 144–153
            "#### LLMs in Medicine": 11,  // lines 156–166
            "### Repositories": 4,  // lines 169–172
            "## Project Maintainers & Contributors": 3,  // lines 175–177
        ]
        #expect(Self.sections(document, entries) == expected)
        #expect(entries.count == 134)
        // Papers: every section but News, ToC, Repositories and Maintainers.
        let papers = entries.filter(\.isPaper)
        #expect(papers.count == 42 + 18 + 6 + 10 + 10 + 3 + 10 + 11)
        #expect(papers.first?.line == 39 && papers.last?.line == 166)
    }

    @Test func healthcarePapersFollowTheTemplateExceptKnownDefects() throws {
        let (document, entries) = try Self.load(Fixtures.healthcare)
        let bytes = document.bytes
        for paper in entries where paper.isPaper {
            #expect(paper.date?.form == .yearMonth, "line \(paper.line)")
            #expect(paper.title?.markup == .bold, "line \(paper.line)")
            #expect(paper.authors != nil, "line \(paper.line)")
            #expect(!paper.links.isEmpty && paper.links.allSatisfy { $0.syntax == .innerURL }, "line \(paper.line)")
            // SOURCES.md lists the only two template defects: line 55 and line 164.
            let kinds = paper.deviations.map(\.kind)
            switch paper.line {
            case 55: #expect(kinds == [.textAfterAuthors])
            case 164: #expect(kinds == [.textAfterTitle])
            default: #expect(kinds.isEmpty, "line \(paper.line): \(kinds)")
            }
        }

        let pulse = try #require(entries.first { $0.line == 55 })
        let pulseLine = document.contentRange(ofLine: 55)
        let pulseDot = try #require(EntryCheck.span(of: "*OpenMedLab*.", in: Array(bytes[pulseLine])))
        let dot = pulseLine.lowerBound + pulseDot.upperBound - 1
        #expect(pulse.deviations == [EntryDeviation(.textAfterAuthors, dot..<dot + 1)])
        #expect(pulse.parts(in: bytes).contains(EntryPart(.other, dot..<dot + 1)))

        let qiu = try #require(entries.first { $0.line == 164 })
        let qiuTitle = try #require(qiu.title)
        #expect(EntryCheck.text(bytes, qiuTitle.text) == "Large AI Models in Health Informatics: Applications, Challenges, and the Future")
        let qiuDot = qiuTitle.range.upperBound
        #expect(qiu.deviations == [EntryDeviation(.textAfterTitle, qiuDot..<qiuDot + 1)])
        #expect(EntryCheck.text(bytes, qiuDot..<qiuDot + 1) == ".")

        // Lines 161–162: two spaces before the links are a `.space` part, not a deviation.
        let rajpurkar = try #require(entries.first { $0.line == 161 })
        let rajpurkarParts = rajpurkar.parts(in: bytes)
        let beforeLink = try #require(rajpurkarParts.firstIndex { $0.kind == .link })
        #expect(EntryCheck.text(bytes, rajpurkarParts[beforeLink - 1].range) == "  ")
    }

    @Test func healthcareLinkOrderAndSeparators() throws {
        let (document, entries) = try Self.load(Fixtures.healthcare)
        let bytes = document.bytes
        let lmflow = try #require(entries.first { $0.title.map { EntryCheck.text(bytes, $0.text).hasPrefix("Lmflow") } ?? false })
        #expect(lmflow.line == 91)
        #expect(lmflow.links.map { EntryCheck.text(bytes, $0.label) } == ["code", "paper", "blog"])
        #expect(lmflow.separators.map { EntryCheck.text(bytes, $0) } == [" ", " "])

        // The list mixes `][[` (line 39) and `] [[` (line 42).
        let meditron = try #require(entries.first { $0.line == 39 })
        #expect(meditron.separators.count == 1 && meditron.separators[0].isEmpty)
        #expect(EntryCheck.text(bytes, meditron.separators[0].lowerBound - 1..<meditron.separators[0].upperBound + 2) == "][[")
        let alpacare = try #require(entries.first { $0.line == 42 })
        #expect(alpacare.separators.map { EntryCheck.text(bytes, $0) } == [" "])
        let separatorStyles = Set(entries.flatMap(\.separators).map { EntryCheck.text(bytes, $0) })
        #expect(separatorStyles == ["", " "])
    }

    @Test(.enabled(if: Fixtures.sharedSample("agent-papers-README.md") != nil, Comment(rawValue: Fixtures.missingSharedMessage)))
    func agentPapers() throws {
        let path = try #require(Fixtures.sharedSample("agent-papers-README.md"))
        let (document, entries) = try Self.load(path)
        Self.checkEveryEntry(document, entries)
        let bytes = document.bytes
        // `grep -c '^\s*[-*+] ' agent-papers-README.md` (460 item lines, none in code) and
        // `grep -c '^\s*[-*+] \[20'` (325 dated items; the news bullets start with an emoji).
        #expect(entries.count == 460)
        #expect(entries.filter(\.isPaper).count == 325)

        // Lines 443–444: a title wrapped onto a continuation line.
        let synapse = try #require(entries.first { $0.line == 443 })
        #expect(synapse.lastLine == 444)
        let title = try #require(synapse.title)
        #expect(EntryCheck.text(bytes, title.text) == "SYNAPSE: Leveraging Few-Shot Exemplars for\nHuman-Level Computer Control.")
        #expect(synapse.parts(in: bytes).map(\.kind).prefix(6) == [.marker, .date, .space, .title, .lineBreak, .title])
        #expect(synapse.deviations.isEmpty)
        // Lines 498–499: the author segment wraps before its closing parenthesis.
        let autogen = try #require(entries.first { $0.line == 498 })
        #expect(autogen.lastLine == 499 && autogen.authors != nil && autogen.links.count == 2)
        // Line 129 has a nested note (line 130): two entries.
        #expect(entries.first { $0.line == 129 }?.lastLine == 129)
        #expect(entries.first { $0.line == 130 }.map(\.isPaper) == false)
        // Line 200: `[2023-03]`.
        #expect(entries.first { $0.line == 200 }?.deviations.map(\.kind) == [.dateVariant])
        // Line 666: venue outside the italics.
        #expect(entries.first { $0.line == 666 }?.deviations.map(\.kind) == [.textAfterAuthors])
        // Line 677: a period after the last link.
        #expect(entries.first { $0.line == 677 }?.deviations.map(\.kind) == [.trailingText])
        // News bullets (lines 8, 13–17) keep their date but are not papers.
        for line in [8, 13, 14, 15, 16, 17] {
            let news = try #require(entries.first { $0.line == line })
            #expect(news.date != nil && !news.isPaper, "line \(line)")
        }
    }

    @Test(.enabled(if: Fixtures.sharedSample("game-agent-papers-README.md") != nil, Comment(rawValue: Fixtures.missingSharedMessage)))
    func gameAgentPapers() throws {
        let path = try #require(Fixtures.sharedSample("game-agent-papers-README.md"))
        let (document, entries) = try Self.load(path)
        Self.checkEveryEntry(document, entries)
        let bytes = document.bytes
        // `grep -c '^\s*[-*+] '` gives 148 item lines, `grep -c '^\s*[-*+] \[20'` 126 dated items.
        #expect(entries.count == 148)
        #expect(entries.filter(\.isPaper).count == 126)
        func kinds(_ line: Int) -> [EntryDeviation.Kind]? { entries.first { $0.line == line }?.deviations.map(\.kind) }
        // The venue is the italic segment.
        let interactive = try #require(entries.first { $0.line == 52 })
        #expect(interactive.authors.map { EntryCheck.text(bytes, $0.text) } == "AAAI 2020")
        #expect(interactive.links.map(\.syntax) == [.innerURL, .outerURL])
        #expect(kinds(68) == [.missingAuthors])
        #expect(kinds(75) == [.unbalancedBrackets, .linkSyntax])
        #expect(entries.first { $0.line == 75 }?.links.map(\.syntax) == [.plain, .innerURL])
        #expect(kinds(131) == [.missingAuthors, .unbalancedBrackets, .linkSyntax, .linkSyntax, .trailingText])
        #expect(entries.first { $0.line == 172 }.map { $0.separators.map { EntryCheck.text(bytes, $0) } } == ["]"])
    }
}
