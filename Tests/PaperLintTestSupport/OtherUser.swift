import Foundation

/// Runs commands as a user who does not own the test's files, for permission cases:
/// root reads and writes anything, so as root the command runs as `nobody` through
/// util-linux's `setpriv`; any other user already lacks root's powers and runs it directly.
public enum OtherUser {
    static let setpriv = "/usr/bin/setpriv"
    static let nobody = "65534"

    /// Whether such runs are possible here (as root: `setpriv` exists and `nobody` can
    /// execute the binary under test, which it cannot in a private home directory).
    public static let isAvailable: Bool = {
        guard getuid() == 0 else { return true }
        guard FileManager.default.isExecutableFile(atPath: setpriv),
            let probe = try? run(Fixtures.executable, ["--version"], in: "/")
        else { return false }
        return probe.status == 0
    }()

    public static let unavailableMessage =
        "running as root without setpriv, or the paperlint binary is not reachable for user nobody; permission cases are skipped"

    /// True when commands run under another user id than the test's own.
    public static var switchesUser: Bool { getuid() == 0 }

    /// Runs `executable` as the other user. `directory` and what the command reads must be
    /// reachable for it (see `share`).
    public static func run(
        _ executable: String, _ arguments: [String], in directory: String, environment: [String: String] = [:]
    ) throws -> ProcessResult {
        guard switchesUser else { return try runProcess(executable, arguments, in: directory, environment: environment) }
        let prefix = ["--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", "--", "/usr/bin/env", "HOME=/nonexistent"]
        return try runProcess(setpriv, prefix + [executable] + arguments, in: directory, environment: environment)
    }

    /// Makes `directory` (a temporary one, private by default) and what it holds readable
    /// and traversable for the other user, leaving write permission alone.
    public static func share(_ directory: String) throws {
        let mode = (try FileManager.default.attributesOfItem(atPath: directory)[.posixPermissions] as? Int) ?? 0o700
        chmod(directory, mode_t(mode | 0o055))
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let item = enumerator?.nextObject() as? String {
            let path = directory + "/" + item
            let mode = ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int) ?? 0o600
            chmod(path, mode_t(mode | 0o044 | (mode & 0o100 != 0 ? 0o011 : 0)))
        }
    }
}
