import PaperLintCore
import Synchronization

extension Entry {
    /// The entry's lines, for `HouseForms.judge`.
    var lines: ClosedRange<Int> { line...max(line, lastLine) }
}

/// How a list's house style is learned: the thresholds every style key shares.
///
/// Picked on a corpus of real paper lists, not on one file: a form that a real share of the
/// list uses is the list's own (lists write `[YYYY]` for classic papers and `[YYYY/MM]` for
/// new ones on purpose), and only a rare form next to a strong majority is a deviation.
public enum HouseStyleThresholds {
    /// A form used by at least this many of the other entries …
    public static let acceptedCount = 3
    /// … and by at least this share of them is house style, never a defect.
    public static let acceptedShare = 0.10
    /// A form outside the house style is reported only when the house forms hold at least
    /// this share of the other entries' votes.
    public static let strongMajority = 0.85
    /// With fewer votes than this from the other entries there is no share to speak of: where
    /// the grammar has a default form, it is accepted and so is any form another entry uses
    /// (a habit such as a double space only with a real share); others are deviations (a
    /// double space in a three-entry list is still a double space). Without a default, nothing
    /// is reported.
    public static let minimumVotes = 5

    /// The forms of `counts` that are house style, most used first (first seen among equals).
    public static func accepted<Value: Hashable>(_ counts: [Value: Int], order: [Value]) -> [Value] {
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return [] }
        return order.filter { value in
            let count = counts[value] ?? 0
            return count >= acceptedCount && Double(count) >= acceptedShare * Double(total)
        }.sorted { (counts[$0] ?? 0) > (counts[$1] ?? 0) }
    }
}

/// Why a form is not the list's: the forms it writes instead, and how many of the other
/// entries use them. Messages count the others, never the entry being judged.
struct StyleDeviation<Value: Hashable & Sendable>: Sendable {
    /// The accepted forms, most used first.
    var expected: [Value]
    /// How many of the other votes use an accepted form, of all other votes.
    var count: Int
    var total: Int
    var isConfigured: Bool

    /// The most used accepted form: what a fix rewrites to.
    var value: Value { expected[0] }

    /// "this list writes `[YYYY/MM]` (420 of the other 421 dates)", or for a configured form
    /// "the configured form is `] [[` (used by 48 of the other 51 separators)".
    func reason(_ name: (Value) -> String, unit: String) -> String {
        let forms = expected.map(name).joined(separator: " or ")
        if total == 0 && !isConfigured { return "the usual form is " + forms + " (no other \(unit) to compare with)" }
        let counts = total == 0 ? "" : " (\(isConfigured ? "used by " : "")\(count) of the other \(total) \(unit))"
        return (isConfigured ? "the configured form is " : "this list writes ") + forms + counts
    }
}

/// One style key of one document: the configured forms, or the forms its entries use.
///
/// Votes come from the reference entries: in a diff mode those the change does not touch,
/// otherwise every entry, each judged against the others (its own vote taken out).
struct HouseForms<Value: Hashable & Sendable>: Sendable {
    let configured: [Value]
    /// The grammar's forms, accepted when the other entries are too few to show a style.
    var defaults: [Value] = [] { didSet { forgetVerdicts() } }
    /// True for a style (a form any other entry of a small list uses is accepted); false for a
    /// habit such as a double space, where a few others doing the same prove nothing.
    var isStyle = true { didSet { forgetVerdicts() } }
    /// True for a blemish a list either cares about or does not (invisible blanks, zero
    /// padding, cross-listing): once it recurs in `acceptedCount` other entries, whatever
    /// their share, the list does not care and it is not reported.
    var acceptsRecurring = false { didSet { forgetVerdicts() } }
    /// How many other entries make a blemish recurring (`acceptsRecurring`).
    var recurringCount = HouseStyleThresholds.acceptedCount { didSet { forgetVerdicts() } }
    /// Sections every entry of which (at least `acceptedCount`) writes one form, by their first
    /// and last entry lines: that form is the section's own house style (a survey section with
    /// plain titles in a list that bolds them).
    var uniformSections: [(lines: ClosedRange<Int>, value: Value)] = []
    /// What `judge` found for each form, with the judged entry's own vote counted or not: the
    /// same for every entry that writes it, so thousands of entries share a few verdicts.
    /// Replaced whenever a vote or a setting changes.
    private var verdicts = Verdicts()

    /// A lock-protected memo: one house style is judged by rules running at once.
    private final class Verdicts: Sendable {
        struct Key: Hashable, Sendable {
            var value: Value
            var isCounted: Bool
        }
        let known = Mutex<[Key: StyleDeviation<Value>?]>([:])

        var isEmpty: Bool { known.withLock { $0.isEmpty } }
    }

    /// Drops what `judge` found, after a vote or a setting changed. An empty memo this value
    /// alone holds is kept: votes are added one entry at a time, and a new memo per vote was
    /// an allocation per entry per rule.
    private mutating func forgetVerdicts() {
        guard !(isKnownUniquelyReferenced(&verdicts) && verdicts.isEmpty) else { return }
        verdicts = Verdicts()
    }
    /// Votes of the reference entries, and the order they were first seen in.
    private(set) var counts: [Value: Int] = [:]
    private(set) var order: [Value] = []
    /// Votes of every entry, the changed ones included: a blemish a change repeats on several
    /// lines is written on purpose, not slipped in (see `acceptsRecurring`).
    private(set) var allCounts: [Value: Int] = [:]
    /// The changed lines when `counts` holds only the untouched entries' votes (a diff); nil
    /// when every entry votes, the judged ones included (their own vote is taken out to judge
    /// them, as is an untouched entry's judged under `--filter all`).
    let changed: LineSet?

    init(configured: [Value], defaults: [Value] = [], isStyle: Bool = true, changed: LineSet? = nil) {
        self.configured = configured
        self.defaults = defaults
        self.isStyle = isStyle
        self.changed = changed
    }

    /// Votes of the changed entries alone, in a diff.
    private(set) var changedCounts: [Value: Int] = [:]

    /// Counts the vote of a changed entry, outside the reference, for `allCounts` only.
    mutating func addOutside(_ value: Value) {
        forgetVerdicts()
        allCounts[value, default: 0] += 1
        changedCounts[value, default: 0] += 1
    }

    mutating func add(_ value: Value, count: Int = 1) {
        guard count > 0 else { return }
        forgetVerdicts()
        if counts[value] == nil { order.append(value) }
        counts[value, default: 0] += count
        allCounts[value, default: 0] += count
    }

    /// `add` for each of `votes`, in order: a run of equal votes is added at once (neighbours
    /// mostly vote alike, and each `add` hashes).
    mutating func add<Votes: Sequence>(each votes: Votes) where Votes.Element == Value {
        var run = VoteRun<Value>()
        for vote in votes { run.add(vote) { add($0, count: $1) } }
        run.finish { add($0, count: $1) }
    }

    var isConfigured: Bool { !configured.isEmpty }

    /// The forms accepted with every vote counted (what `paperlint init` writes).
    var accepted: [Value] { isConfigured ? configured : HouseStyleThresholds.accepted(counts, order: order) }

    /// The votes other than the judged entry's `own` form, when its vote is among them
    /// (`isCounted`: the entry is one of the reference entries).
    private func others(_ own: Value, isCounted: Bool) -> [Value: Int] {
        guard isCounted, let count = counts[own] else { return counts }
        var others = counts
        others[own] = count > 1 ? count - 1 : nil
        return others
    }

    /// True for a blemish (`acceptsRecurring`) that `recurringCount` other entries share with
    /// the one judged, so the list does not care about it; a change that writes it on
    /// `acceptedCount` entries or more means it too (three `github` links each set off by three
    /// spaces in one commit).
    func recurs(_ value: Value) -> Bool {
        acceptsRecurring && !isConfigured
            && ((allCounts[value] ?? 0) - 1 >= recurringCount || (changedCounts[value] ?? 0) >= HouseStyleThresholds.acceptedCount)
    }

    /// The uniform section holding `line`, by binary search: the sections come in document
    /// order and do not overlap, and a list has hundreds of them.
    private func uniformSection(containing line: Int) -> (lines: ClosedRange<Int>, value: Value)? {
        let after = uniformSections.partitioningIndex { $0.lines.lowerBound > line }
        guard after > 0, uniformSections[after - 1].lines.contains(line) else { return nil }
        return uniformSections[after - 1]
    }

    /// True when another entry, changed or not, also writes `value`.
    func isUsedElsewhere(_ value: Value) -> Bool { (allCounts[value] ?? 0) >= 2 }

    /// Nil when `value` is one of the list's forms (or nothing can be said), else why not.
    /// `lines` are the judged entry's lines, so that its own vote is taken out.
    func judge(_ value: Value, lines: ClosedRange<Int>? = nil) -> StyleDeviation<Value>? {
        if !isConfigured, let lines, let uniform = uniformSection(containing: lines.lowerBound), uniform.value == value {
            return nil
        }
        // Past the section, only the form and whether the entry's own vote is counted matter.
        let isCounted = changed.map { changed in lines.map { !changed.intersects($0) } ?? false } ?? true
        let key = Verdicts.Key(value: value, isCounted: isCounted)
        if let known = verdicts.known.withLock({ $0[key] }) { return known }
        let verdict = judge(value, others: others(value, isCounted: isCounted))
        verdicts.known.withLock { $0[key] = verdict }
        return verdict
    }

    private func judge(_ value: Value, others: [Value: Int]) -> StyleDeviation<Value>? {
        let total = others.values.reduce(0, +)
        if recurs(value) { return nil }
        if isConfigured {
            guard !configured.contains(value) else { return nil }
            let count = configured.reduce(0) { $0 + (others[$1] ?? 0) }
            return StyleDeviation(expected: configured, count: count, total: total, isConfigured: true)
        }
        guard total >= HouseStyleThresholds.minimumVotes else {
            // Without a grammar default a small list says nothing (two entries judged against
            // each other would only trade places).
            guard !defaults.isEmpty else { return nil }
            // With no other entry at all a style has not been chosen yet: the grammar's form is
            // not a style the list uses (a list's first dated entry is not told to write
            // `[YYYY/MM]`). A habit's default still holds.
            if isStyle && total == 0 { return nil }
            var accepted = isStyle
                ? order.filter { others[$0] != nil }.sorted { (others[$0] ?? 0) > (others[$1] ?? 0) }
                : HouseStyleThresholds.accepted(others, order: order.filter { others[$0] != nil })
            for value in defaults where !accepted.contains(value) { accepted.append(value) }
            guard !accepted.isEmpty, !accepted.contains(value) else { return nil }
            let count = accepted.reduce(0) { $0 + (others[$1] ?? 0) }
            return StyleDeviation(expected: accepted, count: count, total: total, isConfigured: false)
        }
        let accepted = HouseStyleThresholds.accepted(others, order: order.filter { others[$0] != nil })
        guard !accepted.isEmpty, !accepted.contains(value) else { return nil }
        let count = accepted.reduce(0) { $0 + (others[$1] ?? 0) }
        guard Double(count) >= HouseStyleThresholds.strongMajority * Double(total) else { return nil }
        return StyleDeviation(expected: accepted, count: count, total: total, isConfigured: false)
    }

    /// True when `value` is house style (configured, or used by a real share of the others).
    func accepts(_ value: Value, lines: ClosedRange<Int>? = nil) -> Bool { judge(value, lines: lines) == nil }
}

extension Document {
    /// The entries a style is learned from, and the changed lines they leave out (nil when
    /// they are every entry).
    ///
    /// In a diff mode, the entries the change does not touch: a contributor's new entries
    /// are judged against the list as it was. Where the change touches every entry (a new
    /// file), and outside a diff, every entry, each judged against the others.
    func styleReference(_ entries: [Entry]) -> (entries: [Entry], changed: LineSet?) {
        let reference = referenceMask(entries)
        guard let mask = reference.isReference else { return (entries, nil) }
        return (entries.indices.filter { mask[$0] }.map { entries[$0] }, reference.changed)
    }

    /// `styleReference` as a mask over `entries`; nil when every entry is in it.
    func referenceMask(_ entries: [Entry]) -> (isReference: [Bool]?, changed: LineSet?) {
        guard let changed else { return (nil, nil) }
        let mask = Self.unchanged(entries, changed) ?? entries.map { !isChanged($0) }
        return mask.contains(true) ? (mask, changed) : (nil, nil)
    }

    /// Which of `entries` touch none of the `changed` lines, worked out from the changed
    /// ranges (a change touches few entries; the rules ask this of every list, several times
    /// each). Nil unless the entries come in document order, each ending no earlier than the
    /// one before, as every list of entries does: then those touching a range are one run.
    static func unchanged(_ entries: [Entry], _ changed: LineSet) -> [Bool]? {
        func end(_ entry: Entry) -> Int { max(entry.line, entry.lastLine) }
        for index in entries.indices.dropFirst()
        where entries[index].line < entries[index - 1].line || end(entries[index]) < end(entries[index - 1]) {
            return nil
        }
        var mask = [Bool](repeating: true, count: entries.count)
        for range in changed.ranges {
            var index = entries.partitioningIndex { end($0) >= range.lowerBound }
            while index < entries.count && entries[index].line <= range.upperBound {
                mask[index] = false
                index += 1
            }
        }
        return mask
    }

    /// A `HouseForms` of `configured` with the votes of the reference entries among `entries`.
    func houseForms<Value: Hashable & Sendable>(
        _ configured: [Value], defaults: [Value] = [], _ entries: [Entry], vote: (Entry) -> Value?
    ) -> HouseForms<Value> {
        houseForms(configured, defaults: defaults, entries) { index, add in if let value = vote(entries[index]) { add(value) } }
    }

    /// Like `houseForms`, for keys with several votes per entry (links).
    func houseForms<Value: Hashable & Sendable, Votes: Sequence<Value>>(
        _ configured: [Value], defaults: [Value] = [], _ entries: [Entry], votes: (Entry) -> Votes
    ) -> HouseForms<Value> {
        houseForms(configured, defaults: defaults, entries) { index, add in
            for vote in votes(entries[index]) { add(vote) }
        }
    }

    /// Like `houseForms`, with each entry's vote read from a value worked out once per entry
    /// (`facts[i]` belongs to `entries[i]`), which several forms may share.
    func houseForms<Value: Hashable & Sendable, Facts>(
        _ configured: [Value], defaults: [Value] = [], _ entries: [Entry], _ facts: [Facts], vote: (Facts) -> Value?
    ) -> HouseForms<Value> {
        houseForms(configured, defaults: defaults, entries) { index, add in if let value = vote(facts[index]) { add(value) } }
    }

    /// Whether entries carry something as a habit (`true`) or not: a habit is accepted only where
    /// a real share of the other entries have it, however small the list.
    func habit(_ entries: [Entry], has: (Entry) -> Bool) -> HouseForms<Bool> {
        houseForms([], defaults: [false], isStyle: false, entries) { index, add in add(has(entries[index])) }
    }

    /// The one builder: `cast` hands each vote of the entry at an index of `entries` to `add`.
    private func houseForms<Value: Hashable & Sendable>(
        _ configured: [Value], defaults: [Value], isStyle: Bool = true, _ entries: [Entry],
        cast: (Int, (Value) -> Void) -> Void
    ) -> HouseForms<Value> {
        let reference = referenceMask(entries)
        var forms = HouseForms<Value>(configured: configured, defaults: defaults, isStyle: isStyle, changed: reference.changed)
        // Neighbours mostly vote alike: a run of equal votes is counted once, not hashed per vote.
        var run = VoteRun<Value>()
        func count(_ vote: Value) { run.add(vote) { forms.add($0, count: $1) } }
        if isStyle && configured.isEmpty {
            // A style to learn: each entry is cast once, its vote counted towards the house
            // forms (outside them, for a changed entry) and towards its section's uniformity.
            var sections = UniformSections<Value>()
            var cursor = sectionCursor()
            for index in entries.indices {
                let isReference = reference.isReference?[index] ?? true
                sections.enter(entries[index], section: cursor.section(containing: entries[index].line))
                cast(index) { vote in
                    sections.vote(vote)
                    if isReference { count(vote) } else { forms.addOutside(vote) }
                }
                sections.leave()
            }
            forms.uniformSections = sections.result()
        } else {
            for index in entries.indices where reference.isReference?[index] ?? true { cast(index, count) }
            if let mask = reference.isReference {
                for index in entries.indices where !mask[index] { cast(index) { forms.addOutside($0) } }
            }
        }
        run.finish { forms.add($0, count: $1) }
        return forms
    }
}

/// The sections whose every entry (at least `acceptedCount`, changed ones included) votes
/// one and the same form, with that form, read from entries in document order.
private struct UniformSections<Value: Hashable & Sendable> {
    private var found: [(lines: ClosedRange<Int>, value: Value)] = []
    private var section = -1, first = 0, last = 0, count = 0
    private var value: Value?
    private var isUniform = true
    private var voted = false

    /// Starts reading `entry`, in section `section`.
    mutating func enter(_ entry: Entry, section index: Int) {
        if index != section {
            close()
            (section, first, count, value, isUniform) = (index, entry.line, 0, nil, true)
        }
        last = entry.lastLine
        voted = false
    }

    mutating func vote(_ vote: Value) {
        voted = true
        if value == nil { value = vote } else if value != vote { isUniform = false }
    }

    /// Ends the entry: one with no vote (no title, no link) says nothing either way.
    mutating func leave() {
        if voted { count += 1 }
    }

    private mutating func close() {
        if isUniform, let value, count >= HouseStyleThresholds.acceptedCount { found.append((first...last, value)) }
    }

    mutating func result() -> [(lines: ClosedRange<Int>, value: Value)] {
        close()
        return found
    }
}
