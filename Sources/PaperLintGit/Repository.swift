import PaperLintIO
import Clibgit2
#if canImport(Glibc)
import Glibc
#endif

/// A git repository opened through libgit2. Owns the libgit2 handle; exposes only Swift values.
public final class Repository {
    let handle: RepositoryHandle
    /// Absolute path of the work tree without a trailing slash; nil for a bare repository.
    public let workdir: String?

    init(handle: RepositoryHandle) {
        self.handle = handle
        self.workdir = git_repository_workdir(handle.raw)
            .flatMap { String(validatingCString: $0) }
            .map { resolvedPath($0) }
    }

    /// Finds the repository containing `directory` (searching upwards, through linked
    /// worktrees' `.git` files), honouring `GIT_DIR` and `GIT_INDEX_FILE` as git hooks set them.
    public static func discover(from directory: String) throws(GitError) -> Repository {
        try Libgit2.ensureInitialized()
        var out: OpaquePointer?
        // FROM_ENV respects GIT_INDEX_FILE (set by `git commit -a` for its hook) but refuses
        // to open when GIT_WORK_TREE or GIT_COMMON_DIR is set; then search plainly.
        let environment = ProcessEnvironment.self
        let useEnvironment = environment.value("GIT_WORK_TREE") == nil && environment.value("GIT_COMMON_DIR") == nil
        let flags = useEnvironment ? GIT_REPOSITORY_OPEN_FROM_ENV.rawValue : 0
        let result = git_repository_open_ext(&out, directory, flags, nil)
        if result == GIT_EOWNER.rawValue || (result == GitError.notFoundCode && ownedByAnotherUser(from: directory)) {
            throw GitError(
                .notARepository,
                "\(directory): the repository belongs to another user, so git refuses to open it; run paperlint as its owner, or trust it with `git config --global --add safe.directory <path>`")
        }
        if result == GitError.notFoundCode {
            throw GitError(
                .notARepository,
                "\(directory): not a git repository (or any parent directory); run paperlint inside a repository, or pass --all to lint files on disk")
        }
        try GitError.check(result, "git_repository_open_ext")
        guard let out else { throw GitError(.notARepository, "\(directory): could not open the repository") }
        return Repository(handle: RepositoryHandle(owning: out))
    }

    /// The work-tree root above `directory`, found without starting libgit2 (a check on disk
    /// need not pay for it): the nearest directory holding a `.git` entry, or `directory`
    /// itself when `GIT_DIR` is set (as git sets it for hooks).
    public static func root(from directory: String) -> String? {
        if getenv("GIT_DIR") != nil { return directory }
        return nearestGitEntry(from: directory)?.directory
    }

    /// The nearest directory at or above `directory` (walked lexically) with a `.git` entry,
    /// and that entry's owner: the one upward search `root` and `discover`'s ownership check share.
    private static func nearestGitEntry(from directory: String) -> (directory: String, owner: uid_t)? {
        var current = directory
        while true {
            var info = stat()
            if stat(current + "/.git", &info) == 0 { return (current, info.st_uid) }
            guard let slash = current.lastIndex(of: "/"), current != "/" else { return nil }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
    }

    /// True when the nearest `.git` above `directory` belongs to another user: libgit2 (like
    /// git since 2.35.2) then refuses the repository, and 1.5 reports it as "not found".
    private static func ownedByAnotherUser(from directory: String) -> Bool {
        nearestGitEntry(from: resolvedPath(directory)).map { $0.owner != geteuid() } ?? false
    }

    /// Converts `path` (absolute, or relative to `currentDirectory`) into a repository-relative path.
    public func relativePath(_ path: String, currentDirectory: String) throws(GitError) -> String {
        let absolute = normalizedPath(path.hasPrefix("/") ? path : currentDirectory + "/" + path)
        guard let workdir else {
            // A bare repository has no work tree: paths are already repository-relative.
            return normalizedPath("/" + path).dropFirst().description
        }
        for candidate in [absolute, resolvedPath(absolute)] {
            if candidate == workdir { break }
            if candidate.hasPrefix(workdir + "/") { return String(candidate.dropFirst(workdir.count + 1)) }
        }
        throw GitError(.pathOutsideRepository(path), "\(path): outside the repository at \(workdir); name a file inside it")
    }

    // MARK: Objects

    func commit(_ spec: String, role: String) throws(GitError) -> ObjectHandle {
        var object: OpaquePointer?
        guard git_revparse_single(&object, handle.raw, spec) == 0, let object else {
            let remedy = isShallow
                ? "this clone is shallow, so fetch more history (`git fetch --deepen=100`, or `--unshallow`)"
                : "check it with `git rev-parse \(spec)` or fetch it first"
            throw GitError(.unknownRevision(spec), "unknown revision '\(spec)' in --range (\(role)); \(remedy)")
        }
        let owned = ObjectHandle(owning: object)
        return try make("git_object_peel") { git_object_peel($0, owned.raw, GIT_OBJECT_COMMIT) }
    }

    func tree(of commit: ObjectHandle) throws(GitError) -> TreeHandle {
        try make("git_commit_tree") { git_commit_tree($0, commit.raw) }
    }

    func mergeBase(_ a: ObjectHandle, _ b: ObjectHandle, specs: (String, String)) throws(GitError) -> ObjectHandle {
        var oid = git_oid()
        let result = git_merge_base(&oid, handle.raw, git_object_id(a.raw), git_object_id(b.raw))
        if result == GitError.notFoundCode {
            throw GitError(
                .unknownRevision("\(specs.0)...\(specs.1)"),
                isShallow
                    ? "'\(specs.0)' and '\(specs.1)' have no common ancestor in this shallow clone; fetch more history (`git fetch --deepen=100`, or `--unshallow`)"
                    : "'\(specs.0)' and '\(specs.1)' have no common ancestor; use --range \(specs.0)..\(specs.1) instead")
        }
        try GitError.check(result, "git_merge_base")
        return try make("git_object_lookup") { git_object_lookup($0, handle.raw, &oid, GIT_OBJECT_COMMIT) }
    }

    /// True for a shallow clone (CI checkouts often are): history before its cut is absent.
    var isShallow: Bool { git_repository_is_shallow(handle.raw) == 1 }

    /// HEAD's tree, or nil on an unborn branch.
    func headTree() throws(GitError) -> TreeHandle? {
        if git_repository_head_unborn(handle.raw) == 1 { return nil }
        let head = try commit("HEAD", role: "HEAD")
        return try tree(of: head)
    }

    /// The repository's index, re-read if the file changed on disk since it was loaded.
    func index() throws(GitError) -> IndexHandle {
        let index: IndexHandle = try make("git_repository_index") { git_repository_index($0, handle.raw) }
        try GitError.check(git_index_read(index.raw, 0), "git_index_read")
        return index
    }

    func blobBytes(_ oid: UnsafePointer<git_oid>) throws(GitError) -> [UInt8] {
        try blob(oid).bytes
    }

    func blob(_ oid: UnsafePointer<git_oid>) throws(GitError) -> BlobHandle {
        try make("git_blob_lookup") { git_blob_lookup($0, handle.raw, oid) }
    }

    /// The blob at `path` in `tree`; nil when the path is absent. Throws if it is not a file.
    func blobBytes(at path: String, in tree: TreeHandle?) throws(GitError) -> [UInt8]? {
        try blob(at: path, in: tree)?.bytes
    }

    /// The blob at `path` in `tree`, as a handle; nil when the path is absent.
    func blob(at path: String, in tree: TreeHandle?) throws(GitError) -> BlobHandle? {
        guard let tree else { return nil }
        var entry: OpaquePointer?
        let result = git_tree_entry_bypath(&entry, tree.raw, path)
        if result == GitError.notFoundCode { return nil }
        try GitError.check(result, "git_tree_entry_bypath")
        guard let entry else { return nil }
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB, let oid = git_tree_entry_id(entry) else {
            throw Self.notAFile(path)
        }
        return try blob(oid)
    }

    /// True when `tree` holds `blob` itself (the same object id) at `path`: nothing is read.
    func isBlob(_ blob: BlobHandle, at path: String, in tree: TreeHandle?) -> Bool {
        guard let tree else { return false }
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, tree.raw, path) == 0, let entry else { return false }
        defer { git_tree_entry_free(entry) }
        guard let oid = git_tree_entry_id(entry) else { return false }
        return git_oid_equal(oid, git_blob_id(blob.raw)) != 0
    }
}

enum ProcessEnvironment {
    static func value(_ name: String) -> String? {
        getenv(name).flatMap { String(validatingCString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension Repository {
    /// The bytes of `path` (repository-relative) in commit `revision`, or nil when the commit
    /// has no such file. Used to read the configuration of a pull request's base.
    public func fileBytes(at path: String, revision: String) throws(GitError) -> [UInt8]? {
        try blobBytes(at: path, in: try tree(of: try commit(revision, role: "base")))
    }
}
