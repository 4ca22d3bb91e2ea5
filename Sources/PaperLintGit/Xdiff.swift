import Clibgit2

/// libgit2's xdiff over two buffers, configured the way git diffs by default (indent
/// heuristic on), so hunks match `git diff`. One place for the options and the C call.
enum Xdiff {
    static func options(context: UInt32) throws(GitError) -> git_diff_options {
        try Libgit2.ensureInitialized()
        var options = git_diff_options()
        try GitError.check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        options.context_lines = context
        options.flags = GIT_DIFF_INDENT_HEURISTIC.rawValue | GIT_DIFF_FORCE_TEXT.rawValue
        return options
    }

    /// Runs the diff with C callbacks; `collector` is handed to them as the payload.
    /// One side of a comparison: bytes, or a blob libgit2 holds (diffed without hashing it).
    enum Side {
        case bytes([UInt8])
        case blob(OpaquePointer)
    }

    static func run<Collector: AnyObject>(
        old: [UInt8], new: [UInt8], path: String?, context: UInt32, collector: Collector,
        hunk: git_diff_hunk_cb? = nil, line: git_diff_line_cb? = nil
    ) throws(GitError) {
        try run(old: .bytes(old), new: .bytes(new), path: path, context: context, collector: collector, hunk: hunk, line: line)
    }

    /// git_diff_buffers hashes both buffers (SHA-1, with collision detection) to fill in the
    /// deltas' ids; a side that is already a blob is passed as one, so only bytes are hashed.
    static func run<Collector: AnyObject>(
        old: Side, new: Side, path: String?, context: UInt32, collector: Collector,
        hunk: git_diff_hunk_cb? = nil, line: git_diff_line_cb? = nil
    ) throws(GitError) {
        var options = try options(context: context)
        let payload = Unmanaged.passUnretained(collector).toOpaque()
        let (result, function): (Int32, String) = switch (old, new) {
        case (.blob(let oldBlob), .blob(let newBlob)):
            (git_diff_blobs(oldBlob, path, newBlob, path, &options, nil, nil, hunk, line, payload), "git_diff_blobs")
        case (.blob(let oldBlob), .bytes(let newBytes)):
            (newBytes.withUnsafeBytes { newBuffer in
                git_diff_blob_to_buffer(
                    oldBlob, path, newBuffer.baseAddress?.assumingMemoryBound(to: CChar.self), newBuffer.count, path,
                    &options, nil, nil, hunk, line, payload)
            }, "git_diff_blob_to_buffer")
        case (.bytes(let oldBytes), _):
            (oldBytes.withUnsafeBytes { oldBuffer in
                new.withBytes { newBuffer in
                    git_diff_buffers(
                        oldBuffer.baseAddress, oldBuffer.count, path, newBuffer.baseAddress, newBuffer.count, path,
                        &options, nil, nil, hunk, line, payload)
                }
            }, "git_diff_buffers")
        }
        withExtendedLifetime(collector) {}
        try GitError.check(result, function)
    }
}

extension Xdiff.Side {
    /// The side's bytes, in place (a blob's content while libgit2 holds it).
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        switch self {
        case .bytes(let bytes): bytes.withUnsafeBytes(body)
        case .blob(let blob): body(UnsafeRawBufferPointer(start: git_blob_rawcontent(blob), count: Int(git_blob_rawsize(blob))))
        }
    }
}
