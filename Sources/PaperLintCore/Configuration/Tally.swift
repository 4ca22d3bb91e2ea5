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

    /// Votes gathered a run at a time: neighbours mostly vote alike, and a run of equal votes
    /// is added (hashed) once. `tally` is the same as adding each vote on its own.
    public struct Runs: Sendable {
        private var counted = Tally()
        private var run: (value: Value, count: Int)?

        public init() {}

        public mutating func add(_ value: Value) {
            if let current = run, current.value == value {
                run = (value, current.count + 1)
            } else {
                if let current = run { counted.add(current.value, current.count) }
                run = (value, 1)
            }
        }

        /// Every vote added so far.
        public var tally: Tally {
            var all = counted
            if let run { all.add(run.value, run.count) }
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
