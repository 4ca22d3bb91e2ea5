import PaperLintCore
import PaperLintRules

/// Infers a list's house style from its own entries by majority vote (`paperlint init`).
///
/// Each key keeps its evidence, e.g. "`] [[`: 58, `][[`: 41", so a maintainer sees why a
/// value was chosen before writing it.
public struct StyleInference: Sendable {
    /// One inferred key: its YAML path, value and the counts behind it.
    public struct Finding: Sendable, Equatable {
        public var key: String
        /// The accepted forms, most used first; several where the list uses several on purpose.
        public var values: [String]
        public var evidence: String

        /// The one form, or `[a, b]` for several.
        public var value: String {
            get { values.count == 1 ? values[0] : "[" + values.joined(separator: ", ") + "]" }
            set { values = [newValue] }
        }

        public init(key: String, values: [String], evidence: String) {
            self.key = key
            self.values = values
            self.evidence = evidence
        }
    }

    public var path: String
    /// Set when the list is not `README.md` at the root: written as `files:`.
    public var files: [String]?
    public var paperEntries: Int
    /// Inferred keys, in the order they are written.
    public var findings: [Finding]
    /// The configuration written: the closest preset with the inferred keys applied.
    public var configuration: Configuration
    /// Labels the list uses that no preset vocabulary knows, with their counts.
    public var unknownLabels: [(String, Int)]
    /// Labels as written, with counts ("paper: 90, code: 66").
    public var labelEvidence: String

    public func value(_ key: String) -> String? { findings.first { $0.key == key }?.value }

    /// Infers the style of `document`; presets are compared key by key to pick the closest.
    public static func infer(_ document: Document, path: String, presets: [Configuration]) -> StyleInference {
        var tallies = Tallies()
        let base = presets.first ?? .default
        for entry in document.paperEntries(base) { tallies.add(entry, document) }
        tallies.addOrder(document, skipping: base)

        var findings: [Finding] = []
        // The forms a real share of the list uses: the rules' own thresholds (HouseStyleThresholds),
        // so what `init` writes is what a run without configuration learns.
        func record<Value: StyleChoice>(_ key: String, _ tally: Tally<Value>, _ name: (Value) -> String) -> [Value] {
            let accepted = HouseStyleThresholds.accepted(tally.counts, order: tally.order)
            guard !accepted.isEmpty else { return [] }
            findings.append(Finding(key: key, values: accepted.map(\.rawValue), evidence: tally.evidence(name)))
            return accepted
        }
        var style = HouseStyle.learned
        style.date = record("entry.date", tallies.date) { "[\($0.rawValue)]" }
        style.title = record("entry.title", tallies.title) { ["bold": "**Title**", "italic": "*Title*", "link": "[Title](url)"][$0.rawValue] ?? "plain Title" }
        style.titlePeriod = record("entry.title-period", tallies.titlePeriod) { $0 == .require ? "ends with '.'" : "no final '.'" }
        // Lists that end titles with a period in some sections only (surveys as sentences, model
        // names bare) get `auto`, under which a large section follows its own forms.
        if style.titlePeriod.count > 1 || TitlePeriods(document, document.paperEntries(base)).sectionsDisagree,
            let index = findings.indices.last, findings[index].key == "entry.title-period"
        {
            findings[index].evidence += style.titlePeriod.count > 1 ? "; both are the list's" : "; sections differ"
            style.titlePeriod = []
            findings[index].value = Requirement.auto.rawValue
        }
        style.authors = record("entry.authors", tallies.authors) {
            ["authors-venue": "*Authors. Venue.*", "venue": "*Venue*", "none": "no italic segment"][$0.rawValue] ?? $0.rawValue
        }
        style.linkSyntax = record("entry.link-syntax", tallies.linkSyntax) { "`\($0.rawValue)`" }
        style.linkSeparator = record("entry.link-separator", tallies.separator) { $0 == .space ? "`] [[`" : "`][[`" }
        style.arxivForm = record("entry.arxiv-form", tallies.arxiv) { "arxiv.org/\($0.rawValue)/…" }
        // Order is `auto`, as a run without configuration checks it: each section whose dates
        // show a direction is checked in that direction, and a section grouped by topic is not.
        // A pinned direction would check every section (THUMNLab's topic sections, each ordered
        // or not, drew 20 order errors over its history under `newest-first`); the evidence
        // shows the directions found, and a maintainer may pin one.
        _ = record("order", tallies.order) { "\($0.rawValue) sections" }
        if let index = findings.firstIndex(where: { $0.key == "order" }) {
            findings[index].value = OrderDirection.auto.rawValue
            findings[index].evidence += "; each checked in its own direction"
        } else {
            findings.append(Finding(key: "order", values: [OrderDirection.auto.rawValue], evidence: "no section shows a direction yet"))
        }

        // The closest preset: most inferred keys equal to its own.
        // Among equals the first preset (the default) wins.
        let closest = presets.reduce(base) { best, preset in agreement(preset.style, style) > agreement(best.style, style) ? preset : best }
        var configuration = closest
        // The arXiv link form is a matter of taste, off in a run without configuration: `init`
        // shows it, commented out, rather than switching the check on.
        style.arxivForm = []
        configuration.style = style
        configuration.order = .auto

        let known = Set(presets.flatMap { preset in preset.labels.order + preset.labels.aliases.keys.map { $0.lowercased() } })
        let unknown = tallies.labels.order
            .filter { closest.labels.canonical($0) == nil && !known.contains($0.lowercased()) }
            .map { ($0, tallies.labels.counts[$0] ?? 0) }
        return StyleInference(
            path: path, files: nil, paperEntries: tallies.entries, findings: findings, configuration: configuration,
            unknownLabels: unknown, labelEvidence: tallies.labels.evidence { $0 })
    }

    /// How well a preset's pinned keys fit the inferred style: +1 for each pinned key that
    /// matches, -1 for each that does not; a learned (empty) key fits anything and counts 0.
    private static func agreement(_ preset: HouseStyle, _ inferred: HouseStyle) -> Int {
        func score<Value: Equatable>(_ pinned: [Value], _ found: [Value]) -> Int {
            pinned.isEmpty ? 0 : pinned == found ? 1 : -1
        }
        return score(preset.date, inferred.date) + score(preset.title, inferred.title)
            + score(preset.titlePeriod, inferred.titlePeriod) + score(preset.authors, inferred.authors)
            + score(preset.linkSyntax, inferred.linkSyntax) + score(preset.linkSeparator, inferred.linkSeparator)
    }
}

/// The vote counters of every key.
private struct Tallies {
    var entries = 0
    var date = Tally<DateStyle>()
    var title = Tally<TitleStyle>()
    var titlePeriod = Tally<Requirement>()
    var authors = Tally<AuthorStyle>()
    var linkSyntax = Tally<LinkSyntaxStyle>()
    var separator = Tally<LinkSeparatorStyle>()
    var arxiv = Tally<ArxivForm>()
    var order = Tally<OrderDirection>()
    var labels = Tally<String>()

    /// One entry's votes: the rules' own (`StyleVotes`), so that what `init` writes is what a
    /// run without configuration learns.
    mutating func add(_ entry: Entry, _ document: Document) {
        let bytes = document.bytes
        entries += 1
        if let style = StyleVotes.date(entry, bytes) { date.add(style) }
        if let style = StyleVotes.title(entry) { title.add(style) }
        // Titles ending in `?`, `!` or an abbreviation say nothing about the period.
        if let vote = TitlePeriods.vote(entry, bytes) { titlePeriod.add(vote) }
        authors.add(StyleVotes.authors(entry, bytes))
        StyleVotes.linkSyntax(entry).forEach { linkSyntax.add($0) }
        for link in entry.links { labels.add(String(decoding: bytes[link.label], as: UTF8.self)) }
        StyleVotes.arxivForms(entry, bytes).forEach { arxiv.add($0) }
        StyleVotes.separators(entry, bytes).forEach { separator.add($0.style) }
    }

    /// One vote per list whose dates show a direction, as the order rule finds it.
    mutating func addOrder(_ document: Document, skipping configuration: Configuration) {
        StyleVotes.orders(document, configuration).forEach { order.add($0) }
    }
}
