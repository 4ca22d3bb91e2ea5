/// A deterministic, seeded generator of realistic paper lists for benchmarks and smoke tests.
///
/// The output has a title, a News section, a table of contents whose `#anchor` links resolve,
/// `##`/`###` sections of 20–200 entries (newest first) in the reference entry format, and
/// about 1% of each defect kind the rules catch (see `Defect`). The same seed gives the same
/// bytes; only the standard library is used.
///
/// The `dense` shape is the worst a real list gets: half the entries repeat the title or the
/// arXiv id of an earlier one, and three in a hundred stand out of order, so findings number
/// about two thirds of the entries (the sparse shape's 1% hides what output and file-level
/// rules cost).
public struct ListGenerator: Sendable {
    public enum Shape: String, CaseIterable, Sendable {
        case sparse, dense
    }

    /// The defects planted, about one entry in a hundred each (at least one each).
    public enum Defect: CaseIterable, Sendable {
        case doubleSpace, trailingSpace, linkSpacing, periodOutsideBold, labelCase
        case httpArxiv, duplicate, outOfOrder, dateMismatch, mojibake

        /// The rule that reports it.
        public var ruleID: String {
            switch self {
            case .doubleSpace, .trailingSpace: return "whitespace"
            case .linkSpacing: return "link-spacing"
            case .periodOutsideBold: return "punctuation"
            case .labelCase: return "link-label"
            case .httpArxiv: return "arxiv-url"
            case .duplicate: return "duplicate"
            case .outOfOrder: return "order"
            case .dateMismatch: return "date-mismatch"
            case .mojibake: return "encoding"
            }
        }
    }

    public let seed: UInt64
    public let shape: Shape
    public init(seed: UInt64, shape: Shape = .sparse) {
        self.seed = seed
        self.shape = shape
    }

    /// A list of `entries` entries (duplicates included) as Markdown.
    public func generate(entries count: Int) -> String {
        String(decoding: generateBytes(entries: count), as: UTF8.self)
    }

    /// The same list as UTF-8 bytes.
    public func generateBytes(entries count: Int) -> [UInt8] {
        var rng = Random(seed: seed)
        let total = max(count, 0)

        // Section sizes (20–200 entries, the last one may be smaller when few are asked).
        var sizes: [Int] = []
        var left = total
        while left > 0 {
            let size = min(left, 20 + rng.below(181))
            sizes.append(size)
            left -= size
        }

        // Which entry carries which defect: max(1, N/100) of each, never two on one entry.
        var defects = [Defect?](repeating: nil, count: total)
        var sectionStart = [Bool](repeating: false, count: total)
        var start = 0
        for size in sizes { if start < total { sectionStart[start] = true }; start += size }
        let perKind = total >= Defect.allCases.count * 3 ? max(1, total / 100) : 0
        for defect in Defect.allCases {
            var placed = 0, attempts = 0
            let wanted = shape == .dense && defect == .outOfOrder ? perKind * 3 : perKind
            while placed < wanted && attempts < total * 4 {
                attempts += 1
                let index = rng.below(total)
                // Duplicates and out-of-order entries need an entry above them in the section.
                if defects[index] != nil { continue }
                if (defect == .duplicate || defect == .outOfOrder) && sectionStart[index] { continue }
                if (defect == .duplicate || defect == .outOfOrder), index > 0, defects[index - 1] != nil { continue }
                if index + 1 < total, defects[index + 1] == .duplicate || defects[index + 1] == .outOfOrder { continue }
                defects[index] = defect
                placed += 1
            }
        }

        // Section names: `##` groups with 0–3 `###` subsections each.
        struct Section { var title: String; var level: Int; var size: Int }
        var sections: [Section] = []
        var groupIndex = 0
        var sizeIndex = 0
        var usedTitles = Set<String>()
        func unique(_ title: String) -> String {
            var candidate = title, n = 2
            while usedTitles.contains(candidate) { candidate = "\(title) \(n)"; n += 1 }
            usedTitles.insert(candidate)
            return candidate
        }
        while sizeIndex < sizes.count {
            let topic = Words.topics[groupIndex % Words.topics.count]
            let group = unique(groupIndex < Words.topics.count ? topic : "\(topic) \(groupIndex / Words.topics.count + 1)")
            groupIndex += 1
            let subsections = min(rng.below(4), sizes.count - sizeIndex)
            if subsections <= 1 {
                sections.append(Section(title: group, level: 2, size: sizes[sizeIndex]))
                sizeIndex += 1
            } else {
                sections.append(Section(title: group, level: 2, size: 0))
                for _ in 0..<subsections {
                    let sub = Words.subtopics[rng.below(Words.subtopics.count)]
                    sections.append(Section(title: unique("\(sub) (\(group))"), level: 3, size: sizes[sizeIndex]))
                    sizeIndex += 1
                }
            }
        }

        var out: [UInt8] = []
        out.reserveCapacity(total * 200 + 4096)
        func put(_ s: String) { out.append(contentsOf: s.utf8) }

        put("# Awesome Large Language Models for Science: A Curated Paper List\n\n")
        put("[![Awesome](https://awesome.re/badge.svg)](https://awesome.re) A generated list (seed \(seed), \(total) entries) in the format of curated paper-list READMEs.\n\n")
        put("## 🔔 News\n")
        put("- 💥 [2025/11/20] We added \(total) papers. See [our survey](https://arxiv.org/abs/2511.01234) for the taxonomy.\n")
        put("- ✨ [2024/03/01] We created this repository to maintain a paper list.\n\n")
        put("## Table of Contents\n")
        put("- [News](#-news)\n")
        for section in sections {
            put(String(repeating: "    ", count: section.level - 2) + "- [\(section.title)](#\(Self.anchor(section.title)))\n")
        }
        put("- [Contributing](#contributing)\n\n")

        // Dates walk backwards from 2025/12 inside each section.
        var entry = 0
        var arxivCounter = [Int: Int]()
        var lastLine: [UInt8] = []
        var titles = Set<String>()
        // The dense shape's pool of earlier titles and arXiv ids to repeat.
        var earlierTitles: [String] = [], earlierIDs: [String] = []
        for section in sections {
            put("\n" + String(repeating: "#", count: section.level) + " \(section.title)\n\n")
            guard section.size > 0 else { continue }
            var month = 2025 * 12 + 11 - rng.below(6)  // months since year 0, 0-based month
            let floor = 2017 * 12
            var previousMonth = month
            for position in 0..<section.size {
                let defect = defects[entry]
                entry += 1
                if defect == .duplicate && position > 0 {
                    out.append(contentsOf: lastLine)
                    continue
                }
                // Step back a month now and then, so a section spans about five years.
                if position > 0, rng.below(section.size * 10) < 600 {
                    month = max(floor, month - 1 - rng.below(2))
                }
                var dateMonth = month
                if defect == .outOfOrder && position > 0 {
                    dateMonth = previousMonth + 2 + rng.below(3)  // newer than the entry above
                }
                var arxivMonth = dateMonth
                if defect == .dateMismatch { arxivMonth = dateMonth - 6 - rng.below(12) }
                previousMonth = dateMonth

                let year = dateMonth / 12, mm = dateMonth % 12 + 1
                let ay = arxivMonth / 12 % 100, am = arxivMonth % 12 + 1
                let serial = (arxivCounter[arxivMonth] ?? 0) + 1 + rng.below(40)
                arxivCounter[arxivMonth] = serial
                var arxivID = Self.pad(ay, 2) + Self.pad(am, 2) + "." + Self.pad(serial, 5)

                var title = rng.title()
                while !titles.insert(title).inserted { title = rng.title() }  // only planted duplicates
                if shape == .dense, defect == nil, !earlierTitles.isEmpty, rng.below(2) == 0 {
                    // Half the clean entries repeat an earlier paper, by its title or its id.
                    if rng.below(2) == 0 {
                        title = earlierTitles[rng.below(earlierTitles.count)]
                    } else {
                        arxivID = earlierIDs[rng.below(earlierIDs.count)]
                    }
                } else if shape == .dense {
                    earlierTitles.append(title)
                    earlierIDs.append(arxivID)
                }
                let authors = rng.authors(mojibake: defect == .mojibake)
                let venue = Words.venues[rng.below(Words.venues.count)]
                let scheme = defect == .httpArxiv ? "http" : "https"
                let hasCode = rng.below(10) < 6 || defect == .labelCase || defect == .linkSpacing
                let separator = defect == .linkSpacing ? "][[" : "] [["
                let codeLabel = defect == .labelCase ? "Code" : "code"
                let gap = defect == .doubleSpace ? "  " : " "

                var line = "- [\(year)/\(Self.pad(mm, 2))] **\(title)**"
                line += defect == .periodOutsideBold ? "." : ""
                line += " *\(authors) \(venue).*\(gap)[[paper](\(scheme)://arxiv.org/abs/\(arxivID))"
                if hasCode {
                    let (owner, repo) = rng.repository(title: title)
                    line += "\(separator)\(codeLabel)](https://github.com/\(owner)/\(repo))]"
                } else {
                    line += "]"
                }
                if defect == .trailingSpace { line += " " }
                line += "\n"
                lastLine = Array(line.utf8)
                out.append(contentsOf: lastLine)
            }
        }

        put("\n## Contributing\n\nPull requests are welcome: add entries newest-first in the format above.\n")
        return out
    }

    /// GitHub's heading anchor: lowercase, punctuation removed (except `-`), spaces to `-`.
    public static func anchor(_ title: String) -> String {
        var result = ""
        for scalar in title.lowercased().unicodeScalars {
            if scalar == " " { result += "-" }
            else if scalar == "-" || scalar == "_" { result.unicodeScalars.append(scalar) }
            else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// SplitMix64, the same generator as the tests' (copied: this target depends on nothing).
struct Random {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in 0..<n (n > 0); modulo bias is irrelevant here.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick(_ words: [String]) -> String { words[below(words.count)] }

    mutating func title() -> String {
        var parts: [String] = []
        if below(3) == 0 { parts.append(pick(Words.names) + ":") }
        let length = 5 + below(7)
        for i in 0..<length {
            var word = pick(i % 3 == 1 ? Words.connectors : Words.nouns)
            if i == 0 || i % 3 != 1 { word = word.prefix(1).uppercased() + word.dropFirst() }
            parts.append(word)
        }
        return parts.joined(separator: " ")
    }

    mutating func authors(mojibake: Bool) -> String {
        if mojibake { return "Ren\u{00C3}\u{00A9} " + pick(Words.surnames) + " et al." }
        switch below(10) {
        case 0: return pick(Words.cjkNames) + " et al."
        case 1: return pick(Words.accentedNames) + " et al."
        case 2: return pick(Words.initials) + ". " + pick(Words.surnames) + " and " + pick(Words.initials) + ". " + pick(Words.surnames) + "."
        default: return pick(Words.initials) + ". " + pick(Words.surnames) + " et al."
        }
    }

    mutating func repository(title: String) -> (String, String) {
        let owner = pick(Words.owners)
        var repo = ""
        for scalar in title.unicodeScalars.prefix(24) {
            if scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar) { repo.unicodeScalars.append(scalar) }
            else if scalar == " " { repo += "-" }
        }
        return (owner, repo.isEmpty ? "repo" : repo + "-" + String(below(1000)))
    }
}

enum Words {
    static let topics = [
        "Survey Papers", "Foundation Models", "Multimodal LLMs", "Retrieval-Augmented Generation",
        "Agents and Tool Use", "Reasoning", "Evaluation", "Alignment and Safety", "Efficient Inference",
        "Datasets and Benchmarks", "Code Generation", "Scientific Discovery", "Medicine and Health",
        "Robotics", "Instruction Tuning", "Long Context",
    ]
    static let subtopics = ["Methods", "Benchmarks", "Applications", "Analysis", "Training", "Position Papers"]
    static let nouns = [
        "language", "models", "reasoning", "agents", "retrieval", "alignment", "benchmark", "evaluation",
        "instruction", "tuning", "vision", "transformers", "diffusion", "graphs", "knowledge", "planning",
        "memory", "tools", "scaling", "laws", "preference", "optimization", "multimodal", "learning",
        "representations", "generation", "chain-of-thought", "decoding", "hallucination", "safety",
        "efficiency", "quantization", "distillation", "context", "feedback", "self-improvement",
        "medicine", "chemistry", "proteins", "mathematics", "theorem", "proving", "code", "synthesis",
    ]
    static let connectors = ["for", "with", "via", "in", "of", "and", "towards", "beyond", "under", "from"]
    static let names = [
        "MedAgent", "ChemCrow", "Toolformer", "ReAct", "Reflexion", "LLaVA", "MiniGPT", "AlphaProof",
        "DeepSeek", "Qwen", "Mistral", "Llemma", "Galactica", "SciGLM", "ProtGPT", "BioMedLM", "Voyager",
    ]
    static let initials = ["A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T", "W", "X", "Y", "Z"]
    static let surnames = [
        "Smith", "Chen", "Wang", "Li", "Zhang", "Liu", "Kumar", "Garcia", "Müller", "Nguyen", "Kim", "Park",
        "Singh", "Rossi", "Ivanov", "Dubois", "Tanaka", "Sato", "Okafor", "Silva", "Cohen", "Novak",
    ]
    static let accentedNames = [
        "José Álvarez", "Zoë Brontë", "Łukasz Kaiser", "Søren Kierkegaard", "François Chollet",
        "Jürgen Schmidhuber", "Çağlar Gülçehre", "Ñusta Quispe", "Dvořák Anežka", "Björn Ömer",
    ]
    static let cjkNames = [
        "王小明", "李华", "张伟", "陈静", "刘洋", "山田太郎", "佐藤花子", "김민수", "이서연", "黃志明",
    ]
    static let venues = [
        "arXiv", "arXiv", "arXiv", "NeurIPS 2024", "ICLR 2025", "ICML 2024", "ACL 2024", "EMNLP 2023",
        "CVPR 2024", "AAAI 2024", "Nature", "NAACL 2024", "COLM 2024", "TMLR",
    ]
    static let owners = [
        "openai", "google-research", "facebookresearch", "microsoft", "THUDM", "OpenGVLab", "allenai",
        "huggingface", "stanford-crfm", "princeton-nlp", "epfLLM", "QwenLM", "deepseek-ai", "lm-sys",
    ]
}
