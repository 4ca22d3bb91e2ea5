import Foundation
import PaperLintCore

/// What to run and how much of it.
public struct CorpusOptions: Sendable {
    /// Replay only the last N commits that have a parent (nil: all of them).
    public var commitsPerList: Int?
    /// Lists to measure, as `owner/name`, `owner+name` or `name` (nil: all).
    public var lists: [String]?
    /// Seed of the findings sample.
    public var seed: UInt64
    /// How many findings the sample holds at most.
    public var sampleSize: Int
    /// (c): replay again with `paperlint init --write` run on each parent.
    public var replayWithInit: Bool
    /// (d): `fix --all --write` twice on the head file.
    public var fixCheck: Bool
    /// Lists measured at the same time (each drives its own git and paperlint processes).
    public var jobs: Int
    /// Called with one line per step (list started, list done), from any worker.
    public var progress: (@Sendable (String) -> Void)?

    public init(commitsPerList: Int? = nil, lists: [String]? = nil, seed: UInt64 = 42, sampleSize: Int = 60,
                replayWithInit: Bool = true, fixCheck: Bool = true, jobs: Int = 2, progress: (@Sendable (String) -> Void)? = nil) {
        self.commitsPerList = commitsPerList
        self.lists = lists
        self.seed = seed
        self.sampleSize = sampleSize
        self.replayWithInit = replayWithInit
        self.fixCheck = fixCheck
        self.jobs = jobs
        self.progress = progress
    }
}

/// Measures how often paperlint flags real paper lists and their real history, driving the
/// `paperlint` binary and the git CLI in a temporary directory (removed afterwards).
///
/// A corpus directory holds `heads/OWNER+NAME.md` (a list's README.md at its head) and
/// `bundles/OWNER+NAME.bundle` (a git bundle whose branch `main` has one commit per change of
/// README.md), and optionally `lists.tsv` (owner/name in the first column: the order).
/// For each list (see `CorpusEntryLine` for what an entry line is):
/// (a) `check --all` on the head file with no configuration, outside any repository;
/// (b) a replay of every commit that has a parent, in one scratch repository: the parent's
///     README.md committed, the child's staged, `check --staged --format json`; findings are
///     counted against the entry lines `git log -p -U0` says the commit added;
/// (c) the same with `paperlint init --write` run on (and committed with) each parent;
/// (d) `fix --all --write` twice on a copy of the head file;
/// (f) maintainer fixes: entry lines added in a replayed commit that a later commit replaced by
///     a line for the same paper (`CorpusEntryLine.paperKey`), flagged or not in (b).
/// (e) `sample` draws findings of (a) and (b) for hand review.
public enum CorpusHarness {
    public struct ListSource: Sendable {
        /// owner/name.
        public var name: String
        public var head: URL
        public var bundle: URL
    }

    /// The lists of `corpus`, in `lists.tsv` order when it exists, else by name.
    public static func lists(in corpus: URL) throws -> [ListSource] {
        let heads = corpus.appendingPathComponent("heads"), bundles = corpus.appendingPathComponent("bundles")
        var names: [String] = []
        if let tsv = try? String(contentsOf: corpus.appendingPathComponent("lists.tsv"), encoding: .utf8) {
            for line in tsv.split(separator: "\n").dropFirst() {
                if let first = line.split(separator: "\t").first, first.contains("/") { names.append(String(first)) }
            }
        }
        if names.isEmpty {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: heads.path)) ?? []
            names = files.filter { $0.hasSuffix(".md") && $0.contains("+") }.sorted()
                .map { String($0.dropLast(3)).replacingOccurrences(of: "+", with: "/", options: [], range: nil) }
        }
        guard !names.isEmpty else { throw CorpusError("\(corpus.path): no lists (expected heads/OWNER+NAME.md and bundles/OWNER+NAME.bundle)") }
        return try names.map { name in
            let file = name.replacingOccurrences(of: "/", with: "+")
            let source = ListSource(name: name, head: heads.appendingPathComponent(file + ".md"),
                                    bundle: bundles.appendingPathComponent(file + ".bundle"))
            for path in [source.head.path, source.bundle.path] where !FileManager.default.fileExists(atPath: path) {
                throw CorpusError("\(name): \(path) is missing")
            }
            return source
        }
    }

    /// `lists` narrowed to `names` (owner/name, owner+name or name, case-insensitive).
    public static func select(_ lists: [ListSource], names: [String]?) throws -> [ListSource] {
        guard let names else { return lists }
        func matches(_ source: ListSource, _ wanted: String) -> Bool {
            let w = wanted.lowercased(), n = source.name.lowercased()
            return w == n || w == n.replacingOccurrences(of: "/", with: "+") || w == n.split(separator: "/").last.map(String.init)
        }
        for wanted in names where !lists.contains(where: { matches($0, wanted) }) {
            throw CorpusError("no list \(wanted) in the corpus (known: \(lists.map(\.name).joined(separator: ", ")))")
        }
        return lists.filter { source in names.contains { matches(source, $0) } }
    }

    /// Measures every selected list of `corpus` with the `paperlint` binary at `paperlint`,
    /// `options.jobs` lists at a time (each in its own scratch directory).
    public static func measure(corpus: URL, paperlint: String, options: CorpusOptions = CorpusOptions()) throws -> CorpusReport {
        let start = Date()
        let sources = try select(try lists(in: corpus), names: options.lists)
        // The longest histories first, so two workers finish close together.
        let size = { (source: ListSource) in (try? FileManager.default.attributesOfItem(atPath: source.bundle.path)[.size] as? Int) ?? 0 }
        let order = sources.indices.sorted { size(sources[$0]) > size(sources[$1]) }
        let state = WorkState(count: sources.count)
        let work = { @Sendable (worker: Int) in
            while let slot = state.next() {
                let source = sources[order[slot]]
                do {
                    state.store(order[slot], try measure(source, paperlint: paperlint, options: options))
                } catch {
                    state.fail(error)
                }
            }
        }
        let jobs = max(1, min(options.jobs, sources.count))
        if jobs == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: jobs, execute: work) }
        let reports = try state.results()
        return CorpusReport(
            paperlint: paperlint, seed: options.seed, commitsPerList: options.commitsPerList,
            seconds: Date().timeIntervalSince(start), lists: reports,
            sample: sample(reports.flatMap(\.findings), size: options.sampleSize, seed: options.seed))
    }

    /// One list from its bundle, in a scratch directory of its own.
    static func measure(_ source: ListSource, paperlint: String, options: CorpusOptions) throws -> CorpusListReport {
        let began = Date()
        let runner = try CorpusRunner(paperlint: paperlint)
        defer { runner.close() }
        options.progress?("\(source.name): cloning the bundle")
        let clone = try runner.directory(source.name + "-clone")
        try runner.git(["clone", "-q", "--no-checkout", "-b", "main", source.bundle.path, clone], in: runner.scratch)
        let head = try CorpusRunner.read(source.head.path)
        let report = try measureList(name: source.name, repository: clone, revision: "main", head: head, runner: runner, options: options)
        options.progress?(String(format: "%@: done in %.1f s (%d commits replayed)", source.name, Date().timeIntervalSince(began), report.replay.commits))
        return report
    }

    /// The workers' queue and results.
    final class WorkState: @unchecked Sendable {
        private let lock = NSLock()
        private var nextSlot = 0
        private var reports: [CorpusListReport?]
        private var error: (any Error)?

        init(count: Int) { reports = Array(repeating: nil, count: count) }

        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard error == nil, nextSlot < reports.count else { return nil }
            nextSlot += 1
            return nextSlot - 1
        }

        func store(_ index: Int, _ report: CorpusListReport) {
            lock.lock()
            reports[index] = report
            lock.unlock()
        }

        func fail(_ error: any Error) {
            lock.lock()
            if self.error == nil { self.error = error }
            lock.unlock()
        }

        func results() throws -> [CorpusListReport] {
            lock.lock()
            defer { lock.unlock() }
            if let error { throw error }
            return reports.compactMap { $0 }
        }
    }

    /// The same shape of measurement with the ceilings' arguments spelled out.
    public static func measure(corpus: URL, paperlint: String, commitsPerList: Int?, lists: [String]? = nil,
                               replayWithInit: Bool = true, fixCheck: Bool = true, sampleSize: Int = 60, seed: UInt64 = 42,
                               jobs: Int = 2) throws -> CorpusReport {
        try measure(corpus: corpus, paperlint: paperlint, options: CorpusOptions(
            commitsPerList: commitsPerList, lists: lists, seed: seed, sampleSize: sampleSize, replayWithInit: replayWithInit,
            fixCheck: fixCheck, jobs: jobs))
    }

    /// Measures one list from a git repository (no bundle): README.md along `revision`'s
    /// first-parent history; the head file is README.md at `revision` unless `head` is given.
    public static func measureRepository(_ repository: URL, name: String, revision: String = "HEAD", head: URL? = nil,
                                         paperlint: String, options: CorpusOptions = CorpusOptions()) throws -> CorpusListReport {
        let runner = try CorpusRunner(paperlint: paperlint)
        defer { runner.close() }
        return try measureList(name: name, repository: repository.path, revision: revision,
                               head: try head.map { try CorpusRunner.read($0.path) }, runner: runner, options: options)
    }

    // MARK: One list

    static func measureList(name: String, repository: String, revision: String, head: [UInt8]?, runner: CorpusRunner,
                            options: CorpusOptions) throws -> CorpusListReport {
        var history = try CorpusHistory.read(repository: repository, revision: revision, runner: runner)
        let headBytes = head ?? history.versions[history.versions.count - 1].bytes
        var findings: [CorpusFinding] = []

        // (a)
        options.progress?("\(name): check --all on the head file")
        var headCheck = try checkHead(name: name, bytes: headBytes, runner: runner, findings: &findings)
        headCheck.settle()

        // (b), (c)
        let replayable = history.versions.count > 1 ? Array(1..<history.versions.count) : []
        let indices = options.commitsPerList.map { Array(replayable.suffix(max($0, 0))) } ?? replayable
        for index in indices { history.versions[index].entryFlags = CorpusEntryLine.flags(history.versions[index].lines) }
        options.progress?("\(name): replaying \(indices.count) commits")
        var flagged: [Int: Set<Int>] = [:]
        let replay = try self.replay(name: name, history: history, indices: indices, withInit: false, runner: runner,
                                     findings: &findings, flagged: &flagged)
        var replayWithInit: CorpusReplay?
        if options.replayWithInit {
            options.progress?("\(name): replaying \(indices.count) commits with paperlint init --write")
            var unusedFindings: [CorpusFinding] = [], unusedFlags: [Int: Set<Int>] = [:]
            replayWithInit = try self.replay(name: name, history: history, indices: indices, withInit: true, runner: runner,
                                             findings: &unusedFindings, flagged: &unusedFlags)
        }

        // (d)
        let fix = options.fixCheck ? try fixCheck(name: name, bytes: headBytes, runner: runner) : nil

        // (f)
        let fixes = maintainerFixes(history: history, indices: indices, flagged: flagged)

        return CorpusListReport(
            name: name, historyCommits: history.versions.count, head: headCheck, replay: replay, replayWithInit: replayWithInit,
            fix: fix, maintainerFixes: fixes, findings: findings)
    }

    struct Output: Decodable {
        struct Diagnostic: Decodable {
            var rule: String
            var severity: String
            var line: Int?
            var message: String
        }
        var diagnostics: [Diagnostic]
    }

    static func isFinding(_ severity: String) -> Bool { severity == "warning" || severity == "error" }

    /// paperlint's JSON, or nil when it did not exit 0 or 1.
    static func decode(_ result: CorpusRunner.Result) -> Output? {
        guard result.status == 0 || result.status == 1 else { return nil }
        return try? JSONDecoder().decode(Output.self, from: Data(result.output))
    }

    static func failureMessage(_ result: CorpusRunner.Result, _ context: String) -> String {
        let message = result.error.split(separator: "\n").first.map(String.init) ?? "no message"
        return "\(context): exit \(result.status): \(message)"
    }

    static func checkHead(name: String, bytes: [UInt8], runner: CorpusRunner, findings: inout [CorpusFinding]) throws -> CorpusHeadCheck {
        let directory = try runner.directory(name + "-head")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try CorpusRunner.write(bytes, to: directory + "/README.md")
        let result = try runner.paperlint(["check", "--all", "--format", "json", "README.md"], in: directory)
        guard let output = decode(result) else { throw CorpusError(failureMessage(result, "\(name): paperlint check --all")) }
        let lines = CorpusText.lines(bytes)
        let entries = CorpusEntryLine.flags(lines)
        var check = CorpusHeadCheck(exitStatus: result.status)
        check.entryLines = entries.count { $0 }
        let papers = Set(Document(bytes: bytes).entries.lazy.filter(\.isPaper).map(\.line))
        check.parsedEntryLines = entries.indices.count { entries[$0] && papers.contains($0 + 1) }
        let run = tally(output, list: name, source: "head", lines: lines, into: &findings)
        check.perSeverity = run.perSeverity
        check.perRule = run.perRule
        check.findings = run.lines.count
        check.flaggedEntryLines = Set(run.lines).count { $0 >= 1 && $0 <= entries.count && entries[$0 - 1] }
        return check
    }

    /// One run's diagnostics: every severity counted, and the findings (warning or error) by
    /// rule, with the line each starts on, appended to `findings`.
    struct RunTally {
        var perSeverity: [String: Int] = [:]
        var perRule: [String: Int] = [:]
        var errors = 0
        /// The line of each finding, in the order reported.
        var lines: [Int] = []
    }

    static func tally(_ output: Output, list: String, source: String, lines: [String], into findings: inout [CorpusFinding]) -> RunTally {
        var run = RunTally()
        for diagnostic in output.diagnostics {
            run.perSeverity[diagnostic.severity, default: 0] += 1
            guard isFinding(diagnostic.severity) else { continue }
            let line = diagnostic.line ?? 0
            if diagnostic.severity == "error" { run.errors += 1 }
            run.perRule[diagnostic.rule, default: 0] += 1
            run.lines.append(line)
            findings.append(finding(list, source, line, diagnostic, lines))
        }
        return run
    }

    static func finding(_ list: String, _ source: String, _ line: Int, _ diagnostic: Output.Diagnostic, _ lines: [String]) -> CorpusFinding {
        let text = line >= 1 && line <= lines.count ? lines[line - 1] : ""
        return CorpusFinding(list: list, source: source, line: line, rule: diagnostic.rule, severity: diagnostic.severity,
                             message: diagnostic.message, text: text, hash: CorpusText.fnv1a64(text))
    }

    /// Replays `indices` (each with a parent) in one scratch repository. `flagged` receives, per
    /// replayed version index, the line numbers with a finding at warning or error.
    static func replay(name: String, history: CorpusHistory, indices: [Int], withInit: Bool, runner: CorpusRunner,
                       findings: inout [CorpusFinding], flagged: inout [Int: Set<Int>]) throws -> CorpusReplay {
        var replay = CorpusReplay()
        guard !indices.isEmpty else { return replay }
        let repository = try runner.directory(name + (withInit ? "-init" : "-replay"))
        defer { try? FileManager.default.removeItem(atPath: repository) }
        let readme = repository + "/" + CorpusHistory.file, configuration = repository + "/.paperlint.yml"
        try runner.git(["init", "-q", "-b", "main"], in: repository)
        var needsAdd = true
        for index in indices {
            let parent = history.versions[index - 1], child = history.versions[index]
            try CorpusRunner.write(parent.bytes, to: readme)
            var initFailed = false
            if withInit {
                let result = try runner.paperlint(["init", "--write", "--force"], in: repository)
                if result.status != 0 {
                    replay.initFailures += 1
                    try? FileManager.default.removeItem(atPath: configuration)
                    initFailed = true
                    if replay.failureMessages.count < 5 { replay.failureMessages.append(failureMessage(result, "\(name) \(parent.sha.prefix(10)): init")) }
                }
            }
            // The first parent needs `add -A`, and so does the next one after init failed (its
            // configuration may be new again); otherwise `commit -a` stages the parent and the
            // rewritten .paperlint.yml in one command.
            if needsAdd { try runner.git(["add", "-A"], in: repository) }
            try runner.git(["commit", "-q", "--no-verify", "--allow-empty", "-a", "-m", "parent of \(child.sha)"], in: repository)
            needsAdd = initFailed
            try CorpusRunner.write(child.bytes, to: readme)
            try runner.git(["add", CorpusHistory.file], in: repository)
            let result = try runner.paperlint(["check", "--staged", "--format", "json"], in: repository)

            replay.commits += 1
            let entryFlags = child.entryFlags ?? CorpusEntryLine.flags(child.lines)
            let addedEntries = Set(child.added.filter { $0 <= entryFlags.count && entryFlags[$0 - 1] })
            replay.addedLines += child.added.count
            replay.addedEntryLines += addedEntries.count
            guard let output = decode(result) else {
                replay.failures += 1
                if replay.failureMessages.count < 5 { replay.failureMessages.append(failureMessage(result, "\(name) \(child.sha.prefix(10)): check --staged")) }
                continue
            }
            let run = tally(output, list: name, source: child.sha, lines: child.lines, into: &findings)
            replay.perSeverity.merge(run.perSeverity, uniquingKeysWith: +)
            replay.perRule.merge(run.perRule, uniquingKeysWith: +)
            replay.findings += run.lines.count
            replay.errors += run.errors
            replay.warnings += run.lines.count - run.errors
            replay.findingsOnEntryLines += run.lines.count { addedEntries.contains($0) }
            let lines = Set(run.lines)
            replay.flaggedAddedEntryLines += lines.count { addedEntries.contains($0) }
            flagged[index] = lines
        }
        replay.settle()
        return replay
    }

    static func fixCheck(name: String, bytes: [UInt8], runner: CorpusRunner) throws -> CorpusFixCheck {
        let directory = try runner.directory(name + "-fix")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/README.md"
        try CorpusRunner.write(bytes, to: path)
        let first = try runner.paperlint(["fix", "--all", "--write", "README.md"], in: directory)
        let once = try CorpusRunner.read(path)
        let second = try runner.paperlint(["fix", "--all", "--write", "README.md"], in: directory)
        let twice = try CorpusRunner.read(path)
        let before = CorpusEntryLine.entryLineNumbers(in: bytes).count, after = CorpusEntryLine.entryLineNumbers(in: twice).count
        let linksBefore = CorpusText.urlLinkCount(bytes), linksAfter = CorpusText.urlLinkCount(twice)
        return CorpusFixCheck(
            firstExitStatus: first.status, secondExitStatus: second.status, changed: once != bytes, idempotent: once == twice,
            entryLinesBefore: before, entryLinesAfter: after, urlLinksBefore: linksBefore, urlLinksAfter: linksAfter,
            nothingLost: after >= before && linksAfter >= linksBefore)
    }
}
