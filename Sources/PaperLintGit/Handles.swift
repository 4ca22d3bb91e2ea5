import Clibgit2

// One owner per libgit2 pointer: a `Handle` frees its pointer in deinit with the release
// function of its kind, so a tree handle can never be passed where an index is expected.
// None of these types leave the module.

protocol HandleKind {
    static func release(_ raw: OpaquePointer)
}

final class Handle<Kind: HandleKind> {
    let raw: OpaquePointer
    init(owning raw: OpaquePointer) { self.raw = raw }
    deinit { Kind.release(raw) }
}

enum RepositoryKind: HandleKind { static func release(_ raw: OpaquePointer) { git_repository_free(raw) } }
enum ObjectKind: HandleKind { static func release(_ raw: OpaquePointer) { git_object_free(raw) } }
enum TreeKind: HandleKind { static func release(_ raw: OpaquePointer) { git_tree_free(raw) } }
enum IndexKind: HandleKind { static func release(_ raw: OpaquePointer) { git_index_free(raw) } }
enum DiffKind: HandleKind { static func release(_ raw: OpaquePointer) { git_diff_free(raw) } }
enum BlobKind: HandleKind { static func release(_ raw: OpaquePointer) { git_blob_free(raw) } }

typealias RepositoryHandle = Handle<RepositoryKind>
typealias ObjectHandle = Handle<ObjectKind>
typealias TreeHandle = Handle<TreeKind>
typealias IndexHandle = Handle<IndexKind>
typealias DiffHandle = Handle<DiffKind>
typealias BlobHandle = Handle<BlobKind>

extension Handle where Kind == BlobKind {
    /// The blob's content, copied.
    var bytes: [UInt8] { copyBytes(git_blob_rawcontent(raw), Int(git_blob_rawsize(raw))) }
    /// The blob's content, not copied: valid while the handle lives.
    var content: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: git_blob_rawcontent(raw), count: Int(git_blob_rawsize(raw)))
    }
}

/// Calls a libgit2 constructor with an out-pointer and returns the owned result.
func make<Kind>(
    _ function: String, _ body: (UnsafeMutablePointer<OpaquePointer?>) -> Int32
) throws(GitError) -> Handle<Kind> {
    var out: OpaquePointer?
    try GitError.check(body(&out), function)
    guard let out else { throw GitError(.libgit2(function: function, code: -1), "git: \(function) returned nothing") }
    return Handle(owning: out)
}

/// Copies a libgit2 buffer-like region into Swift bytes.
func copyBytes(_ pointer: UnsafeRawPointer?, _ count: Int) -> [UInt8] {
    guard let pointer, count > 0 else { return [] }
    return Array(UnsafeRawBufferPointer(start: pointer, count: count))
}
