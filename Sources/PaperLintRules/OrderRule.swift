import PaperLintCore

/// Entries of one list in chronological order, newest or oldest first.
///
/// A paper list is read top-down: a reader scanning for "what is new" stops at the first
/// old entry. The rule reports the fewest entries whose moving sorts the list.
public struct OrderRule: Rule {
    public static let description = RuleDescription(
        id: "order",
        defaultSeverity: .error,
        summary: "Keep the entries of each section in chronological order.",
        rationale: """
            Paper lists are sorted by date, usually newest first, so readers find recent work at \
            the top of every section and a new entry has one obvious place. An entry pasted at the \
            wrong height breaks that promise silently. The direction comes from `order` in the \
            configuration: `newest-first` or `oldest-first` (every section is checked that way), \
            `none`, or `auto` (the default): each section is checked in its own direction, and \
            only where its evidence shows one, at least four dated entries of which at least \
            80% already stand in one sorted run (in a diff, counting the entries the change does \
            not touch); sections grouped by topic or not sorted at all are left alone. Each list (the entries of one section, or \
            the items nested at one depth under one entry) is checked on its own, and text \
            between two items (a `**Preprints**` paragraph) starts a new list; entries without \
            a usable date are ignored and equal dates may stand in any order. Only the fewest \
            entries whose moving would sort the list are reported (those outside one longest \
            sorted run), each once, with the entry it belongs next to; in a diff, of the equally \
            few, the entries the change added or edited. When those are all that is out of \
            place, the fix moves them, and only them, to where their dates belong (safe: only \
            the change's lines move). Otherwise the fix sorts the whole list, moving each \
            entry's lines (with its nested items) unchanged, and is attached to every finding of \
            the list (to the first only when more than 8 entries are misplaced); it is unsafe \
            because the list might intentionally group entries another way.
            """,
        nonTriggering: OrderRule.nonTriggeringExamples,
        triggering: OrderRule.triggeringExamples,
        corrections: OrderRule.correctionExamples)

    public init() {}

    public func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        guard configuration.order != .none else { return [] }
        let layout = PaperIdentity.ListLayout.of(document, configuration)
        let (listOrder, lists) = Self.lists(document, configuration, layout)
        var found: [Diagnostic] = []
        for id in listOrder {
            // Findings sit on the list's own entries: a list the focus leaves alone has none to keep.
            guard let listed = lists[id], listed.contains(where: { document.isInFocus($0) }) else { continue }
            let entries = Self.keyed(listed)
            guard entries.count >= 2, entries.contains(where: { document.isInFocus($0.entry) }) else { continue }
            // Only a list whose untouched entries are (nearly) in order is checked, in its own direction.
            let untouched = entries.filter { !document.isChanged($0.entry) }
            let reference = untouched.count >= Self.minimumEvidence ? untouched : entries
            guard let direction = Self.direction(configuration.order, reference.map(\.key)) else { continue }
            found += check(entries, list: id, direction: direction, layout: layout, in: document)
        }
        // Lists were visited by first appearance; nested lists interleave with their parents.
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The paper entries of each list (a section's list, or a nested one), lists in order of
    /// first appearance.
    static func lists(
        _ document: Document, _ configuration: Configuration, _ layout: PaperIdentity.ListLayout
    ) -> (order: [PaperIdentity.ListLayout.ListID], entries: [PaperIdentity.ListLayout.ListID: [Entry]]) {
        var lists = FirstAppearances<PaperIdentity.ListLayout.ListID>()
        var grouped: [[Entry]] = []
        for entry in document.paperEntries(configuration) where !document.isOpaque(entry.line) {
            guard let place = layout.place(of: entry) else { continue }
            let number = lists.number(of: place.list)
            if number == grouped.count { grouped.append([]) }
            grouped[number].append(entry)
        }
        return (lists.keys, Dictionary(uniqueKeysWithValues: zip(lists.keys, grouped)))
    }

    /// The paper entries of each list, as `check` groups them.
    static func lists(_ document: Document, _ configuration: Configuration) -> [[Entry]] {
        let (order, entries) = lists(document, configuration, PaperIdentity.ListLayout.of(document, configuration))
        return order.map { entries[$0] ?? [] }
    }

    /// Which way a list runs, and how the message names it.
    struct Direction {
        var newestFirst: Bool
        /// " (8 of 9 sections)" when inferred, empty when configured.
        var evidence: String

        var name: String { newestFirst ? "newest first" : "oldest first" }
    }

    /// A list needs this many dated entries to show an order …
    static let minimumEvidence = 4
    /// … and this share of them in one longest sorted run (at most one in five out of place).
    static let orderedShare = 0.8

    /// The direction one list runs in, from its own evidence: the configured direction, or
    /// with `auto` the direction its entries follow; nil when fewer than `minimumEvidence`
    /// entries or less than `orderedShare` of them are in order that way (a list grouped by
    /// topic, or not sorted at all, is not checked).
    static func direction(_ order: OrderDirection, _ keys: [Int]) -> Direction? {
        // A configured direction is the maintainer's word: every list is checked in it.
        if order == .newestFirst || order == .oldestFirst { return Direction(newestFirst: order == .newestFirst, evidence: "") }
        guard keys.count >= minimumEvidence else { return nil }
        func inOrder(_ newestFirst: Bool) -> Int { keptPositions(keys.map { newestFirst ? -$0 : $0 }).count { $0 } }
        let candidates: [Bool] = switch order {
        case .none: []
        case .newestFirst: [true]
        case .oldestFirst: [false]
        case .auto: [true, false]
        }
        let counts = candidates.map { ($0, inOrder($0)) }
        guard let (newestFirst, sorted) = counts.max(by: { $0.1 < $1.1 }),
            Double(sorted) >= orderedShare * Double(keys.count),
            !counts.contains(where: { $0.0 != newestFirst && $0.1 == sorted })  // both ways alike: no direction
        else { return nil }
        let evidence = order == .auto ? " (\(sorted) of \(keys.count) dated entries in order)" : ""
        return Direction(newestFirst: newestFirst, evidence: evidence)
    }

    /// The entries that take part, with their sort keys: valid year/month dates. Year-only
    /// dates cannot be placed among months and are left out, unless the list has no month
    /// at all, in which case years are compared.
    static func keyed(_ entries: [Entry]) -> [(entry: Entry, key: Int)] {
        func isValid(_ date: EntryDate) -> Bool { (1000...9999).contains(date.year) }
        let withMonth = entries.compactMap { entry -> (Entry, Int)? in
            guard let date = entry.date, isValid(date), let month = date.month, (1...12).contains(month) else { return nil }
            return (entry, date.year * 100 + month)
        }
        if !withMonth.isEmpty { return withMonth.map { (entry: $0.0, key: $0.1) } }
        return entries.compactMap { entry in
            guard let date = entry.date, isValid(date), date.month == nil else { return nil }
            return (entry: entry, key: date.year * 100)
        }
    }

    private func check(
        _ entries: [(entry: Entry, key: Int)], list: PaperIdentity.ListLayout.ListID, direction: Direction,
        layout: PaperIdentity.ListLayout, in document: Document
    ) -> [Diagnostic] {
        // Ranks that must not decrease down the list.
        let ranks = entries.map { direction.newestFirst ? -$0.key : $0.key }
        // In a diff, of the equally long runs the one keeping the untouched entries: the entry
        // the change misplaced is reported, not its old neighbour (in `--all` nothing is preferred).
        let kept = document.changed == nil
            ? Self.keptPositions(ranks)
            : Self.keptPositions(ranks, preferring: entries.map { !document.isChanged($0.entry) })
        let keptPositions = kept.indices.filter { kept[$0] }
        guard keptPositions.count < entries.count else { return [] }
        // In a diff whose own entries are all that is out of place, the fix moves them, and only
        // them, to where their dates belong: safe, since only the change's lines move. Else
        // the list is sorted, which moves entries the change did not touch (unsafe).
        let misplaced = entries.indices.filter { !kept[$0] }
        let movesOnlyTheChange = document.changed != nil
            && misplaced.allSatisfy { document.isChanged(entries[$0].entry) }
        let move = movesOnlyTheChange ? moveFix(entries, ranks: ranks, kept: keptPositions, misplaced: misplaced, layout: layout, in: document) : nil
        let fix = move ?? sortFix(entries, ranks: ranks, direction: direction, list: list, layout: layout, in: document)
        // Every finding carries the list's fix, so it survives the diff filter whichever entry
        // was added; a list with many misplaced entries carries it once, on its first finding:
        // it needs one sort anyway, and thousands of copies of thousands of edits would make
        // reports quadratic.
        let carriesFixEach = entries.count - keptPositions.count <= Self.fixOnEveryFindingLimit
        let scope = list.depth == 0 ? "this section" : "this list"
        var found: [Diagnostic] = []
        for position in entries.indices where !kept[position] {
            let entry = entries[position].entry
            guard let date = entry.date else { continue }
            let written = document.string(date.range)
            // The first kept entry ranked after this one is the entry it belongs before.
            let low = keptPositions.partitioningIndex { ranks[$0] > ranks[position] }
            let related: RelatedLocation
            if low < keptPositions.count, let neighbour = entries[keptPositions[low]].entry.date {
                related = RelatedLocation(range: neighbour.range, message: "belongs before this \(document.string(neighbour.range)) entry")
            } else if let last = keptPositions.last, let neighbour = entries[last].entry.date {
                related = RelatedLocation(range: neighbour.range, message: "belongs after this \(document.string(neighbour.range)) entry")
            } else {
                continue
            }
            // Between which two kept entries it belongs.
            func named(_ kept: Int) -> String {
                let entry = entries[kept].entry
                return "the \(entry.date.map { document.string($0.range) } ?? "undated") entry (line \(entry.line))"
            }
            let place = switch (low > 0 ? keptPositions[low - 1] : nil, low < keptPositions.count ? keptPositions[low] : nil) {
            case (let above?, let below?): "between \(named(above)) and \(named(below))"
            case (nil, let below?): "above \(named(below))"
            case (let above?, nil): "below \(named(above))"
            case (nil, nil): "where its date belongs"
            }
            found.append(Diagnostic(
                rule: Self.self, range: date.range,
                message: "\(written) entry is out of order: \(scope) is \(direction.name)\(direction.evidence)",
                help: "move it \(place) " + (move != nil ? "(`paperlint fix` moves it)" : "(`paperlint fix --unsafe` sorts the whole list)"),
                related: [related], fix: carriesFixEach || found.isEmpty ? fix : nil))
        }
        return found
    }

    /// Up to this many misplaced entries in a list, each finding carries the sort fix.
    static let fixOnEveryFindingLimit = 8

    /// Positions kept by one longest run whose `ranks` never decrease; the rest are reported.
    ///
    /// O(n log n) by patience sorting, run from the end so that `length[i]` is the longest
    /// run starting at `i`; a forward pass then keeps, at each step, the earliest entry that
    /// still completes a longest run. Among all longest runs this keeps the earliest entries,
    /// so an entry pasted into a sorted list is the one reported, deterministically.
    static func keptPositions(_ ranks: [Int]) -> [Bool] {
        var length = [Int](repeating: 0, count: ranks.count)
        // tails[k]: the largest possible first rank of a run of length k + 1 (negated, so
        // the array is sorted ascending and upper-bound search applies).
        var tails: [Int] = []
        for index in ranks.indices.reversed() {
            let value = -ranks[index]
            let low = tails.partitioningIndex { $0 > value }
            if low == tails.count { tails.append(value) } else { tails[low] = value }
            length[index] = low + 1
        }
        var kept = [Bool](repeating: false, count: ranks.count)
        var needed = tails.count
        var last = Int.min
        for index in ranks.indices where needed > 0 && length[index] == needed && ranks[index] >= last {
            kept[index] = true
            last = ranks[index]
            needed -= 1
        }
        return kept
    }

    /// Like `keptPositions(_:)`, but of all longest runs keeps one with the most `preferred`
    /// positions (earliest among equals).
    ///
    /// O(n log n): a Fenwick tree over the distinct ranks holds, for each rank, the best score
    /// of a run ending at or below it; a run's score is its length times (n + 1) plus its
    /// preferred positions, so length always wins and preference breaks ties.
    static func keptPositions(_ ranks: [Int], preferring preferred: [Bool]) -> [Bool] {
        let values = Array(Set(ranks)).sorted()
        let count = ranks.count
        let weight = count + 1
        var tree = [(score: Int, index: Int)](repeating: (0, -1), count: values.count + 1)
        var previous = [Int](repeating: -1, count: count)
        var score = [Int](repeating: 0, count: count)
        for index in ranks.indices {
            let slot = values.partitioningIndex { $0 >= ranks[index] } + 1
            var best = (score: 0, index: -1)
            var node = slot
            while node > 0 {
                if tree[node].score > best.score { best = tree[node] }
                node -= node & -node
            }
            score[index] = best.score + weight + (preferred[index] ? 1 : 0)
            previous[index] = best.index
            node = slot
            while node < tree.count {
                if score[index] > tree[node].score { tree[node] = (score[index], index) }
                node += node & -node
            }
        }
        var end = -1
        var top = 0
        for index in ranks.indices where score[index] > top {
            top = score[index]
            end = index
        }
        var kept = [Bool](repeating: false, count: count)
        while end >= 0 {
            kept[end] = true
            end = previous[end]
        }
        return kept
    }

    private static func hasSuppressionAbove(_ entry: Entry, in document: Document) -> Bool {
        guard entry.line > 1 else { return false }
        let text = document.text(ofLine: entry.line - 1)
        return Suppressions.isDirective(text)
    }

    /// Moves each misplaced entry's lines (with nested items) to where its date belongs among
    /// the kept ones: before the first kept entry that sorts after it, or after the last. Nil
    /// where an entry shares its first line, or a suppression comment sits above a moved one.
    private func moveFix(
        _ entries: [(entry: Entry, key: Int)], ranks: [Int], kept: [Int], misplaced: [Int],
        layout: PaperIdentity.ListLayout, in document: Document
    ) -> Fix? {
        guard !kept.isEmpty, misplaced.allSatisfy({ layout.place(of: entries[$0].entry)?.ownsFirstLine == true }),
            !misplaced.contains(where: { Self.hasSuppressionAbove(entries[$0].entry, in: document) })
        else { return nil }
        var edits: [Edit] = []
        // Where each goes: the kept position it lands before (kept.count: after the last).
        var arrivals: [Int: [Int]] = [:]
        for position in misplaced {
            let block = layout.fullBlock(of: entries[position].entry, in: document)
            edits.append(Edit(replacing: block, with: ""))
            arrivals[kept.partitioningIndex { ranks[$0] > ranks[position] }, default: []].append(position)
        }
        for (target, positions) in arrivals {
            let text = positions.sorted { (ranks[$0], $0) < (ranks[$1], $1) }.map { position -> String in
                let entry = entries[position].entry
                let block = layout.block(of: entry, in: document), full = layout.fullBlock(of: entry, in: document)
                let terminator = full.upperBound > block.upperBound ? document.string(block.upperBound..<full.upperBound) : "\n"
                return document.string(block) + terminator
            }.joined()
            if target < kept.count {
                let at = layout.block(of: entries[kept[target]].entry, in: document).lowerBound
                edits.append(Edit(replacing: at..<at, with: text))
            } else {
                let last = entries[kept[kept.count - 1]].entry
                let block = layout.block(of: last, in: document), full = layout.fullBlock(of: last, in: document)
                // After the last kept entry; a file ending without a line break gets one first.
                edits.append(full.upperBound > block.upperBound
                    ? Edit(replacing: full.upperBound..<full.upperBound, with: text)
                    : Edit(replacing: full.upperBound..<full.upperBound, with: "\n" + String(text.dropLast())))
            }
        }
        let count = misplaced.count
        return Fix(.safe, count == 1 ? "move the entry to where its date belongs" : "move the \(count) entries to where their dates belong", edits: edits)
    }

    /// Sorts the list stably: each dated entry's lines (with nested items) go to the slot of
    /// the entry that sorts there; undated items and text between entries stay put.
    private func sortFix(
        _ entries: [(entry: Entry, key: Int)], ranks: [Int], direction: Direction,
        list: PaperIdentity.ListLayout.ListID, layout: PaperIdentity.ListLayout, in document: Document
    ) -> Fix? {
        guard entries.allSatisfy({ layout.place(of: $0.entry)?.ownsFirstLine == true }) else { return nil }
        let slots = entries.map { layout.block(of: $0.entry, in: document) }
        for (a, b) in zip(slots, slots.dropFirst()) where a.upperBound > b.lowerBound { return nil }
        let sorted = entries.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }
        // A suppression comment right above an entry belongs to that entry; sorting would
        // leave it above another one, silencing the wrong line. Such lists are sorted by hand.
        for (slot, source) in zip(slots.indices, sorted) where source != slot {
            for position in [slot, source] where Self.hasSuppressionAbove(entries[position].entry, in: document) { return nil }
        }
        var edits: [Edit] = []
        for (slot, source) in zip(slots.indices, sorted) where source != slot {
            edits.append(Edit(replacing: slots[slot], with: document.string(slots[source])))
        }
        let what = list.depth == 0 ? "section's entries" : "list's entries"
        return Fix(.unsafe, "sort the \(what) \(direction.name)", edits: edits)
    }
}
