import PaperLintCore
import PaperLintRules
import Yams

/// Validates one YAML document against the configuration schema and applies it.
struct ConfigurationReader {
    let path: String

    static let topLevelKeys = ["preset", "description", "files", "order", "duplicates", "rules", "skip-sections", "entry", "labels", "hook", "taste"]
    static let hookKeys = ["fix"]
    static let entryKeys = ["date", "title", "title-period", "authors", "link-syntax", "link-separator", "arxiv-form"]
    static let labelKeys = ["order", "aliases"]
    static let duplicateKeys = ["scope"]
    static let severities = ["error", "warning", "info", "off"]

    func apply(_ root: Node, to configuration: inout Configuration) throws(PaperLintError) {
        if case .scalar(let scalar) = root, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" { return }
        for (key, value) in try mapping(root, key: "the configuration", allowed: Self.topLevelKeys) {
            switch key {
            case "preset", "description": _ = try string(value, key: key)
            case "files":
                configuration.files = try strings(value, key: key)
                if configuration.files.isEmpty { throw error(value, "'files' is empty; list at least one Markdown file, e.g. [README.md]") }
                // A configuration comes with the repository (a pull request can change it):
                // it may name files in the repository only.
                if let outside = configuration.files.first(where: Self.leavesTheRoot) {
                    throw error(value, "'files': \(outside) is outside the repository; list paths relative to its root, e.g. docs/README.md")
                }
            case "order": configuration.order = try choice(value, key: key)
            case "skip-sections": configuration.skipSections = try strings(value, key: key)
            case "duplicates":
                for (key, value) in try mapping(value, key: "duplicates", allowed: Self.duplicateKeys) where key == "scope" {
                    configuration.duplicateScope = try choice(value, key: "duplicates.scope")
                }
            case "rules": try applyRules(value, to: &configuration)
            case "entry": try applyEntry(value, to: &configuration.style)
            case "labels": try applyLabels(value, to: &configuration.labels)
            case "taste":
                configuration.taste = Set(try strings(value, key: key).map { (name) throws(PaperLintError) -> TasteCheck in
                    guard let check = TasteCheck(rawValue: name) else {
                        let valid = TasteCheck.allCases.map(\.rawValue)
                        throw error(value, "taste: unknown check '\(name)'\(Suggestion.clause(for: name, in: valid)) (valid: \(valid.joined(separator: ", ")))")
                    }
                    return check
                })
            case "hook":
                for (_, value) in try mapping(value, key: "hook", allowed: Self.hookKeys) {
                    configuration.hookFixes = try bool(value, key: "hook.fix")
                }
            default: break
            }
        }
    }

    private func applyEntry(_ node: Node, to style: inout HouseStyle) throws(PaperLintError) {
        for (key, value) in try mapping(node, key: "entry", allowed: Self.entryKeys) {
            let name = "entry.\(key)"
            switch key {
            case "date": style.date = try forms(value, key: name)
            case "title": style.title = try forms(value, key: name)
            case "title-period": style.titlePeriod = try forms(value, key: name)
            case "authors": style.authors = try forms(value, key: name)
            case "link-syntax": style.linkSyntax = try forms(value, key: name)
            case "link-separator": style.linkSeparator = try forms(value, key: name)
            case "arxiv-form": style.arxivForm = try forms(value, key: name)
            default: break
            }
        }
    }

    private func applyLabels(_ node: Node, to labels: inout LabelVocabulary) throws(PaperLintError) {
        for (key, value) in try mapping(node, key: "labels", allowed: Self.labelKeys) {
            if key == "order" {
                labels.order = try strings(value, key: "labels.order")
                continue
            }
            for (canonical, aliases) in try mapping(value, key: "labels.aliases", allowed: nil) {
                guard labels.order.contains(canonical) else {
                    throw error(aliases, "labels.aliases: '\(canonical)' is not in labels.order\(Suggestion.clause(for: canonical, in: labels.order)); add it to labels.order first")
                }
                for alias in try strings(aliases, key: "labels.aliases.\(canonical)") { labels.aliases[alias] = canonical }
            }
        }
    }

    private func applyRules(_ node: Node, to configuration: inout Configuration) throws(PaperLintError) {
        for (rule, value) in try mapping(node, key: "rules", allowed: nil) {
            guard RuleCatalog.ids.contains(rule) else {
                throw error(mappingKey(node, rule) ?? value, "unknown rule '\(rule)'\(Suggestion.clause(for: rule, in: RuleCatalog.ids)) (see paperlint rules)")
            }
            let level = try string(value, key: "rules.\(rule)")
            guard Self.severities.contains(level) else {
                throw error(value, "rules.\(rule) must be one of \(Self.severities.joined(separator: ", ")), not '\(level)'\(Suggestion.clause(for: level, in: Self.severities))")
            }
            configuration.severities[rule] = Severity(rawValue: level)
        }
    }

    // MARK: Typed access with positioned errors

    /// True for an absolute path, or one whose `..` climbs above where it starts.
    static func leavesTheRoot(_ path: String) -> Bool {
        if path.hasPrefix("/") || path.hasPrefix("~") { return true }
        var depth = 0
        for component in path.split(separator: "/") where component != "." {
            depth += component == ".." ? -1 : 1
            if depth < 0 { return true }
        }
        return false
    }

    func error(_ node: Node, _ message: String) -> PaperLintError {
        PaperLintError("\(path):\(node.mark?.line ?? 1): \(message)")
    }

    /// The key → value pairs of a mapping; keys outside `allowed` (when given) are errors.
    func mapping(_ node: Node, key: String, allowed: [String]?) throws(PaperLintError) -> [(String, Node)] {
        guard case .mapping(let mapping) = node else {
            throw error(node, "\(key) must be a mapping of 'key: value' lines")
        }
        var pairs: [(String, Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else { throw error(keyNode, "keys in \(key) must be plain words") }
            let name = scalar.string
            if let allowed, !allowed.contains(name) {
                let place = key == "the configuration" ? "" : " in \(key)"
                throw error(keyNode, "unknown key '\(name)'\(place)\(Suggestion.clause(for: name, in: allowed)) (valid: \(allowed.joined(separator: ", ")))")
            }
            pairs.append((name, value))
        }
        return pairs
    }

    func string(_ node: Node, key: String) throws(PaperLintError) -> String {
        guard case .scalar(let scalar) = node else { throw error(node, "\(key) must be a single value, not a list or mapping") }
        return scalar.string
    }

    func strings(_ node: Node, key: String) throws(PaperLintError) -> [String] {
        switch node {
        case .sequence(let sequence):
            var values: [String] = []
            for item in sequence { values.append(try string(item, key: "each item of \(key)")) }
            return values
        case .scalar(let scalar) where !scalar.string.isEmpty:
            throw error(node, "\(key) must be a list, e.g. [\(scalar.string)]")
        default:
            throw error(node, "\(key) must be a list of strings")
        }
    }

    func bool(_ node: Node, key: String) throws(PaperLintError) -> Bool {
        let raw = try string(node, key: key)
        switch raw.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, "\(key) must be true or false, not '\(raw)'")
        }
    }

    func choice<Value: StyleChoice>(_ node: Node, key: String) throws(PaperLintError) -> Value {
        let raw = try string(node, key: key)
        if let value = Value(rawValue: raw) { return value }
        let valid = Value.allCases.map(\.rawValue)
        throw error(node, "\(key) must be one of \(valid.joined(separator: ", ")), not '\(raw)'\(Suggestion.clause(for: raw, in: valid))")
    }

    /// One form or a list of forms (`date: [YYYY/MM, YYYY]`); `auto` (or an empty list) means
    /// "learn it from the list".
    func forms<Value: StyleChoice>(_ node: Node, key: String) throws(PaperLintError) -> [Value] {
        let values: [Value]
        if case .sequence(let sequence) = node {
            var list: [Value] = []
            for item in sequence { list.append(try choice(item, key: key)) }
            values = list
        } else {
            values = [try choice(node, key: key)]
        }
        var unique: [Value] = []
        for value in values where value.rawValue != "auto" && !unique.contains(value) { unique.append(value) }
        return unique
    }

    private func mappingKey(_ node: Node, _ key: String) -> Node? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.keys.first { $0.string == key }
    }
}
