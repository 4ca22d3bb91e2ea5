import PaperLintCore
import PaperLintGit
import PaperLintIO
#if canImport(Glibc)
import Glibc
#endif

/// The facts rules derive from a list's entries, kept between runs in the repository's git
/// directory (`paperlint/facts-<hash of the path>.bin`, one file per list), so that a check of
/// a change derives them only for the entries the change touched.
///
/// A recording names the blob it describes, the configuration's fingerprint and the build of
/// paperlint that made it. A run uses it when it describes the old side of its diff (the
/// commit's version: the usual case in a pre-commit hook) or the new side (the same change
/// checked again); anything else, and any file that is missing, short, corrupt or foreign, is
/// ignored and replaced. Rows are reused only for entries whose bytes compare equal.
/// After the check, the new side's facts are written (atomically: a temporary file renamed
/// over the old one) when the new side is a blob, so the next commit's check finds them.
enum FactCache {
    /// What `check` attaches to a document, and how to record its facts afterwards.
    struct Use {
        var facts: EntryFacts
        var key: FactKey?
        var path: String
    }

    /// The recorded facts for one changed file, or a fresh recording; nil when the cache is off.
    static func use(for changes: FileChanges, path: String, repository: Repository, configuration: Configuration, enabled: Bool) -> Use? {
        guard enabled, let tool = buildIdentity else { return nil }
        let file = repository.gitDirectory + "/paperlint/facts-" + FNV1a.hex(path) + ".bin"
        let fingerprint = configuration.fingerprint
        let key = { (blob: String) in FactKey(tool: tool, configuration: fingerprint, blob: blob, path: path) }
        var recorded: RecordedFacts?
        var source: FactSource?
        let timer = PhaseTimer.shared
        if case .success(let bytes) = timer.measureDetail("cache/read", { FileBytes.read(file) }) {
            if let old = changes.old, let facts = RecordedFacts(file: bytes, expecting: key(old.id)) {
                recorded = facts
                source = FactSource(bytes: old.bytes, owner: old)
            } else if let new = changes.newBlobID, let facts = RecordedFacts(file: bytes, expecting: key(new)) {
                recorded = facts
            }
        }
        if timer.isDetailed { timer.measureDetail(recorded == nil ? "cache/miss" : "cache/hit") {} }
        return Use(facts: EntryFacts(recorded: recorded, source: source), key: changes.newBlobID.map(key), path: file)
    }

    /// Writes the facts of `document` (the new side) when it is a blob and the recording did
    /// not already hold them all. A failure (a read-only repository) only costs the next run time.
    static func record(_ use: Use, document: Document) {
        guard let key = use.key, use.facts.derivedAny || use.facts.recordedBlob != key.blob else { return }
        let timer = PhaseTimer.shared
        let bytes = timer.measureDetail("cache/encode") { use.facts.recording(for: document, key: key) }
        let directory = String(use.path[..<(use.path.lastIndex(of: "/") ?? use.path.endIndex)])
        _ = makeDirectories(directory)
        timer.measureDetail("cache/write") { try? AtomicFile.write(bytes, to: use.path, durable: false) }
    }

    /// paperlint's version and this binary's size and modification time: a rebuilt binary
    /// may derive other facts from the same bytes. Nil (no cache) where the binary cannot be found.
    static let buildIdentity: String? = {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return nil }
        return "\(ToolInfo.version) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }()
}
