import PaperLintCore
import PaperLintRules

/// `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it.
///
/// One run whose driver lists every rule (id, descriptions, help, default level); results
/// carry their region, related locations, fixes and a fingerprint that survives line shifts.
/// Columns are Unicode scalars, as in the JSON model: the run says so with
/// `columnKind: unicodeCodePoints` (SARIF's default would be UTF-16 code units).
public enum SARIFReporter {
    /// The schema the output follows (the OASIS schema's own `$id`).
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The key of paperlint's entry in `partialFingerprints`; bump the version if the recipe changes.
    public static let fingerprintKey = "paperlint/v1"
    /// Spaces per nesting level.
    static let indent = 2

    public static func render(_ report: LintReport) -> String {
        String(decoding: renderBytes(report), as: UTF8.self)
    }

    /// The same as UTF-8 bytes.
    public static func renderBytes(_ report: LintReport) -> [UInt8] {
        let out = ByteBuffer(capacity: 65_536 + report.diagnosticCount * 3_000)
        render(report, into: out)
        return out.bytes
    }

    /// Writes the report into `out` (standard output, drained a load at a time).
    public static func render(_ report: LintReport, into out: ByteBuffer) {
        let rules = ruleDescriptors()
        var json = JSONWriter(indent: indent, into: out)
        json.beginObject()
        json.field("$schema", schemaURI)
        json.field("version", "2.1.0")
        json.key("runs")
        json.beginArray()
        json.beginObject()
        json.key("tool")
        json.beginObject()
        json.key("driver")
        json.beginObject()
        json.field("name", ToolInfo.name)
        json.field("version", ToolInfo.version)
        json.field("semanticVersion", ToolInfo.version)
        json.field("informationUri", ToolInfo.informationURI)
        json.key("rules")
        json.beginArray()
        for rule in rules { write(rule, to: &json) }
        json.endArray()
        json.endObject()
        json.endObject()
        json.field("columnKind", "unicodeCodePoints")
        json.key("results")
        json.beginArray()
        // The first descriptor of each rule id, as `firstIndex` would find it.
        let ruleIndices = Dictionary(rules.indices.map { (rules[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        var results = SARIFResults(into: out, depth: json.depth, indent: indent)
        for file in report.files {
            let fingerprints = fingerprintHashes(file)
            // A path's URI, percent-encoded once per file rather than at every location.
            results.file(file.path, uri: URI.path(file.path))
            for index in 0..<min(file.diagnostics.count, fingerprints.count) {
                results.write(
                    file.diagnostics[index], fingerprint: fingerprints[index], ruleIndex: ruleIndices[file.diagnostics[index].rule],
                    uri: URI.path, json: &json)
            }
        }
        json.endArray()
        json.endObject()
        json.endArray()
        json.endObject()
        json.newlineAtEnd()
    }

    /// A rule as SARIF describes it.
    struct RuleDescriptor {
        var id: String
        var level: StaticString
        var summary: String
        var rationale: String
        var markdown: String
    }

    /// Every rule of the catalog in documentation order, then the suppression pseudo rule
    /// (problems with `paperlint-disable` comments themselves).
    static func ruleDescriptors() -> [RuleDescriptor] {
        var rules = RuleCatalog.all.map { rule in
            let description = rule.description
            return RuleDescriptor(
                id: description.id, level: level(description.defaultSeverity), summary: description.summary,
                rationale: description.rationale, markdown: markdownHelp(description))
        }
        let suppression = Suppressions.ruleID
        rules.append(RuleDescriptor(
            id: suppression, level: level(.warning),
            summary: "Suppression comments name known rules and come in pairs.",
            rationale: """
                A `paperlint-disable` comment with an unknown rule id silences nothing, and a \
                `paperlint-enable` without its `disable` does nothing: both are reported so a typo \
                does not hide that a rule still runs.
                """,
            markdown: """
                **Suppression comments name known rules and come in pairs.**

                A `paperlint-disable` comment with an unknown rule id silences nothing, and a \
                `paperlint-enable` without its `disable` does nothing: both are reported so a typo \
                does not hide that a rule still runs. `paperlint rules` lists the rule ids.
                """))
        let conflict = """
            A list with `<<<<<<<`, `=======` and `>>>>>>>` lines holds both sides of a merge \
            nobody resolved: GitHub renders the markers and both copies of the entries. Each \
            marker is an error, and nothing else is reported until the conflict is resolved; \
            `paperlint fix` refuses to touch the file.
            """
        rules.append(RuleDescriptor(
            id: ConflictMarkers.ruleID, level: level(.error), summary: "No merge conflict markers in the list.",
            rationale: conflict, markdown: "**No merge conflict markers in the list.**\n\n" + conflict))
        return rules
    }

    static func level(_ severity: Severity) -> StaticString {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    private static func write(_ rule: RuleDescriptor, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", rule.id)
        json.key("shortDescription")
        text(rule.summary, &json)
        json.key("fullDescription")
        text(rule.rationale, &json)
        json.key("help")
        json.beginObject()
        json.field("text", rule.rationale + "\n\n" + suppressionHint(rule.id))
        json.field("markdown", rule.markdown)
        json.endObject()
        json.key("defaultConfiguration")
        json.beginObject()
        json.field("level", rule.level.description)
        json.endObject()
        json.endObject()
    }

    private static func suppressionHint(_ id: String) -> String {
        "Silence it on one line with \(Suppressions.disablingNextLine(id)), or set `rules: {\(id): off}` in .paperlint.yml."
    }

    private static func markdownHelp(_ description: RuleDescription) -> String {
        var out = "**\(description.summary)**\n\n\(description.rationale)\n"
        func block(_ title: String, _ text: String) {
            let fence = Markdown.fence(for: text)
            out += "\n\(title)\n\n\(fence)markdown\n\(text)\(text.hasSuffix("\n") ? "" : "\n")\(fence)\n"
        }
        if let flagged = description.triggering.first { block("Flagged (`↓` marks each finding):", flagged.marked) }
        if let correction = description.corrections.first {
            block("Fixed:", correction.0.unmarked)
            block("becomes:", correction.1.unmarked)
        }
        out += "\nSilence it on one line with `\(Suppressions.disablingNextLine(description.id))`, "
            + "or set `rules: {\(description.id): off}` in `.paperlint.yml`.\n"
        return out
    }

    private static func text(_ value: String, _ json: inout JSONWriter) {
        json.beginObject()
        json.field("text", value)
        json.endObject()
    }

    /// One fingerprint per finding of `file`: a hash of the path, the rule id, the finding's
    /// line with surrounding blanks trimmed, and which of the identical (rule, line) pairs it
    /// is. No line number, so inserting entries above a finding does not make it look new.
    static func fingerprints(_ file: FileReport) -> [String] {
        fingerprintHashes(file).map(FNV1a.hex)
    }

    /// The fingerprints as the hashes their hex digits spell.
    static func fingerprintHashes(_ file: FileReport) -> [UInt64] {
        var seen: [OccurrenceKey: Int] = [:]
        seen.reserveCapacity(file.diagnostics.count)
        let document = file.document
        var pathHash = FNV1a.hash(file.path)
        FNV1a.add(0, to: &pathHash)
        return file.diagnostics.indices.map { index in
            let diagnostic = file.diagnostics[index]
            // The key: path, rule id and the trimmed line, as the line reads once decoded (a
            // line that is not valid UTF-8 counts with its bytes repaired).
            var hash = FNV1a.hash(diagnostic.rule, continuing: pathHash)
            FNV1a.add(0, to: &hash)
            var text: ArraySlice<UInt8> = []
            if diagnostic.start.line <= document.lineCount {
                var range = document.contentRange(ofLine: diagnostic.start.line)
                while !range.isEmpty && ASCII.isSpace(document.bytes[range.lowerBound]) { range = range.dropFirst() }
                while !range.isEmpty && ASCII.isSpace(document.bytes[range.upperBound - 1]) { range = range.dropLast() }
                text = document.bytes[range]
                if ASCII.endOfASCII(document.bytes, from: range.lowerBound, to: range.upperBound) != range.upperBound {
                    text = ArraySlice(String(decoding: text, as: UTF8.self).utf8)
                }
                hash = text.withUnsafeBufferPointer { FNV1a.hash($0, continuing: hash) }
            }
            let occurrence = Self.postIncrement(&seen[OccurrenceKey(hash: hash, rule: diagnostic.rule, text: text), default: 0])
            // The hash runs on over a separator and the occurrence's digits.
            FNV1a.add(0, to: &hash)
            if occurrence < 10 {
                FNV1a.add(UInt8(ascii: "0") + UInt8(occurrence), to: &hash)
                return hash
            }
            return FNV1a.hash(String(occurrence), continuing: hash)
        }
    }

    /// Which finding of a rule on a line: keyed by the line's bytes, hashed by the FNV-1a
    /// hash already taken of them (the path is the same for the whole file).
    private struct OccurrenceKey: Hashable {
        let hash: UInt64
        let rule: String
        let text: ArraySlice<UInt8>
        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }

    /// The value before it is counted up.
    private static func postIncrement(_ value: inout Int) -> Int {
        defer { value += 1 }
        return value
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (all ASCII, so the UTF-8
    /// bytes are cut without decoding).
    func trimmingBlanks() -> String {
        func isBlank(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else { return "" }
        if first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) { return self }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
