import PaperLintIO
import Clibgit2
#if canImport(Glibc)
import Glibc
#endif

extension Repository {
    /// `path` itself, or the file it points to when it is a symbolic link on the side
    /// `source` lints (the index, the work tree or the head commit), so a README that links
    /// to `docs/list.md` is linted, fixed and staged as `docs/list.md`; staging fixed text at
    /// the link's own path would replace the link with a copy. Chains of links are followed;
    /// a link leaving the repository is an error.
    public func resolvingLinks(_ path: String, source: DiffSource) throws(GitError) -> String {
        var current = path
        for _ in 0..<8 {
            guard let target = try linkTarget(current, source: source) else { return current }
            current = try joinedLinkTarget(target, link: current, named: path)
        }
        throw GitError(.notFound(path), "\(path): too many levels of symbolic links; name the file itself")
    }

    /// The text of the link at `path`, or nil when `path` is not a symbolic link there.
    private func linkTarget(_ path: String, source: DiffSource) throws(GitError) -> String? {
        let bytes: [UInt8]?
        switch source {
        case .staged:
            guard workdir != nil else { return nil }  // `changes` reports the bare repository
            let index = try index()
            guard let entry = git_index_get_bypath(index.raw, path, 0), entry.pointee.mode == GIT_FILEMODE_LINK.rawValue else {
                return nil
            }
            bytes = try withUnsafePointer(to: entry.pointee.id) { (oid) throws(GitError) in try blobBytes(oid) }
        case .worktree:
            guard let workdir else { return nil }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(workdir + "/" + path, &buffer, buffer.count - 1)
            guard count >= 0 else { return nil }  // not a link (EINVAL), or absent: `changes` says which
            bytes = buffer[0..<count].map { UInt8(bitPattern: $0) }
        case .range(_, let headSpec, _):
            let tree = try tree(of: try commit(headSpec, role: "head"))
            var entry: OpaquePointer?
            guard git_tree_entry_bypath(&entry, tree.raw, path) == 0, let entry else { return nil }
            defer { git_tree_entry_free(entry) }
            guard git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK, let oid = git_tree_entry_id(entry) else { return nil }
            bytes = try blobBytes(oid)
        }
        return bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The repository-relative path a link at `link` with text `target` points to.
    private func joinedLinkTarget(_ target: String, link: String, named path: String) throws(GitError) -> String {
        let outside = GitError(
            .pathOutsideRepository(path),
            "\(path): a symbolic link to \(target), outside the repository; name a file inside it")
        if target.hasPrefix("/") {
            guard let workdir else { throw outside }
            let absolute = normalizedPath(target)
            guard absolute.hasPrefix(workdir + "/") else { throw outside }
            return String(absolute.dropFirst(workdir.count + 1))
        }
        // Resolve against a root marker so `..` past the top is detected rather than clamped.
        let directory = link.split(separator: "/").dropLast().joined(separator: "/")
        var parts: [Substring] = []
        for component in (directory + "/" + target).split(separator: "/") where component != "." {
            if component == ".." {
                guard !parts.isEmpty else { throw outside }
                parts.removeLast()
            } else {
                parts.append(component)
            }
        }
        guard !parts.isEmpty else { throw outside }
        return parts.joined(separator: "/")
    }
}
