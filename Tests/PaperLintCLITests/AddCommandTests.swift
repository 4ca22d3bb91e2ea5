import Foundation
import PaperLintTestSupport
import Testing

/// `paperlint add` as a contributor and a script run it: the three outputs, the exit codes of
/// DESIGN.md, the issue-form and arXiv inputs, and the index and work tree left intact.
@Suite struct AddCommandTests {
    func paperlint(_ arguments: [String], in directory: String) throws -> ProcessResult {
        try runProcess(Fixtures.executable, arguments, in: directory)
    }

    func sampleRepository() throws -> ScratchRepository {
        let repo = try ScratchRepository()
        try repo.commit("README.md", try String(contentsOfFile: Fixtures.healthcare, encoding: .utf8))
        return repo
    }

    static let flags = [
        "--section", "Multimodal LLMs in Medicine", "--title", "A New Paper on Things", "--authors", "Ann Smith, Bob Lee, Carl Diaz",
        "--venue", "NeurIPS 2023", "--date", "2023/08", "--link", "paper=https://arxiv.org/abs/2308.99999",
        "--link", "code=https://github.com/o/r",
    ]
    static let line = "- [2023/08] **A New Paper on Things** *Ann Smith et al. NeurIPS 2023.* [[paper](https://arxiv.org/abs/2308.99999)] [[code](https://github.com/o/r)]"

    @Test func thePatchIsPrintedAppliesAndChangesNothing() throws {
        let repo = try sampleRepository()
        let before = try repo.read("README.md")
        let result = try paperlint(["add"] + Self.flags, in: repo.path)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("diff --git a/README.md b/README.md\n"))
        #expect(result.output.contains("\n+" + Self.line + "\n"))
        #expect(result.error == "would add “A New Paper on Things” to README.md:84 (in “Multimodal LLMs in Medicine”)\n")
        #expect(try repo.read("README.md") == before)
        try repo.write("add.patch", result.output)
        _ = try repo.git("apply", "add.patch")
        let check = try paperlint(["check", "--all", "--format", "json", "README.md"], in: repo.path)
        #expect(!check.output.contains("\"line\": 84,") && !check.output.contains("\"line\":84,"), "a finding on the new line: \(check.output)")
    }

    @Test func writeAddsTheLineAndCheckFindsNothingOnIt() throws {
        let repo = try sampleRepository()
        let result = try paperlint(["add", "--write"] + Self.flags, in: repo.path)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.isEmpty)
        #expect(result.error == "added “A New Paper on Things” to README.md:84 (in “Multimodal LLMs in Medicine”)\n")
        let text = String(decoding: try repo.read("README.md"), as: UTF8.self)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[83] == Substring(Self.line))
        // The change as a pull request shows it: nothing to report.
        let check = try paperlint(["check", "--worktree"], in: repo.path)
        #expect(check.status == 0, "\(check.output)")
    }

    @Test func stagedAddsToTheIndexAndKeepsUnstagedWork() throws {
        let repo = try sampleRepository()
        // An unstaged edit far from the new line, and a staged one elsewhere.
        var lines = String(decoding: try repo.read("README.md"), as: UTF8.self).components(separatedBy: "\n")
        lines[1] = "Staged remark."
        try repo.write("README.md", lines.joined(separator: "\n"))
        _ = try repo.git("add", "README.md")
        lines[180] = lines[180] + " unstaged"
        try repo.write("README.md", lines.joined(separator: "\n"))
        let result = try paperlint(["add", "--staged"] + Self.flags, in: repo.path)
        #expect(result.status == 0, "\(result.error)")
        let staged = try repo.git("show", ":README.md")
        #expect(staged.contains(Self.line) && staged.contains("Staged remark.") && !staged.contains(" unstaged"))
        let work = String(decoding: try repo.read("README.md"), as: UTF8.self)
        #expect(work.contains(Self.line) && work.contains(" unstaged") && work.contains("Staged remark."))
    }

    @Test func aListedPaperExitsOneNamingTheEntry() throws {
        let repo = try sampleRepository()
        let before = try repo.read("README.md")
        let result = try paperlint(
            ["add", "--write", "--section", "Specialized Medical LLMs", "--title", "Med-Flamingo", "--date", "2023/07",
             "--link", "paper=https://arxiv.org/pdf/2307.15189v1.pdf"], in: repo.path)
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("paperlint: README.md:88: already listed: “Med-Flamingo: a Multimodal Medical Few-shot…” in “Multimodal LLMs in Medicine” (same arXiv id 2307.15189); nothing was added"))
        #expect(try repo.read("README.md") == before)
    }

    @Test func invalidInputExitsTwoWithOneLine() throws {
        let repo = try sampleRepository()
        let before = try repo.read("README.md")
        for arguments in [
            ["--link", "paper=javascript:alert(1)"], ["--link", "paper"], ["--title", "<img src=x onerror=alert(1)>"],
            ["--section", "Nowhere At All"], ["--patch", "--write"],
        ] {
            var all = Self.flags
            for (index, flag) in all.enumerated() where flag == arguments[0] && index + 1 < all.count && arguments.count == 2 {
                all[index + 1] = arguments[1]
            }
            if arguments[0] == "--link" { all = Array(all.prefix(all.count - 4)) + arguments }
            if arguments[0] == "--patch" { all += arguments }
            let result = try paperlint(["add", "--write"].filter { _ in arguments[0] != "--patch" } + all, in: repo.path)
            #expect(result.status == 2, "\(arguments): \(result.error)")
            #expect(result.error.hasPrefix("paperlint: ") && result.error.filter { $0 == "\n" }.count == 1, "\(arguments): \(result.error)")
            #expect(result.output.isEmpty)
        }
        #expect(try repo.read("README.md") == before)
    }

    @Test func anIssueFormBodyIsTheInput() throws {
        let repo = try sampleRepository()
        try repo.write("issue.md", """
            ### Title

            A New Paper on Things

            ### Authors

            Ann Smith, Bob Lee, Carl Diaz

            ### Venue

            NeurIPS 2023

            ### Date

            2023/08

            ### Paper URL

            https://arxiv.org/abs/2308.99999

            ### Code URL

            https://github.com/o/r

            ### Project page URL

            _No response_

            ### Section

            Multimodal LLMs in Medicine

            ### Checks

            - [X] This paper is not already in the list

            """)
        let result = try paperlint(["add", "--from-issue", "issue.md", "--write"], in: repo.path)
        #expect(result.status == 0, "\(result.error)")
        #expect(String(decoding: try repo.read("README.md"), as: UTF8.self).contains("\n" + Self.line + "\n"))
    }

    @Test func aSavedArxivResponseIsTheInputAndFlagsWin() throws {
        let repo = try sampleRepository()
        try repo.write("arxiv.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
              <title type="html">ArXiv Query: search_query=&amp;id_list=2308.99999</title>
              <entry>
                <id>http://arxiv.org/abs/2308.99999v2</id>
                <published>2023-08-14T17:59:59Z</published>
                <title>A New Paper on
                  Things &amp; Stuff</title>
                <author><name>Ann Smith</name></author>
                <author><name>Bob Lee</name><arxiv:affiliation>Somewhere</arxiv:affiliation></author>
                <author><name>Carl Diaz</name></author>
                <link href="http://arxiv.org/pdf/2308.99999v2" rel="related" type="application/pdf" title="pdf"/>
              </entry>
            </feed>
            """)
        let result = try paperlint(
            ["add", "--arxiv-metadata", "arxiv.xml", "--section", "Multimodal LLMs in Medicine", "--venue", "NeurIPS 2023",
             "--link", "code=https://github.com/o/r", "--write"], in: repo.path)
        #expect(result.status == 0, "\(result.error)")
        #expect(String(decoding: try repo.read("README.md"), as: UTF8.self).contains(
            "\n- [2023/08] **A New Paper on Things & Stuff** *Ann Smith et al. NeurIPS 2023.* [[paper](https://arxiv.org/abs/2308.99999)] [[code](https://github.com/o/r)]\n"))
        try repo.write("error.xml", """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>
            <title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>
            """)
        let error = try paperlint(["add", "--arxiv-metadata", "error.xml", "--section", "Evaluation"], in: repo.path)
        #expect(error.status == 2)
        #expect(error.error == "paperlint: the arXiv response is an error: incorrect id format for 1234\n")
    }

    @Test func outsideARepositoryTheFileIsWritten() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paperlint-add-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Fixtures.bytes(Fixtures.healthcare).withUnsafeBufferPointer { try Data(buffer: $0).write(to: URL(fileURLWithPath: directory + "/list.md")) }
        let result = try paperlint(["add", "list.md", "--write"] + Self.flags, in: directory)
        #expect(result.status == 0, "\(result.error)")
        #expect(try String(contentsOfFile: directory + "/list.md", encoding: .utf8).contains(Self.line))
        #expect(try paperlint(["add", "list.md", "--staged"] + Self.flags, in: directory).status == 2)
    }
}
