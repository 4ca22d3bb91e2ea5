import PaperLintCore
import PaperLintGit
import PaperLintIO

/// The change scope as git and the fix loop see it.
extension ChangeScope {
    /// One file's changes under `filter`.
    init(_ changes: FileChanges, filter: DiffFilter) {
        self.init(kept: filter.keptLines(changes), changed: LineSet(changes.addedLines))
    }

    /// The document of `bytes` under this scope (validated: UTF-8, and no conflict markers
    /// unless `check` reports them).
    func document(
        _ bytes: [UInt8], displayPath: String, conflicts: Linter.ConflictHandling = .refuse, parsed: Document? = nil
    ) throws(PaperLintError) -> Document {
        try Linter.validatedDocument(bytes, displayPath: displayPath, scope: self, conflicts: conflicts, parsed: parsed)
    }

    /// The kept lines as byte ranges of `document`, without their last line end: what fixes
    /// may touch (a contributor's fix does not reformat the rest of the file).
    func fixBounds(in document: Document) -> FixLoop.Scope {
        guard let kept else { return .all }
        return .ranges(kept.ranges.compactMap { span in
            guard span.lowerBound <= document.lineCount else { return nil }
            let last = min(span.upperBound, document.lineCount)
            return document.lineStarts[span.lowerBound - 1]..<document.contentRange(ofLine: last).upperBound
        })
    }
}

/// One run, resolved once: the mode, the repository, the configuration, and each file with its
/// content and change scope. `check`, `fix` and the hook work through a session.
struct Session {
    struct File {
        /// As shown: repository-relative in git modes; as given (or root-relative) with `--all`.
        var path: String
        /// On disk, with `--all`: where `fix --write` writes.
        var absolute: String?
        /// Repository-relative; nil with `--all` outside a repository.
        var repositoryPath: String?
        var content: [UInt8]
        var scope: ChangeScope
        /// The diff did not touch the file: under a diff filter nothing in it can be kept.
        var isUnchanged = false
        /// `content` parsed while git diffed it (git modes).
        var prefetched: PrefetchedDocument?
    }

    let request: CheckRequest
    let mode: LintMode
    /// Where a git mode reads; nil with `--all`.
    let source: DiffSource?
    let repository: Repository?
    let configuration: Configuration
    var files: [File] = []
    /// One line each, e.g. "README.md: deleted in the index; nothing to lint".
    var notes: [String] = []

    /// Resolves `request`. With `--all` the repository is opened only when `repositoryForAll`
    /// (a fix that records paths or commits); a check on disk never starts libgit2.
    static func open(_ request: CheckRequest, repositoryForAll: Bool = false) throws(PaperLintError) -> Session {
        let root = Repository.root(from: request.currentDirectory)
        let mode = request.mode ?? (root == nil ? .all : .worktree)
        let timer = PhaseTimer.shared
        switch mode {
        case .all:
            let configuration = try timer.measure("configuration") { () throws(PaperLintError) in
                try Linter.loadConfiguration(request, root: root ?? request.currentDirectory)
            }
            let repository = repositoryForAll && root != nil ? try discover(request.currentDirectory) : nil
            var session = Session(request: request, mode: mode, source: nil, repository: repository, configuration: configuration)
            for target in diskTargets(request, configuration: configuration, root: root) {
                let content = try readBytes(target)
                // Repository-relative as libgit2 resolves it when the repository is open, else by
                // the work-tree root found without it (a check on disk never starts libgit2).
                let repositoryPath = try repository.map { (repository) throws(PaperLintError) in
                    try git { () throws(GitError) in try repository.relativePath(target.absolute, currentDirectory: request.currentDirectory) }
                } ?? root.flatMap { Self.relative(target.absolute, to: $0) }
                session.files.append(File(path: target.display, absolute: target.absolute, repositoryPath: repositoryPath,
                                          content: content, scope: .everything))
            }
            return session
        case .staged, .worktree, .range:
            let source = try diffSource(mode)
            let repository = try timer.measure("git") { () throws(PaperLintError) in try discover(request.currentDirectory) }
            let configuration = try timer.measure("configuration") { () throws(PaperLintError) in
                try Linter.loadConfiguration(request, repository: repository, source: source)
            }
            var session = Session(request: request, mode: mode, source: source, repository: repository, configuration: configuration)
            for path in try repositoryPaths(request, configuration: configuration, repository: repository, source: source) {
                // The new side is parsed on another core while git reads the old one and diffs.
                var prefetched: PrefetchedDocument?
                let changes = try timer.measure("git") { () throws(PaperLintError) in
                    try git { () throws(GitError) in
                        try repository.changes(in: path, source: source) { prefetched = PrefetchedDocument($0) }
                    }
                }
                guard let content = changes.content else {
                    session.notes.append(note(for: changes, source: source))
                    continue
                }
                session.files.append(File(path: path, repositoryPath: path, content: content,
                                          scope: ChangeScope(changes, filter: request.filter), isUnchanged: changes.status == .unchanged,
                                          prefetched: prefetched))
            }
            return session
        }
    }

    static func diffSource(_ mode: LintMode) throws(PaperLintError) -> DiffSource {
        switch mode {
        case .staged: return .staged
        case .worktree: return .worktree
        case .range(let text):
            guard let source = DiffSource.parseRange(text) else {
                throw PaperLintError("--range '\(text)': expected A..B or A...B (for a pull request: --range origin/main...HEAD)")
            }
            return source
        case .all: return .worktree
        }
    }

    /// The repository-relative files a git mode lints: the named paths, else the configured
    /// ones, each through any symbolic link to the file it points to.
    static func repositoryPaths(
        _ request: CheckRequest, configuration: Configuration, repository: Repository, source: DiffSource
    ) throws(PaperLintError) -> [String] {
        do {
            let named = try request.paths.isEmpty
                ? configuration.files
                : request.paths.map { (path) throws(GitError) in
                    try repository.relativePath(path, currentDirectory: request.currentDirectory)
                }
            return try named.map { (path) throws(GitError) in try repository.resolvingLinks(path, source: source) }
        } catch { throw PaperLintError(error) }
    }

    static func note(for changes: FileChanges, source: DiffSource) -> String {
        let side = switch source {
        case .staged: "the index"
        case .worktree: "the work tree"
        case .range(_, let head, _): head
        }
        return switch changes.status {
        case .binary: "\(changes.path): binary content in \(side); skipped"
        default: "\(changes.path): deleted in \(side); nothing to lint"
        }
    }

    struct DiskTarget {
        var absolute: String
        var display: String
        /// For a file the configuration names: the directory it must stay inside once
        /// symbolic links are resolved (a link in a pull request must not make a CI run read
        /// and print files of the machine). Paths given on the command line are read as given.
        var confinedTo: String? = nil
    }

    static func diskTargets(_ request: CheckRequest, configuration: Configuration, root: String?) -> [DiskTarget] {
        if !request.paths.isEmpty {
            return request.paths.map {
                DiskTarget(absolute: $0.hasPrefix("/") ? $0 : request.currentDirectory + "/" + $0, display: $0)
            }
        }
        let base = root ?? request.currentDirectory
        return configuration.files.map { DiskTarget(absolute: base + "/" + $0, display: $0, confinedTo: base) }
    }

    /// `absolute` relative to the directory `root`, symbolic links resolved; nil outside it.
    static func relative(_ absolute: String, to root: String) -> String? {
        let base = resolvedPath(root), path = resolvedPath(absolute)
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : nil
    }

    /// A disk target's bytes, kept inside the repository when the configuration named it.
    static func readBytes(_ target: DiskTarget) throws(PaperLintError) -> [UInt8] {
        if let root = target.confinedTo {
            let resolved = resolvedPath(target.absolute), inside = resolvedPath(root)
            guard resolved.hasPrefix(inside == "/" ? "/" : inside + "/") else {
                throw PaperLintError(
                    "\(target.display): a symbolic link to \(resolved), outside \(inside); only a path named on the command line may leave the repository")
            }
        }
        return try Linter.readBytes(target.absolute, displayPath: target.display)
    }

    static func discover(_ directory: String) throws(PaperLintError) -> Repository {
        try git { () throws(GitError) in try Repository.discover(from: directory) }
    }

    static func git<T>(_ body: () throws(GitError) -> T) throws(PaperLintError) -> T {
        do { return try body() } catch { throw PaperLintError(error) }
    }
}
