import PaperLintCore
import PaperLintGit

/// Where the content comes from and which lines count as changed (DESIGN.md, "MODE").
public enum LintMode: Sendable, Equatable {
    /// Files on disk, every line counts.
    case all
    case staged
    case worktree
    /// `A..B` or `A...B`.
    case range(String)
}

/// Which diagnostics survive in a diff mode.
public enum DiffFilter: String, Sendable, CaseIterable {
    /// Touching an added or modified line.
    case added
    /// Touching an added line or a context line of the diff.
    case context
    /// Anywhere in a file the diff changed.
    case file
    /// Everything.
    case all
}

extension DiffFilter {
    /// The lines of a file this filter keeps findings on: nil for the whole file, an empty set
    /// for none. `check` filters findings by it and `fix` limits its edits to it.
    func keptLines(_ changes: FileChanges) -> LineSet? {
        switch self {
        case .all: nil
        case .file: changes.status == .unchanged ? LineSet() : nil
        case .added: LineSet(changes.addedLines)
        case .context: LineSet(changes.addedLines + changes.contextLines)
        }
    }
}

/// The lowest severity that makes `check` exit 1.
public enum FailOn: String, Sendable, CaseIterable {
    case error, warning, never

    func fails(_ severity: Severity) -> Bool {
        switch self {
        case .error: severity >= .error
        case .warning: severity >= .warning
        case .never: false
        }
    }
}

/// One `paperlint check` invocation, already validated.
public struct CheckRequest: Sendable {
    /// Paths as the user typed them (relative to `currentDirectory`); empty for the configured files.
    public var paths: [String]
    /// nil: `--worktree` inside a repository, `--all` outside one.
    public var mode: LintMode?
    public var filter: DiffFilter
    public var failOn: FailOn
    public var currentDirectory: String
    /// `--config FILE` (relative to `currentDirectory`); nil: `.paperlint.yml` at the root, if any.
    public var configPath: String?
    /// `--preset NAME`, which wins over the configuration's `preset:`.
    public var preset: String?
    /// A configuration already loaded for this run (the hook loads it once for fix and check);
    /// when set, `configPath` and `preset` are not read again.
    public var configuration: Configuration?

    /// The list file when neither a path nor the configuration names one.
    public static let defaultList = "README.md"

    public init(
        paths: [String] = [], mode: LintMode? = nil, filter: DiffFilter = .added, failOn: FailOn = .error,
        currentDirectory: String, configPath: String? = nil, preset: String? = nil
    ) {
        self.paths = paths
        self.mode = mode
        self.filter = filter
        self.failOn = failOn
        self.currentDirectory = currentDirectory
        self.configPath = configPath
        self.preset = preset
    }
}
