/// Replace the bytes in `range` with `replacement`.
public struct Edit: Hashable, Sendable {
    public var range: Range<Int>
    public var replacement: String

    public init(replacing range: Range<Int>, with replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// Whether a fix may be applied without a human looking at it.
public enum FixSafety: String, Sendable {
    /// Cannot change what the entry says (spacing, separators, brackets).
    case safe
    /// Guesses (reordering, removing, rewriting URLs); applied only with `--unsafe`.
    case unsafe
}

/// A set of sorted, non-overlapping edits that together correct one diagnostic.
public struct Fix: Hashable, Sendable {
    public var safety: FixSafety
    public var message: String
    public private(set) var edits: [Edit]

    public init(_ safety: FixSafety, _ message: String, edits: [Edit]) {
        self.safety = safety
        self.message = message
        self.edits = edits.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    public init(_ safety: FixSafety, _ message: String, _ edit: Edit) {
        self.init(safety, message, edits: [edit])
    }

    /// Applies the edits to `bytes` in one ordered pass (edits must not overlap): the whole
    /// result, or only the part covering `span` (which must hold every edit).
    public func applied(to bytes: [UInt8], within span: Range<Int>? = nil) -> [UInt8] {
        let span = span ?? 0..<bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(span.count)
        var cursor = span.lowerBound
        for edit in edits where edit.range.lowerBound >= cursor {
            out.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            out.append(contentsOf: edit.replacement.utf8)
            cursor = edit.range.upperBound
        }
        if cursor < span.upperBound { out.append(contentsOf: bytes[cursor..<span.upperBound]) }
        return out
    }
}
