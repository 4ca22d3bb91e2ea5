import PaperLintCore
import PaperLintGit
import PaperLintIO

/// Drives `paperlint fix`: the fix loop over each file, then a patch, a write, or a commit.
public enum Fixer {
    public static func run(_ request: FixRequest) throws(PaperLintError) -> FixReport {
        let root = Repository.root(from: request.check.currentDirectory)
        let mode = request.check.mode ?? (root == nil ? .all : .worktree)
        if request.commit && request.output != .write { throw PaperLintError("--commit goes with --write") }
        if request.commit && mode == .staged {
            throw PaperLintError("--commit records the fixes of --all, --worktree or --range; to fix what you stage, run fix --staged --write, then git commit")
        }
        let session = try Session.open(request.check, repositoryForAll: true)
        var report = FixReport(files: [], patch: "", notes: session.notes, commitID: nil, failOn: request.check.failOn)
        var files: [(fix: FileFix, file: Session.File)] = []
        for file in session.files {
            let document = try file.scope.document(file.content, displayPath: file.path, parsed: file.prefetched?.document())
            let fixed = try fix(file.content, path: file.path, session.configuration, request, scope: file.scope.fixBounds(in: document))
            report.patch += try patch(fixed, path: file.repositoryPath ?? file.path)
            files.append((fixed, file))
        }
        report.files = files.map(\.fix)
        guard request.output == .write else { return report }
        if let source = session.source, let repository = session.repository {
            try writeInRepository(files.map(\.fix), request, source: source, repository, into: &report)
        } else {
            try writeOnDisk(files, request, repository: session.repository, into: &report)
        }
        return report
    }

    /// The patch of the safe fixes for what `request` checks, exactly as `paperlint fix --patch`
    /// with the same paths, mode and filter prints it.
    public static func safePatch(for request: CheckRequest) throws(PaperLintError) -> String {
        try run(FixRequest(request, output: .patch)).patch
    }

    /// The same patch from a check's report, without reading or linting the files again: the
    /// fix loop's first round takes the check's findings (for the summary of a `check`).
    public static func safePatch(for report: LintReport) throws(PaperLintError) -> String {
        try patch(for: report, unsafe: false)
    }

    /// The same, with the unsafe fixes too (moves, removals, guesses): what the review body
    /// offers for the findings no one-click suggestion can fix.
    public static func patch(for report: LintReport, unsafe: Bool) throws(PaperLintError) -> String {
        var patch = ""
        for file in report.files {
            guard let origin = file.origin else { continue }
            let outcome = FixLoop.run(
                origin.content, report.configuration, unsafe: unsafe, scope: origin.scope.fixBounds(in: file.document),
                first: (file.document, origin.found))
            guard outcome.fixed != origin.content else { continue }
            patch += try Session.git { () throws(GitError) in
                try Repository.unifiedPatch(old: origin.content, new: outcome.fixed, path: origin.patchPath)
            }
        }
        return patch
    }

    // MARK: Writing

    /// `--all --write`: each changed file in place; with `--commit`, staged and committed.
    private static func writeOnDisk(
        _ files: [(fix: FileFix, file: Session.File)], _ request: FixRequest, repository: Repository?, into report: inout FixReport
    ) throws(PaperLintError) {
        if request.commit {
            guard let repository else { throw PaperLintError("--commit needs a git repository; run it inside one") }
            for (fix, file) in files { try requireClean(repository, path: file.repositoryPath ?? fix.path) }
        }
        for (fix, file) in files where fix.fixed != fix.original {
            try write(fix.fixed, to: file.absolute ?? fix.path, display: fix.path)
        }
        if request.commit, let repository {
            for (fix, file) in files where fix.fixed != fix.original {
                try Session.git { () throws(GitError) in try repository.stage(fix.fixed, at: file.repositoryPath ?? fix.path) }
            }
            try commit(repository, report: &report, command: "paperlint fix --all --write --commit")
        }
    }

    /// `--staged`, `--worktree` and `--range` with `--write`: the index, the work tree, or both.
    private static func writeInRepository(
        _ fixed: [FileFix], _ request: FixRequest, source: DiffSource, _ repository: Repository, into report: inout FixReport
    ) throws(PaperLintError) {
        if repository.isIndexLocked && source != .worktree {
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
                try Session.git { () throws(GitError) in try repository.stage(file.fixed, at: file.path) }
            }
        }
        if request.commit {
            if case .worktree = source {
                for file in fixed where file.fixed != file.original {
                    try Session.git { () throws(GitError) in try repository.stage(file.fixed, at: file.path) }
                }
            }
            try commit(repository, report: &report, command: "paperlint fix \(source) --write --commit")
        }
    }

    /// `fix --staged --write`: the index gets the fixed content; the work tree gets the same
    /// fixes only where its own unstaged edits are elsewhere, so no unstaged byte is lost.
    private static func writeStaged(_ file: FileFix, _ repository: Repository, notes: inout [String]) throws(PaperLintError) {
        let work = try Session.git { () throws(GitError) in try repository.workTreeBytes(at: file.path) }
        try Session.git { () throws(GitError) in try repository.stage(file.fixed, at: file.path) }
        guard let work else { return }
        guard let merged = try Session.git({ () throws(GitError) in try LineMerge.merge(base: file.original, ours: file.fixed, theirs: work) }) else {
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
        // The loop's last round read the fixed bytes: what it found is what is left.
        let outcome = FixLoop.run(bytes, configuration, unsafe: request.unsafe, scope: scope)
        let remaining = ReportedDiagnostic.inReportOrder(outcome.remaining, path: path, in: outcome.document)
        return FileFix(
            path: path, original: bytes, fixed: outcome.fixed, applied: outcome.applied, remaining: remaining,
            settled: outcome.settled)
    }

    private static func patch(_ file: FileFix, path: String) throws(PaperLintError) -> String {
        try Session.git { () throws(GitError) in try Repository.unifiedPatch(old: file.original, new: file.fixed, path: path) }
    }

    private static func write(_ bytes: [UInt8], to path: String, display: String) throws(PaperLintError) {
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw PaperLintError("\(display): cannot write (\(error.reason)); nothing was changed in it")
        }
    }

    private static func requireClean(_ repository: Repository, path: String) throws(PaperLintError) {
        let (head, staged, work) = try Session.git { () throws(GitError) in
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
        let others = try Session.git { () throws(GitError) in try repository.stagedPaths() }.filter { path in !changed.contains { $0.path == path } }
        guard others.isEmpty else {
            throw PaperLintError("other changes are staged (\(others.joined(separator: ", "))); commit or unstage them before fix --commit")
        }
        var totals: [String: Int] = [:]
        for file in changed { for (rule, count) in file.applied { totals[rule, default: 0] += count } }
        let count = totals.values.reduce(0, +)
        var message = "Fix \(count) paperlint finding\(count == 1 ? "" : "s") in \(changed.map(\.path).joined(separator: ", "))\n\n"
        message += "Applied by `\(command)`:\n"
        for rule in totals.keys.sorted() { message += "- \(rule): \(totals[rule] ?? 0)\n" }
        report.commitID = try Session.git { () throws(GitError) in try repository.commitIndex(message: message) }
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
}
