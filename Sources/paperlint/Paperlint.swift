import ArgumentParser
import CStartup
import PaperLintKit
#if canImport(Glibc)
import Glibc
#endif

@main
struct Paperlint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paperlint",
        abstract: "Keep curated paper-list READMEs correct: lint the lines a change touches.",
        version: ToolInfo.version,
        subcommands: [Check.self, Fix.self, Hook.self, Rules.self, Explain.self, Init.self, Add.self],
        defaultSubcommand: Check.self)

    /// Maps every outcome onto the 0/1/2 contract of DESIGN.md: argument-parser would exit 64
    /// for a validation error and 1 for any other thrown error.
    static func main() {
        // Blocks of 256 KB and more are mapped and unmapped on their own. glibc otherwise
        // raises that threshold after each large free, and the file's copies, the entries'
        // tables and the findings grown by doubling then stay in the heap once freed: 2.6 MB
        // of a 50k-entry list's peak, 5 MB of a dense one's, at the same speed.
        _ = paperlint_map_large_blocks(256 * 1024)
        // PAPERLINT_TIMINGS counts its total from here: argument parsing is in it (the total
        // less the phases), as "since main" says.
        _ = PhaseTimer.shared
        if needsGit(CommandLine.arguments.dropFirst()) { Linter.startGitInBackground() }
        let failure: Error?
        do {
            if let command = FastArguments.command(for: Array(CommandLine.arguments.dropFirst())) {
                try command()
            } else {
                var command = try parseAsRoot()
                try command.run()
            }
            failure = nil
        } catch {
            failure = error
        }
        // Every way out passes here (or through Standard.exit): never exit mid-start of libgit2.
        Linter.finishGitStart()
        guard let failure else { return }
        switch failure {
        case let error as ExitCode:
            exit(withError: error)
        case let error where exitCode(for: error).isSuccess:
            exit(withError: error)  // --help, --version
        case let error as PaperLintError:
            Standard.error("paperlint: \(error.message)")
            exit(withError: ExitCode(2))
        default:
            // Usage errors: one line, not argument-parser's multi-line usage block.
            let first = message(for: failure).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            Standard.error("paperlint: \(first) (see 'paperlint help')")
            exit(withError: ExitCode(2))
        }
    }
}

/// The command lines run on every commit, read without argument-parser: the installed hook's
/// `paperlint hook run`, and `paperlint check --staged` (pre-commit frameworks, scripts).
/// Building argument-parser's command tree was 19.5 M of a 2k-entry pre-commit check's 290 M
/// instructions (callgrind), about 1.3 ms. Only these exact lists are read here; any other
/// goes through argument-parser, and `FastArgumentsTests` holds each to what argument-parser
/// makes of it.
enum FastArguments {
    static func command(for arguments: [String]) -> (() throws -> Void)? {
        switch arguments {
        case ["hook", "run"]: { try Paperlint.Hook.Run.run(fix: false) }
        case ["check", "--staged"]: { try Paperlint.Check.run(checkStaged) }
        default: nil
        }
    }

    static let checkStaged = Paperlint.Check.Settings(mode: .staged)
}

extension Paperlint {
    /// True when the command will most likely open the repository: `check` or `fix` without
    /// `--all`, and `hook`. A wrong guess only costs a few idle milliseconds on another core.
    static func needsGit(_ arguments: ArraySlice<String>) -> Bool {
        if arguments.contains("--all") || arguments.contains("--help") || arguments.contains("-h") { return false }
        guard let first = arguments.first(where: { !$0.hasPrefix("-") }) else { return !arguments.contains("--version") }
        return !["rules", "explain", "init", "help"].contains(first)
    }
}

enum Standard {
    static func error(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n", to: STDERR_FILENO)
    }

    static func output(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    /// UTF-8 bytes a reporter wrote, as they are: no string is made of megabytes of output.
    static func output(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0, to: STDOUT_FILENO) }
    }

    /// What `render` writes into a buffer, sent to standard output a megabyte at a time: a
    /// report of tens of megabytes is never held whole.
    static func output(rendering render: (ByteBuffer) -> Void) {
        let out = ByteBuffer(chunk: 1 << 20) { write($0, to: STDOUT_FILENO) }
        render(out)
        out.flush()
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { write($0, to: descriptor) }
    }

    /// Writes all of `buffer` with write(2), retrying short writes; a closed pipe ends quietly.
    private static func write(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// Ends the process now with `status`. Output goes straight to write(2), so nothing is
    /// buffered; what is skipped is only the freeing of memory the kernel reclaims anyway.
    static func exit(_ status: Int32) -> Never {
        Linter.finishGitStart()
        return Glibc.exit(status)
    }

    static var currentDirectory: String {
        guard let raw = getcwd(nil, 0) else { return "." }
        defer { free(raw) }
        return String(validatingCString: raw) ?? "."
    }
}
