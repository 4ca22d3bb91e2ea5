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
        let list = try ListFile(path: path, currentDirectory: currentDirectory)
        let (root, display, absolute, document) = (list.root, list.displayPath, list.absolutePath, list.document)
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
        try writeNew(inference.yaml, to: ConfigurationLoader.fileName, root: root, force: force)
        return Outcome(inference: inference, configurationPath: target, wrote: true)
    }

    /// Writes `text` atomically to `name` under `root` (creating its folders), refusing to
    /// replace an existing file unless `force`.
    static func writeNew(_ text: String, to name: String, root: String, force: Bool) throws(PaperLintError) {
        let target = root + "/" + name
        if !force, case .success = FileBytes.read(target) {
            throw PaperLintError("\(name): already exists at \(root); pass --force to replace it, or edit it by hand")
        }
        let folder = String(target[..<(target.lastIndex(of: "/") ?? target.endIndex)])
        if makeDirectories(folder) != 0 {
            throw PaperLintError("\(name): cannot create its folder (\(Errno.current)); check the directory's permissions")
        }
        do {
            try AtomicFile.write(Array(text.utf8), to: target)
        } catch {
            throw PaperLintError("\(name): cannot write (\(error.reason)); check the directory's permissions")
        }
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

/// The list `init` reads: `path`, or `README.md` at the repository root (the current
/// directory outside a repository), parsed.
struct ListFile {
    var root: String
    var displayPath: String
    var absolutePath: String
    var document: Document

    init(path: String?, currentDirectory: String) throws(PaperLintError) {
        root = Repository.root(from: currentDirectory) ?? currentDirectory
        displayPath = path ?? CheckRequest.defaultList
        absolutePath = path.map { $0.hasPrefix("/") ? $0 : currentDirectory + "/" + $0 } ?? root + "/" + CheckRequest.defaultList
        document = try Linter.readDocument(absolutePath, displayPath: displayPath)
    }
}
