import CStartup
import Clibgit2
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A libgit2 call that failed, or a git-level problem paperlint reports as exit 2.
public struct GitError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        /// A libgit2 function returned an error code.
        case libgit2(function: String, code: Int32)
        case notARepository
        case bareRepository
        case unknownRevision(String)
        case pathOutsideRepository(String)
        case notFound(String)
        case conflicted(String)
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// libgit2's code for "object or reference not found".
    static let notFoundCode = GIT_ENOTFOUND.rawValue

    /// Throws when a libgit2 function returned a negative code, with libgit2's last message.
    static func check(_ result: Int32, _ function: String) throws(GitError) {
        guard result < 0 else { return }
        throw GitError(.libgit2(function: function, code: result), "git: \(function) failed: \(lastMessage())")
    }

    static func lastMessage() -> String {
        git_error_last().flatMap { $0.pointee.message }.flatMap { String(validatingCString: $0) }
            ?? "no message from libgit2"
    }
}

/// libgit2 must be initialised once per process before any other call. It costs about a
/// millisecond once its CA-bundle parse is skipped (`skippedTrustStoreLoads`), and only the
/// git modes pay for it.
public enum Libgit2 {
    static let initialized: Bool = {
        guard git_libgit2_init() > 0 else { return false }
        // libgit2 re-hashes every object it reads (SHA-1 of both sides of the list on every
        // run: ~35 ms at 50k entries); git does not when reading, and zlib still checks the
        // data. paperlint only reads objects it is about to diff.
        _ = paperlint_git_set_strict_hash_verification(0)
        return true
    }()

    /// Starts libgit2 on another thread, so its start-up (threads, allocators, mbedTLS's
    /// random generator) overlaps argument parsing and configuration loading.
    /// Whoever needs libgit2 first then waits for the rest of it, if anything is left.
    /// The process must call `finishBackgroundStart` before it exits.
    public static func startInBackground() {
        // A thread of its own, at once: a first dispatch to the global queue waits about 2 ms
        // for libdispatch to start its workers, which is most of the argument parsing it hides.
        // Without the thread, libgit2 starts when first needed, and exit has nothing to wait for.
        var thread = pthread_t()
        if pthread_create(&thread, nil, { _ in _ = Libgit2.initialized; return nil }, nil) == 0 {
            startedInBackground.store(true, ordering: .releasing)
            pthread_detach(thread)
        }
    }

    /// Waits for a start begun by `startInBackground`. Exiting while the other thread is
    /// inside git_libgit2_init crashes: exit runs the cleanup OpenSSL registers during that
    /// very start-up.
    public static func finishBackgroundStart() {
        if startedInBackground.load(ordering: .acquiring) { _ = initialized }
    }

    private static let startedInBackground = Atomic<Bool>(false)

    /// How many loads of the system's CA certificates libgit2's start-up asked mbedTLS for and
    /// was answered with an empty store (Sources/CStartup/trust_store.c): paperlint never
    /// connects anywhere. One once a libgit2 built on mbedTLS has started; zero where libgit2
    /// is built on OpenSSL, which loads its certificates only when it connects.
    public static var skippedTrustStoreLoads: Int { Int(paperlint_skipped_trust_store_loads()) }

    static func ensureInitialized() throws(GitError) {
        guard initialized else {
            throw GitError(.libgit2(function: "git_libgit2_init", code: -1), "git: libgit2 failed to initialise")
        }
    }
}
