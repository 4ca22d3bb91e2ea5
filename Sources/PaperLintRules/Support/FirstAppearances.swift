/// Numbers keys in the order they first appear. Keys come in runs (a scope's or a list's
/// entries follow each other), so the table is asked only when a key differs from the one
/// before.
struct FirstAppearances<Key: Hashable> {
    /// The keys, by number.
    private(set) var keys: [Key] = []
    private var numbers: [Key: Int] = [:]
    private var last: (key: Key, number: Int)?

    /// The number of `key`: the next one for a key not seen before.
    mutating func number(of key: Key) -> Int {
        if let last, last.key == key { return last.number }
        let number: Int
        if let known = numbers[key] {
            number = known
        } else {
            number = keys.count
            numbers[key] = number
            keys.append(key)
        }
        last = (key, number)
        return number
    }
}
