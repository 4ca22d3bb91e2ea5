import PaperLintGit

/// What the pre-commit hook does: optionally fix the staged content, then check it.
public enum HookRunner {
    public struct Outcome: Sendable {
        /// Set when fixes were applied (auto-fix mode).
        public var fix: FixReport?
        public var check: LintReport
    }

    /// `fixRequested`: `PAPERLINT_FIX=1`; the configuration's `hook: {fix: true}` also turns fixing on.
    /// The configuration is read once and shared by the fix and the check.
    public static func run(currentDirectory: String, fixRequested: Bool) throws(PaperLintError) -> Outcome {
        var request = CheckRequest(mode: .staged, currentDirectory: currentDirectory)
        if let root = Repository.root(from: currentDirectory) {
            request.configuration = try Linter.loadConfiguration(request, root: root)
        }
        var fix: FixReport?
        if fixRequested || request.configuration?.hookFixes == true {
            var fixRequest = FixRequest(mode: .staged, output: .write, currentDirectory: currentDirectory)
            fixRequest.configuration = request.configuration
            let report = try Fixer.run(fixRequest)
            if report.appliedCount > 0 || !report.notes.isEmpty { fix = report }
        }
        return Outcome(fix: fix, check: try Linter.check(request))
    }
}
