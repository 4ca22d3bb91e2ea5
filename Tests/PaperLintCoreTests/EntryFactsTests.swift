import PaperLintCore
import Testing

/// A fact row is reused only for an entry whose bytes are those it was derived from.
@Suite struct EntryFactsTests {
    /// A row that says which text it was derived from, and counts derivations.
    struct TitleRow: EntryFactRow, Equatable {
        static let family = "test-title"
        var title: String

        init(_ entry: Entry, in document: Document, _ configuration: Configuration) {
            title = entry.title.map { document.string($0.text) } ?? ""
        }

        init?(reading reader: inout FactReader) { title = reader.readString() }
        func write(to writer: inout FactWriter) { writer.write(title) }
    }

    static let key = FactKey(tool: "test", configuration: 1, blob: "base", path: "README.md")
    static let list = """
        - [2023/10] **First** *A. B.* [[paper](https://arxiv.org/abs/2310.00001)]
        - [2023/09] **Second** *A. B.* [[paper](https://arxiv.org/abs/2309.00001)]
        - [2023/08] **Third** *A. B.* [[paper](https://arxiv.org/abs/2308.00001)]

        """

    /// The recording a run over `text` leaves.
    static func recording(of text: String) -> RecordedFacts {
        let facts = EntryFacts(recorded: nil, source: nil)
        let document = Document(bytes: Array(text.utf8), scope: .everything, facts: facts)
        _ = document.facts(TitleRow.self, for: document.entries, .default)
        return RecordedFacts(file: facts.recording(for: document, key: key), expecting: key)!
    }

    @Test func unchangedEntriesReuseTheirRowsWhereverTheyMoved() {
        let recorded = Self.recording(of: Self.list)
        let base = Array(Self.list.utf8)
        // A new first entry shifts every other one down a line and along the bytes.
        let text = "- [2023/11] **Zeroth** *A. B.* [[paper](https://arxiv.org/abs/2311.00001)]\n" + Self.list
        base.withUnsafeBytes { bytes in
            let facts = EntryFacts(recorded: recorded, source: FactSource(bytes: bytes, owner: nil))
            let document = Document(bytes: Array(text.utf8), scope: .everything, facts: facts)
            let rows = document.facts(TitleRow.self, for: document.entries, .default)
            #expect(rows.map(\.title) == ["Zeroth", "First", "Second", "Third"])
            #expect(facts.reusedRows == 3)
            #expect(facts.derivedRows == 1)
        }
    }

    /// A recording whose place for an entry holds other bytes (a colliding hash, a foreign
    /// source) is not believed: the row is derived from the entry.
    @Test func otherBytesAtTheRecordedPlaceAreNotBelieved() {
        let recorded = Self.recording(of: Self.list)
        // The source differs from what was recorded in one letter of the second title.
        let source = Array(Self.list.replacing("Second", with: "Secund").utf8)
        source.withUnsafeBytes { bytes in
            let facts = EntryFacts(recorded: recorded, source: FactSource(bytes: bytes, owner: nil))
            let document = Document(bytes: Array(Self.list.utf8), scope: .everything, facts: facts)
            let rows = document.facts(TitleRow.self, for: document.entries, .default)
            #expect(rows.map(\.title) == ["First", "Second", "Third"])
            #expect(facts.reusedRows == 2)
            #expect(facts.derivedRows == 1)
        }
    }

    /// The byte after an entry is part of what identifies it: the last entry of a file without
    /// a final newline is not the same entry once a line follows it.
    @Test func theByteAfterAnEntryCounts() {
        let unterminated = String(Self.list.dropLast())
        let recorded = Self.recording(of: unterminated)
        let base = Array(unterminated.utf8)
        base.withUnsafeBytes { bytes in
            let facts = EntryFacts(recorded: recorded, source: FactSource(bytes: bytes, owner: nil))
            let document = Document(bytes: Array((unterminated + "\n").utf8), scope: .everything, facts: facts)
            _ = document.facts(TitleRow.self, for: document.entries, .default)
            #expect(facts.reusedRows == 2)
            #expect(facts.derivedRows == 1)
        }
    }

    @Test func withoutFactsEveryRowIsDerived() {
        let document = Document(Self.list)
        #expect(document.entryFacts == nil)
        #expect(document.facts(TitleRow.self, for: document.entries, .default).map(\.title) == ["First", "Second", "Third"])
    }
}

/// The configuration's fingerprint names it across runs and machines, and changes with it.
@Suite struct ConfigurationFingerprintTests {
    /// A stored property added to the configuration (or to the types it holds) must be written
    /// into the fingerprint, or facts derived under one value would be read under another.
    @Test func everyStoredPropertyIsFingerprinted() {
        let configuration = Configuration.default
        let types: [String: Any] = [
            "Configuration": configuration, "HouseStyle": configuration.style, "LabelVocabulary": configuration.labels,
            "YearMonth": YearMonth(year: 2026, month: 1),
        ]
        for (name, value) in types {
            let stored = Mirror(reflecting: value).children.compactMap(\.label)
            #expect(stored == Configuration.fingerprintedProperties[name], "\(name)")
        }
    }

    @Test func equalSettingsGiveEqualFingerprintsAndAnyChangeAnother() {
        var base = Configuration.default
        base.labels = LabelVocabulary(order: ["paper", "code"], aliases: ["pdf": "paper", "github": "code", "project": "website"])
        base.severities = ["url": .warning, "order": nil, "duplicate": .error]
        base.taste = [.labelOrder, .datePadding]
        var same = Configuration.default
        same.severities = ["duplicate": .error, "order": nil, "url": .warning]
        same.labels = LabelVocabulary(order: ["paper", "code"], aliases: ["project": "website", "github": "code", "pdf": "paper"])
        same.taste = [.datePadding, .labelOrder]
        #expect(base.fingerprint == same.fingerprint)
        var variants: [Configuration] = []
        for change in 0..<10 {
            var changed = base
            switch change {
            case 0: changed.presetName = "other"
            case 1: changed.files = ["docs/README.md"]
            case 2: changed.style.date = [.dashed]
            case 3: changed.labels.aliases["slides"] = "website"
            case 4: changed.order = .oldestFirst
            case 5: changed.duplicateScope = .file
            case 6: changed.skipSections = ["News"]
            case 7: changed.severities["order"] = .info
            case 8: changed.today = YearMonth(year: 2026, month: 12)
            default: changed.hookFixes = true
            }
            variants.append(changed)
        }
        let fingerprints = Set(([base] + variants).map(\.fingerprint))
        #expect(fingerprints.count == variants.count + 1)
    }
}
