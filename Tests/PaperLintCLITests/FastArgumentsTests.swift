import ArgumentParser
@testable import paperlint
import Testing

/// The command lines read without argument-parser mean what argument-parser makes of them.
@Suite struct FastArgumentsTests {
    @Test func checkStagedIsWhatArgumentParserReads() throws {
        let parsed = try Paperlint.parseAsRoot(["check", "--staged"])
        let check = try #require(parsed as? Paperlint.Check)
        #expect(check.settings == FastArguments.checkStaged)
        #expect(FastArguments.command(for: ["check", "--staged"]) != nil)
    }

    @Test func hookRunIsWhatArgumentParserReads() throws {
        let parsed = try Paperlint.parseAsRoot(["hook", "run"])
        let run = try #require(parsed as? Paperlint.Hook.Run)
        #expect(run.fix == false)
        #expect(FastArguments.command(for: ["hook", "run"]) != nil)
    }

    /// Anything else, however close, goes through argument-parser (and its errors and help).
    @Test(arguments: [
        [], ["check"], ["check", "--staged", "--format", "json"], ["--staged", "check"], ["check", "--staged", "README.md"],
        ["check", "--staged", "--help"], ["hook", "run", "--fix"], ["hook"], ["check", "--Staged"], ["check", "--staged", ""],
    ])
    func otherArgumentsAreParsed(arguments: [String]) {
        #expect(FastArguments.command(for: arguments) == nil)
    }
}
