import PaperLintCore
import PaperLintGit
import PaperLintIO

/// `paperlint init`: infer `.paperlint.yml` from the list and optionally write it.
public enum Initializer {
    public struct Outcome: Sendable {
        public var inference: StyleInference
        /// Where the configuration was (or would be) written.
        public var configurationPath: String
        public var wrote: Bool
    }

    /// Infers the style of `path` (default: `README.md` at the repository root, or in the
    /// current directory outside a repository); with `write`, writes `.paperlint.yml` next to
    /// the repository root, refusing to replace an existing one unless `force`.
    public static func run(path: String?, currentDirectory: String, write: Bool, force: Bool) throws(PaperLintError) -> Outcome {
        let root = Repository.root(from: currentDirectory) ?? currentDirectory
        let display = path ?? CheckRequest.defaultList
        let absolute = path.map { $0.hasPrefix("/") ? $0 : currentDirectory + "/" + $0 } ?? root + "/" + CheckRequest.defaultList
        let document = try Linter.readDocument(absolute, displayPath: display)
        var presets: [Configuration] = []
        for name in Presets.names {
            presets.append(try ConfigurationLoader.load(text: nil, preset: name))
        }
        // The default preset first: it wins ties.
        presets.sort { ($0.presetName == Presets.defaultName ? 0 : 1) < ($1.presetName == Presets.defaultName ? 0 : 1) }
        var inference = StyleInference.infer(document, path: display, presets: presets)
        // Record a list other than README.md at the root, so `check` finds it without arguments.
        let listPath = normalized(absolute)
        if listPath.hasPrefix(root + "/"), String(listPath.dropFirst(root.count + 1)) != CheckRequest.defaultList {
            inference.files = [String(listPath.dropFirst(root.count + 1))]
        }
        let target = root + "/" + ConfigurationLoader.fileName
        guard write else { return Outcome(inference: inference, configurationPath: target, wrote: false) }
        if !force, case .success = FileBytes.read(target) {
            throw PaperLintError("\(ConfigurationLoader.fileName): already exists at \(root); pass --force to replace it, or edit it by hand")
        }
        do {
            try AtomicFile.write(Array(inference.yaml.utf8), to: target)
        } catch {
            throw PaperLintError("\(ConfigurationLoader.fileName): cannot write (\(error.reason)); check the directory's permissions")
        }
        return Outcome(inference: inference, configurationPath: target, wrote: true)
    }

    /// Removes `.` and resolves `..` lexically.
    private static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for component in path.split(separator: "/") where component != "." {
            if component == ".." { _ = parts.popLast() } else { parts.append(component) }
        }
        return "/" + parts.joined(separator: "/")
    }
}
