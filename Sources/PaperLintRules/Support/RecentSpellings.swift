/// Values remembered by the bytes they were read from, one per first byte and length (64
/// slots): a list writes a handful of link labels tens of thousands of times, and comparing a
/// few bytes with the last spelling of that shape is cheaper than hashing them again.
struct RecentSpellings<Value> {
    private var slots: [(start: Int, count: Int, value: Value?)] = Array(repeating: (0, -1, nil), count: 64)

    private static func slot(_ range: Range<Int>, _ bytes: [UInt8]) -> Int {
        range.isEmpty ? 0 : (Int(bytes[range.lowerBound]) &+ range.count &* 31) & 63
    }

    /// The value remembered for bytes equal to `bytes[range]`, if the last of their shape were.
    func value(for range: Range<Int>, in bytes: [UInt8]) -> Value? {
        let seen = slots[Self.slot(range, bytes)]
        guard seen.count == range.count, bytes[seen.start..<seen.start + seen.count].elementsEqual(bytes[range]) else { return nil }
        return seen.value
    }

    /// Remembers `value` for the bytes at `range` (of the same buffer later asked about).
    mutating func remember(_ value: Value, for range: Range<Int>, in bytes: [UInt8]) {
        slots[Self.slot(range, bytes)] = (range.lowerBound, range.count, value)
    }
}
