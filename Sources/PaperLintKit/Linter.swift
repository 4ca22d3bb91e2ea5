import PaperLintIO
import PaperLintCore
import PaperLintGit
import PaperLintRules
#if canImport(Glibc)
import Glibc
#endif

/// The findings for one linted file.
public struct FileReport: Sendable {
    /// Repository-relative in git modes; as given (or root-relative for defaults) with `--all`.
    public var path: String
    public var document: Document
    /// Filtered and sorted.
    public var diagnostics: [ReportedDiagnostic]
    /// What the check read and found, for the summary's patch (`Fixer.safePatch(for:)`):
    /// nil for a file the change did not touch.
    var origin: Origin?

    /// The content, its change scope and the rules' findings on it, byte for byte.
    struct Origin {
        var content: [UInt8]
        var scope: ChangeScope
        var found: [Diagnostic]
        /// The path a patch names: repository-relative inside a repository.
        var patchPath: String
        /// The parse `document` was rescoped from, held as long as the report: `check` exits
        /// with the report alive, so neither is freed entry by entry on the way out.
        var parsed: PrefetchedDocument?
    }

    public init(path: String, document: Document, diagnostics: [ReportedDiagnostic]) {
        self.path = path
        self.document = document
        self.diagnostics = diagnostics
    }
}

/// The outcome of a `check`: per-file findings plus notes about skipped files.
public struct LintReport: Sendable {
    public var files: [FileReport]
    /// One line each, e.g. "README.md: deleted in the index; nothing to lint".
    public var notes: [String]
    public var failOn: FailOn
    /// The configuration the files were checked with.
    public var configuration: Configuration

    public init(files: [FileReport], notes: [String] = [], failOn: FailOn = .error, configuration: Configuration) {
        self.files = files
        self.notes = notes
        self.failOn = failOn
        self.configuration = configuration
    }

    /// Every file's findings in one array (a copy: counting goes through `count(where:)`).
    public var diagnostics: [ReportedDiagnostic] { files.flatMap(\.diagnostics) }
    public var diagnosticCount: Int { files.reduce(0) { $0 + $1.diagnostics.count } }
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
    public var infoCount: Int { count { $0.severity == .info } }
    public var fixableCount: Int { count { $0.fix != nil } }
    /// True when some finding is at or above `--fail-on`: `check` exits 1.
    public var hasFailures: Bool { files.contains { $0.diagnostics.contains { failOn.fails($0.severity) } } }

    /// The findings, over all files, for which `predicate` holds, counted without copying them.
    public func count(where predicate: (ReportedDiagnostic) -> Bool) -> Int {
        files.reduce(0) { $0 + $1.diagnostics.count(where: predicate) }
    }
}

/// Drives a check: reads content (from disk or git), runs every rule, keeps what the diff filter allows.
public enum Linter {
    public static func check(_ request: CheckRequest) throws(PaperLintError) -> LintReport {
        let session = try Session.open(request)
        let timer = PhaseTimer.shared
        var report = LintReport(files: [], notes: session.notes, failOn: request.failOn, configuration: session.configuration)
        for file in session.files {
            // Fast path (a commit that does not touch the list): nothing changed can hold a
            // finding the filter keeps, so the file is not even parsed.
            if file.isUnchanged && request.filter != .all {
                report.files.append(FileReport(path: file.path, document: Document(bytes: []), diagnostics: []))
                continue
            }
            // Rules may skip work whose findings the scope would drop anyway.
            let document = try timer.measure("parse") { () throws(PaperLintError) in
                try timer.measureDetail("parse/document") { () throws(PaperLintError) in
                    try file.scope.document(file.content, displayPath: file.path, conflicts: .report, parsed: file.prefetched?.document())
                }
            }
            // A list with conflict markers gets one error per marker and nothing else: every
            // other finding would be about the markers.
            let conflicts = ConflictMarkers.diagnostics(in: document)
            let found = conflicts.isEmpty ? timer.measure("rules") { RuleRunner.run(document, session.configuration) } : conflicts
            // What the scope drops is dropped before it is resolved to lines and columns.
            let keepsAll = !conflicts.isEmpty || file.scope.kept == nil
            let kept = keepsAll ? found : found.filter { file.scope.touches(document.lines(spanning: $0.range)) }
            // The entries and the rules' memos are not needed to report, and are a third of a
            // large list's heap: the report's findings take their place.
            document.releaseDerivedValues()
            let diagnostics = ReportedDiagnostic.inReportOrder(kept, path: file.path, in: document)
            var fileReport = FileReport(path: file.path, document: document, diagnostics: diagnostics)
            fileReport.origin = FileReport.Origin(
                content: file.content, scope: file.scope, found: found, patchPath: file.repositoryPath ?? file.path,
                parsed: file.prefetched)
            report.files.append(fileReport)
        }
        return report
    }

    /// Starts libgit2 on another thread ahead of a git mode (see `Libgit2.startInBackground`).
    public static func startGitInBackground() { Libgit2.startInBackground() }

    /// Call before the process exits (see `Libgit2.finishBackgroundStart`).
    public static func finishGitStart() { Libgit2.finishBackgroundStart() }

    /// Every enabled rule over `document` at its configured severity, resolved to positions and sorted.
    public static func lint(_ document: Document, path: String, _ configuration: Configuration) -> [ReportedDiagnostic] {
        let timer = PhaseTimer.shared
        if timer.isEnabled { timer.measure("parse") { timer.measureDetail("parse/entries") { _ = document.entries } } }
        return ReportedDiagnostic.inReportOrder(timer.measure("rules") { RuleRunner.run(document, configuration) }, path: path, in: document)
    }


    /// Throws "PATH:LINE:COLUMN: invalid UTF-8 (byte 0xNN); REMEDY" at the first invalid byte.
    static func requireUTF8(_ bytes: [UInt8], path: String, remedy: String) throws(PaperLintError) {
        guard let offset = UTF8Check.firstInvalidOffset(in: bytes) else { return }
        var line = 1, lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 } + 1
        let byte = String(bytes[offset], radix: 16, uppercase: true)
        throw PaperLintError("\(path):\(line):\(column): invalid UTF-8 (byte 0x\(byte.count == 1 ? "0" + byte : byte)); \(remedy)")
    }

    static func readDocument(_ absolute: String, displayPath: String) throws(PaperLintError) -> Document {
        try validatedDocument(try readBytes(absolute, displayPath: displayPath), displayPath: displayPath)
    }

    /// The file's bytes, or an error naming it and what to do.
    static func readBytes(_ absolute: String, displayPath: String) throws(PaperLintError) -> [UInt8] {
        switch FileBytes.read(absolute) {
        case .success(let bytes):
            return bytes
        case .failure(let failure) where failure.code == ENOENT:
            throw PaperLintError("\(displayPath): no such file; pass the path of your list (paperlint check --all path/to/README.md)")
        case .failure(let failure):
            throw PaperLintError("\(displayPath): cannot read (\(failure.reason)); check the path and its permissions")
        }
    }

    /// The largest file a document is made of: entry parts keep 32-bit offsets.
    static let maximumBytes = Int(UInt32.max)

    /// What reading a document does about conflict markers: stop (fix, init), or let
    /// `check` report them.
    enum ConflictHandling { case refuse, report }

    static func validatedDocument(
        _ bytes: [UInt8], displayPath: String, scope: ChangeScope = .everything, conflicts: ConflictHandling = .refuse,
        parsed: Document? = nil
    ) throws(PaperLintError) -> Document {
        let document: Document
        if let parsed, parsed.bytes == bytes {
            // Parsed beforehand (`PrefetchedDocument`), which parses only bytes that pass the
            // checks below: it is rescoped, not checked and parsed again.
            document = Document(parsed, scope: scope)
        } else {
            try requireUTF8(bytes, path: displayPath, remedy: "re-save the file as UTF-8")
            guard bytes.count <= maximumBytes else {
                throw PaperLintError("\(displayPath): larger than 4 GiB; a paper list that large cannot be read, split it")
            }
            document = Document(bytes: bytes, scope: scope)
        }
        if conflicts == .refuse, let line = ConflictMarkers.firstLine(in: document) {
            throw PaperLintError("\(displayPath):\(line): merge conflict markers; resolve the conflict first")
        }
        return document
    }
}
