import PaperLintIO

/// `$GITHUB_STEP_SUMMARY`: the Markdown file GitHub Actions shows on the run's Summary page.
/// Other steps and tools write to it too, so paperlint only ever appends.
public enum StepSummaryFile {
    /// Appends `markdown` to the file at `path` (created if missing), after a blank line when
    /// the file already has content, so a heading never joins someone else's last line.
    public static func append(_ markdown: String, to path: String) throws(PaperLintError) {
        do {
            try AppendFile.append(Array(markdown.utf8), separator: Array("\n".utf8), to: path)
        } catch {
            throw PaperLintError("cannot append the step summary to \(path) (\(error.reason))")
        }
    }
}
