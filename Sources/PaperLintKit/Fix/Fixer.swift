import PaperLintCore
import PaperLintGit

/// Drives `paperlint fix`: the fix loop over each file, then a patch, a write, or a commit.
public enum Fixer {
    public static func run(_ request: FixRequest) throws(PaperLintError) -> FixReport {
        let root = RepositoryLocator.root(from: request.currentDirectory)
        let mode = request.mode ?? (root == nil ? .all : .worktree)
        if request.commit && request.output != .write { throw PaperLintError("--commit goes with --write") }
        if request.commit && mode == .staged {
            throw PaperLintError("--commit records the fixes of --all, --worktree or --range; to fix what you stage, run fix --staged --write, then git commit")
        }
        var report = FixReport(files: [], patch: "", notes: [], commitID: nil, failOn: request.failOn)
        switch mode {
        case .all:
            try fixFilesOnDisk(request, root: root, into: &report)
        case .staged, .worktree, .range:
            try fixInRepository(request, mode: mode, into: &report)
        }
        return report
    }

    /// The patch of the safe fixes for what `request` checks, exactly as `paperlint fix --patch`
    /// with the same paths, mode and filter prints it (for the summary of a `check`).
    public static func safePatch(for request: CheckRequest) throws(PaperLintError) -> String {
        let fix = FixRequest(
            paths: request.paths, mode: request.mode, filter: request.filter, output: .patch, unsafe: false,
            failOn: request.failOn, currentDirectory: request.currentDirectory, configPath: request.configPath,
            preset: request.preset)
        return try run(fix).patch
    }

    // MARK: --all

    private static func fixFilesOnDisk(_ request: FixRequest, root: String?, into report: inout FixReport) throws(PaperLintError) {
        let configuration = try Linter.loadConfiguration(request.checkRequest, root: root ?? request.currentDirectory)
        let repository = try root.map { (_) throws(PaperLintError) in try discover(request.currentDirectory) }
        var fixed: [(FileFix, absolute: String, repositoryPath: String?)] = []
        for target in Linter.diskTargets(request.checkRequest, configuration: configuration, root: root) {
            let document = try Linter.readDocument(target)
            let repositoryPath = try repository.map { (repository) throws(PaperLintError) in
                try git { () throws(GitError) in try repository.relativePath(target.absolute, currentDirectory: request.currentDirectory) }
            }
            let file = try fix(document.bytes, path: target.display, configuration, request, scope: .all)
            report.patch += try patch(file, path: repositoryPath ?? target.display)
            fixed.append((file, target.absolute, repositoryPath))
        }
        report.files = fixed.map(\.0)
        guard request.output == .write else { return }
        if request.commit {
            guard let repository else { throw PaperLintError("--commit needs a git repository; run it inside one") }
            for (file, _, path) in fixed { try requireClean(repository, path: path ?? file.path) }
        }
        for (file, absolute, _) in fixed where file.fixed != file.original {
            try write(file.fixed, to: absolute, display: file.path)
        }
        if request.commit, let repository {
            for (file, _, path) in fixed where file.fixed != file.original {
                try git { () throws(GitError) in try repository.stage(file.fixed, at: path ?? file.path) }
            }
            try commit(repository, report: &report, command: "paperlint fix --all --write --commit")
        }
    }

    // MARK: --staged, --worktree, --range

    private static func fixInRepository(_ request: FixRequest, mode: LintMode, into report: inout FixReport) throws(PaperLintError) {
        let source = try Linter.diffSource(mode)
        let repository = try discover(request.currentDirectory)
        let configuration = try Linter.loadConfiguration(request.checkRequest, repository: repository, source: source)
        let paths = try Linter.repositoryPaths(request.checkRequest, configuration: configuration, repository: repository, source: source)
        var fixed: [FileFix] = []
        for path in paths {
            let changes = try git { () throws(GitError) in try repository.changes(in: path, source: source) }
            guard let content = changes.content else {
                report.notes.append(Linter.note(for: changes, source: source))
                continue
            }
            let document = try Linter.validatedDocument(content, displayPath: path)
            let file = try fix(content, path: path, configuration, request, scope: scope(request.filter, changes, document))
            report.patch += try patch(file, path: path)
            fixed.append(file)
        }
        report.files = fixed
        guard request.output == .write else { return }
        if repository.isIndexLocked && mode != .worktree {
            throw PaperLintError("the index is locked (index.lock exists): another git process is running; wait for it, or remove the stale lock file")
        }
        switch source {
        case .staged:
            for file in fixed where file.fixed != file.original { try writeStaged(file, repository, notes: &report.notes) }
        case .worktree:
            if request.commit { for file in fixed { try requireClean(repository, path: file.path) } }
            for file in fixed where file.fixed != file.original {
                try write(file.fixed, to: try workPath(repository, file.path), display: file.path)
            }
        case .range(_, let head, _):
            guard let headID = repository.commitID(head), headID == repository.commitID("HEAD") else {
                throw PaperLintError("--write with --range writes into the work tree, so '\(head)' must be the checked-out commit; check out that branch first (or use --patch)")
            }
            for file in fixed { try requireClean(repository, path: file.path) }
            for file in fixed where file.fixed != file.original {
                try write(file.fixed, to: try workPath(repository, file.path), display: file.path)
                try git { () throws(GitError) in try repository.stage(file.fixed, at: file.path) }
            }
        }
        if request.commit {
            if case .worktree = source {
                for file in fixed where file.fixed != file.original {
                    try git { () throws(GitError) in try repository.stage(file.fixed, at: file.path) }
                }
            }
            try commit(repository, report: &report, command: "paperlint fix \(source) --write --commit")
        }
    }

    /// `fix --staged --write`: the index gets the fixed content; the work tree gets the same
    /// fixes only where its own unstaged edits are elsewhere, so no unstaged byte is lost.
    private static func writeStaged(_ file: FileFix, _ repository: Repository, notes: inout [String]) throws(PaperLintError) {
        let work = try git { () throws(GitError) in try repository.workTreeBytes(at: file.path) }
        try git { () throws(GitError) in try repository.stage(file.fixed, at: file.path) }
        guard let work else { return }
        guard let merged = try git({ () throws(GitError) in try LineMerge.merge(base: file.original, ours: file.fixed, theirs: work) }) else {
            notes.append("\(file.path): unstaged edits in the work tree touch the fixed lines; fixed in the index only (compare with git diff)")
            return
        }
        guard merged != work else { return }
        let destination = try workPath(repository, file.path)
        do {
            try AtomicFile.write(merged, to: destination)
        } catch {
            throw PaperLintError(
                "\(file.path): fixed in the index, but the work tree copy cannot be written (\(error.reason)); it keeps its text, so compare with git diff")
        }
    }

    // MARK: Pieces

    private static func fix(
        _ bytes: [UInt8], path: String, _ configuration: Configuration, _ request: FixRequest, scope: FixLoop.Scope
    ) throws(PaperLintError) -> FileFix {
        let outcome = FixLoop.run(bytes, configuration, unsafe: request.unsafe, scope: scope)
        let document = Document(bytes: outcome.fixed)
        let remaining = Linter.diagnostics(document, configuration)
            .filter { FixLoop.inScope($0.range, outcome.scope) }
            .map { ReportedDiagnostic($0, path: path, in: document) }
            .sorted(by: ReportedDiagnostic.ordered)
        return FileFix(
            path: path, original: bytes, fixed: outcome.fixed, applied: outcome.applied, remaining: remaining,
            settled: outcome.settled)
    }

    /// Fixes touch only the lines the diff filter keeps: a contributor's fix does not
    /// reformat the rest of the file.
    private static func scope(_ filter: DiffFilter, _ changes: FileChanges, _ document: Document) -> FixLoop.Scope {
        guard let lines = filter.keptLines(changes) else { return .all }
        return .ranges(lines.ranges.compactMap { span in
            guard span.lowerBound <= document.lineCount else { return nil }
            let last = min(span.upperBound, document.lineCount)
            return document.lineStarts[span.lowerBound - 1]..<document.contentRange(ofLine: last).upperBound
        })
    }

    private static func patch(_ file: FileFix, path: String) throws(PaperLintError) -> String {
        try git { () throws(GitError) in try Repository.unifiedPatch(old: file.original, new: file.fixed, path: path) }
    }

    private static func write(_ bytes: [UInt8], to path: String, display: String) throws(PaperLintError) {
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw PaperLintError("\(display): cannot write (\(error.reason)); nothing was changed in it")
        }
    }

    private static func requireClean(_ repository: Repository, path: String) throws(PaperLintError) {
        let (head, staged, work) = try git { () throws(GitError) in
            (try repository.fileBytes(at: path, revision: "HEAD"), try repository.stagedBytes(at: path), try repository.workTreeBytes(at: path))
        }
        guard head == staged, staged == work else {
            throw PaperLintError("\(path): has uncommitted changes; commit or stash them before fix --commit")
        }
    }

    private static func commit(_ repository: Repository, report: inout FixReport, command: String) throws(PaperLintError) {
        let changed = report.files.filter { $0.fixed != $0.original }
        guard !changed.isEmpty else {
            report.notes.append("nothing to fix; no commit made")
            return
        }
        let others = try git { () throws(GitError) in try repository.stagedPaths() }.filter { path in !changed.contains { $0.path == path } }
        guard others.isEmpty else {
            throw PaperLintError("other changes are staged (\(others.joined(separator: ", "))); commit or unstage them before fix --commit")
        }
        var totals: [String: Int] = [:]
        for file in changed { for (rule, count) in file.applied { totals[rule, default: 0] += count } }
        let count = totals.values.reduce(0, +)
        var message = "Fix \(count) paperlint finding\(count == 1 ? "" : "s") in \(changed.map(\.path).joined(separator: ", "))\n\n"
        message += "Applied by `\(command)`:\n"
        for rule in totals.keys.sorted() { message += "- \(rule): \(totals[rule] ?? 0)\n" }
        report.commitID = try git { () throws(GitError) in try repository.commitIndex(message: message) }
        // libgit2 runs no hook and no signing program (see SECURITY.md); say so where the
        // configuration expects a signature.
        if repository.configFlag("commit.gpgsign") == true {
            report.notes.append("commit.gpgSign is set, but paperlint does not sign commits; sign this one with `git commit --amend --no-edit -S`")
        }
    }

    private static func workPath(_ repository: Repository, _ path: String) throws(PaperLintError) -> String {
        guard let workdir = repository.workdir else { throw PaperLintError("a bare repository has no work tree to write into; use --patch") }
        return workdir + "/" + path
    }

    private static func discover(_ directory: String) throws(PaperLintError) -> Repository {
        try git { () throws(GitError) in try Repository.discover(from: directory) }
    }

    private static func git<T>(_ body: () throws(GitError) -> T) throws(PaperLintError) -> T {
        do { return try body() } catch { throw PaperLintError(error) }
    }
}
