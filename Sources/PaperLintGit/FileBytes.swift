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

/// Replaces a file all at once: the bytes go to a temporary file in the same directory,
/// which is flushed and renamed over the target, so a reader (or a crash) sees either the
/// old content or the new one, never a partial write. An existing file's mode is kept and
/// a symlink is followed: its target is replaced, the link stays.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(FileBytes.Failure) {
        let target = resolvedPath(path)
        var mode: mode_t = 0o644
        var info = stat()
        if stat(target, &info) == 0 { mode = info.st_mode & 0o7777 }
        var template = Array((target + ".paperlint-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw FileBytes.Failure(code: errno) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0 && fchmod(fd, mode) != 0 { failure = errno }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == 0 && rename(temporary, target) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw FileBytes.Failure(code: failure)
        }
        syncDirectory(of: target)
    }

    /// Flushes the directory entry the rename changed, so after a power cut the file is
    /// found with its new content rather than (on some file systems) missing. Best effort:
    /// the content itself was already flushed.
    private static func syncDirectory(of path: String) {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let fd = open(directory.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
