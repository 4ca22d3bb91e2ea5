import Clibgit2

/// Combines two independent edits of one base text, when they touch different lines.
///
/// `fix --staged --write` fixes the staged content; the work tree may hold further unstaged
/// edits of the same file. Where the fix's hunks and the unstaged hunks are apart (not even
/// adjacent), both apply; otherwise the work tree is left alone. Lines are `\n`-terminated,
/// as git counts them.
public enum LineMerge {
    struct Hunk {
        /// 1-based first old line; for a pure insertion, the line after which it goes + 1.
        var oldStart: Int
        var oldCount: Int
        var newStart: Int
        var newCount: Int
    }

    /// `base` with both `ours` and `theirs` applied, or nil when their changes overlap or touch.
    public static func merge(base: [UInt8], ours: [UInt8], theirs: [UInt8]) throws(GitError) -> [UInt8]? {
        if ours == base { return theirs }
        if theirs == base { return ours }
        let ourHunks = try hunks(old: base, new: ours)
        let theirHunks = try hunks(old: base, new: theirs)
        for a in ourHunks {
            for b in theirHunks where a.oldStart <= b.oldStart + b.oldCount && b.oldStart <= a.oldStart + a.oldCount {
                return nil
            }
        }
        let baseLines = lines(base), ourLines = lines(ours), theirLines = lines(theirs)
        let tagged = (ourHunks.map { ($0, ourLines) } + theirHunks.map { ($0, theirLines) }).sorted { $0.0.oldStart < $1.0.oldStart }
        var out: [UInt8] = []
        out.reserveCapacity(max(ours.count, theirs.count))
        var cursor = 1
        for (hunk, source) in tagged {
            while cursor < hunk.oldStart && cursor <= baseLines.count {
                out.append(contentsOf: baseLines[cursor - 1])
                cursor += 1
            }
            for line in hunk.newStart..<(hunk.newStart + hunk.newCount) where line >= 1 && line <= source.count {
                out.append(contentsOf: source[line - 1])
            }
            cursor = hunk.oldStart + hunk.oldCount
        }
        while cursor <= baseLines.count {
            out.append(contentsOf: baseLines[cursor - 1])
            cursor += 1
        }
        return out
    }

    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    /// Hunks with no context, from libgit2's xdiff.
    static func hunks(old: [UInt8], new: [UInt8]) throws(GitError) -> [Hunk] {
        let collector = HunkCollector()
        try Xdiff.run(old: old, new: new, path: nil, context: 0, collector: collector, hunk: HunkCollector.callback)
        return collector.hunks
    }
}

private final class HunkCollector {
    var hunks: [LineMerge.Hunk] = []

    static let callback: git_diff_hunk_cb = { _, hunk, payload in
        guard let hunk, let payload else { return 0 }
        let collector = Unmanaged<HunkCollector>.fromOpaque(payload).takeUnretainedValue()
        let h = hunk.pointee
        // A pure insertion names the line after which it goes; a pure deletion the line before
        // which the new side continues. Normalise both so the old range starts where it acts.
        let oldStart = h.old_lines == 0 ? Int(h.old_start) + 1 : Int(h.old_start)
        let newStart = h.new_lines == 0 ? Int(h.new_start) + 1 : Int(h.new_start)
        collector.hunks.append(.init(oldStart: oldStart, oldCount: Int(h.old_lines), newStart: newStart, newCount: Int(h.new_lines)))
        return 0
    }
}
