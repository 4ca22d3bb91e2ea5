import Foundation
import PaperLintTestSupport
import Testing

/// The README stands on its own: its shell commands name only files this repository has,
/// and nothing outside it.
@Suite struct ReadmeTests {
    /// The lines of the README's shell blocks (```sh, ```bash) and the `$ ` commands of its
    /// transcripts (```text).
    static func commands() throws -> [String] {
        let readme = try String(contentsOfFile: Fixtures.packageRoot + "/README.md", encoding: .utf8)
        var commands: [String] = []
        var fence: String?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                fence = fence == nil ? String(line.dropFirst(3)) : nil
                continue
            }
            switch fence {
            case "sh", "bash", "shell": commands.append(line)
            case "text", "console" where line.hasPrefix("$ "): commands.append(String(line.dropFirst(2)))
            default: break
            }
        }
        return commands
    }

    @Test func shellCommandsNameOnlyFilesThatExist() throws {
        let root = Fixtures.packageRoot
        let topLevel = Set(try FileManager.default.contentsOfDirectory(atPath: root))
        let commands = try Self.commands()
        #expect(commands.count > 10)
        var checked = 0
        for command in commands {
            let words = command.split(whereSeparator: { " \t'\"=()".contains($0) }).map(String.init)
            for found in words where !found.hasPrefix("#") {
                // `README.md:3:4` in a transcript is a location in that file.
                let word = found.replacing(/(:\d+)+$/, with: "")
                #expect(!word.hasPrefix("../"), "`\(command)` reaches outside the repository")
                // A path into this repository: its first part is one of the top-level entries.
                let first = word.split(separator: "/").first.map(String.init) ?? word
                // Build outputs (`.build/release/paperlint`) are made by the commands, not kept.
                guard word.contains("/"), topLevel.contains(first), !first.hasPrefix(".build"), !word.contains("://") else { continue }
                checked += 1
                #expect(FileManager.default.fileExists(atPath: root + "/" + word), "`\(command)` names \(word), which does not exist")
            }
        }
        #expect(checked >= 3, "the first commands name files of the repository")
    }

    @Test func nothingPointsOutsideTheRepository() throws {
        let readme = try String(contentsOfFile: Fixtures.packageRoot + "/README.md", encoding: .utf8)
        for outside in ["../shared", "shared/DESIGN.md", "shared/samples", "shared/schemas", "@v0.1.0"] {
            #expect(!readme.contains(outside), "the README mentions \(outside)")
        }
    }
}
