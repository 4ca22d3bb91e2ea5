import Clibgit2

// One owner per libgit2 pointer: each class frees its handle in deinit. None of these
// types leave the module.

final class RepositoryHandle {
    let raw: OpaquePointer
    init(owning raw: OpaquePointer) { self.raw = raw }
    deinit { git_repository_free(raw) }
}

final class ObjectHandle {
    let raw: OpaquePointer
    init(owning raw: OpaquePointer) { self.raw = raw }
    deinit { git_object_free(raw) }
}

final class TreeHandle {
    let raw: OpaquePointer
    init(owning raw: OpaquePointer) { self.raw = raw }
    deinit { git_tree_free(raw) }
}

final class IndexHandle {
    let raw: OpaquePointer
    init(owning raw: OpaquePointer) { self.raw = raw }
    deinit { git_index_free(raw) }
}

final class DiffHandle {
    let raw: OpaquePointer
    init(owning raw: OpaquePointer) { self.raw = raw }
    deinit { git_diff_free(raw) }
}

/// Calls a libgit2 constructor with an out-pointer and returns the owned result.
func make<Handle>(
    _ function: String, _ wrap: (OpaquePointer) -> Handle,
    _ body: (UnsafeMutablePointer<OpaquePointer?>) -> Int32
) throws(GitError) -> Handle {
    var out: OpaquePointer?
    try GitError.check(body(&out), function)
    guard let out else { throw GitError(.libgit2(function: function, code: -1), "git: \(function) returned nothing") }
    return wrap(out)
}

/// Copies a libgit2 buffer-like region into Swift bytes.
func copyBytes(_ pointer: UnsafeRawPointer?, _ count: Int) -> [UInt8] {
    guard let pointer, count > 0 else { return [] }
    return Array(UnsafeRawBufferPointer(start: pointer, count: count))
}
