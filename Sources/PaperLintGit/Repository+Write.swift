import PaperLintIO
import Clibgit2
#if canImport(Glibc)
import Glibc
#endif

extension GitError.Kind {
    /// Another git process holds `index.lock`.
    public static let locked = GitError.Kind.libgit2(function: "index.lock", code: GIT_ELOCKED.rawValue)
}

extension Repository {
    /// True when another git process holds the index lock (`.git/index.lock` exists).
    public var isIndexLocked: Bool {
        guard let path = git_repository_path(handle.raw).flatMap({ String(validatingCString: $0) }) else { return false }
        let indexFile = ProcessEnvironment.value("GIT_INDEX_FILE").map { $0.hasPrefix("/") ? $0 : (workdir ?? path) + "/" + $0 }
            ?? path + "index"
        return access(indexFile + ".lock", F_OK) == 0
    }

    /// The staged (stage 0) content of `path`, or nil when the index has no such entry.
    public func stagedBytes(at path: String) throws(GitError) -> [UInt8]? {
        let index = try index()
        guard let entry = git_index_get_bypath(index.raw, path, 0) else { return nil }
        return try withUnsafePointer(to: entry.pointee.id) { (oid) throws(GitError) in try blobBytes(oid) }
    }

    /// The work-tree bytes of `path`, or nil when the file does not exist.
    public func workTreeBytes(at path: String) throws(GitError) -> [UInt8]? {
        guard let workdir else { throw GitError(.bareRepository, "a bare repository has no work tree") }
        switch FileBytes.read(workdir + "/" + path) {
        case .success(let bytes): return bytes
        case .failure(let failure) where failure.code == ENOENT: return nil
        case .failure(let failure): throw GitError(.notFound(path), "\(path): cannot read (\(failure.reason)); check its permissions")
        }
    }

    /// Stores `bytes` as the staged content of `path`, keeping the entry's mode, and writes the index.
    public func stage(_ bytes: [UInt8], at path: String) throws(GitError) {
        if isIndexLocked { throw lockedError() }
        let index = try index()
        var entry = git_index_entry()
        if let existing = git_index_get_bypath(index.raw, path, 0) {
            entry = existing.pointee
        } else {
            entry.mode = 0o100644
        }
        let result = path.withCString { cPath in
            entry.path = cPath
            return bytes.withUnsafeBytes { buffer in
                git_index_add_from_buffer(index.raw, &entry, buffer.baseAddress, buffer.count)
            }
        }
        try GitError.check(result, "git_index_add_from_buffer")
        let written = git_index_write(index.raw)
        if written == GIT_ELOCKED.rawValue { throw lockedError() }
        try GitError.check(written, "git_index_write")
    }

    /// Records the index as a new commit on the current branch (HEAD's parent chain), with the
    /// author and committer from git's configuration. Returns the new commit id in hex.
    public func commitIndex(message: String) throws(GitError) -> String {
        let index = try index()
        var treeID = git_oid()
        try GitError.check(git_index_write_tree(&treeID, index.raw), "git_index_write_tree")
        var tree: OpaquePointer?
        try GitError.check(git_tree_lookup(&tree, handle.raw, &treeID), "git_tree_lookup")
        defer { git_tree_free(tree) }
        var signature: UnsafeMutablePointer<git_signature>?
        guard git_signature_default(&signature, handle.raw) == 0, let signature else {
            throw GitError(
                .libgit2(function: "git_signature_default", code: -1),
                "git has no user.name/user.email for the commit; set them with `git config user.name …` and `git config user.email …`")
        }
        defer { git_signature_free(signature) }
        let parent = git_repository_head_unborn(handle.raw) == 1 ? nil : try commit("HEAD", role: "HEAD")
        var parents: [OpaquePointer?] = parent.map { [$0.raw] } ?? []
        var commitID = git_oid()
        let created = withExtendedLifetime(parent) {
            parents.withUnsafeMutableBufferPointer { buffer in
                git_commit_create(
                    &commitID, handle.raw, "HEAD", signature, signature, nil, message, tree, buffer.count, buffer.baseAddress)
            }
        }
        try GitError.check(created, "git_commit_create")
        return Self.hex(commitID)
    }

    /// The commit id `spec` names, in hex; nil when it names none.
    public func commitID(_ spec: String) -> String? {
        guard let object = try? commit(spec, role: "revision"), let oid = git_object_id(object.raw) else { return nil }
        return Self.hex(oid.pointee)
    }

    private static func hex(_ oid: git_oid) -> String {
        var oid = oid
        var buffer = [CChar](repeating: 0, count: Int(GIT_OID_HEXSZ) + 1)
        git_oid_tostr(&buffer, buffer.count, &oid)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func lockedError() -> GitError {
        GitError(.locked, "the index is locked (index.lock exists): another git process is running; wait for it, or remove the stale lock file")
    }

    /// A unified diff in git's format (`diff --git a/… b/…`, hunks with 3 lines of context) that
    /// `git apply` accepts; empty when the contents are equal.
    public static func unifiedPatch(old: [UInt8], new: [UInt8], path: String) throws(GitError) -> String {
        guard old != new else { return "" }
        var options = try Xdiff.options(context: 3)
        var patch: OpaquePointer?
        let result = old.withUnsafeBytes { oldBuffer in
            new.withUnsafeBytes { newBuffer in
                git_patch_from_buffers(
                    &patch, oldBuffer.baseAddress, oldBuffer.count, path, newBuffer.baseAddress, newBuffer.count, path, &options)
            }
        }
        try GitError.check(result, "git_patch_from_buffers")
        guard let patch else { return "" }
        defer { git_patch_free(patch) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try GitError.check(git_patch_to_buf(&buffer, patch), "git_patch_to_buf")
        return String(decoding: copyBytes(buffer.ptr, buffer.size), as: UTF8.self)
    }
}

extension Repository {
    /// Paths whose staged content differs from HEAD (everything staged on an unborn branch).
    public func stagedPaths() throws(GitError) -> [String] {
        let head = try headTree()
        let index = try index()
        var options = git_diff_options()
        try GitError.check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        let diff: DiffHandle = try make("git_diff_tree_to_index") {
            git_diff_tree_to_index($0, handle.raw, head?.raw, index.raw, &options)
        }
        var paths: [String] = []
        for position in 0..<git_diff_num_deltas(diff.raw) {
            guard let delta = git_diff_get_delta(diff.raw, position) else { continue }
            let file = delta.pointee.status == GIT_DELTA_DELETED ? delta.pointee.old_file : delta.pointee.new_file
            if let path = file.path.flatMap({ String(validatingCString: $0) }) { paths.append(path) }
        }
        return paths
    }
}

extension Repository {
    /// The directory git runs hooks from: `core.hooksPath` (relative to the work tree root,
    /// as git reads it), else `hooks/` in the common git directory, which linked worktrees share.
    public func hooksDirectory() throws(GitError) -> String {
        var config: OpaquePointer?
        try GitError.check(git_repository_config_snapshot(&config, handle.raw), "git_repository_config_snapshot")
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        if git_config_get_path(&buffer, config, "core.hooksPath") == 0 {
            let configured = String(decoding: copyBytes(buffer.ptr, buffer.size), as: UTF8.self)
            if !configured.isEmpty {
                if configured.hasPrefix("/") { return normalizedPath(configured) }
                let base = workdir ?? gitDirectory
                return normalizedPath(base + "/" + configured)
            }
        }
        let common = git_repository_commondir(handle.raw).flatMap { String(validatingCString: $0) } ?? gitDirectory
        return normalizedPath(common + "/hooks")
    }

    /// True when `core.hooksPath` comes from the user's or the system's configuration, so
    /// that a hook there runs in every repository, not only this one.
    public func hooksPathIsGlobal() -> Bool {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle.raw) == 0 else { return false }
        defer { git_config_free(config) }
        var entry: UnsafeMutablePointer<git_config_entry>?
        guard git_config_get_entry(&entry, config, "core.hooksPath") == 0, let entry else { return false }
        defer { git_config_entry_free(entry) }
        return entry.pointee.level.rawValue < GIT_CONFIG_LEVEL_LOCAL.rawValue
    }

    /// The boolean `name` in git's configuration (repository, user and system files); nil
    /// when it is unset or not a boolean.
    public func configFlag(_ name: String) -> Bool? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle.raw) == 0 else { return nil }
        defer { git_config_free(config) }
        var value: Int32 = 0
        return git_config_get_bool(&value, config, name) == 0 ? value != 0 : nil
    }

    /// The repository's own git directory (`.git`, or `.git/worktrees/NAME` for a linked worktree).
    public var gitDirectory: String {
        git_repository_path(handle.raw).flatMap { String(validatingCString: $0) }.map(normalizedPath) ?? "."
    }
}
