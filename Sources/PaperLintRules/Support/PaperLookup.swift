import PaperLintCore

/// What `paperlint add` asks of the rules' reading of a list: is this paper listed already,
/// and which entries of a section take part in its order, which way it runs.
///
/// The same identities (`duplicate`) and the same lists and direction (`order`) as the rules,
/// so that what `add` refuses or places is what `check` would report or accept.
public enum PaperLookup {
    /// An entry of the list that names the same paper.
    public struct Listed: Sendable, Equatable {
        public var line: Int
        /// The existing entry's title, quoted and shortened (`“PathAsst: …”`).
        public var title: String
        /// `“Multimodal LLMs in Medicine”`.
        public var section: String
        public var sectionIndex: Int
        /// "same arXiv id 2305.15072", "same title".
        public var evidence: String
    }

    /// The entries of `document` naming the paper of `title` and `links` (label, URL): the same
    /// arXiv id (any URL form or version), DOI or normalised paper URL, or the same normalised
    /// title. Only links that can name a paper count (not `code`, `project` …).
    public static func listed(
        title: String, links: [(label: String, url: String)], in document: Document, _ configuration: Configuration
    ) -> [Listed] {
        let titleKey = PaperIdentity.normalizedTitle(title)
        let keys = Set(links.compactMap { link -> PaperIdentity.LinkKey? in
            let label = link.label.lowercased()
            let canonical = configuration.labels.canonical(label)?.lowercased() ?? label
            guard !PaperIdentity.sharedLabels.contains(canonical) else { return nil }
            return PaperIdentity.linkKey(Array(link.url.utf8))
        })
        return PaperIdentity.all(in: document, configuration).compactMap { paper in
            let evidence: String
            if let key = paper.linkKey, keys.contains(key) {
                evidence = "same \(key.evidence)"
            } else if !titleKey.isEmpty, paper.titleKey == titleKey {
                evidence = "same title"
            } else {
                return nil
            }
            return Listed(
                line: paper.entry.line, title: paper.quotedTitle(in: document), section: PaperIdentity.sectionName(paper.section, in: document),
                sectionIndex: paper.section, evidence: evidence)
        }
    }

    /// The top-level paper entries of `section` (every list of it, in order) with their sort
    /// keys (`year * 100 + month`, as `order` compares them; nil for an entry `order` leaves
    /// out or would report as out of order), and the direction the section runs: its own where its entries show one
    /// (`ordered`: as `order` checks it), else the configured one, else the direction most of
    /// the list's sections run, else newest first.
    public static func placement(
        section: Int, in document: Document, _ configuration: Configuration
    ) -> (entries: [(entry: Entry, key: Int?)], newestFirst: Bool, ordered: Bool) {
        let layout = PaperIdentity.ListLayout.of(document, configuration)
        let (order, lists) = OrderRule.lists(document, configuration, layout)
        var entries: [Entry] = []
        var votes = (newest: 0, oldest: 0)
        let depth = order.filter { $0.section == section }.map(\.depth).min()
        for id in order {
            let listEntries = lists[id] ?? []
            if id.section == section && id.depth == depth {
                entries += listEntries
            }
            if let direction = OrderRule.direction(.auto, OrderRule.keyed(listEntries).map(\.key)) {
                if direction.newestFirst { votes.newest += listEntries.count } else { votes.oldest += listEntries.count }
            }
        }
        let keyed = OrderRule.keyed(entries)
        let newestFirst: Bool
        let own = OrderRule.direction(configuration.order == .none ? .auto : configuration.order, keyed.map(\.key))
        if let own {
            newestFirst = own.newestFirst
        } else {
            newestFirst = votes.oldest <= votes.newest
        }
        // Entries `order` would report as misplaced give no place: only the longest sorted run does.
        let kept = own == nil ? keyed.map { _ in true } : OrderRule.keptPositions(keyed.map { newestFirst ? -$0.key : $0.key })
        var keys: [Int: Int] = [:]
        for ((entry, key), keep) in zip(keyed, kept) where keep { keys[entry.range.lowerBound] = key }
        return (entries.map { ($0, keys[$0.range.lowerBound]) }, newestFirst, own != nil && configuration.order != .none)
    }

    /// The last line of `entry` with its nested items.
    public static func blockLastLine(of entry: Entry, in document: Document, _ configuration: Configuration) -> Int {
        PaperIdentity.ListLayout.of(document, configuration).place(of: entry)?.blockLastLine ?? entry.lastLine
    }

    /// Letters and digits only, lowercased: how `duplicate` compares titles.
    public static func normalizedTitle(_ title: String) -> String { PaperIdentity.normalizedTitle(title) }
}
