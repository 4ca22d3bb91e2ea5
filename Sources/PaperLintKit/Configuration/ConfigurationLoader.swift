import PaperLintCore
import Yams

/// Reads `.paperlint.yml` and the embedded presets into a `Configuration`.
///
/// A preset is applied first, then the user's file on top of it: every preset key may be
/// overridden, mappings merge key by key and lists replace. Unknown keys, wrong types and
/// bad values are errors that name the file, the line and, where one is close, the valid key.
public enum ConfigurationLoader {
    /// The configuration file looked up at the repository root.
    public static let fileName = ".paperlint.yml"

    /// Loads the configuration.
    /// - Parameters:
    ///   - text: the user's configuration file, or nil when there is none.
    ///   - path: how to name that file in messages.
    ///   - preset: `--preset NAME`, which wins over the file's `preset:`.
    public static func load(text: String?, path: String = fileName, preset: String? = nil) throws(PaperLintError) -> Configuration {
        let user = try text.map { (text) throws(PaperLintError) in try parse(text, path: path) } ?? nil
        var presetName = Presets.defaultName
        var presetMark: Mark?
        if let user, case .mapping(let mapping) = user, let node = mapping.first(where: { $0.key.scalar?.string == "preset" })?.value {
            presetName = try ConfigurationReader(path: path).string(node, key: "preset")
            presetMark = node.mark
        }
        if let preset {
            presetName = preset
            presetMark = nil
        }
        guard let presetText = Presets.text(presetName) else {
            let hint = Suggestion.clause(for: presetName, in: Presets.names)
            let available = "(available: \(Presets.names.joined(separator: ", ")))"
            if let presetMark {
                throw PaperLintError("\(path):\(presetMark.line): unknown preset '\(presetName)'\(hint) \(available)")
            }
            throw PaperLintError("--preset \(presetName): unknown preset\(hint) \(available)")
        }
        var configuration = Configuration(presetName: presetName)
        let presetPath = "Rules/\(presetName).yml"
        // Composed at build time; a preset without compiled nodes would be parsed here.
        var presetNode = Presets.node(presetName)
        if presetNode == nil { presetNode = try parse(presetText, path: presetPath) }
        if let node = presetNode {
            try ConfigurationReader(path: presetPath).apply(node, to: &configuration)
        }
        if let user { try ConfigurationReader(path: path).apply(user, to: &configuration) }
        return configuration
    }

    /// Parses YAML into a node; syntax errors become one line with the position.
    static func parse(_ text: String, path: String) throws(PaperLintError) -> Node? {
        do {
            // Every value is read as text (ConfigurationReader): the basic resolver, which
            // resolves no tag, spares compiling the default resolver's regular expressions
            // (about a millisecond, most of a run's configuration time).
            return try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw PaperLintError(describe(error, path: path))
        } catch {
            throw PaperLintError("\(path): cannot read YAML (\(error)); check the file")
        }
    }

    private static func describe(_ error: YamlError, path: String) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return "\(path):\(mark.line):\(mark.column): YAML syntax error: \(problem); fix the YAML at that place"
        case .duplicatedKeysInMapping(let duplicates, let context):
            return "\(path):\(context.mark.line): key '\(duplicates.first ?? "?")' appears twice; keep one"
        case .reader(let problem, _, _, _):
            return "\(path): cannot read YAML: \(problem); save the file as UTF-8"
        default:
            return "\(path): YAML error: \(error); fix the file"
        }
    }
}
