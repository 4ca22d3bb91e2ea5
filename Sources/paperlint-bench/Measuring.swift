#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PaperLintBenchSupport

// MARK: Running one command

struct Sample {
    var seconds: Double
    var maxRSSKiB: Int
    var status: Int32
    var timedOut: Bool
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Looks `name` up on PATH.
func which(_ name: String) -> String? {
    if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let path = "\(dir)/\(name)"
        if access(path, X_OK) == 0 { return path }
    }
    return nil
}

/// Spawns `argv` in `directory` with output to /dev/null, waits with wait4 (its rusage gives
/// the peak RSS of the child and the children it waited for), kills it after `timeout`.
func run(_ argv: [String], in directory: String, environment: [String: String], timeout: Double) -> Sample {
    guard let executable = which(argv[0]) else { fail("\(argv[0]) not found") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)

    let resultFile = launcherResult
    unlink(resultFile)
    let cArgs = ([launcher, "--launch-internal", resultFile, executable] + argv.dropFirst()).map { strdup($0) } + [nil]
    let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (cArgs + cEnv).forEach { free($0) } }

    // The bench is single-threaded: change directory around the spawn (Glibc's
    // posix_spawn_file_actions_addchdir_np is not exported to Swift here).
    let previous = FileManager.default.currentDirectoryPath
    guard chdir(directory) == 0 else { fail("cannot enter \(directory)") }
    defer { _ = chdir(previous) }
    var pid: pid_t = 0
    let start = now()
    let rc = posix_spawn(&pid, launcher, &actions, &attributes, cArgs, cEnv)
    guard rc == 0 else { fail("cannot start \(executable): \(String(cString: strerror(rc)))") }
    var status: Int32 = 0
    var usage = rusage()
    var timedOut = false
    while true {
        let r = wait4(pid, &status, WNOHANG, &usage)
        if r == pid { break }
        if r < 0 && errno != EINTR { fail("wait4 failed") }
        if now() - start > timeout && !timedOut {
            timedOut = true
            kill(-pid, SIGKILL)  // its own process group: the child and what it started
        }
        usleep(200)
    }
    let elapsed = now() - start
    // The launcher's own reading of the command; when it was killed (timeout), the bench's.
    if !timedOut, let text = try? String(contentsOfFile: resultFile, encoding: .utf8) {
        let fields = text.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        if fields.count == 3, let seconds = Double(fields[0]), let rss = Int(fields[1]), let code = Int32(fields[2]) {
            return Sample(seconds: seconds, maxRSSKiB: rss, status: code, timedOut: false)
        }
    }
    let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return Sample(seconds: elapsed, maxRSSKiB: 0, status: exitStatus, timedOut: timedOut)
}

// MARK: Results

struct Measurement: Codable {
    var size: Int
    /// The generated list's shape (`sparse`, `dense`); nil for other rows.
    var shape: String?
    var name: String
    var command: String
    var runs: Int
    var medianSeconds: Double?
    var minSeconds: Double?
    var maxSeconds: Double?
    var peakRSSMiB: Double?
    var exitStatus: Int32?
    /// This row's median over `baseline`'s median.
    var ratio: Double?
    var baseline: String?
    var note: String?
    /// paperlint's own phase timings from one extra run with PAPERLINT_TIMINGS=1.
    var phases: String?
}

/// One run of `argv` with PAPERLINT_TIMINGS=1: the `timings: …` line paperlint prints on
/// standard error (configuration, git, parse, rules, output, total since main).
func phaseTimings(_ argv: [String], in directory: String, environment: [String: String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: argv[0])
    process.arguments = Array(argv.dropFirst())
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var environment = environment
    environment["PAPERLINT_TIMINGS"] = "1"
    process.environment = environment
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").last { $0.hasPrefix("timings: ") }
        .map { String($0.dropFirst("timings: ".count)) }
}

struct Report: Codable {
    var seed: UInt64
    var runs: Int
    var paperlint: String
    var machine: String
    /// Peak RSS of `true` through the same launcher: the lowest reading possible.
    var rssFloorMiB: Double
    var measurements: [Measurement]
}

func summarize(_ samples: [Sample], size: Int, name: String, command: String) -> Measurement {
    let times = samples.map(\.seconds).sorted()
    let median = times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
    var m = Measurement(
        size: size, name: name, command: command, runs: samples.count, medianSeconds: median,
        minSeconds: times.first, maxSeconds: times.last,
        peakRSSMiB: Double(samples.map(\.maxRSSKiB).max() ?? 0) / 1024, exitStatus: samples.last?.status)
    if samples.contains(where: \.timedOut) {
        m = Measurement(size: size, name: name, command: command, runs: samples.count, note: "timed out")
    }
    return m
}
