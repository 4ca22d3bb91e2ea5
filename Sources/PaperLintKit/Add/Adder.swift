import PaperLintCore
import PaperLintGit
import PaperLintIO
import PaperLintRules

/// One `paperlint add`, already parsed.
public struct AddRequest: Sendable {
    public enum Output: Sendable { case patch, write, staged }

    /// The list (default: the configured file, `README.md`).
    public var path: String?
    public var paper: NewPaper
    public var output: Output
    /// Add a paper listed in another section (never twice to one section).
    public var allowRepeat: Bool
    public var currentDirectory: String
    public var configPath: String?
    public var preset: String?

    public init(
        path: String?, paper: NewPaper, output: Output, allowRepeat: Bool, currentDirectory: String, configPath: String? = nil,
        preset: String? = nil
    ) {
        self.path = path
        self.paper = paper
        self.output = output
        self.allowRepeat = allowRepeat
        self.currentDirectory = currentDirectory
        self.configPath = configPath
        self.preset = preset
    }
}

/// What `add` did.
public struct AddOutcome: Sendable {
    public enum Result: Sendable {
        /// Written (or, for `--patch`, in `patch`) at `line` of `section`.
        case added(line: Int, section: String, patch: String)
        /// Refused: the paper is listed already.
        case listed([PaperLookup.Listed])
    }

    public var path: String
    public var title: String
    public var result: Result
    /// Fields the list has no place for, repeats allowed in other sections.
    public var notes: [String] = []
    /// What `check` would still say of the entry at warning level (a date far from its arXiv id).
    public var warnings: [String] = []
}

/// `paperlint add`: one new entry in the list's house style at its chronological place.
///
/// The entry is copied from a neighbour (`EntryComposer`), placed where `order` expects it
/// (`PaperLookup.placement`), and then checked the way a pull request adding it would be:
/// the list's safe fixes may polish the new line only, and if any error remains the entry is
/// refused rather than written. A paper listed already is refused with the existing entry's line.
public enum Adder {
    public static func run(_ request: AddRequest) throws(PaperLintError) -> AddOutcome {
        let root = Repository.root(from: request.currentDirectory)
        let mode: LintMode = request.output == .staged ? .staged : .all
        if request.output == .staged && root == nil { throw PaperLintError("--staged needs a git repository; run it inside one, or use --write") }
        let check = CheckRequest(
            paths: request.path.map { [$0] } ?? [], mode: mode, currentDirectory: request.currentDirectory,
            configPath: request.configPath, preset: request.preset)
        let session = try Session.open(check, repositoryForAll: root != nil)
        guard session.files.count == 1, let file = session.files.first else {
            if let note = session.notes.first { throw PaperLintError(note) }
            throw PaperLintError("the configuration names \(session.files.count) lists; name the one to add to (paperlint add README.md …)")
        }
        let document = try Linter.validatedDocument(file.content, displayPath: file.path)
        let paper = try request.paper.validated(today: session.configuration.today)
        var outcome = AddOutcome(path: file.path, title: paper.plainTitle, result: .listed([]))
        let added: Added
        switch try add(paper, to: document, session.configuration, path: file.path, allowRepeat: request.allowRepeat) {
        case .listed(let listed):
            outcome.result = .listed(listed)
            return outcome
        case .added(let result):
            added = result
        }
        outcome.notes = added.notes
        outcome.warnings = added.warnings
        let bytes = added.bytes
        let patchPath = file.repositoryPath ?? file.path
        let patch = try Session.git { () throws(GitError) in try Repository.unifiedPatch(old: file.content, new: bytes, path: patchPath) }
        outcome.result = .added(line: added.line, section: added.section, patch: patch)
        switch request.output {
        case .patch: break
        case .write: try write(bytes, to: file.absolute ?? (root ?? request.currentDirectory) + "/" + file.path, display: file.path)
        case .staged:
            guard let repository = session.repository else { throw PaperLintError("--staged needs a git repository; run it inside one") }
            try stage(bytes, original: file.content, path: file.path, repository, notes: &outcome.notes)
        }
        return outcome
    }

    /// The list with `paper` added, in bytes.
    struct Added {
        var bytes: [UInt8]
        /// The new entry's first line.
        var line: Int
        /// Its section's heading text.
        var section: String
        var notes: [String]
        var warnings: [String]
    }

    enum Addition {
        case added(Added)
        case listed([PaperLookup.Listed])
    }

    /// `paper` added to `document`: the whole of `add` but reading and writing.
    static func add(
        _ paper: CheckedPaper, to document: Document, _ configuration: Configuration, path: String, allowRepeat: Bool
    ) throws(PaperLintError) -> Addition {
        let section = try SectionChoice.resolve(paper.section, in: document, configuration, path: path)
        var notes: [String] = []
        let listed = PaperLookup.listed(
            title: paper.plainTitle, links: paper.links.map { ($0.label, $0.url) }, in: document, configuration)
        if !listed.isEmpty {
            guard allowRepeat, !listed.contains(where: { $0.sectionIndex == section }) else { return .listed(listed) }
            notes += listed.map { "also listed at \(path):\($0.line) in \($0.section) (\($0.evidence))" }
        }
        let placement = try Placement(section: section, date: paper.date, in: document, configuration, path: path)
        let found = RuleRunner.run(document, configuration)
        let model = Placement.model(placement, in: document, configuration, found: found)
        var habits = ListHabits(document, configuration)
        // Between two links the section's own habit, where it has one, wins over the list's.
        habits.separator = ListHabits.commonSeparator(placement.entries.map(\.entry), document) ?? habits.separator
        let composed = try EntryComposer(document: document, configuration: configuration, habits: habits).compose(paper, model: model)
        let (bytes, line, warnings) = try gate(
            composed.text, at: placement.line, apart: placement.loose, atEnd: placement.index == placement.entries.count, in: document,
            configuration, before: found, path: path)
        return .added(Added(
            bytes: bytes, line: line, section: document.sections[section].heading?.text ?? "", notes: notes + composed.notes,
            warnings: warnings))
    }

    /// The list with the entry inserted before `line` (`apart`: with a blank line after it,
    /// or before it `atEnd`), polished by the list's safe fixes on its own lines, and checked
    /// both as the change it is and as the whole list: any finding on it but a date warning
    /// refuses it, and so does a finding it would bring about elsewhere (`before`: the list's
    /// findings without it).
    static func gate(
        _ text: String, at line: Int, apart: Bool, atEnd: Bool, in document: Document, _ configuration: Configuration,
        before: [Diagnostic], path: String
    ) throws(PaperLintError) -> (bytes: [UInt8], line: Int, warnings: [String]) {
        var bytes = document.bytes
        var offset = line <= document.lineCount ? document.lineStarts[line - 1] : bytes.count
        if offset == bytes.count, let last = bytes.last, last != UInt8(ascii: "\n") {
            bytes.append(UInt8(ascii: "\n"))
            offset += 1
        }
        let entry = Array(text.utf8)
        let newline = UInt8(ascii: "\n")
        if apart && atEnd {
            bytes.insert(contentsOf: [newline] + entry + [newline], at: offset)
            offset += 1
        } else {
            bytes.insert(contentsOf: entry + [newline] + (apart ? [newline] : []), at: offset)
        }
        let outcome = FixLoop.run(bytes, configuration, unsafe: false, scope: .ranges([offset..<offset + entry.count]))
        guard case .ranges(let ranges) = outcome.scope, let range = ranges.first else { return (outcome.fixed, line, []) }
        let whole = Document(bytes: outcome.fixed)
        let lines = whole.lines(spanning: range)
        let (asWhole, elsewhere) = RuleRunner.run(whole, configuration).reduce(into: ([Diagnostic](), [Diagnostic]())) {
            if whole.lines(spanning: $1.range).overlaps(lines) { $0.0.append($1) } else { $0.1.append($1) }
        }
        // The rest of the list must read as it did: the same rules on the same lines.
        let shift = whole.lineCount - document.lineCount
        let known = Set(before.map { "\($0.ruleID) \(document.line(containing: $0.range.lowerBound))" })
        if let gained = elsewhere.first(where: { finding in
            let line = whole.line(containing: finding.range.lowerBound)
            return !known.contains("\(finding.ruleID) \(line > lines.upperBound ? line - shift : line)")
        }) {
            throw PaperLintError(
                "\(path):\(lines.lowerBound): adding the entry here would make check report line \(whole.line(containing: gained.range.lowerBound)) (\(gained.ruleID): \(gained.message)); nothing was written: add it by hand")
        }
        var warnings: [String] = []
        var refusals: [String] = []
        for finding in outcome.remaining + asWhole {
            let said = "\(finding.ruleID): \(finding.message)"
            if finding.ruleID == "date-mismatch" {
                if !warnings.contains(said) { warnings.append(said) }
            } else if !refusals.contains(said) {
                refusals.append(said)
            }
        }
        guard refusals.isEmpty else {
            throw PaperLintError(
                "\(path):\(lines.lowerBound): the new entry would not pass check (\(refusals.joined(separator: "; "))); nothing was written: fix the field, or add it by hand")
        }
        return (outcome.fixed, lines.lowerBound, warnings)
    }

    private static func write(_ bytes: [UInt8], to path: String, display: String) throws(PaperLintError) {
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw PaperLintError("\(display): cannot write (\(error.reason)); nothing was changed in it")
        }
    }

    /// The index gets the new entry; the work tree too, where its unstaged edits leave room.
    private static func stage(
        _ bytes: [UInt8], original: [UInt8], path: String, _ repository: Repository, notes: inout [String]
    ) throws(PaperLintError) {
        if repository.isIndexLocked {
            throw PaperLintError("the index is locked (index.lock exists): another git process is running; wait for it, or remove the stale lock file")
        }
        let work = try Session.git { () throws(GitError) in try repository.workTreeBytes(at: path) }
        try Session.git { () throws(GitError) in try repository.stage(bytes, at: path) }
        guard let work, let workdir = repository.workdir else { return }
        guard let merged = try Session.git({ () throws(GitError) in try LineMerge.merge(base: original, ours: bytes, theirs: work) }) else {
            notes.append("\(path): unstaged edits in the work tree touch the same lines; added in the index only (compare with git diff)")
            return
        }
        if merged != work { try write(merged, to: workdir + "/" + path, display: path) }
    }
}
