#if canImport(Glibc)
import Glibc
#endif

/// An `errno` as the sentence a message quotes ("No such file or directory").
public enum Errno {
    public static func reason(_ code: Int32) -> String { String(validatingCString: strerror(code)) ?? "error \(code)" }

    /// The calling thread's current `errno`, as a sentence.
    public static var current: String { reason(errno) }
}

/// Writes all of `bytes` to `descriptor`, again where a signal interrupts; 0, or the `errno`
/// of the failure.
public func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32 {
    bytes.withUnsafeBytes { buffer -> Int32 in
        guard let base = buffer.baseAddress else { return 0 }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if written == 0 { return EIO }
            offset += written
        }
        return 0
    }
}

/// Whole-file reads with POSIX calls: no Foundation on the hot path.
public enum FileBytes {
    public struct Failure: Error, Sendable {
        public let code: Int32
        public init(code: Int32) { self.code = code }
        public var reason: String { Errno.reason(code) }
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
        var failure = writeAll(fd, bytes)
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

/// Appends to a file (created if missing) without reading or replacing it: files other tools
/// write to as well.
public enum AppendFile {
    /// Appends `bytes` to the file at `path`; `separator` goes first when the file already has
    /// content.
    public static func append(_ bytes: [UInt8], separator: [UInt8] = [], to path: String) throws(FileBytes.Failure) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileBytes.Failure(code: errno) }
        defer { close(descriptor) }
        let failure = writeAll(descriptor, (lseek(descriptor, 0, SEEK_END) > 0 ? separator : []) + bytes)
        guard failure == 0 else { throw FileBytes.Failure(code: failure) }
    }
}

/// Creates the absolute `path` and its missing parents, like `mkdir -p`: 0, or -1 with `errno` set.
public func makeDirectories(_ path: String) -> Int32 {
    var current = ""
    for component in path.split(separator: "/") {
        current += "/" + component
        if mkdir(current, 0o755) != 0 && errno != EEXIST { return -1 }
    }
    return 0
}

/// Lexically normalises an absolute path: removes `.`, empty components and resolves `..`.
public func normalizedPath(_ path: String) -> String {
    var parts: [Substring] = []
    for component in path.split(separator: "/", omittingEmptySubsequences: true) {
        if component == "." { continue }
        if component == ".." {
            if !parts.isEmpty { parts.removeLast() }
            continue
        }
        parts.append(component)
    }
    return "/" + parts.joined(separator: "/")
}

/// The canonical path (symlinks resolved) when it exists, else the lexical normalisation.
public func resolvedPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return normalizedPath(path) }
    defer { free(resolved) }
    return String(validatingCString: resolved).map(normalizedPath) ?? normalizedPath(path)
}
