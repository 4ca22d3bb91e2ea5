import Foundation
import PaperLintTestSupport
import Testing

/// `make install PREFIX=…`: a stripped release binary with libgit2, cmark-gfm and what they
/// pull in linked statically, its completions and its man page. Builds a release binary
/// (about a minute); skipped where `make` is missing.
@Suite struct InstallTests {
    static let make: String? = ["/usr/bin/make", "/bin/make"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: make != nil, "make is not installed (bash .ci/install installs it): skipped"))
    func theInstalledBinaryNeedsNoDevLibraries() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("paperlint-prefix-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let install = try runProcess(try #require(Self.make), ["install", "PREFIX=\(prefix)"], in: Fixtures.packageRoot)
        #expect(install.status == 0, "\(install.output.suffix(2000))\(install.error.suffix(2000))")
        let binary = prefix + "/bin/paperlint"
        for file in ["share/man/man1/paperlint.1", "share/bash-completion/completions/paperlint",
                     "share/zsh/site-functions/_paperlint", "share/fish/vendor_completions.d/paperlint.fish"] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file) is installed")
        }
        // No shared library of the -dev packages, nor of what they pull in.
        let ldd = try runProcess("/usr/bin/ldd", [binary], in: prefix)
        for library in ["libgit2", "libcmark", "libmbed", "libssh2", "libhttp_parser", "libpcre2", "libz.so", "libcrypto"] {
            #expect(!ldd.output.contains(library), "\(library) in:\n\(ldd.output)")
        }
        // A copy runs from anywhere with an empty environment, and lints.
        let copy = prefix + "/copy/paperlint"
        try FileManager.default.createDirectory(atPath: prefix + "/copy", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: binary, toPath: copy)
        let list = prefix + "/copy/README.md"
        try "# L\n\n- [2023/10] **A.** *B. arXiv.* [[paper](http://https://arxiv.org/abs/2310.12345)]\n".write(toFile: list, atomically: true, encoding: .utf8)
        let run = try runProcess("/usr/bin/env", ["-i", copy, "check", "--all", list], in: prefix + "/copy")
        #expect(run.status == 1 && run.output.contains("error[url]: doubled scheme"), "\(run.output)\(run.error)")
    }
}
