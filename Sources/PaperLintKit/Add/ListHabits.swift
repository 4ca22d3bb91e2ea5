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
    /// True unless most days below 10 are written without their zero (`8 Feb 2024`).
    var padDays = true
    /// The separator most entries put between two links.
    var separator: [UInt8] = Array(" ".utf8)

    init(_ document: Document, _ configuration: Configuration) {
        var spellingCounts: [String: [String: Int]] = [:]
        var positionSums: [String: (sum: Double, count: Int)] = [:]
        var capitals = 0, lowers = 0
        var months = (padded: 0, unpadded: 0), days = (padded: 0, unpadded: 0)
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
            if let date = entry.date {
                // Digit runs of the date: the year's four digits, then the month (unless
                // named) and the day, in the order written (`2023/09/05`, `5 Oct 2023`).
                let runs = Self.digitRuns(document.bytes[date.value]).filter { $0.count <= 2 }
                let monthRun = date.isNamed ? nil : runs.first
                if let month = date.month, month < 10, let run = monthRun {
                    if run.count == 2 { months.padded += 1 } else { months.unpadded += 1 }
                }
                if let day = date.day, day < 10, let run = date.isNamed ? runs.first : runs.dropFirst().first {
                    if run.count == 2 { days.padded += 1 } else { days.unpadded += 1 }
                }
            }
        }
        for (key, counts) in spellingCounts {
            spellings[key] = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
        for (key, value) in positionSums { positions[key] = value.sum / Double(value.count) }
        capitalized = capitals > lowers
        padMonths = months.padded >= months.unpadded
        padDays = days.padded >= days.unpadded
        if let common = Self.commonSeparator(document.paperEntries(configuration), document) { separator = common }
    }

    /// The separator most of `entries` put between two adjacent links (`] [[`, ` | `; not a
    /// title standing between two links); nil where none has two adjacent links.
    static func commonSeparator(_ entries: [Entry], _ document: Document) -> [UInt8]? {
        var separators: [[UInt8]: Int] = [:]
        for entry in entries {
            for part in entry.parts(in: document.bytes) where part.kind == .separator && part.range.count <= 5 {
                let bytes = Array(document.bytes[part.range])
                if bytes.allSatisfy({ " \t|,;/-".utf8.contains($0) }) { separators[bytes, default: 0] += 1 }
            }
        }
        return separators.max { ($0.value, $1.key.count) < ($1.value, $0.key.count) }?.key
    }

    /// The runs of ASCII digits in `bytes`.
    static func digitRuns(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var runs: [ArraySlice<UInt8>] = []
        var start: Int?
        for index in bytes.indices {
            let isDigit = bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
            if isDigit && start == nil { start = index }
            if !isDigit, let open = start {
                runs.append(bytes[open..<index])
                start = nil
            }
        }
        if let open = start { runs.append(bytes[open..<bytes.endIndex]) }
        return runs
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
