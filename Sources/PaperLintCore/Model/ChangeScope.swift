/// What a change touched in one file, in one definition: the lines findings are kept on (and
/// the only lines fixes may touch), and the lines the diff added or modified (the house style
/// is learned from the others). The check's filter, the document's focus, the rules' view of
/// the change and the fix loop's bounds all come from it.
public struct ChangeScope: Sendable, Equatable {
    /// The lines a finding must touch to be kept; nil: every line.
    public var kept: LineSet?
    /// The lines the change added or modified; nil outside a diff.
    public var changed: LineSet?

    /// `--all`: every line, no change.
    public static let everything = ChangeScope(kept: nil, changed: nil)

    public init(kept: LineSet?, changed: LineSet?) {
        self.kept = kept
        self.changed = changed
    }

    /// Whether a finding on `lines` touches the change (is kept).
    public func touches(_ lines: ClosedRange<Int>) -> Bool { kept?.intersects(lines) ?? true }

    /// Whether the change added or modified a line of `lines`; false outside a diff.
    public func changes(_ lines: ClosedRange<Int>) -> Bool { changed?.intersects(lines) ?? false }
}
