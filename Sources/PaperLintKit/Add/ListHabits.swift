import PaperLintCore

/// How a list writes the parts of its entries that one model entry cannot show: each link
/// label's spelling, the order of labels, the padding of months below 10, the separator
/// between links.
struct ListHabits: Sendable {
    /// Canonical label (lowercased) → the list's most used spelling (`paper` → `arXiv`).
    var spellings: [String: String] = [:]
    /// Canonical label → its mean position within an entry's links (0 first, 1 last).
    var positions: [String: Double] = [:]
    /// True when most labels start with a capital letter (`[[Paper]]`).
    var capitalized = false
    /// True unless most months below 10 are written without their zero (`2023/9`).
    var padMonths = true
    /// The separator most entries put between two links.
    var separator: [UInt8] = Array(" ".utf8)

    init(_ document: Document, _ configuration: Configuration) {
        var spellingCounts: [String: [String: Int]] = [:]
        var positionSums: [String: (sum: Double, count: Int)] = [:]
        var capitals = 0, lowers = 0, padded = 0, unpadded = 0
        var separators: [[UInt8]: Int] = [:]
        for entry in document.paperEntries(configuration) {
            for (index, link) in entry.links.enumerated() {
                let label = document.string(link.label).trimmingBlanks()
                guard !label.isEmpty, !label.contains(where: { "[]()!<>".contains($0) }) else { continue }
                let key = Self.canonical(label, configuration)
                spellingCounts[key, default: [:]][label, default: 0] += 1
                let position = entry.links.count > 1 ? Double(index) / Double(entry.links.count - 1) : 0
                positionSums[key, default: (0, 0)].sum += position
                positionSums[key, default: (0, 0)].count += 1
                if let first = label.unicodeScalars.first, first.properties.isAlphabetic {
                    if first.properties.isUppercase { capitals += 1 } else { lowers += 1 }
                }
            }
            for separator in entry.separators { separators[Array(document.bytes[separator]), default: 0] += 1 }
            if let date = entry.date, !date.isNamed, let month = date.month, month < 10 {
                let value = document.bytes[date.value]
                // The month follows the year and its separator: `2023/09`, `2023-9`.
                if value.count > 5, value[value.startIndex + 5] == UInt8(ascii: "0") { padded += 1 } else { unpadded += 1 }
            }
        }
        for (key, counts) in spellingCounts {
            spellings[key] = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
        for (key, value) in positionSums { positions[key] = value.sum / Double(value.count) }
        capitalized = capitals > lowers
        padMonths = padded >= unpadded
        if let common = separators.max(by: { ($0.value, $1.key.count) < ($1.value, $0.key.count) }) { separator = common.key }
    }

    static func canonical(_ label: String, _ configuration: Configuration) -> String {
        (configuration.labels.canonical(label) ?? label).lowercased()
    }

    /// `label` as the list writes it: its own spelling of the same label, else in its case.
    func spelled(_ label: String, _ configuration: Configuration) -> String {
        if let spelling = spellings[Self.canonical(label, configuration)] { return spelling }
        guard let first = label.first else { return label }
        return (capitalized ? first.uppercased() : first.lowercased()) + label.dropFirst()
    }

    /// The links in the list's order of labels (the paper link first where the list has no
    /// habit); links the list never labels so keep their given order, after the known ones.
    func ordered(_ links: [NewPaper.Link], _ configuration: Configuration) -> [NewPaper.Link] {
        links.enumerated().sorted { a, b in
            func rank(_ link: NewPaper.Link) -> Double {
                let key = Self.canonical(link.label, configuration)
                if let position = positions[key] { return position }
                return key == "paper" ? -1 : 2
            }
            let (ra, rb) = (rank(a.element), rank(b.element))
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }
}
