#if canImport(Glibc)
import Glibc
#endif

/// `$GITHUB_STEP_SUMMARY`: the Markdown file GitHub Actions shows on the run's Summary page.
/// Other steps and tools write to it too, so paperlint only ever appends.
public enum StepSummaryFile {
    /// Appends `markdown` to the file at `path` (created if missing), after a blank line when
    /// the file already has content, so a heading never joins someone else's last line.
    public static func append(_ markdown: String, to path: String) throws(PaperLintError) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path, errno) }
        defer { close(descriptor) }
        let text = (lseek(descriptor, 0, SEEK_END) > 0 ? "\n" : "") + markdown
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(descriptor, base + offset, buffer.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw failure(path, errno) }
            offset += written
        }
    }

    private static func failure(_ path: String, _ code: Int32) -> PaperLintError {
        let reason = String(validatingCString: strerror(code)) ?? "error \(code)"
        return PaperLintError("cannot append the step summary to \(path) (\(reason))")
    }
}
