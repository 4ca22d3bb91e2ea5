/// Which two sides of the repository to compare, and which side is linted.
public enum DiffSource: Sendable, Equatable, CustomStringConvertible {
    /// The index against `HEAD` (the empty tree on an unborn branch).
    case staged
    /// The work tree against `HEAD`.
    case worktree
    /// Commit `head` against `base`, or against the merge base of both when `mergeBase` is set (`A...B`).
    case range(base: String, head: String, mergeBase: Bool)

    /// Parses `A..B` or `A...B`; an empty side means `HEAD`, as in git.
    public static func parseRange(_ text: String) -> DiffSource? {
        let bytes = Array(text.utf8)
        guard let start = bytes.indices.first(where: { bytes[$0] == UInt8(ascii: ".") && $0 + 1 < bytes.count && bytes[$0 + 1] == UInt8(ascii: ".") })
        else { return nil }
        let mergeBase = start + 2 < bytes.count && bytes[start + 2] == UInt8(ascii: ".")
        let base = String(decoding: bytes[..<start], as: UTF8.self)
        let head = String(decoding: bytes[(start + (mergeBase ? 3 : 2))...], as: UTF8.self)
        guard !head.hasPrefix("."), !head.contains(".."), !(base.isEmpty && head.isEmpty) else { return nil }
        return .range(base: base.isEmpty ? "HEAD" : base, head: head.isEmpty ? "HEAD" : head, mergeBase: mergeBase)
    }

    public var description: String {
        switch self {
        case .staged: "--staged"
        case .worktree: "--worktree"
        case .range(let base, let head, let mergeBase): "--range \(base)\(mergeBase ? "..." : "..")\(head)"
        }
    }
}

/// What one file looks like on the new side of a diff, and which of its lines changed.
public struct FileChanges: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case unchanged
        case modified
        /// New in the diff: every line counts as changed.
        case added
        case renamed(from: String)
        /// Gone on the new side; nothing to lint.
        case deleted
        /// Binary content (a NUL byte in the first 8000 bytes, as git decides); nothing to lint.
        case binary
    }

    /// Path relative to the repository root, with `/` separators.
    public var path: String
    public var status: Status
    /// The bytes to lint (index blob, work-tree file or commit blob); nil when deleted or binary.
    public var content: [UInt8]?
    /// New-side lines (1-based) that were added or modified.
    public var addedLines: [ClosedRange<Int>]
    /// New-side lines (1-based) shown as context around the changes (git's default 3 lines).
    public var contextLines: [ClosedRange<Int>]
}
