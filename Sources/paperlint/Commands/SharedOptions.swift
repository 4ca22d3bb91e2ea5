import ArgumentParser
import PaperLintKit

/// MODE, the diff filter and the configuration: the same for `check` and `fix` (DESIGN.md).
struct ModeOptions: ParsableArguments {
    @Flag(help: "The index; changed lines are index vs HEAD.")
    var staged = false

    @Flag(help: "The work tree; changed lines are work tree vs HEAD (the default inside a repository).")
    var worktree = false

    @Option(help: ArgumentHelp("Commit B; changed lines are B vs A (A...B: vs their merge base).", valueName: "A..B"))
    var range: String?

    @Flag(help: "Every line of the files on disk; no git needed (the default outside a repository).")
    var all = false

    @Option(help: "In a diff mode, keep findings on: added lines, context lines, the whole changed file, or all files.")
    var filter: DiffFilter = .added

    @Option(help: ArgumentHelp("Configuration file (default: .paperlint.yml at the repository root; with --range, the base commit's).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Preset from Rules/ (embedded), overriding the configuration's preset.", valueName: "name"))
    var preset: String?

    func validate() throws {
        if [staged, worktree, range != nil, all].count(where: { $0 }) > 1 {
            throw ValidationError("choose one mode: --staged, --worktree, --range A..B or --all")
        }
    }

    /// nil: `--worktree` inside a repository, `--all` outside one.
    var mode: LintMode? {
        if staged { return .staged }
        if worktree { return .worktree }
        if let range { return .range(range) }
        if all { return .all }
        return nil
    }
}
