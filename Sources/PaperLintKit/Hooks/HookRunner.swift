/// What the pre-commit hook does: optionally fix the staged content, then check it.
public enum HookRunner {
    public struct Outcome: Sendable {
        /// Set when fixes were applied (auto-fix mode).
        public var fix: FixReport?
        public var check: LintReport
    }

    /// `fixRequested`: `PAPERLINT_FIX=1`; the configuration's `hook: {fix: true}` also turns fixing on.
    public static func run(currentDirectory: String, fixRequested: Bool) throws(PaperLintError) -> Outcome {
        let request = CheckRequest(mode: .staged, currentDirectory: currentDirectory)
        var fix: FixReport?
        var wantsFixes = fixRequested
        if !wantsFixes { wantsFixes = try configurationWantsFixes(request) }
        if wantsFixes {
            let report = try Fixer.run(FixRequest(mode: .staged, output: .write, currentDirectory: currentDirectory))
            if report.appliedCount > 0 || !report.notes.isEmpty { fix = report }
        }
        return Outcome(fix: fix, check: try Linter.check(request))
    }

    private static func configurationWantsFixes(_ request: CheckRequest) throws(PaperLintError) -> Bool {
        guard let root = RepositoryLocator.root(from: request.currentDirectory) else { return false }
        return try Linter.loadConfiguration(request, root: root).hookFixes
    }
}
