import PaperLintIO
import Clibgit2
#if canImport(Glibc)
import Glibc
#endif

extension Repository {
    /// The content to lint at `path` (repository-relative) and the lines `source` changed in it.
    ///
    /// Both sides are read as bytes and compared with libgit2's xdiff (with git's default
    /// indent heuristic, so hunks match `git diff`); a path missing on the old side is
    /// looked up in libgit2's rename detection before it counts as added.
    ///
    /// `whenNewIsRead` gets the new side's bytes as soon as they are read, before the old side
    /// is read and the two compared (not when the index holds the same blob as HEAD), so a
    /// caller can parse them meanwhile on another core.
    public func changes(
        in path: String, source: DiffSource, whenNewIsRead: ((_ new: [UInt8]) -> Void)? = nil
    ) throws(GitError) -> FileChanges {
        let sides = try self.sides(for: path, source: source, whenNewIsRead: whenNewIsRead)
        guard let new = sides.new else {
            let status: FileChanges.Status = sides.old == nil ? .unchanged : .deleted
            if status == .unchanged { throw missing(path, source) }
            return FileChanges(path: path, status: status, content: nil, addedLines: [], contextLines: [])
        }
        if Self.looksBinary(new) {
            return FileChanges(path: path, status: .binary, content: nil, addedLines: [], contextLines: [])
        }
        var oldBlob = sides.old
        var status: FileChanges.Status = .modified
        if oldBlob == nil, let renamed = try renameSource(of: path, source: source, oldTree: sides.oldTree) {
            oldBlob = try blob(at: renamed, in: sides.oldTree)
            status = .renamed(from: renamed)
        }
        guard let old = oldBlob else {
            let lineCount = Self.lineCount(new)
            return FileChanges(
                path: path, status: .added, content: new,
                addedLines: lineCount > 0 ? [1...lineCount] : [], contextLines: [])
        }
        // Both sides in git's object store: the same object id is the same content, and xdiff
        // reads the blobs as they are (a buffer would be hashed first: 1.2 ms at 2k entries).
        let compared: Xdiff.Side = sides.newBlob.map { .blob($0.raw) } ?? .bytes(sides.comparable ?? new)
        let isSame: Bool = switch compared {
        case .blob(let blob): git_oid_equal(git_blob_id(old.raw), git_blob_id(blob)) != 0
        case .bytes(let bytes): bytes.withUnsafeBytes { $0.elementsEqual(old.content) }
        }
        if isSame {
            return FileChanges(path: path, status: status == .modified ? .unchanged : status, content: new, addedLines: [], contextLines: [])
        }
        let (added, context) = try withExtendedLifetime((old, sides.newBlob)) { () throws(GitError) in
            try Self.diffLines(old: .blob(old.raw), new: compared, path: path)
        }
        return FileChanges(path: path, status: status, content: new, addedLines: added, contextLines: context)
    }

    private struct Sides {
        var old: BlobHandle?
        var oldTree: TreeHandle?
        /// What is linted.
        var new: [UInt8]?
        /// `new` as a blob, when it is one (the index, a commit).
        var newBlob: BlobHandle?
        /// `new` as git would store it (clean filters such as CRLF conversion applied), for diffing.
        var comparable: [UInt8]?
    }

    private func sides(for path: String, source: DiffSource, whenNewIsRead: ((_ new: [UInt8]) -> Void)?) throws(GitError) -> Sides {
        switch source {
        case .staged:
            guard workdir != nil else {
                throw GitError(.bareRepository, "a bare repository has no index to check; use --range A..B to lint commits")
            }
            let oldTree = try headTree()
            let index = try index()
            var newBlob: BlobHandle?
            if let entry = git_index_get_bypath(index.raw, path, 0) {
                guard entry.pointee.mode != GIT_FILEMODE_COMMIT.rawValue else { throw Self.notAFile(path) }
                newBlob = try withUnsafePointer(to: entry.pointee.id) { (oid) throws(GitError) in try blob(oid) }
            } else if git_index_get_bypath(index.raw, path, 2) != nil || git_index_get_bypath(index.raw, path, 3) != nil {
                throw GitError(.conflicted(path), "\(path): has unresolved merge conflicts in the index; resolve them and `git add` it first")
            }
            let new = newBlob?.bytes
            if let new, let whenNewIsRead, let newBlob, !isBlob(newBlob, at: path, in: oldTree) { whenNewIsRead(new) }
            return Sides(old: try blob(at: path, in: oldTree), oldTree: oldTree, new: new, newBlob: newBlob)
        case .worktree:
            guard let workdir else {
                throw GitError(.bareRepository, "a bare repository has no work tree; use --range A..B to lint commits")
            }
            let oldTree = try headTree()
            let new = try readWorkFile(workdir + "/" + path, displayPath: path)
            let comparable = try new.map { (bytes) throws(GitError) in try cleanFiltered(bytes, path: path) }
            if let new, let whenNewIsRead { whenNewIsRead(new) }
            return Sides(old: try blob(at: path, in: oldTree), oldTree: oldTree, new: new, comparable: comparable)
        case .range(let baseSpec, let headSpec, let useMergeBase):
            let base = try commit(baseSpec, role: "base")
            let head = try commit(headSpec, role: "head")
            let oldCommit = useMergeBase ? try mergeBase(base, head, specs: (baseSpec, headSpec)) : base
            let oldTree = try tree(of: oldCommit)
            let newBlob = try blob(at: path, in: try tree(of: head))
            let new = newBlob?.bytes
            if let new, let whenNewIsRead, let newBlob, !isBlob(newBlob, at: path, in: oldTree) { whenNewIsRead(new) }
            return Sides(old: try blob(at: path, in: oldTree), oldTree: oldTree, new: new, newBlob: newBlob)
        }
    }

    private func missing(_ path: String, _ source: DiffSource) -> GitError {
        if let submodule = submodule(containing: path, source: source) {
            return GitError(.notFound(path), "\(path): inside the submodule \(submodule); run paperlint in \(submodule) to lint it")
        }
        return switch source {
        case .staged: GitError(.notFound(path), "\(path): not in the index or HEAD; `git add` it, or name another file")
        case .worktree: GitError(.notFound(path), "\(path): no such file in the work tree or HEAD; check the path")
        case .range(_, let head, _): GitError(.notFound(path), "\(path): not in commit \(head) nor its base; check the path")
        }
    }

    /// The submodule (a gitlink in the index, or in the head commit for `--range`) that
    /// `path` lies in, if any: git tracks its files in the submodule's own repository.
    private func submodule(containing path: String, source: DiffSource) -> String? {
        let components = path.split(separator: "/").dropLast()
        guard !components.isEmpty else { return nil }
        let prefixes = components.indices.map { components[components.startIndex...$0].joined(separator: "/") }
        switch source {
        case .staged, .worktree:
            guard let index = try? index() else { return nil }
            return prefixes.first { prefix in
                git_index_get_bypath(index.raw, prefix, 0).map { $0.pointee.mode == GIT_FILEMODE_COMMIT.rawValue } ?? false
            }
        case .range(_, let headSpec, _):
            guard let tree = try? tree(of: try commit(headSpec, role: "head")) else { return nil }
            return prefixes.first { prefix in
                var entry: OpaquePointer?
                guard git_tree_entry_bypath(&entry, tree.raw, prefix) == 0, let entry else { return false }
                defer { git_tree_entry_free(entry) }
                return git_tree_entry_filemode(entry) == GIT_FILEMODE_COMMIT
            }
        }
    }

    static func notAFile(_ path: String) -> GitError {
        GitError(.notFound(path), "\(path): not a file in the repository (a directory or submodule); name a Markdown file")
    }

    /// Reads a work-tree file; nil when it does not exist.
    private func readWorkFile(_ absolute: String, displayPath: String) throws(GitError) -> [UInt8]? {
        switch FileBytes.read(absolute) {
        case .success(let bytes): return bytes
        case .failure(let error) where error.code == ENOENT || error.code == ENOTDIR: return nil
        case .failure(let error):
            throw GitError(.notFound(displayPath), "\(displayPath): cannot read (\(error.reason)); check its permissions")
        }
    }

    /// Applies the clean filters git applies when staging (e.g. `core.autocrlf`), so the work
    /// tree compares with the committed blob the way `git diff` compares them.
    private func cleanFiltered(_ bytes: [UInt8], path: String) throws(GitError) -> [UInt8] {
        guard !bytes.isEmpty else { return bytes }
        var filters: OpaquePointer?
        try GitError.check(
            git_filter_list_load(&filters, handle.raw, nil, path, GIT_FILTER_TO_ODB, GIT_FILTER_DEFAULT.rawValue),
            "git_filter_list_load")
        guard let filters else { return bytes }
        defer { git_filter_list_free(filters) }
        var out = git_buf()
        defer { git_buf_dispose(&out) }
        let result = bytes.withUnsafeBytes { buffer in
            git_filter_list_apply_to_buffer(&out, filters, buffer.baseAddress?.assumingMemoryBound(to: CChar.self), buffer.count)
        }
        try GitError.check(result, "git_filter_list_apply_to_buffer")
        return copyBytes(out.ptr, out.size)
    }

    /// The old path of `path` when libgit2's rename detection pairs it with a deleted file.
    private func renameSource(of path: String, source: DiffSource, oldTree: TreeHandle?) throws(GitError) -> String? {
        guard let oldTree else { return nil }
        var options = git_diff_options()
        try GitError.check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        let diff: DiffHandle
        switch source {
        case .staged:
            let index = try index()
            diff = try make("git_diff_tree_to_index") {
                git_diff_tree_to_index($0, handle.raw, oldTree.raw, index.raw, &options)
            }
        case .worktree:
            diff = try make("git_diff_tree_to_workdir_with_index") {
                git_diff_tree_to_workdir_with_index($0, handle.raw, oldTree.raw, &options)
            }
        case .range(_, let headSpec, _):
            let newTree = try tree(of: try commit(headSpec, role: "head"))
            diff = try make("git_diff_tree_to_tree") {
                git_diff_tree_to_tree($0, handle.raw, oldTree.raw, newTree.raw, &options)
            }
        }
        var find = git_diff_find_options()
        try GitError.check(git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)), "git_diff_find_options_init")
        find.flags = GIT_DIFF_FIND_RENAMES.rawValue
        try GitError.check(git_diff_find_similar(diff.raw, &find), "git_diff_find_similar")
        for index in 0..<git_diff_num_deltas(diff.raw) {
            guard let delta = git_diff_get_delta(diff.raw, index), delta.pointee.status == GIT_DELTA_RENAMED,
                let newPath = delta.pointee.new_file.path.flatMap({ String(validatingCString: $0) }), newPath == path
            else { continue }
            return delta.pointee.old_file.path.flatMap { String(validatingCString: $0) }
        }
        return nil
    }

    /// Added and context lines of the new side, from libgit2's xdiff with 3 context lines.
    static func diffLines(old: Xdiff.Side, new: Xdiff.Side, path: String) throws(GitError) -> ([ClosedRange<Int>], [ClosedRange<Int>]) {
        let collector = LineCollector()
        try Xdiff.run(old: old, new: new, path: path, context: 3, collector: collector, line: LineCollector.callback)
        return (collector.added.ranges, collector.context.ranges)
    }

    /// git's rule: a NUL byte in the first 8000 bytes makes content binary.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(8000).contains(0)
    }

    static func lineCount(_ bytes: [UInt8]) -> Int {
        guard !bytes.isEmpty else { return 0 }
        let newlines = bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return bytes.last == UInt8(ascii: "\n") ? newlines : newlines + 1
    }
}

/// Collects line numbers from libgit2's line callback into sorted ranges.
private final class LineCollector {
    var added = RangeBuilder()
    var context = RangeBuilder()

    static let callback: git_diff_line_cb = { _, _, line, payload in
        guard let line, let payload else { return 0 }
        let collector = Unmanaged<LineCollector>.fromOpaque(payload).takeUnretainedValue()
        let number = Int(line.pointee.new_lineno)
        switch UInt8(bitPattern: line.pointee.origin) {
        case UInt8(ascii: "+"): collector.added.append(number)
        case UInt8(ascii: " "): collector.context.append(number)
        default: break
        }
        return 0
    }
}

/// Builds sorted ranges from ascending line numbers.
struct RangeBuilder {
    private(set) var ranges: [ClosedRange<Int>] = []
    mutating func append(_ line: Int) {
        guard line > 0 else { return }
        if let last = ranges.last, last.upperBound + 1 == line {
            ranges[ranges.count - 1] = last.lowerBound...line
        } else if ranges.last.map({ $0.upperBound < line }) ?? true {
            ranges.append(line...line)
        }
    }
}
