import Foundation
import PaperLintGit
import PaperLintTestSupport
import Testing

/// libgit2's start-up does not parse the system's CA bundle (Sources/CStartup), and the
/// repository work that follows is unaffected.
@Suite struct Libgit2StartTests {
    /// Whether a libgit2 built on mbedTLS is loaded in this process (Debian's 1.5 is).
    static var mbedTLSIsLoaded: Bool {
        // /proc files report no size: read to the end rather than by the size.
        let maps = FileHandle(forReadingAtPath: "/proc/self/maps").map { String(decoding: $0.readDataToEndOfFile(), as: UTF8.self) }
        return (maps ?? "").contains("libmbedx509")
    }

    @Test func startUpLoadsNoCertificates() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", "- [2023/10] **Paper**\n")
        try repo.write("README.md", "- [2023/11] **New**\n- [2023/10] **Paper**\n")
        // Opening a repository starts libgit2; the read that follows works as before.
        let changes = try Repository.discover(from: repo.path).changes(in: "README.md", source: .worktree)
        #expect(changes.addedLines == [1...1])
        if Self.mbedTLSIsLoaded {
            // libgit2 asked for the bundle (once per start-up) and got the empty store.
            #expect(Libgit2.skippedTrustStoreLoads >= 1)
        } else {
            // Built on OpenSSL: nothing is loaded at start-up, so nothing was skipped.
            #expect(Libgit2.skippedTrustStoreLoads == 0)
        }
    }
}
