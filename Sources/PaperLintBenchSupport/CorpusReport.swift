/// What `paperlint-bench corpus` measures, per list and over all lists (see CorpusHarness).

/// One paperlint finding at warning or error, with the line it is on (for hand review).
public struct CorpusFinding: Codable, Sendable, Equatable {
    public var list: String
    /// "head" for `check --all` on the head file, else the replayed commit's sha.
    public var source: String
    public var line: Int
    public var rule: String
    public var severity: String
    public var message: String
    /// The full text of the line the finding starts on.
    public var text: String
    /// FNV-1a 64 of `text`'s UTF-8 bytes, 16 hex digits: the key hand-review verdicts use.
    public var hash: String

    public init(list: String, source: String, line: Int, rule: String, severity: String, message: String, text: String, hash: String) {
        self.list = list
        self.source = source
        self.line = line
        self.rule = rule
        self.severity = severity
        self.message = message
        self.text = text
        self.hash = hash
    }
}

/// (a) `check --all` on the head file, no configuration, outside a repository.
public struct CorpusHeadCheck: Codable, Sendable {
    public var exitStatus: Int32
    public var entryLines = 0
    /// Entry lines that paperlint's own parser reads as the first line of a dated paper entry:
    /// how much of the list the entry rules (duplicates, order, dates) can see at all.
    public var parsedEntryLines = 0
    /// Entry lines with at least one finding at warning or error starting on them.
    public var flaggedEntryLines = 0
    /// Findings at warning or error.
    public var findings = 0
    public var perRule: [String: Int] = [:]
    /// Every finding by severity (error, warning, info).
    public var perSeverity: [String: Int] = [:]
    /// flaggedEntryLines / entryLines (set by `settle()`).
    public var flaggedShare: Double = 0

    mutating func settle() { flaggedShare = entryLines == 0 ? 0 : Double(flaggedEntryLines) / Double(entryLines) }
}

/// (b), (c) Replay: per commit, the parent committed, the child staged, `check --staged --format json`.
public struct CorpusReplay: Codable, Sendable {
    /// Commits replayed (those with a parent, the last N with --commits).
    public var commits = 0
    public var addedLines = 0
    public var addedEntryLines = 0
    /// Findings at warning or error (the default filter keeps only those on added lines).
    public var findings = 0
    public var errors = 0
    public var warnings = 0
    /// Findings at warning or error that start on an added entry line.
    public var findingsOnEntryLines = 0
    /// Added entry lines with at least one finding at warning or error.
    public var flaggedAddedEntryLines = 0
    public var perRule: [String: Int] = [:]
    /// Every finding by severity (error, warning, info).
    public var perSeverity: [String: Int] = [:]
    /// Runs where paperlint exited 2 (or crashed), with the first messages.
    public var failures = 0
    public var failureMessages: [String] = []
    /// (c) only: `paperlint init --write` runs that failed (the replay went on without configuration).
    public var initFailures = 0

    /// Findings (errors) per added entry line, over one line when no entry line was added (set by `settle()`).
    public var findingsPerAddedEntryLine: Double = 0
    public var errorsPerAddedEntryLine: Double = 0

    mutating func settle() {
        findingsPerAddedEntryLine = Double(findings) / Double(max(addedEntryLines, 1))
        errorsPerAddedEntryLine = Double(errors) / Double(max(addedEntryLines, 1))
    }

    mutating func add(_ other: CorpusReplay) {
        commits += other.commits
        addedLines += other.addedLines
        addedEntryLines += other.addedEntryLines
        findings += other.findings
        errors += other.errors
        warnings += other.warnings
        findingsOnEntryLines += other.findingsOnEntryLines
        flaggedAddedEntryLines += other.flaggedAddedEntryLines
        perRule.merge(other.perRule, uniquingKeysWith: +)
        perSeverity.merge(other.perSeverity, uniquingKeysWith: +)
        failures += other.failures
        failureMessages += other.failureMessages.prefix(max(0, 5 - failureMessages.count))
        initFailures += other.initFailures
        settle()
    }
}

/// (d) `fix --all --write` twice on a copy of the head file.
public struct CorpusFixCheck: Codable, Sendable {
    public var firstExitStatus: Int32
    public var secondExitStatus: Int32
    /// The first run changed the file.
    public var changed: Bool
    /// The second run changed nothing.
    public var idempotent: Bool
    public var entryLinesBefore: Int
    public var entryLinesAfter: Int
    public var urlLinksBefore: Int
    public var urlLinksAfter: Int
    /// Neither the entry lines nor the `](http` links dropped.
    public var nothingLost: Bool
}

/// (f) Entry lines added by a replayed commit k that a later commit m rewrote without changing
/// the paper: the line's text is gone at m, and m added an entry line with the same paper key.
public struct CorpusMaintainerFixes: Codable, Sendable {
    public var addedEntryLines = 0
    public var flaggedAdded = 0
    /// Rewritten later with the same paper key (maintainer fixes).
    public var rewritten = 0
    public var rewrittenFlagged = 0
    /// Gone later with no line for the same paper added in that commit.
    public var removed = 0
    // Derived, set by `settle()`.
    public var unflaggedAdded = 0
    public var rewrittenUnflagged = 0
    /// The share of the fixed lines that paperlint flagged when they were added.
    public var shareFlagged: Double = 0
    /// P(rewritten later | flagged when added).
    public var rewriteRateFlagged: Double = 0
    /// P(rewritten later | not flagged when added).
    public var rewriteRateUnflagged: Double = 0

    mutating func settle() {
        unflaggedAdded = addedEntryLines - flaggedAdded
        rewrittenUnflagged = rewritten - rewrittenFlagged
        shareFlagged = rewritten == 0 ? 0 : Double(rewrittenFlagged) / Double(rewritten)
        rewriteRateFlagged = flaggedAdded == 0 ? 0 : Double(rewrittenFlagged) / Double(flaggedAdded)
        rewriteRateUnflagged = unflaggedAdded == 0 ? 0 : Double(rewrittenUnflagged) / Double(unflaggedAdded)
    }

    mutating func add(_ other: CorpusMaintainerFixes) {
        addedEntryLines += other.addedEntryLines
        flaggedAdded += other.flaggedAdded
        rewritten += other.rewritten
        rewrittenFlagged += other.rewrittenFlagged
        removed += other.removed
        settle()
    }
}

/// Everything measured on one list.
public struct CorpusListReport: Codable, Sendable {
    /// owner/name.
    public var name: String
    /// Commits on the first-parent history.
    public var historyCommits: Int
    public var head: CorpusHeadCheck
    public var replay: CorpusReplay
    /// (c), when run.
    public var replayWithInit: CorpusReplay?
    /// (d), when run.
    public var fix: CorpusFixCheck?
    public var maintainerFixes: CorpusMaintainerFixes
    /// Findings at warning or error of (a) and (b), the pool the sample is drawn from.
    public var findings: [CorpusFinding]

    // The figures ceilings are set on.
    public var entryLines: Int { head.entryLines }
    public var flaggedEntryLines: Int { head.flaggedEntryLines }
    public var flaggedShare: Double { head.flaggedShare }
    public var replayAddedEntryLines: Int { replay.addedEntryLines }
    public var replayFindings: Int { replay.findings }
    public var replayErrors: Int { replay.errors }
    public var perRule: [String: Int] { head.perRule }
    public var replayPerRule: [String: Int] { replay.perRule }
}

/// The whole run.
public struct CorpusReport: Codable, Sendable {
    public var paperlint: String
    public var seed: UInt64
    /// nil: every replayable commit.
    public var commitsPerList: Int?
    public var seconds: Double
    public var lists: [CorpusListReport]
    public var sample: [CorpusFinding]

    public var totalEntryLines: Int { lists.reduce(0) { $0 + $1.head.entryLines } }
    public var totalFlaggedEntryLines: Int { lists.reduce(0) { $0 + $1.head.flaggedEntryLines } }
    public var totalReplay: CorpusReplay { lists.reduce(into: CorpusReplay()) { $0.add($1.replay) } }
    public var totalReplayWithInit: CorpusReplay? {
        let runs = lists.compactMap(\.replayWithInit)
        return runs.isEmpty ? nil : runs.reduce(into: CorpusReplay()) { $0.add($1) }
    }
    public var totalMaintainerFixes: CorpusMaintainerFixes { lists.reduce(into: CorpusMaintainerFixes()) { $0.add($1.maintainerFixes) } }

    enum CodingKeys: String, CodingKey {
        case paperlint, seed, commitsPerList, seconds, lists, sample, totals
    }

    struct Totals: Codable {
        var entryLines: Int
        var flaggedEntryLines: Int
        var flaggedShare: Double
        var replay: CorpusReplay
        var replayFindingsPerAddedEntryLine: Double
        var replayErrorsPerAddedEntryLine: Double
        var replayWithInit: CorpusReplay?
        var maintainerFixes: CorpusMaintainerFixes
    }

    public init(paperlint: String, seed: UInt64, commitsPerList: Int?, seconds: Double, lists: [CorpusListReport], sample: [CorpusFinding]) {
        self.paperlint = paperlint
        self.seed = seed
        self.commitsPerList = commitsPerList
        self.seconds = seconds
        self.lists = lists
        self.sample = sample
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        paperlint = try c.decode(String.self, forKey: .paperlint)
        seed = try c.decode(UInt64.self, forKey: .seed)
        commitsPerList = try c.decodeIfPresent(Int.self, forKey: .commitsPerList)
        seconds = try c.decode(Double.self, forKey: .seconds)
        lists = try c.decode([CorpusListReport].self, forKey: .lists)
        sample = try c.decode([CorpusFinding].self, forKey: .sample)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(paperlint, forKey: .paperlint)
        try c.encode(seed, forKey: .seed)
        try c.encodeIfPresent(commitsPerList, forKey: .commitsPerList)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(lists, forKey: .lists)
        try c.encode(sample, forKey: .sample)
        let replay = totalReplay
        try c.encode(Totals(
            entryLines: totalEntryLines, flaggedEntryLines: totalFlaggedEntryLines,
            flaggedShare: totalEntryLines == 0 ? 0 : Double(totalFlaggedEntryLines) / Double(totalEntryLines),
            replay: replay, replayFindingsPerAddedEntryLine: replay.findingsPerAddedEntryLine,
            replayErrorsPerAddedEntryLine: replay.errorsPerAddedEntryLine, replayWithInit: totalReplayWithInit,
            maintainerFixes: totalMaintainerFixes), forKey: .totals)
    }
}
