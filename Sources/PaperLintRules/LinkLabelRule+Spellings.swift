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
        private var recent = RecentSpellings<Int32>()

        init(vocabulary: LabelVocabulary) { self.vocabulary = vocabulary }

        var count: Int { written.count }

        /// The number of the spelling at `text`.
        mutating func number(_ text: Range<Int>, _ document: Document) -> Int32 {
            let all = document.bytes
            if let number = recent.value(for: text, in: all) { return number }
            let bytes = all[text]
            let number: Int32
            if let known = byBytes[bytes] {
                number = known
            } else {
                let label = document.string(text)
                number = byText[label] ?? add(label)
                byBytes[bytes] = number
            }
            recent.remember(number, for: text, in: all)
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
