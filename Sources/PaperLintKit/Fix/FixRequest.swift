import PaperLintCore

/// One `paperlint fix` invocation, already validated.
public struct FixRequest: Sendable {
    public enum Output: Sendable, Equatable {
        /// Print a unified diff; change nothing.
        case patch
        /// Apply the fixes to the files (and, with `--staged`, the index).
        case write
    }

    /// What to check: the paths, mode, filter, `--fail-on` and configuration `fix` shares
    /// with `check`.
    public var check: CheckRequest
    public var output: Output
    /// Also apply fixes marked unsafe (reordering, removing, guessing).
    public var unsafe: Bool
    /// Record the fixes as a new commit (with `.write`).
    public var commit: Bool

    public init(
        paths: [String] = [], mode: LintMode? = nil, filter: DiffFilter = .added, output: Output = .patch, unsafe: Bool = false,
        commit: Bool = false, failOn: FailOn = .error, currentDirectory: String, configPath: String? = nil, preset: String? = nil
    ) {
        check = CheckRequest(
            paths: paths, mode: mode, filter: filter, failOn: failOn, currentDirectory: currentDirectory,
            configPath: configPath, preset: preset)
        self.output = output
        self.unsafe = unsafe
        self.commit = commit
    }

    /// A fix of what `check` checks.
    public init(_ check: CheckRequest, output: Output, unsafe: Bool = false, commit: Bool = false) {
        self.check = check
        self.output = output
        self.unsafe = unsafe
        self.commit = commit
    }

    /// A configuration already loaded for this run (see `CheckRequest.configuration`).
    public var configuration: Configuration? {
        get { check.configuration }
        set { check.configuration = newValue }
    }
}

/// What `fix` did to one file.
public struct FileFix: Sendable {
    /// Repository-relative in git modes; as given with `--all`.
    public var path: String
    public var original: [UInt8]
    public var fixed: [UInt8]
    /// Fixes applied, by rule id.
    public var applied: [String: Int]
    /// Findings left after fixing (in scope), for the exit status and the summary.
    public var remaining: [ReportedDiagnostic]
    /// False when the fix loop did not settle (a bug in a rule's fix).
    public var settled: Bool
}

/// The outcome of `paperlint fix`.
public struct FixReport: Sendable {
    public var files: [FileFix]
    /// The unified diff of every file (empty when nothing changes).
    public var patch: String
    /// One line each: skipped files, a work tree left alone, the commit made.
    public var notes: [String]
    /// The commit `--commit` made, in hex.
    public var commitID: String?
    public var failOn: FailOn

    public var appliedCount: Int { files.reduce(0) { $0 + $1.applied.values.reduce(0, +) } }
    public var hasFailures: Bool { files.contains { $0.remaining.contains { failOn.fails($0.severity) } } }
}
