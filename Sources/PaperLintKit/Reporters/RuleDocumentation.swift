import PaperLintCore
import PaperLintRules

/// `paperlint rules` and `paperlint explain`: the rule registry as text and JSON.
public enum RuleDocumentation {
    /// One line per rule: id, default severity, summary.
    public static func list() -> String {
        let width = RuleCatalog.all.map { $0.description.id.count }.max() ?? 0
        return RuleCatalog.all.map { rule in
            let description = rule.description
            let padding = String(repeating: " ", count: width - description.id.count + 2)
            let severity = description.defaultSeverity.rawValue
            return description.id + padding + severity + String(repeating: " ", count: 9 - severity.count) + description.summary
        }.joined(separator: "\n") + "\n"
    }

    /// Every rule with its description and examples, as JSON.
    public static func json() -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("version", 1)
        json.key("rules")
        json.beginArray()
        for rule in RuleCatalog.all {
            let description = rule.description
            json.beginObject()
            json.field("id", description.id)
            json.field("defaultSeverity", description.defaultSeverity.rawValue)
            json.field("summary", description.summary)
            json.field("rationale", description.rationale)
            json.key("triggering")
            strings(description.triggering.map(\.marked), &json)
            json.key("nonTriggering")
            strings(description.nonTriggering.map(\.marked), &json)
            json.key("corrections")
            json.beginArray()
            for (before, after) in description.corrections {
                json.beginObject()
                json.field("before", before.unmarked)
                json.field("after", after.unmarked)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }

    /// The long form of one rule; nil when `id` is unknown.
    public static func explain(_ id: String) -> String? {
        guard let rule = RuleCatalog.rule(withID: id) else { return nil }
        let description = rule.description
        var out = "\(description.id) (default: \(description.defaultSeverity.rawValue))\n\n"
        out += description.summary + "\n\n" + description.rationale + "\n"
        out += "\nFlagged (↓ marks each finding):\n" + description.triggering.map { indent($0.marked) }.joined(separator: "\n")
        out += "\nNot flagged:\n" + description.nonTriggering.map { indent($0.marked) }.joined(separator: "\n")
        if !description.corrections.isEmpty {
            out += "\nFixed:\n"
            for (before, after) in description.corrections {
                out += indent(before.unmarked) + "  becomes\n" + indent(after.unmarked)
            }
        }
        out += "\nSilence it on one line with \(Suppressions.disablingNextLine(description.id)),\n"
        out += "or set `rules: {\(description.id): off}` in .paperlint.yml.\n"
        return out
    }

    /// Known ids for a did-you-mean.
    public static var ids: [String] { RuleCatalog.all.map { $0.description.id } }

    private static func indent(_ text: String) -> String {
        let visible = text.replacingControlCharacters()
        return visible.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.isEmpty }
            .map { "    " + $0 + "\n" }.joined()
    }

    private static func strings(_ values: [String], _ json: inout JSONWriter) {
        json.beginArray()
        for value in values { json.string(value) }
        json.endArray()
    }
}

extension String {
    /// Shows tabs and carriage returns, which examples use on purpose, as visible symbols.
    fileprivate func replacingControlCharacters() -> String {
        var out = ""
        for character in self {
            switch character {
            case "\t": out += "→"
            case "\r\n": out += "␍\n"
            case "\r": out += "␍"
            default: out.append(character)
            }
        }
        return out
    }
}
