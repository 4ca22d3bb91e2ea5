import PaperLintIO
import PaperLintGit
#if canImport(Glibc)
import Glibc
#endif

/// `paperlint hook install | uninstall | status`: the pre-commit hook in the directory git
/// actually runs hooks from (`core.hooksPath`, the common directory of linked worktrees,
/// `$GIT_DIR`).
///
/// A foreign pre-commit hook is never overwritten silently: `install` refuses, and
/// `install --force` keeps it as `pre-commit.paperlint-chained`, which paperlint's hook runs
/// first (its failure still stops the commit). `uninstall` removes only paperlint's hook and
/// puts the chained one back.
public enum HookInstaller {
    /// The marker line that identifies paperlint's hook.
    public static let marker = "paperlint-managed-hook"
    public static let chainedName = "pre-commit.paperlint-chained"

    /// The hook script, embedded from `Hooks/pre-commit` at build time.
    public static var script: String { EmbeddedHooks.all["pre-commit"] ?? "" }

    /// The script with the installing binary's absolute path recorded in it.
    static func script(recording executable: String?) -> String {
        guard let executable, executable.hasPrefix("/"), !executable.contains("'") else { return script }
        return script.replacingOccurrences(of: "installed_by=''", with: "installed_by='\(executable)'")
    }

    public enum State: Equatable, Sendable {
        case none
        case paperlint(chained: Bool)
        case foreign
    }

    public struct Status: Sendable {
        public var directory: String
        public var state: State
        public var description: String {
            let path = directory + "/pre-commit"
            switch state {
            case .none: return "no pre-commit hook in \(directory); run `paperlint hook install`"
            case .paperlint(false): return "paperlint's pre-commit hook is installed: \(path)"
            case .paperlint(true): return "paperlint's pre-commit hook is installed: \(path) (runs \(chainedName) first)"
            case .foreign: return "another pre-commit hook is installed: \(path); `paperlint hook install --force` keeps it and runs it first"
            }
        }
    }

    public static func status(currentDirectory: String) throws(PaperLintError) -> Status {
        let directory = try hooksDirectory(currentDirectory)
        return Status(directory: directory, state: state(in: directory))
    }

    /// Installs the hook; returns the status afterwards. `executable` is the absolute path of
    /// the binary installing it, which the hook runs (PATH when it is gone).
    public static func install(currentDirectory: String, force: Bool, executable: String? = nil) throws(PaperLintError) -> Status {
        let repository = try discover(currentDirectory)
        let directory = try hooksDirectory(currentDirectory)
        let hook = directory + "/pre-commit"
        // A hook manager owns the hooks: paperlint joins it rather than replacing its files.
        if let refusal = HookManager.refusal(repository: repository, hooksDirectory: directory) { throw PaperLintError(refusal) }
        switch state(in: directory) {
        case .foreign:
            guard force else {
                throw PaperLintError("\(hook): another pre-commit hook is installed; `paperlint hook install --force` keeps it as \(chainedName) and runs it before paperlint")
            }
            if access(directory + "/" + chainedName, F_OK) == 0 {
                throw PaperLintError("\(directory)/\(chainedName) already exists; move it away first")
            }
            guard rename(hook, directory + "/" + chainedName) == 0 else {
                throw PaperLintError("\(hook): cannot move it aside (\(reason())); check the directory's permissions")
            }
        case .none, .paperlint:
            break
        }
        if makeDirectories(directory) != 0 { throw PaperLintError("\(directory): cannot create it (\(reason()))") }
        do {
            try AtomicFile.write(Array(script(recording: executable).utf8), to: hook)
        } catch {
            throw PaperLintError("\(hook): cannot write (\(error.reason)); check the directory's permissions")
        }
        guard chmod(hook, 0o755) == 0 else { throw PaperLintError("\(hook): cannot make it executable (\(reason()))") }
        return Status(directory: directory, state: state(in: directory))
    }

    /// Removes paperlint's hook (only it) and restores a chained foreign hook; returns what
    /// happened. With no paperlint hook there is nothing to do, which is no error.
    public static func uninstall(currentDirectory: String) throws(PaperLintError) -> String {
        let directory = try hooksDirectory(currentDirectory)
        let hook = directory + "/pre-commit"
        switch state(in: directory) {
        case .none:
            return "paperlint's hook is not installed in \(directory); nothing to remove"
        case .foreign:
            return "paperlint's hook is not installed: \(hook) is another hook, left as it is"
        case .paperlint(let chained):
            guard unlink(hook) == 0 else { throw PaperLintError("\(hook): cannot remove it (\(reason()))") }
            guard chained else { return "removed paperlint's pre-commit hook: \(hook)" }
            if rename(directory + "/" + chainedName, hook) != 0 {
                throw PaperLintError("\(directory)/\(chainedName): cannot restore it as pre-commit (\(reason()))")
            }
            return "removed paperlint's pre-commit hook; the hook it ran first is back as \(hook)"
        }
    }

    static func state(in directory: String) -> State {
        let hook = directory + "/pre-commit"
        guard case .success(let bytes) = FileBytes.read(hook) else { return .none }
        guard String(decoding: bytes.prefix(4096), as: UTF8.self).contains(marker) else { return .foreign }
        return .paperlint(chained: access(directory + "/" + chainedName, X_OK) == 0)
    }

    private static func discover(_ currentDirectory: String) throws(PaperLintError) -> Repository {
        do {
            return try Repository.discover(from: currentDirectory)
        } catch {
            throw PaperLintError(error)
        }
    }

    private static func hooksDirectory(_ currentDirectory: String) throws(PaperLintError) -> String {
        do {
            return try Repository.discover(from: currentDirectory).hooksDirectory()
        } catch {
            throw PaperLintError(error)
        }
    }

    private static func reason() -> String { Errno.current }
}
