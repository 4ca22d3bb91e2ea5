import PaperLintCore

/// Link labels come from the list's vocabulary, spelled the way the list spells them, in the
/// canonical order (`paper` before `code` …).
public struct LinkLabelRule: Rule {
    public static let description = RuleDescription(
        id: "link-label",
        defaultSeverity: .warning,
        summary: "Link labels from the vocabulary, spelled as the list spells them, in canonical order.",
        rationale: """
            Checks the labels of each paper entry's links against the list's own habits, with \
            `labels` of the configuration as the grammar. Order: the paper link leads, and where \
            the list clearly puts it before another label (at least 85% of the other entries \
            with both), an entry listing another link first is a warning (the order of the links \
            after it is a matter of taste, with `taste: [label-order]`); the safe fix swaps the \
            links and leaves the separators in place (no fix when a line of text lies between the links: the swap \
            would move a link over to text it never followed); where too few entries have both \
            labels to show an order, `labels.order` stands in (`paper`, `code`, `project`, …). \
            Spelling (a matter of taste, with `taste: [label-case]`): each canonical label is \
            spelled the way the list spells it, so a rare `[[Code]]` in a list of `[[code]]` is a \
            warning with a safe fix, while a list that \
            writes `[[project page]]` keeps that spelling rather than being pushed to `project`, \
            and a spelling a real share of the list uses is accepted. Another word for the same \
            link (`[[github]]` among `[[code]]`) is a matter of taste, reported with an unsafe \
            fix only under `taste: [label-aliases]`. A label outside the vocabulary is the list's own word and is not \
            reported. Readers scan a paper list by its link columns: the same link under varying \
            names or positions has to be read rather than recognised.
            """,
        nonTriggering: [
            Example("- [2023/10] **T** *A. B.* [[paper](https://a.org/1)] [[code](https://g.com/r)] [[blog](https://b.io)]\n"),
            Example("- [2023/10] **T** *A. B.* [[code](https://g.com/r)]\n"),
            Example("""
                - [2023/10] **T** *A. B.* [[paper](u)] [[project page](v)]
                - [2023/09] **U** *C. D.* [[paper](u)] [[project page](v)]

                """),
            Example("- [2023/10] **T** *A. B.* [[Paper](u)] [[Code](v)]\n- [2023/09] **U** *C. D.* [[Paper](u)]\n"),
            Example("- [Introduction](#introduction)\n- [Code](#code)\n"),
            Example("- [2023/10] **T** *A. B.* [[paper](u)] [[codes and platform](v)]\n"),
        ],
        triggering: [
            Example("- [2023/06] **Lmflow** *S. Diao et al. arXiv.* [[code](v)] ↓[[paper](u)] [[blog](w)]\n"),
            Example("- [2023/10] **T** *A. B.* [[paper](u)] [[code](v)]\n- [2023/09] **U** *C. D.* [[paper](u)] [[↓Code](v)]\n"),
            Example("""
                - [2023/10] **T** *A. B.* [[paper](u)] [[project page](v)]
                - [2023/09] **U** *C. D.* [[paper](u)] [[project page](v)]
                - [2023/08] **V** *E. F.* [[paper](u)] [[↓Project Page](v)]

                """),
            Example("- [2023/10] **T** *A. B.* [[paper](u)] [[code](v)]\n- [2023/09] **U** *C. D.* [[paper](u)] [[↓github](v)]\n"),
            Example("- [2023/10] **T** *A. B.* [[↓Code](v)] ↓[[paper](u)]\n- [2023/09] **U** *C. D.* [[paper](u)] [[code](v)]\n"),
        ],
        corrections: [
            (Example("- [2023/06] **L** *S. D. arXiv.* [[code](v)] [[paper](u)] [[blog](w)]\n"),
             Example("- [2023/06] **L** *S. D. arXiv.* [[paper](u)] [[code](v)] [[blog](w)]\n")),
            (Example("- [2023/06] **L** *S. D. arXiv.* [[blog](w)][[code](v)] [[paper](u)]\n"),
             Example("- [2023/06] **L** *S. D. arXiv.* [[paper](u)][[code](v)] [[blog](w)]\n")),
            (Example("- [2023/10] **T** *A. B.* [[paper](u)] [[code](v)]\n- [2023/09] **U** *C. D.* [[paper](u)] [[Code](v)]\n"),
             Example("- [2023/10] **T** *A. B.* [[paper](u)] [[code](v)]\n- [2023/09] **U** *C. D.* [[paper](u)] [[code](v)]\n")),
            (Example("- [2023/10] **T** *A. B.* [[paper](u)] [[code](v)]\n- [2023/09] **U** *C. D.* [[paper](u)] [[github](v)]\n"),
             Example("- [2023/10] **T** *A. B.* [[paper](u)] [[code](v)]\n- [2023/09] **U** *C. D.* [[paper](u)] [[code](v)]\n")),
        ])

    public init() {}

    /// A link's label as written (blanks around it trimmed) and what it means.
    struct Label {
        var link: EntryLink
        var text: Range<Int>
        var written: String
        /// The spelling group: the canonical label, or the lowercased label when the vocabulary lacks it.
        var key: String
        var isKnown: Bool
    }

    public func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        let vocabulary = configuration.labels
        let checked = document.checkedEntries(configuration)
        // Every link's label as a spelling number, in one array (a list writes a handful of
        // labels a hundred thousand times), with where each entry's labels start.
        var spellings = Spellings(vocabulary: vocabulary)
        var numbers: [Int32] = []
        numbers.reserveCapacity(checked.count * 3)
        var starts: [Int] = []
        starts.reserveCapacity(checked.count + 1)
        for entry in checked {
            starts.append(numbers.count)
            for link in entry.links { numbers.append(spellings.number(Self.text(of: link, document), document)) }
        }
        starts.append(numbers.count)
        let preferred = preferredSpellings(numbers, spellings)
        let order = LabelOrder(numbers, starts, spellings, vocabulary)
        var found: [Diagnostic] = []
        for (index, entry) in checked.enumerated() where document.isInFocus(entry) {
            let labels = entry.links.indices.map { position in
                spellings.label(entry.links[position], Self.text(of: entry.links[position], document), numbers[starts[index] + position])
            }
            var entryFound: [Diagnostic] = []
            if let misplaced = orderDiagnostic(labels, document, order, vocabulary, all: configuration.taste.contains(.labelOrder)) {
                entryFound.append(misplaced)
            }
            for label in labels {
                if let spelling = spellingDiagnostic(
                    label, preferred, aliases: configuration.taste.contains(.labelAliases), cases: configuration.taste.contains(.labelCase)) {
                    entryFound.append(spelling)
                }
            }
            found += entryFound.sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
        return found
    }

    /// The label text of `link` with the blanks around it trimmed.
    private static func text(of link: EntryLink, _ document: Document) -> Range<Int> {
        var lower = link.label.lowerBound, upper = link.label.upperBound
        while lower < upper && ASCII.isBlank(document.bytes[lower]) { lower += 1 }
        while upper > lower && ASCII.isBlank(document.bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// Per spelling group, the spelling the list uses most and its counts. `numbers` are the
    /// labels' spellings in list order: a group's tally holds its spellings in the order
    /// the list first writes them.
    private func preferredSpellings(
        _ numbers: [Int32], _ spellings: Spellings
    ) -> [String: (spelling: String, count: Int, total: Int, counts: [String: Int])] {
        var uses = [Int](repeating: 0, count: spellings.count)
        var firstSeen: [Int32] = []
        for number in numbers where !spellings.written[Int(number)].isEmpty {
            if uses[Int(number)] == 0 { firstSeen.append(number) }
            uses[Int(number)] += 1
        }
        var tallies: [String: Tally<String>] = [:]
        var keys: [String] = []
        for number in firstSeen {
            let key = spellings.key(number)
            if tallies[key] == nil { keys.append(key) }
            tallies[key, default: Tally()].add(spellings.written[Int(number)], uses[Int(number)])
        }
        var preferred: [String: (String, Int, Int, [String: Int])] = [:]
        for key in keys {
            guard let tally = tallies[key] else { continue }
            let most = tally.counts.values.max() ?? 0
            let leaders = tally.order.filter { tally.counts[$0] == most }
            // On a tie the vocabulary's own spelling wins, then the lowercase one, then the first seen.
            let spelling = leaders.first { $0 == key } ?? leaders.first { $0 == $0.lowercased() } ?? leaders[0]
            preferred[key] = (spelling, most, tally.total, tally.counts)
        }
        return preferred
    }

    private func spellingDiagnostic(
        _ label: Label, _ preferred: [String: (spelling: String, count: Int, total: Int, counts: [String: Int])], aliases: Bool,
        cases: Bool
    ) -> Diagnostic? {
        guard !label.written.isEmpty else { return nil }
        // A venue's own spelling (`[[OpenReview]]`, `[[arXiv]]`) is never pushed to the list's.
        if VenueNameRule.spellings[label.written.lowercased()] == label.written { return nil }
        if !label.isKnown {
            if let usual = preferred[label.key], usual.spelling != label.written {
                guard cases, Self.isDeviation(label.written, usual.counts, grammar: usual.spelling) else { return nil }
                return caseDiagnostic(label, (usual.spelling, usual.count, usual.total))
            }
            // A label outside the vocabulary is the list's own word (`report`, `OpenReview`), not a defect.
            return nil
        }
        guard cases || aliases, let usual = preferred[label.key], usual.spelling != label.written,
            Self.isDeviation(label.written, usual.counts, grammar: label.key)
        else { return nil }
        if usual.spelling.lowercased() == label.written.lowercased() {
            // `[[Code]]` among `[[code]]` reads the same: the spelling's case is a matter of taste.
            return cases ? caseDiagnostic(label, (usual.spelling, usual.count, usual.total)) : nil
        }
        // Another word for the same link (`repo` for `code`) is a matter of taste.
        guard aliases else { return nil }
        return Diagnostic(
            ruleID: Self.description.id, severity: .warning, range: label.text,
            message: "link label `\(label.written)` where this list writes `\(usual.spelling)` "
                + "(\(usual.count) of the other \(usual.total - 1) such links)",
            help: "rename the link to `\(usual.spelling)`",
            fix: Fix(.unsafe, "rename the label to \(usual.spelling)", Edit(replacing: label.text, with: usual.spelling)))
    }

    /// True when spelling `written` departs from the house style of its label: judged against
    /// the other labels that mean the same (`HouseForms`), this one's own vote taken out.
    /// `grammar`, the vocabulary's own spelling, stands in where too few other labels show one.
    static func isDeviation(_ written: String, _ counts: [String: Int], grammar: String? = nil) -> Bool {
        var forms = HouseForms<String>(configured: [], defaults: grammar.map { [$0] } ?? [])
        // A spelling that recurs (three other links) is written on purpose.
        forms.acceptsRecurring = true
        for (spelling, count) in counts.sorted(by: { $0.key < $1.key }) { forms.add(spelling, count: count) }
        return forms.judge(written) != nil
    }

    private func caseDiagnostic(_ label: Label, _ usual: (spelling: String, count: Int, total: Int)) -> Diagnostic? {
        Diagnostic(
            rule: Self.self, severity: .warning, range: label.text,
            message: "link label `\(label.written)` where this list writes `\(usual.spelling)` "
                + "(\(usual.count) of the other \(usual.total - 1) such links)",
            help: "write the label as `\(usual.spelling)`",
            fix: Fix(.safe, "write the label as \(usual.spelling)", Edit(replacing: label.text, with: usual.spelling)))
    }

    /// The first link that comes after a link it should precede, with a fix that sorts the
    /// entry's known links into their slots (unknown labels keep theirs).
    /// The paper link leads: a link before it is reported. The order of the links after it is a
    /// matter of taste (`all`, with `taste: [label-order]`).
    private func orderDiagnostic(
        _ labels: [Label], _ document: Document, _ order: LabelOrder, _ vocabulary: LabelVocabulary, all: Bool
    ) -> Diagnostic? {
        var latest: (label: Label, rank: Int)?
        var misplaced: (label: Label, after: Label)?
        for label in labels {
            guard let rank = order.rank[label.key] else { continue }
            if let previous = latest, rank < previous.rank {
                misplaced = (label, previous.label)
                break
            }
            latest = (label, rank)
        }
        guard let misplaced, all || misplaced.label.key == vocabulary.order.first else { return nil }
        let slots = labels.filter { order.rank[$0.key] != nil }
        let sorted = slots.enumerated()
            .sorted { (order.rank[$0.element.key] ?? 0, $0.offset) < (order.rank[$1.element.key] ?? 0, $1.offset) }
            .map(\.element)
        var edits: [Edit] = []
        for (slot, moved) in zip(slots, sorted) where slot.link.range != moved.link.range {
            edits.append(Edit(replacing: slot.link.range, with: document.string(moved.link.range)))
        }
        // Swapping links is safe within one line, or across a line break with nothing but blanks
        // around it. A line of text in between (a lazy continuation line such as
        // `-[2021/01] **Other** *B.* [[paper](u)]` belongs to this item) would make the swap carry
        // a link over to text it never followed: no fix then, the author reorders by hand.
        let span = (edits.first?.range.lowerBound ?? 0)..<(edits.last?.range.upperBound ?? 0)
        let links = labels.map(\.link.range).filter { span.lowerBound <= $0.lowerBound && $0.upperBound <= span.upperBound }
        let canSwap = zip(links, links.dropFirst()).allSatisfy { previous, next in
            let gap = document.bytes[previous.upperBound..<next.lowerBound]
            let isLineBreak = { (byte: UInt8) in byte == ASCII.newline || byte == ASCII.carriageReturn }
            return !gap.contains(where: isLineBreak) || gap.allSatisfy { ASCII.isBlank($0) || isLineBreak($0) }
        }
        var names: [String] = []
        for label in sorted where names.last != label.written { names.append(label.written) }
        let (label, after) = (misplaced.label, misplaced.after)
        // The list's own clear order is the house style; where too few entries have both labels
        // to show one, the vocabulary's order stands in (the grammar's default).
        let reason: String
        let entriesWithBoth = order.entries(with: label.key, after.key)
        if entriesWithBoth.total - 1 >= HouseStyleThresholds.minimumVotes {
            guard Double(entriesWithBoth.first) >= HouseStyleThresholds.strongMajority * Double(entriesWithBoth.total - 1)
            else { return nil }
            reason = "this list puts `\(label.written)` before `\(after.written)` in \(entriesWithBoth.first) of the other \(entriesWithBoth.total - 1) entries with both"
        } else {
            guard entriesWithBoth.first >= entriesWithBoth.total - 1 - entriesWithBoth.first else { return nil }
            reason = "labels.order puts `\(label.key)` before `\(after.key)`"
        }
        return Diagnostic(
            rule: Self.self, severity: .warning, range: label.link.range,
            message: "link `[[\(label.written)]]` comes after `[[\(after.written)]]`; \(reason)",
            help: "order the links as \(names.joined(separator: ", "))",
            fix: canSwap ? Fix(.safe, "reorder the links as \(names.joined(separator: ", "))", edits: edits) : nil)
    }
}

/// The order links should follow: `labels.order`, except where the list itself clearly puts a
/// pair the other way round (a list that writes `[[project page]]` before `[[code]]` in 22 of 24
/// entries keeps doing so).
private struct LabelOrder {
    /// Fewer entries than this with a pair and the vocabulary decides the pair.
    static let minimumVotes = HouseStyleThresholds.minimumVotes
    /// Effective position of each label key seen in the list.
    private(set) var rank: [String: Int] = [:]
    /// Entries listing the first key of the pair before the second (first occurrences).
    private var before: [Pair: Int] = [:]

    /// Two keys, first and second: hashed as they are, not joined into a new string per pair.
    private struct Pair: Hashable {
        var first: String
        var second: String
    }

    /// `numbers`: every label's spelling, the entries' from `starts[i]` to `starts[i + 1]`.
    init(_ numbers: [Int32], _ starts: [Int], _ spellings: LinkLabelRule.Spellings, _ vocabulary: LabelVocabulary) {
        // Counted by group numbers; the strings are looked up once per pair at the end.
        var pairs: [Int64: Int] = [:]
        var seenGroups: [Int32] = []
        var isSeen = [Bool](repeating: false, count: spellings.groups.count)
        var keys: [Int32] = []
        for entry in 0..<max(0, starts.count - 1) {
            keys.removeAll(keepingCapacity: true)
            for number in numbers[starts[entry]..<starts[entry + 1]] where spellings.isKnown[Int(number)] {
                let group = spellings.group[Int(number)]
                if !keys.contains(group) { keys.append(group) }
            }
            for (index, first) in keys.enumerated() {
                for second in keys[(index + 1)...] { pairs[Int64(first) << 32 | Int64(second), default: 0] += 1 }
            }
            for group in keys where !isSeen[Int(group)] {
                isSeen[Int(group)] = true
                seenGroups.append(group)
            }
        }
        for (pair, count) in pairs {
            before[Self.pair(spellings.groups[Int(pair >> 32)], spellings.groups[Int(pair & 0xFFFF_FFFF)])] = count
        }
        let seen = seenGroups.map { spellings.groups[Int($0)] }
        // The vocabulary's order first, then an insertion sort that lets the list's clear
        // preferences move a label forward; deterministic even if the preferences form a cycle.
        let initial = seen.sorted { (vocabulary.rank($0) ?? Int.max, $0) < (vocabulary.rank($1) ?? Int.max, $1) }
        var ordered: [String] = []
        for key in initial {
            let at = ordered.firstIndex { other in
                if let votes = listPrefers(key, other) { return votes.first }
                return (vocabulary.rank(key) ?? Int.max) < (vocabulary.rank(other) ?? Int.max)
            }
            ordered.insert(key, at: at ?? ordered.count)
        }
        for (index, key) in ordered.enumerated() { rank[key] = index }
    }

    private static func pair(_ a: String, _ b: String) -> Pair { Pair(first: a, second: b) }

    /// Entries listing `a` before `b` (`first`), and entries with both in either order.
    func entries(with a: String, _ b: String) -> (first: Int, total: Int) {
        let ab = before[Self.pair(a, b)] ?? 0, ba = before[Self.pair(b, a)] ?? 0
        return (ab, ab + ba)
    }

    /// The list's clear preference between `a` and `b`: `first` is true when it puts `a` first;
    /// `count` and `total` are the entries for the winner and with both; nil when unclear.
    func listPrefers(_ a: String, _ b: String) -> (first: Bool, count: Int, total: Int)? {
        let ab = before[Self.pair(a, b)] ?? 0, ba = before[Self.pair(b, a)] ?? 0
        // A clear preference: enough entries, and a strong majority of the others (one entry
        // written the other way is the one being judged).
        let strong = { (count: Int) in Double(count) >= HouseStyleThresholds.strongMajority * Double(ab + ba - 1) }
        if ab > ba && ab >= Self.minimumVotes && strong(ab) { return (true, ab, ab + ba) }
        if ba > ab && ba >= Self.minimumVotes && strong(ba) { return (false, ba, ab + ba) }
        return nil
    }
}
