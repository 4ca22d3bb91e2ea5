import PaperLintCore

extension StyleInference {
    /// The `.paperlint.yml` that `paperlint init` prints and writes, evidence as comments.
    public var yaml: String {
        var lines = [
            "# .paperlint.yml inferred by `paperlint init` from \(path) (\(paperEntries) paper entries).",
            "# Each value is the forms a real share of the list's entries use (at least 3 and 10%);",
            "# the comment shows the counts. Without this file paperlint learns the same at run time.",
            "# `paperlint explain config` documents every key.",
            "preset: \(configuration.presetName)",
        ]
        if let files { lines.append("files: [\(files.map(Self.quoted).joined(separator: ", "))]") }
        func line(_ text: String, _ evidence: String?) {
            guard let evidence, !evidence.isEmpty else { return lines.append(text) }
            let padding = String(repeating: " ", count: max(1, 34 - text.count))
            lines.append(text + padding + "# " + evidence)
        }
        if let order = findings.first(where: { $0.key == "order" }) {
            line("order: \(order.value)", order.evidence)
        }
        let entryFindings = findings.filter { $0.key.hasPrefix("entry.") }
        if !entryFindings.isEmpty {
            lines.append("entry:")
            for finding in entryFindings {
                let key = String(finding.key.dropFirst("entry.".count))
                let value = finding.values.count == 1
                    ? Self.quoted(finding.values[0]) : "[" + finding.values.map(Self.quoted).joined(separator: ", ") + "]"
                if finding.key == Self.tasteKey {
                    line("  # \(key): \(value)", finding.evidence + "; a matter of taste: uncomment to check it")
                } else {
                    line("  \(key): \(value)", finding.evidence)
                }
            }
        }
        if !labelEvidence.isEmpty { lines.append("# labels as written: \(labelEvidence)") }
        if !unknownLabels.isEmpty {
            let list = unknownLabels.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
            lines.append("# labels outside the vocabulary (add them to labels.order or labels.aliases): \(list)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The inferred key written as a comment: a matter of taste a run without configuration
    /// does not check.
    static let tasteKey = "entry.arxiv-form"

    /// YAML needs quotes around values with brackets or a leading special character.
    static func quoted(_ value: String) -> String {
        guard let first = value.first else { return "\"\"" }
        let special = "[]{}#&*!|>'\"%@`,:"
        if value.contains(where: { "[]{}#,".contains($0) }) || special.contains(first) {
            return "\"" + value.replacingQuotes() + "\""
        }
        return value
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var out = ""
        for character in self {
            if character == "\"" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
