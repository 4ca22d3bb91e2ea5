import Dispatch
import PaperLintCore
import Synchronization

/// A change's new side parsed on another core while git reads the old side and diffs the two:
/// the lines, Markdown blocks and entries of a document do not depend on which lines changed,
/// so a check rescopes this parse (`Document(_:scope:)`) instead of parsing after the diff.
final class PrefetchedDocument: Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private let parsed = Mutex<Document?>(nil)

    /// Starts parsing `bytes`; bytes the check would refuse (not UTF-8, too large) are left
    /// alone, for the check to report as it always does.
    init(_ bytes: [UInt8]) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            if UTF8Check.firstInvalidOffset(in: bytes) == nil && bytes.count <= Linter.maximumBytes {
                let document = Document(bytes: bytes, scope: .everything)
                _ = document.entries
                parsed.withLock { $0 = document }
            }
            ready.signal()
        }
    }

    /// The parsed document, once the parse has finished; nil for bytes it left alone.
    func document() -> Document? {
        ready.wait()
        ready.signal()
        return parsed.withLock { $0 }
    }
}
