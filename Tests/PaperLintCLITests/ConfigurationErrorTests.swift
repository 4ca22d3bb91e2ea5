import Foundation
import PaperLintTestSupport
import Testing

/// A malformed `.paperlint.yml` through the real binary: exit 2, nothing on standard output,
/// one line on standard error naming the file and line, whatever the mode. (The exact
/// messages are pinned in-process by ConfigurationTests; no configuration key takes a
/// regular expression or a glob, so there are none to get wrong.)
@Suite struct ConfigurationErrorTests {
    static let configurations: [(String, [UInt8])] = [
        ("YAML syntax", Array("rules: {whitespace: off\n".utf8)),
        ("unknown key", Array("fles: [README.md]\n".utf8)),
        ("wrong type", Array("files: 3\n".utf8)),
        ("unknown rule", Array("rules:\n  spacing: off\n".utf8)),
        ("unknown preset", Array("preset: awesome\n".utf8)),
        ("outside file", Array("files: [../README.md]\n".utf8)),
        ("invalid UTF-8", Array("description: caf".utf8) + [0xE9, 0x0A]),
        ("NUL byte", Array("order: none\u{0}\n".utf8)),
        ("alias bomb", Array(("a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nskip-sections: *c\n").utf8)),
    ]

    @Test(arguments: configurations.map(\.0))
    func malformedConfigurationIsOneLine(name: String) throws {
        let bytes = try #require(Self.configurations.first { $0.0 == name }?.1)
        let repo = try ScratchRepository()
        try repo.commit("README.md", "# List\n\n- [2023/10] **T.** *A. B. ICML 2023.* [[paper](https://arxiv.org/abs/2310.12345)]\n")
        try repo.write(".paperlint.yml", bytes: bytes)
        try repo.git("add", ".paperlint.yml")
        try repo.git("commit", "-q", "-m", "configuration")
        for arguments in [["check", "--all"], ["check", "--staged"], ["fix", "--worktree", "--write"], ["check", "--range", "HEAD..HEAD"]] {
            let result = try runProcess(Fixtures.executable, arguments, in: repo.path)
            #expect(result.status == 2 && !result.signaled && result.output.isEmpty, "\(name) \(arguments): \(result)")
            #expect(result.error.hasPrefix("paperlint: ") && result.error.count { $0 == "\n" } == 1, "\(name) \(arguments): \(result.error)")
            #expect(result.error.contains(".paperlint.yml"), "\(name) \(arguments): names the file: \(result.error)")
        }
    }
}

extension ConfigurationErrorTests {
    @Test func invalidUTF8NamesItsLineAndColumn() throws {
        let repo = try ScratchRepository()
        try repo.write("README.md", "# List\n")
        try repo.write(".paperlint.yml", bytes: Array("order: none\ndescription: caf".utf8) + [0xE9, 0x0A])
        let result = try runProcess(Fixtures.executable, ["check", "--all"], in: repo.path)
        #expect(result.status == 2 && result.error == "paperlint: .paperlint.yml:2:17: invalid UTF-8 (byte 0xE9); save the configuration as UTF-8\n", "\(result)")
    }
}
