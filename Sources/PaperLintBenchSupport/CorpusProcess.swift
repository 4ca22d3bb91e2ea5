import Foundation

/// Why a corpus measurement stopped.
public struct CorpusError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Runs git and paperlint in a scratch directory with a clean environment: no system or user git
/// configuration (`GIT_CONFIG_NOSYSTEM=1`, `HOME` a fresh temporary directory), a fixed
/// identity, no colour. The scratch directory is removed by `close()`.
final class CorpusRunner {
    let scratch: String
    let git: String
    let paperlint: String
    let environment: [String: String]
    private var counter = 0

    init(paperlint: String) throws {
        var template = Array((NSTemporaryDirectory() + "/paperlint-corpus-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw CorpusError("cannot create a temporary directory") }
        scratch = URL(fileURLWithPath: String(cString: made)).standardizedFileURL.path
        guard let git = CorpusRunner.which("git") else { throw CorpusError("git is not on PATH") }
        self.git = git
        self.paperlint = paperlint
        try FileManager.default.createDirectory(atPath: scratch + "/home", withIntermediateDirectories: true)
        self.environment = CleanEnvironment.make(home: scratch + "/home", name: "Corpus Harness", email: "corpus@paperlint.invalid")
    }

    func close() { try? FileManager.default.removeItem(atPath: scratch) }

    /// A new empty directory under the scratch directory.
    func directory(_ name: String) throws -> String {
        counter += 1
        let path = scratch + "/\(counter)-" + name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    struct Result {
        var status: Int32
        var output: [UInt8]
        var error: String
    }

    /// Runs `executable` in `directory`; standard error goes through a file so neither pipe can fill.
    func run(_ executable: String, _ arguments: [String], in directory: String, input: [UInt8]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        let errorPath = scratch + "/stderr"
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        guard let errorFile = FileHandle(forWritingAtPath: errorPath) else { throw CorpusError("cannot write \(errorPath)") }
        defer { try? errorFile.close() }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorFile
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        do { try process.run() } catch { throw CorpusError("cannot start \(executable): \(error)") }
        if let inputPipe, let input {
            // Callers keep `input` under a pipe buffer (64 KiB), so this cannot block on a full output pipe.
            inputPipe.fileHandleForWriting.write(Data(input))
            try? inputPipe.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        // Not waitUntilExit(): on Linux it spins the run loop in 50 ms steps, which would be most
        // of the time of a replay (thousands of short commands). Foundation reaps the child on
        // its own queue; polling isRunning costs microseconds.
        while process.isRunning { usleep(100) }
        let error = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Result(status: status, output: Array(data), error: error)
    }

    /// git in `directory`; throws unless it exits 0.
    @discardableResult
    func git(_ arguments: [String], in directory: String, input: [UInt8]? = nil) throws -> [UInt8] {
        let result = try run(git, arguments, in: directory, input: input)
        guard result.status == 0 else {
            let reason = result.error.split(separator: "\n").first.map(String.init) ?? "no message"
            throw CorpusError("git \(arguments.prefix(3).joined(separator: " ")) failed (\(result.status)) in \(directory): \(reason)")
        }
        return result.output
    }

    func paperlint(_ arguments: [String], in directory: String) throws -> Result {
        try run(paperlint, arguments, in: directory)
    }

    static func which(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        do { try Data(bytes).write(to: URL(fileURLWithPath: path)) } catch { throw CorpusError("cannot write \(path): \(error)") }
    }

    static func read(_ path: String) throws -> [UInt8] {
        do { return Array(try Data(contentsOf: URL(fileURLWithPath: path))) } catch { throw CorpusError("cannot read \(path): \(error)") }
    }
}
