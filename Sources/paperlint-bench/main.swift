// paperlint-bench: times the release `paperlint` binary on generated lists in scratch git
// repositories, next to git itself and to the Markdown linters installed on PATH.
//
//   swift build -c release && swift run -c release paperlint-bench [--sizes 1000,10000,50000]
//       [--shapes sparse,dense] [--runs 5] [--json out.json] [--seed 42] [--timeout 120]
//       [--paperlint PATH] [--keep]
//   swift run -c release paperlint-bench [--seed 42] [--shapes dense] --generate 50000 > list.md
//   swift run -c release paperlint-bench --hostile 1 [--runs 5]
//   swift run -c release paperlint-bench corpus [--corpus DIR] [--commits N] [--json out.json]
//
// It does not build paperlint itself: it uses the `paperlint` next to its own executable
// (`.build/release/paperlint` under `swift run -c release`), or `--paperlint PATH`.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PaperLintBenchSupport

// MARK: Launcher

// Peak RSS comes from wait4's rusage. A child spawned by this (large) process inherits its
// memory high-water mark at exec (Linux keeps the old mm's peak in `signal->maxrss`), which
// would put a floor of the bench's own size under every reading. So each command is started
// by a second, fresh copy of this binary in launcher mode: it runs before any of the code
// below, spawns the command, times it with clock_gettime, reaps it with wait4 and writes
// "seconds maxrss-KiB status" to RESULT. The floor left is the launcher's size, printed with the table.
if CommandLine.arguments.count > 3 && CommandLine.arguments[1] == "--launch-internal" {
    let result = CommandLine.arguments[2]
    let argv = Array(CommandLine.arguments.dropFirst(3))
    let cArgs = argv.map { strdup($0) } + [nil]
    var start = timespec(), end = timespec()
    var pid: pid_t = 0
    clock_gettime(CLOCK_MONOTONIC, &start)
    guard posix_spawn(&pid, argv[0], nil, nil, cArgs, environ) == 0 else { exit(127) }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    clock_gettime(CLOCK_MONOTONIC, &end)
    let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let line = "\(seconds) \(usage.ru_maxrss) \(code)\n"
    guard let file = fopen(result, "w") else { exit(126) }
    fputs(line, file)
    fclose(file)
    exit(0)
}

// `paperlint-bench corpus …`: the precision harness on real lists (Corpus.swift).
if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "corpus" {
    runCorpus(Array(CommandLine.arguments.dropFirst(2)))
}

// MARK: Options

struct Options {
    var sizes = [1000, 10000, 50000]
    /// The generated lists' shapes (ListGenerator.Shape): every size is run in each.
    var shapes: [ListGenerator.Shape] = [.sparse, .dense]
    /// `--real DIR`: also time each real list (`*.md`) in DIR, as it is.
    var realLists: String?
    var runs = 5
    var json: String?
    var seed: UInt64 = 42
    var timeout = 120.0
    var paperlint: String?
    var keep = false
    /// `--hostile [SCALE]`: time the hostile-input shapes instead (see Hostile.swift).
    var hostileScale: Int?
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("paperlint-bench: \(message)\n".utf8))
    exit(2)
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()[...]
    func value(_ name: String) -> String {
        guard let v = arguments.popFirst() else { fail("\(name) needs a value") }
        return v
    }
    while let argument = arguments.popFirst() {
        switch argument {
        case "--sizes":
            let list = value(argument).split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            let sizes = list.compactMap { $0 }.filter { $0 > 0 }
            guard !list.isEmpty, sizes.count == list.count else { fail("--sizes takes positive integers, comma-separated") }
            options.sizes = sizes
        case "--shapes":
            let text = value(argument)
            let list = text.split(separator: ",").map { ListGenerator.Shape(rawValue: String($0)) }
            guard text == "none" || (!list.isEmpty && list.allSatisfy({ $0 != nil })) else {
                fail("--shapes takes sparse, dense or both, comma-separated (none: only --real lists)")
            }
            options.shapes = list.compactMap { $0 }
        case "--real": options.realLists = value(argument)
        case "--runs":
            guard let n = Int(value(argument)), n > 0 else { fail("--runs takes a positive integer") }
            options.runs = n
        case "--json": options.json = value(argument)
        case "--seed":
            guard let n = UInt64(value(argument)) else { fail("--seed takes an unsigned integer") }
            options.seed = n
        case "--timeout":
            guard let n = Double(value(argument)), n > 0 else { fail("--timeout takes seconds") }
            options.timeout = n
        case "--paperlint": options.paperlint = value(argument)
        case "--keep": options.keep = true
        case "--hostile":
            guard let n = Int(value(argument)), n > 0 else { fail("--hostile takes a scale (1: 256 KB lines, 25,000 entries)") }
            options.hostileScale = n
        case "--generate":
            // Print the generated list of N entries (with --seed given before it) and stop.
            guard let n = Int(value(argument)), n >= 0 else { fail("--generate takes a count") }
            FileHandle.standardOutput.write(Data(ListGenerator(seed: options.seed, shape: options.shapes.first ?? .sparse).generateBytes(entries: n)))
            exit(0)
        case "-h", "--help":
            print("""
                usage: paperlint-bench [--sizes 1000,10000,50000] [--shapes sparse,dense] [--real DIR] [--runs 5]
                                       [--json FILE] [--seed N] [--timeout SECONDS] [--paperlint PATH] [--keep]
                       paperlint-bench [--seed N] [--shapes dense] --generate ENTRIES   # print a generated list
                       paperlint-bench --hostile SCALE [--runs 5]      # how hostile inputs scale
                       paperlint-bench corpus [--corpus DIR] …          # precision on real lists (corpus --help)
                Build paperlint first: swift build -c release
                """)
            exit(0)
        default: fail("unknown argument \(argument) (see --help)")
        }
    }
    return options
}

// MARK: Scratch repositories

let options = parseOptions()

/// This executable's absolute path.
func selfExecutable() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    return n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
}

func selfDirectory() -> String { URL(fileURLWithPath: selfExecutable()).deletingLastPathComponent().path }

let paperlint = options.paperlint ?? selfDirectory() + "/paperlint"
guard access(paperlint, X_OK) == 0 else {
    fail("no paperlint binary at \(paperlint): run `swift build -c release` first (or pass --paperlint PATH)")
}

let scratch = NSTemporaryDirectory() + "paperlint-bench-\(getpid())"
try? FileManager.default.removeItem(atPath: scratch)
try FileManager.default.createDirectory(atPath: scratch + "/home", withIntermediateDirectories: true)

let launcher = selfExecutable()
let launcherResult = scratch + "/launcher-result"

/// git and paperlint see a clean configuration: no user or system settings, a fixed identity.
let environment = CleanEnvironment.make(home: scratch + "/home", name: "Bench", email: "bench@example.com")
let hookEnvironment = environment.merging(["PAPERLINT": paperlint]) { $1 }

func git(_ arguments: [String], in directory: String) {
    let s = run(["git"] + arguments, in: directory, environment: environment, timeout: 600)
    if s.status != 0 { fail("git \(arguments.joined(separator: " ")) failed with status \(s.status) in \(directory)") }
}

/// 20 clean entries, dated like the newest entries and inserted before the first one.
func withTwentyNewEntries(_ list: [UInt8]) -> [UInt8] {
    var lines = ""
    for i in 0..<20 {
        let id = String(90000 + i)
        lines += "- [2025/12] **Benchmark Paper \(i + 1): Staged Change Cost** *B. Encher et al. arXiv.* [[paper](https://arxiv.org/abs/2512.\(id))] [[code](https://github.com/bench/paper-\(i + 1))]\n"
    }
    let marker = Array("\n- [20".utf8)
    var at = list.count
    if list.count >= marker.count {
        for i in 0...(list.count - marker.count) where list[i] == marker[0] && Array(list[i..<i + marker.count]) == marker {
            at = i + 1
            break
        }
    }
    return Array(list[..<at]) + Array(lines.utf8) + Array(list[at...])
}

func log(_ message: String) { FileHandle.standardError.write(Data("\(message)\n".utf8)) }

if let scale = options.hostileScale {
    runHostile(scale: scale, runs: options.runs, in: scratch)
    if !options.keep { try? FileManager.default.removeItem(atPath: scratch) }
    exit(0)
}

var measurements: [Measurement] = []
/// The launcher's own peak, under which no reading can go (a do-nothing command's reading).
let floorMiB = Double(run(["true"], in: scratch, environment: environment, timeout: 10).maxRSSKiB) / 1024
let peers: [(name: String, argv: [String])] = [
    ("rumdl", ["rumdl", "check", "--no-cache", "README.md"]),
    ("mdl", ["mdl", "README.md"]),
    ("mdformat", ["mdformat", "--check", "README.md"]),
    ("pymarkdown", ["pymarkdown", "scan", "README.md"]),
]

for shape in options.shapes {
for size in options.sizes {
    let repo = scratch + "/list-\(shape)-\(size)"
    try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
    let list = ListGenerator(seed: options.seed, shape: shape).generateBytes(entries: size)
    let changed = withTwentyNewEntries(list)
    _ = FileManager.default.createFile(atPath: repo + "/README.md", contents: Data(list))
    git(["init", "-q", "-b", "main"], in: repo)
    git(["add", "README.md"], in: repo)
    git(["commit", "-q", "--no-verify", "-m", "list"], in: repo)
    log("\(shape) \(size): \(list.count) bytes in \(repo)")

    func measure(_ name: String, _ argv: [String], env: [String: String] = environment, runs: Int = options.runs,
                 timeout: Double = options.timeout, after: (Sample) -> Void = { _ in }) -> Measurement {
        // A warm-up run (page cache) is not counted, unless it is slow (over 20 s) or timed
        // out: then it is the only run, the cache being irrelevant at that scale.
        let warmUp = run(argv, in: repo, environment: env, timeout: timeout)
        after(warmUp)
        var samples: [Sample] = []
        if warmUp.timedOut || warmUp.seconds > 20 { samples.append(warmUp) }
        for _ in 0..<runs where !(samples.last.map { $0.timedOut || $0.seconds > 20 } ?? false) {
            let s = run(argv, in: repo, environment: env, timeout: timeout)
            samples.append(s)
            after(s)
        }
        var m = summarize(samples, size: size, name: name, command: argv.joined(separator: " "))
        m.shape = shape.rawValue
        log("  \(name): \(String(format: "%.4f", m.medianSeconds ?? 0)) s")
        return m
    }

    // Whole file.
    var checkAll = measure("check --all", [paperlint, "check", "--all", "README.md"])
    checkAll.phases = phaseTimings([paperlint, "check", "--all", "README.md"], in: repo, environment: environment)
    measurements.append(checkAll)
    measurements.append(measure("fix --all --patch", [paperlint, "fix", "--all", "--patch", "README.md"]))
    // Output at the speed of writing: every finding as JSON (text is `check --all`).
    var json = measure("check --all --format json", [paperlint, "check", "--all", "--format", "json", "README.md"])
    json.phases = phaseTimings([paperlint, "check", "--all", "--format", "json", "README.md"], in: repo, environment: environment)
    measurements.append(json)

    // A 20-line change staged.
    _ = FileManager.default.createFile(atPath: repo + "/README.md", contents: Data(changed))
    git(["add", "README.md"], in: repo)
    let diff = measure("git diff --cached", ["git", "diff", "--cached"])
    var staged = measure("check --staged", [paperlint, "check", "--staged"])
    staged.phases = phaseTimings([paperlint, "check", "--staged"], in: repo, environment: environment)
    if let a = staged.medianSeconds, let b = diff.medianSeconds { staged.ratio = a / b; staged.baseline = "git diff --cached" }
    measurements.append(diff)
    measurements.append(staged)

    // The whole commit, with paperlint's hook and without; each run is undone with a soft reset.
    // (Only a commit that was made is undone: a hook that stops the commit leaves HEAD alone.)
    let undo = { (s: Sample) in if s.status == 0 { git(["reset", "-q", "--soft", "HEAD~1"], in: repo) } }
    let plain = measure("git commit --no-verify", ["git", "commit", "-q", "--no-verify", "-m", "twenty"], after: undo)
    let install = run([paperlint, "hook", "install"], in: repo, environment: hookEnvironment, timeout: 60)
    if install.status != 0 { fail("paperlint hook install failed with status \(install.status)") }
    var hooked = measure("git commit (hook)", ["git", "commit", "-q", "-m", "twenty"], env: hookEnvironment, after: undo)
    if hooked.exitStatus != 0 { hooked.note = "the hook stopped the commit (status \(hooked.exitStatus ?? -1))" }
    if let a = hooked.medianSeconds, let b = plain.medianSeconds { hooked.ratio = a / b; hooked.baseline = "git commit --no-verify" }
    measurements.append(plain)
    measurements.append(hooked)

    // Peers on the same (changed) file, when installed.
    for peer in peers {
        guard which(peer.argv[0]) != nil else {
            log("  \(peer.name): not installed, skipped")
            measurements.append(Measurement(size: size, shape: shape.rawValue, name: peer.name, command: peer.argv.joined(separator: " "), runs: 0, note: "not installed, skipped"))
            continue
        }
        var m = measure(peer.name, peer.argv)
        if m.note == "timed out" { m.note = "timed out after \(Int(options.timeout)) s" }
        if let a = m.medianSeconds, let b = checkAll.medianSeconds { m.ratio = a / b; m.baseline = "check --all" }
        measurements.append(m)
    }
}
}

// Real lists as they are: the whole file, as text and as JSON (shape `real:<file>`, size in entries).
if let directory = options.realLists {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    if names.isEmpty { log("--real \(directory): no .md files; no real lists timed") }
    for name in names {
        let path = directory + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        // List items, as an entry count (real lists nest and mark them in several ways).
        let entries = data.split(separator: UInt8(ascii: "\n")).count { line in
            let text = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            return text.count > 2 && "-*+".utf8.contains(text[text.startIndex]) && text[text.startIndex + 1] == UInt8(ascii: " ")
        }
        for (label, argv) in [("check --all", [paperlint, "check", "--all", path]),
                              ("check --all --format json", [paperlint, "check", "--all", "--format", "json", path])] {
            var samples: [Sample] = []
            for _ in 0...options.runs { samples.append(run(argv, in: scratch, environment: environment, timeout: options.timeout)) }
            var m = summarize(Array(samples.dropFirst()), size: entries, name: label, command: argv.joined(separator: " "))
            m.shape = "real:" + String(name.dropLast(3))
            log("  \(m.shape ?? name) \(label): \(String(format: "%.4f", m.medianSeconds ?? 0)) s")
            measurements.append(m)
        }
    }
}

if !options.keep { try? FileManager.default.removeItem(atPath: scratch) }

// MARK: Output

func seconds(_ value: Double?) -> String {
    guard let value else { return "—" }
    return value < 1 ? String(format: "%.1f ms", value * 1000) : String(format: "%.2f s", value)
}

var table = "| shape | entries | command | median | min | max | peak RSS | exit | ratio |\n|---|---:|---|---:|---:|---:|---:|---:|---|\n"
for m in measurements {
    let rss = m.peakRSSMiB.map { String(format: "%.0f MB", $0) } ?? "—"
    let exit = m.exitStatus.map(String.init) ?? "—"
    var ratio = ""
    if let r = m.ratio, let b = m.baseline { ratio = String(format: "%.2f× %@", r, b) }
    if let note = m.note { ratio += ratio.isEmpty ? note : "; \(note)" }
    table += "| \(m.shape ?? "—") | \(m.size) | `\(m.name)` | \(seconds(m.medianSeconds)) | \(seconds(m.minSeconds)) | \(seconds(m.maxSeconds)) | \(rss) | \(exit) | \(ratio) |\n"
}
print(table, terminator: "")
print("\(options.runs) runs each after one warm-up (a command slower than 20 s: one run); ratio = this median / the named median; exit = the last run's status.")
print(String(format: "Peak RSS is wait4's ru_maxrss; a do-nothing command reads %.1f MB (the launcher's floor).", floorMiB))
let phaseRows = measurements.filter { $0.phases != nil }
if !phaseRows.isEmpty {
    print("\nWhere paperlint's time goes (one run with PAPERLINT_TIMINGS=1; start-up before main not included):\n")
    for m in phaseRows { print("- \(m.shape ?? "") \(m.size) entries, `\(m.name)`: \(m.phases ?? "")") }
}

if let path = options.json {
    var uts = utsname()
    uname(&uts)
    let machine = withUnsafeBytes(of: uts.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    let report = Report(seed: options.seed, runs: options.runs, paperlint: paperlint,
                        machine: "\(machine), \(ProcessInfo.processInfo.activeProcessorCount) cores",
                        rssFloorMiB: floorMiB, measurements: measurements)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    do { try encoder.encode(report).write(to: URL(fileURLWithPath: path)) } catch { fail("cannot write \(path): \(error)") }
}
