import Foundation
import PaperLintCore
import PaperLintKit
import PaperLintTestSupport
import Testing

@Suite struct ConfigurationTests {
    @Test func presetsLoadWithTheirStyles() throws {
        let paperList = try ConfigurationLoader.load(text: nil)
        #expect(paperList.presetName == "paper-list")
        #expect(paperList.style == .learned, "the default preset gives no style: the list's own is learned")
        #expect(paperList.order == .auto && paperList.duplicateScope == .section)
        #expect(paperList.taste.isEmpty, "matters of taste are off by default")
        #expect(paperList.labels.order.prefix(2) == ["paper", "code"])
        #expect(paperList.labels.canonical("Code") == "code")
        #expect(paperList.labels.canonical("Project Page") == "project")
        #expect(paperList.labels.canonical("arXiv") == "paper")
        #expect(paperList.labels.canonical("interpretive dance") == nil)
        #expect(paperList.skips(section: "🔔 News") && paperList.skips(section: "ðŸ”” News"))
        #expect(paperList.skips(section: "Table of Content (ToC)") && paperList.skips(section: "Project Maintainers & Contributors"))
        #expect(!paperList.skips(section: "Content Generation") && !paperList.skips(section: "Specialized Medical LLMs"))

        let venue = try ConfigurationLoader.load(text: nil, preset: "venue-list")
        #expect(venue.style.authors == [.venue] && venue.order == .oldestFirst)
        #expect(Presets.names == ["paper-list", "venue-list"])
    }

    @Test func userFileOverridesAnyPresetKey() throws {
        let configuration = try ConfigurationLoader.load(text: """
            preset: venue-list
            files: [docs/README.md, PAPERS.md]
            order: none
            duplicates: {scope: file}
            skip-sections: [Old Papers]
            entry:
              link-separator: space
            labels:
              aliases:
                code: [implementation]
            rules:
              whitespace: warning
              order: off
            """)
        #expect(configuration.presetName == "venue-list")
        #expect(configuration.files == ["docs/README.md", "PAPERS.md"])
        #expect(configuration.order == .none && configuration.duplicateScope == .file)
        #expect(configuration.skipSections == ["Old Papers"])
        #expect(configuration.style.linkSeparator == [.space])
        #expect(configuration.style.authors == [.venue], "keys not overridden keep the preset's value")
        #expect(configuration.labels.canonical("Implementation") == "code")
        #expect(configuration.labels.canonical("repo") == "code", "aliases merge with the preset's")
        #expect(configuration.severity(of: "whitespace", default: .error) == .warning)
        #expect(configuration.severity(of: "order", default: .error) == nil)
        #expect(configuration.severity(of: "url", default: .error) == .error)
        #expect(try ConfigurationLoader.load(text: "preset: venue-list", preset: "paper-list").presetName == "paper-list")
        #expect(try ConfigurationLoader.load(text: "").presetName == "paper-list")
        #expect(try ConfigurationLoader.load(text: "# only a comment\n").presetName == "paper-list")
    }

    @Test(arguments: [
        ("orderr: newest-first\n",
         ".paperlint.yml:1: unknown key 'orderr'; did you mean 'order'? (valid: preset, description, files, order, duplicates, rules, skip-sections, entry, labels, hook, taste)"),
        ("order: newest\n",
         ".paperlint.yml:1: order must be one of newest-first, oldest-first, auto, none, not 'newest'; did you mean 'newest-first'?"),
        ("files: README.md\n", ".paperlint.yml:1: files must be a list, e.g. [README.md]"),
        ("files: []\n", ".paperlint.yml:1: 'files' is empty; list at least one Markdown file, e.g. [README.md]"),
        ("rules:\n  date_format: off\n", ".paperlint.yml:2: unknown rule 'date_format'; did you mean 'date-format'? (see paperlint rules)"),
        ("rules:\n  whitespace: fatal\n",
         ".paperlint.yml:2: rules.whitespace must be one of error, warning, info, off, not 'fatal'"),
        ("rules: [whitespace]\n", ".paperlint.yml:1: rules must be a mapping of 'key: value' lines"),
        ("preset: paperlist\n",
         ".paperlint.yml:1: unknown preset 'paperlist'; did you mean 'paper-list'? (available: paper-list, venue-list)"),
        ("entry:\n  titel: bold\n",
         ".paperlint.yml:2: unknown key 'titel' in entry; did you mean 'title'? (valid: date, title, title-period, authors, link-syntax, link-separator, arxiv-form)"),
        ("entry:\n  title: bolt\n", ".paperlint.yml:2: entry.title must be one of bold, italic, plain, link, auto, not 'bolt'; did you mean 'bold'?"),
        ("duplicates: {scope: everywhere}\n", ".paperlint.yml:1: duplicates.scope must be one of section, file, not 'everywhere'"),
        ("labels:\n  aliases:\n    cod: [repo]\n",
         ".paperlint.yml:3: labels.aliases: 'cod' is not in labels.order; did you mean 'code'?; add it to labels.order first"),
        ("skip-sections:\n  - [News]\n", ".paperlint.yml:2: each item of skip-sections must be a single value, not a list or mapping"),
        ("entry: [\n", ".paperlint.yml:2:1: YAML syntax error: did not find expected node content; fix the YAML at that place"),
        ("order: a\norder: b\n", ".paperlint.yml:1: key 'order' appears twice; keep one"),
        ("- just\n- a list\n", ".paperlint.yml:1: the configuration must be a mapping of 'key: value' lines"),
        ("files: [README.md, /etc/passwd]\n",
         ".paperlint.yml:1: 'files': /etc/passwd is outside the repository; list paths relative to its root, e.g. docs/README.md"),
        ("files: [docs/../../README.md]\n",
         ".paperlint.yml:1: 'files': docs/../../README.md is outside the repository; list paths relative to its root, e.g. docs/README.md"),
        ("rules:\n\twhitespace: off\n", ".paperlint.yml:2:1: YAML syntax error: found character that cannot start any token; fix the YAML at that place"),
        ("skip-sections: *nowhere\n", ".paperlint.yml:1:16: YAML syntax error: found undefined alias; fix the YAML at that place"),
        // Aliases nested nine deep name 10^9 strings; they are rejected without being expanded.
        ("labels:\n  aliases:\n" + (0..<9).map { level in
            "    l\(level): &l\(level) [" + Array(repeating: level == 0 ? "x" : "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }.joined(), ".paperlint.yml:3: labels.aliases: 'l0' is not in labels.order; add it to labels.order first"),
    ])
    func badConfigurationGivesItsExactError(text: String, message: String) {
        #expect(throws: PaperLintError.self) { try ConfigurationLoader.load(text: text) }
        do {
            _ = try ConfigurationLoader.load(text: text)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func unknownPresetOnTheCommandLine() {
        do {
            _ = try ConfigurationLoader.load(text: nil, preset: "venue")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "--preset venue: unknown preset; did you mean 'venue-list'? (available: paper-list, venue-list)")
        }
    }

    @Test func rangeModeReadsTheBaseConfiguration() throws {
        let repo = try ScratchRepository()
        try repo.write(".paperlint.yml", "rules:\n  whitespace: error\n")
        try repo.commit("README.md", "# List\n\n- [2023/10] **A** *B. arXiv.* [[paper](https://a.org/1)]\n")
        // The pull request switches the rule off and adds a defect in the same commit.
        try repo.write(".paperlint.yml", "rules:\n  whitespace: off\n")
        try repo.commit(
            "README.md", "# List\n\n- [2023/11] **C** *D. arXiv.* [[paper](https://a.org/2)]  \n- [2023/10] **A** *B. arXiv.* [[paper](https://a.org/1)]\n")
        let range = try Linter.check(CheckRequest(mode: .range("HEAD~1...HEAD"), currentDirectory: repo.path))
        #expect(range.diagnostics.map(\.start.line) == [3])
        // The work tree's configuration applies to local modes.
        let local = try Linter.check(CheckRequest(mode: .all, currentDirectory: repo.path))
        #expect(local.diagnostics.isEmpty)
        // An explicit --config wins.
        try repo.write("strict.yml", "rules: {whitespace: warning}\n")
        let explicit = try Linter.check(CheckRequest(mode: .all, currentDirectory: repo.path, configPath: "strict.yml"))
        #expect(explicit.diagnostics.map(\.severity) == [.warning])
        #expect(!explicit.hasFailures)
    }

    @Test func configuredFilesAreTheDefaultPaths() throws {
        let repo = try ScratchRepository()
        try repo.write(".paperlint.yml", "files: [docs/PAPERS.md]\n")
        try repo.commit("docs/PAPERS.md", "- [2023/10] **A** *B.* [[paper](https://a.org/1)]  \n")
        let report = try Linter.check(CheckRequest(mode: .all, currentDirectory: repo.path))
        #expect(report.files.map(\.path) == ["docs/PAPERS.md"])
        #expect(report.diagnostics.count == 1)
    }
}
