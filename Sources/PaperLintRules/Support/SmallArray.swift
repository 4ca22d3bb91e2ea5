/// An array that keeps its first three elements in place and only the rest on the heap.
///
/// Several rules read every entry's date as a `WrittenDate` (its parts and separators) to
/// learn the list's style; dates have at most three parts, so with two plain arrays each
/// date cost two allocations, on every entry, in every rule that reads it.
struct SmallArray<Element>: RandomAccessCollection, MutableCollection {
    private var first: Element
    private var second: Element
    private var third: Element
    private var rest: [Element] = []
    private(set) var count = 0

    /// An empty array; `filler` only fills the unused places.
    init(filler: Element) {
        first = filler
        second = filler
        third = filler
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < count, "SmallArray index out of range")
            switch index {
            case 0: return first
            case 1: return second
            case 2: return third
            default: return rest[index - 3]
            }
        }
        set {
            precondition(index >= 0 && index < count, "SmallArray index out of range")
            switch index {
            case 0: first = newValue
            case 1: second = newValue
            case 2: third = newValue
            default: rest[index - 3] = newValue
            }
        }
    }

    mutating func append(_ element: Element) {
        switch count {
        case 0: first = element
        case 1: second = element
        case 2: third = element
        default: rest.append(element)
        }
        count += 1
    }
}
