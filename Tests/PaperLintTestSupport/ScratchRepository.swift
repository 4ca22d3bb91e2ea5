import Foundation

/// The outcome of a child process.
public struct ProcessResult: Sendable {
    /// The exit status, or the signal's number when `signaled`.
    public var status: Int32
    /// True when the process ended by a signal (a Swift trap is SIGILL or SIGTRAP), not exit.
    public var signaled: Bool = false
    public var output: String
    public var error: String
}

/// Runs `executable` with `arguments` in `directory`, with git's user-level and system
/// configuration switched off so a developer's settings cannot change what tests see.
@discardableResult
public func runProcess(
    _ executable: String, _ arguments: [String], in directory: String, environment extra: [String: String] = [:],
    stdin: Data? = nil
) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var environment = ProcessInfo.processInfo.environment
    for key in environment.keys where key.hasPrefix("GIT_") { environment[key] = nil }
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["NO_COLOR"] = nil
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    // Read both pipes before waiting so a large output cannot block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
        output: String(decoding: outData, as: UTF8.self), error: String(decoding: errData, as: UTF8.self))
}

public struct CommandFailed: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

/// A fresh git repository in a temporary directory, deleted when released.
public final class ScratchRepository {
    public let path: String

    public init(initialBranch: String = "main") throws {
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("paperlint-test-XXXXXX").path
        var buffer = Array(template.utf8CString)
        guard let made = mkdtemp(&buffer) else { throw CommandFailed(description: "mkdtemp failed") }
        path = String(cString: made)
        try git("init", "-q", "-b", initialBranch)
        try git("config", "user.name", "Paperlint Tests")
        try git("config", "user.email", "tests@paperlint.invalid")
        try git("config", "commit.gpgsign", "false")
        try git("config", "core.autocrlf", "false")
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Runs git in the repository and returns its standard output; throws on a non-zero exit.
    @discardableResult
    public func git(_ arguments: String...) throws -> String { try git(arguments) }

    @discardableResult
    public func git(_ arguments: [String]) throws -> String {
        let result = try runProcess("/usr/bin/git", arguments, in: path)
        guard result.status == 0 else {
            throw CommandFailed(description: "git \(arguments.joined(separator: " ")) failed: \(result.error)")
        }
        return result.output
    }

    /// A bare clone of this repository at `path` (a workflow's `origin`).
    public func bareClone(to path: String) throws {
        let result = try runProcess("/usr/bin/git", ["clone", "-q", "--bare", self.path, path], in: self.path)
        guard result.status == 0 else { throw CommandFailed(description: "git clone --bare: \(result.error)") }
    }

    /// A fresh repository whose `origin` is `origin`, with `branch` fetched and checked out:
    /// a workflow's checkout.
    public static func checkout(of origin: String, branch: String = "main") throws -> ScratchRepository {
        let checkout = try ScratchRepository()
        try checkout.git("remote", "add", "origin", origin)
        try checkout.git("fetch", "-q", "origin", branch)
        try checkout.git("checkout", "-q", "-B", branch, "FETCH_HEAD")
        return checkout
    }

    public func write(_ file: String, _ text: String) throws { try write(file, bytes: Array(text.utf8)) }

    public func write(_ file: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    public func read(_ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path).appendingPathComponent(file)))
    }

    /// Stages everything and commits it.
    public func commitAll(_ message: String) throws {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message)
    }

    /// Writes `file`, stages and commits it.
    public func commit(_ file: String, _ text: String, message: String = "update") throws {
        try write(file, text)
        try git("add", "--", file)
        try git("commit", "-q", "-m", message)
    }
}
