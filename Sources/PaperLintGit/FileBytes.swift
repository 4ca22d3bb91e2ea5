#if canImport(Glibc)
import Glibc
#endif

/// Whole-file reads with POSIX calls: no Foundation on the hot path.
public enum FileBytes {
    public struct Failure: Error, Sendable {
        public let code: Int32
        public var reason: String { String(validatingCString: strerror(code)) ?? "error \(code)" }
    }

    /// Reads the file at `path` (following symlinks) completely.
    public static func read(_ path: String) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Failure(code: errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Failure(code: errno)) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(Failure(code: EISDIR)) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(code: errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return .success(bytes)
    }
}
