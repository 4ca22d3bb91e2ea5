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
