/// The lines `fix --write` prints: what was fixed per file, what remains.
public enum FixSummary {
    /// `check` is the command that shows what remains (`paperlint check --all` after
    /// `fix --all`).
    public static func render(_ report: FixReport, check: String = "paperlint check") -> String {
        var lines: [String] = []
        for file in report.files {
            let count = file.applied.values.reduce(0, +)
            if count == 0 {
                lines.append("\(file.path): nothing to fix")
            } else {
                let rules = file.applied.keys.sorted().map { "\($0) \(file.applied[$0] ?? 0)" }.joined(separator: ", ")
                lines.append("\(file.path): fixed \(count) finding\(count == 1 ? "" : "s") (\(rules))")
            }
            let left = file.remaining.count
            if left > 0 {
                let errors = file.remaining.count { $0.severity == .error }
                lines.append("\(file.path): \(left) finding\(left == 1 ? "" : "s") left (\(errors) error\(errors == 1 ? "" : "s")); `\(check)` shows them")
            }
        }
        if let commit = report.commitID { lines.append("committed \(commit.prefix(12))") }
        return lines.joined(separator: "\n") + "\n"
    }
}
