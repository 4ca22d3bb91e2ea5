import PaperLintCore
import PaperLintGit
import PaperLintIO

/// paperlint under the pre-commit framework (https://pre-commit.com), the framework's way:
///
/// - the files pre-commit passes are narrowed to the lists the configuration names
///   (`files:`, README.md by default); any other Markdown (CONTRIBUTING.md) is skipped;
/// - `paperlint` checks the lines changed between `PRE_COMMIT_FROM_REF` and
///   `PRE_COMMIT_TO_REF` when pre-commit sets them (pre-push, `--from-ref/--to-ref`); else the
///   staged lines of a file with staged changes; else, for a file passed with nothing staged
///   (`pre-commit run --all-files`, `--files`), the whole file;
/// - `paperlint-fix` fixes those lines in the work tree only and never touches the index:
///   pre-commit owns the stash of unstaged work, and seeing a file change it fails the run
///   so that the user reviews and stages the fix.
public enum PreCommitHook {
    /// One group of files and how they are compared.
    public struct Plan: Sendable, Equatable {
        public var mode: LintMode
        public var paths: [String]
    }

    /// What a run found: the check's reports, or the files the fix changed.
    public struct Outcome: Sendable {
        public var reports: [LintReport] = []
        public var fixed: [FixReport] = []
        public var skipped: [String] = []

        public var hasFailures: Bool { reports.contains(where: \.hasFailures) }
        /// Files whose content the fix changed in the work tree.
        public var changedFiles: [String] { fixed.flatMap(\.files).filter { $0.fixed != $0.original }.map(\.path) }
    }

    /// How each passed file is compared. `environment` holds pre-commit's variables.
    public static func plan(files: [String], currentDirectory: String, environment: [String: String]) throws(PaperLintError)
        -> (plans: [Plan], skipped: [String])
    {
        let repository = try Session.discover(currentDirectory)
        let root = repository.workdir ?? currentDirectory
        let configuration = try Linter.loadConfiguration(CheckRequest(currentDirectory: currentDirectory), root: root)
        let configured = Set(configuration.files.map(normalized))
        var kept: [String] = []
        var skipped: [String] = []
        for file in files {
            let relative = (try? repository.relativePath(file, currentDirectory: currentDirectory)) ?? file
            if configured.contains(normalized(relative)) { kept.append(relative) } else { skipped.append(file) }
        }
        guard !kept.isEmpty else { return ([], skipped) }
        if let from = environment["PRE_COMMIT_FROM_REF"], let to = environment["PRE_COMMIT_TO_REF"], !from.isEmpty, !to.isEmpty {
            return ([Plan(mode: .range("\(from)..\(to)"), paths: kept)], skipped)
        }
        var staged: [String] = []
        var whole: [String] = []
        for path in kept {
            let changes = try Session.git { () throws(GitError) in try repository.changes(in: path, source: .staged) }
            if changes.status != .unchanged { staged.append(path) } else { whole.append(path) }
        }
        var plans: [Plan] = []
        if !staged.isEmpty { plans.append(Plan(mode: .staged, paths: staged)) }
        if !whole.isEmpty { plans.append(Plan(mode: .all, paths: whole)) }
        return (plans, skipped)
    }

    /// `paperlint`: checks each plan's files.
    public static func check(files: [String], currentDirectory: String, environment: [String: String]) throws(PaperLintError) -> Outcome {
        let (plans, skipped) = try plan(files: files, currentDirectory: currentDirectory, environment: environment)
        var outcome = Outcome(skipped: skipped)
        let root = Repository.root(from: currentDirectory) ?? currentDirectory
        for plan in plans {
            outcome.reports.append(try Linter.check(CheckRequest(paths: plan.paths, mode: plan.mode, currentDirectory: root)))
        }
        return outcome
    }

    /// `paperlint-fix`: the same lines fixed in the work tree only (a staged file's lines
    /// against HEAD, since pre-commit has stashed the unstaged ones; a file passed with nothing
    /// staged, or in a ref range, as a whole).
    public static func fix(files: [String], currentDirectory: String, environment: [String: String]) throws(PaperLintError) -> Outcome {
        let (plans, skipped) = try plan(files: files, currentDirectory: currentDirectory, environment: environment)
        var outcome = Outcome(skipped: skipped)
        let root = Repository.root(from: currentDirectory) ?? currentDirectory
        for plan in plans {
            let mode: LintMode = plan.mode == .staged ? .worktree : .all
            let request = CheckRequest(paths: plan.paths, mode: mode, currentDirectory: root)
            outcome.fixed.append(try Fixer.run(FixRequest(request, output: .write)))
        }
        return outcome
    }

    private static func normalized(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }
}
