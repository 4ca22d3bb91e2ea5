/// Counts votes for the values of one style key and names the winner with its evidence.
public struct Tally<Value: Hashable>: Sendable where Value: Sendable {
    public private(set) var counts: [Value: Int] = [:]
    /// First-seen order, so ties and evidence lines are deterministic.
    public private(set) var order: [Value] = []

    public init() {}

    public mutating func add(_ value: Value, _ count: Int = 1) {
        // One hash lookup, not two: a new value is one the dictionary grew by.
        let known = counts.count
        counts[value, default: 0] += count
        if counts.count != known { order.append(value) }
    }

    public var total: Int { counts.values.reduce(0, +) }

    /// Votes gathered a run at a time (see `VoteRun`). `tally` is the same as adding each
    /// vote on its own.
    public struct Runs: Sendable {
        private var counted = Tally()
        private var run = VoteRun<Value>()

        public init() {}

        /// Counts one vote for `value`.
        public mutating func add(_ value: Value) { run.add(value) { counted.add($0, $1) } }

        /// Every vote added so far.
        public var tally: Tally {
            var all = counted, open = run
            open.finish { all.add($0, $1) }
            return all
        }
    }

    /// The value with the most votes (the first seen among equals), nil without votes.
    public var winner: Value? {
        order.max { (counts[$0] ?? 0, -(order.firstIndex(of: $0) ?? 0)) < (counts[$1] ?? 0, -(order.firstIndex(of: $1) ?? 0)) }
    }

    /// "`] [[`: 58, `][[`: 41", most votes first.
    public func evidence(_ name: (Value) -> String) -> String {
        order.sorted { (counts[$0] ?? 0) > (counts[$1] ?? 0) }
            .map { "\(name($0)): \(counts[$0] ?? 0)" }
            .joined(separator: ", ")
    }
}

/// Equal votes in a row, gathered as one run: neighbours mostly vote alike, so whatever counts
/// them (a tally, house forms) is updated, and hashes, once a run rather than once a vote.
public struct VoteRun<Value: Equatable> {
    private var run: (value: Value, count: Int)?

    public init() {}

    /// Counts `vote`; the run it ends, if any, is handed to `flush` (value, count) first.
    public mutating func add(_ vote: Value, flush: (Value, Int) -> Void) {
        if let current = run, current.value == vote {
            run = (vote, current.count + 1)
        } else {
            if let current = run { flush(current.value, current.count) }
            run = (vote, 1)
        }
    }

    /// Hands the open run, if any, to `flush` and starts afresh.
    public mutating func finish(_ flush: (Value, Int) -> Void) {
        if let current = run { flush(current.value, current.count) }
        run = nil
    }
}

extension VoteRun: Sendable where Value: Sendable {}
