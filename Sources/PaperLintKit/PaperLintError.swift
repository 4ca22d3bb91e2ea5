import PaperLintGit

/// A problem that stops paperlint before it can lint (exit code 2).
///
/// Every message names the file (and line where there is one) and says what to do next.
public struct PaperLintError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    init(_ error: GitError) { self.message = error.message }
}
