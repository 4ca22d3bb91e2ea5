import PaperLintCore

extension LinkLabelRule {
    /// The distinct spellings of a list's labels, numbered in the order read: each is read
    /// once, and equal text is one spelling however its bytes are written.
    struct Spellings {
        let vocabulary: LabelVocabulary
        /// Per spelling: the label as written, its spelling group's number, and whether the
        /// vocabulary knows it.
        private(set) var written: [String] = []
        private(set) var group: [Int32] = []
        private(set) var isKnown: [Bool] = []
        /// The groups by number.
        private(set) var groups: [String] = []
        private var byBytes: [ArraySlice<UInt8>: Int32] = [:]
        private var byText: [String: Int32] = [:]
        private var byGroup: [String: Int32] = [:]

        init(vocabulary: LabelVocabulary) { self.vocabulary = vocabulary }

        var count: Int { written.count }

        /// Where a recent label with the same first byte and length was written, and its number:
        /// a list writes a handful of labels over and over, and comparing a few bytes is
        /// cheaper than hashing them.
        private var recent = [(start: Int, count: Int, number: Int32)](repeating: (0, -1, 0), count: 64)

        /// The number of the spelling at `text`.
        mutating func number(_ text: Range<Int>, _ document: Document) -> Int32 {
            let all = document.bytes
            let slot = text.isEmpty ? 0 : (Int(all[text.lowerBound]) &+ text.count &* 31) & 63
            let seen = recent[slot]
            if seen.count == text.count && all[seen.start..<seen.start + seen.count].elementsEqual(all[text]) { return seen.number }
            let bytes = all[text]
            let number: Int32
            if let known = byBytes[bytes] {
                number = known
            } else {
                let label = document.string(text)
                number = byText[label] ?? add(label)
                byBytes[bytes] = number
            }
            recent[slot] = (text.lowerBound, text.count, number)
            return number
        }

        private mutating func add(_ label: String) -> Int32 {
            let number = Int32(written.count)
            let canonical = vocabulary.canonical(label)
            let key = canonical ?? "\u{0}" + label.lowercased()
            written.append(label)
            isKnown.append(canonical != nil)
            if let known = byGroup[key] {
                group.append(known)
            } else {
                byGroup[key] = Int32(groups.count)
                group.append(Int32(groups.count))
                groups.append(key)
            }
            byText[label] = number
            return number
        }

        /// The spelling group (`Label.key`) of spelling `number`.
        func key(_ number: Int32) -> String { groups[Int(group[Int(number)])] }

        func label(_ link: EntryLink, _ text: Range<Int>, _ number: Int32) -> Label {
            Label(link: link, text: text, written: written[Int(number)], key: key(number), isKnown: isKnown[Int(number)])
        }
    }
}
