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
    static func run<Collector: AnyObject>(
        old: [UInt8], new: [UInt8], path: String?, context: UInt32, collector: Collector,
        hunk: git_diff_hunk_cb? = nil, line: git_diff_line_cb? = nil
    ) throws(GitError) {
        var options = try options(context: context)
        let payload = Unmanaged.passUnretained(collector).toOpaque()
        let result = old.withUnsafeBytes { oldBuffer in
            new.withUnsafeBytes { newBuffer in
                git_diff_buffers(
                    oldBuffer.baseAddress, oldBuffer.count, path, newBuffer.baseAddress, newBuffer.count, path,
                    &options, nil, nil, hunk, line, payload)
            }
        }
        withExtendedLifetime(collector) {}
        try GitError.check(result, "git_diff_buffers")
    }
}
