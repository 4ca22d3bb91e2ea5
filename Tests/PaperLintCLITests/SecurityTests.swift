import Foundation
import PaperLintTestSupport
import Testing

/// What SECURITY.md promises: paperlint runs nothing the repository configures, opens no
/// network connection, takes `--range` configuration from the base commit, and reads only
/// the repository's files on behalf of its configuration.
@Suite struct SecurityTests {
    static let clean = "- [2023/10] **A Paper Title.** *Ann Smith et al. NeurIPS 2023.* [[paper](https://arxiv.org/abs/2310.12345)]"
    static let flawed = "- [2023/09] **Bad  Title.** *Bob Jones et al. ICML 2023.* [[paper](https://arxiv.org/abs/2309.12345)]"

    static func list(_ entries: String...) -> String { "# List\n\n## Papers\n\n" + entries.joined(separator: "\n") + "\n" }

    func paperlint(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> ProcessResult {
        try runProcess(Fixtures.executable, arguments, in: directory, environment: environment)
    }

    /// Every mode that reads or writes through git, with the flawed entry staged and in the work tree.
    static let gitRuns: [[String]] = [
        ["check", "--staged"], ["check", "--worktree"], ["check", "--range", "HEAD~1..HEAD"], ["check", "--all"],
        ["fix", "--staged", "--patch"], ["fix", "--worktree", "--patch"], ["fix", "--range", "HEAD~1..HEAD", "--patch"],
        ["fix", "--staged", "--write"], ["fix", "--worktree", "--write"], ["hook", "status"], ["init"],
    ]

    /// Configures every command git could run for `repo` (filters, diff drivers, fsmonitor,
    /// pager, editor, signing, credentials, hooks) to touch a file in `markers`. Call it after
    /// the set-up's last git command: from then on git itself would run them.
    func arm(_ repo: ScratchRepository, markers: ScratchRepository) throws {
        func command(_ name: String) -> String { "touch '\(markers.path)/\(name)'" }
        for (key, name) in [
            ("filter.evil.clean", "clean"), ("filter.evil.smudge", "smudge"), ("filter.evil.process", "process"),
            ("diff.evil.textconv", "textconv"), ("diff.external", "external-diff"), ("core.fsmonitor", "fsmonitor"),
            ("core.pager", "pager"), ("core.editor", "editor"), ("gpg.program", "gpg"), ("core.sshCommand", "ssh"),
            ("credential.helper", "credential"), ("core.askPass", "askpass"),
        ] {
            try repo.git("config", key, command(name))
        }
        try repo.git("config", "filter.evil.required", "true")
        try repo.git("config", "commit.gpgSign", "true")
        try repo.write(".gitattributes", "*.md filter=evil diff=evil\n")
        let hooks = markers.path + "/hooks"
        try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        for hook in ["pre-commit", "prepare-commit-msg", "commit-msg", "post-commit", "post-index-change", "reference-transaction"] {
            try Data("#!/bin/sh\n\(command("hook-" + hook))\n".utf8).write(to: URL(fileURLWithPath: hooks + "/" + hook))
            chmod(hooks + "/" + hook, 0o755)
        }
        try repo.git("config", "core.hooksPath", hooks)
    }

    func markersLeft(_ markers: ScratchRepository) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: markers.path).filter { $0 != ".git" && $0 != "hooks" }
    }

    @Test func commandsConfiguredInTheRepositoryNeverRun() throws {
        let markers = try ScratchRepository()
        let environment = ["EDITOR": "touch '\(markers.path)/env-editor'", "GIT_PAGER": "touch '\(markers.path)/env-pager'"]
        // Every mode, with a flawed entry committed, another staged and a third in the work tree.
        let repo = try ScratchRepository()
        try repo.commit("README.md", Self.list(Self.clean))
        try repo.commit("README.md", Self.list(Self.clean, Self.flawed))
        try repo.write("README.md", Self.list(Self.clean, Self.flawed, Self.flawed.replacingOccurrences(of: "Bad", with: "Odd")))
        try repo.git("add", "README.md")
        try repo.write("README.md", Self.list(Self.clean, Self.flawed, Self.flawed.replacingOccurrences(of: "Bad", with: "Odd"), Self.flawed.replacingOccurrences(of: "Bad", with: "New").replacingOccurrences(of: "09", with: "08")))
        try arm(repo, markers: markers)
        for arguments in Self.gitRuns where !arguments.contains("--commit") {
            let result = try paperlint(arguments, in: repo.path, environment: environment)
            #expect(!result.signaled && result.status != 2, "\(arguments): \(result)")
        }
        // A commit made by `fix --commit` runs no hook and no signing program.
        let committing = try ScratchRepository()
        try committing.commit("README.md", Self.list(Self.clean, Self.flawed))
        try arm(committing, markers: markers)
        try committing.write(".gitattributes", "")  // keeps the tree clean for --commit
        let committed = try paperlint(["fix", "--all", "--write", "--commit", "README.md"], in: committing.path, environment: environment)
        #expect(committed.status == 0 && committed.output.contains("committed "), "\(committed)")
        #expect(committed.error.contains("note: commit.gpgSign is set, but paperlint does not sign commits"), "\(committed)")
        #expect(try markersLeft(markers) == [], "a configured command ran")
    }

    @Test func noNetworkConnectionIsOpened() throws {
        let listener = try LoopbackListener()
        let url = "http://127.0.0.1:\(listener.port)"
        let repo = try ScratchRepository()
        try repo.commit("README.md", Self.list(Self.clean))
        try repo.git("remote", "add", "origin", url + "/repo.git")
        try repo.git("config", "http.proxy", url)
        try repo.git("config", "remote.origin.proxy", url)
        let links = [
            "- [2023/08] **Local Link.** *C. D. ICML 2023.* [[paper](\(url)/paper.pdf)] [[code](\(url)/code)]",
            "- [2023/07] **Another.** *E. F. ICML 2023.* [[paper](https://arxiv.org/abs/2307.12345)] [[code](http://127.0.0.1:\(listener.port))]",
        ]
        try repo.commit("README.md", Self.list(Self.clean, Self.flawed, links[0], links[1]))
        try repo.write("README.md", Self.list(Self.clean, Self.flawed, links[0], links[1], Self.flawed.replacingOccurrences(of: "09", with: "06")))
        try repo.git("add", "README.md")
        let proxies = ["http_proxy": url, "https_proxy": url, "HTTP_PROXY": url, "HTTPS_PROXY": url, "ALL_PROXY": url, "all_proxy": url]
        for arguments in Self.gitRuns {
            let result = try paperlint(arguments, in: repo.path, environment: proxies)
            #expect(!result.signaled && result.status != 2, "\(arguments): \(result)")
        }
        #expect(listener.pendingConnections() == 0, "paperlint connected to the network")
    }

    @Test func rangeModeNeverTakesTheHeadsConfiguration() throws {
        let repo = try ScratchRepository()
        try repo.write(".paperlint.yml", "rules:\n  whitespace: error\n")
        try repo.write("README.md", Self.list(Self.clean))
        try repo.commitAll("base with its configuration")
        try repo.git("checkout", "-q", "-b", "pull-request")
        // The pull request switches the rule off, names another file and adds a defect.
        try repo.write(".paperlint.yml", "files: [OTHER.md]\nrules:\n  whitespace: off\n")
        try repo.write("README.md", Self.list(Self.clean, Self.flawed))
        try repo.commitAll("the pull request")
        let result = try paperlint(["check", "--range", "main...pull-request", "--format", "json"], in: repo.path)
        #expect(result.status == 1 && result.output.contains("\"rule\":\"whitespace\",\"severity\":\"error\""), "\(result)")
        // The head's configuration applies to the local modes, where the author is the user.
        #expect(try paperlint(["check", "--all", "README.md"], in: repo.path).status == 0)
    }

    @Test func configurationNamesOnlyFilesInTheRepository() throws {
        let repo = try ScratchRepository()
        try repo.commit("README.md", Self.list(Self.clean))
        for files in ["[/etc/passwd]", "[../outside.md]", "[docs/../../outside.md]", "[~/README.md]"] {
            try repo.write(".paperlint.yml", "files: \(files)\n")
            let result = try paperlint(["check", "--all"], in: repo.path)
            #expect(result.status == 2 && result.error.hasPrefix("paperlint: .paperlint.yml:1: 'files': ") && result.error.contains("is outside the repository"), "\(files): \(result)")
        }
        // A link that a pull request could add, pointing at the machine's files.
        try repo.write(".paperlint.yml", "files: [README.md]\n")
        try FileManager.default.removeItem(atPath: repo.path + "/README.md")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/README.md", withDestinationPath: "/etc/hostname")
        let linked = try paperlint(["check", "--all", "--format", "json"], in: repo.path)
        #expect(linked.status == 2 && linked.output.isEmpty, "\(linked)")
        #expect(linked.error.contains("README.md: a symbolic link to /etc/hostname, outside "), "\(linked.error)")
        // Named on the command line, the path is the user's choice.
        #expect(try paperlint(["check", "--all", "README.md"], in: repo.path).status != 2)
    }
}

/// A TCP socket listening on 127.0.0.1 that never accepts: a connection attempt stays in
/// its backlog, where `pendingConnections` finds it.
final class LoopbackListener {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw CommandFailed(description: "socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else { throw CommandFailed(description: "bind/listen failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        self.descriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(descriptor) }

    /// Accepts (and closes) whatever connected so far; the count.
    func pendingConnections() -> Int {
        var count = 0
        while true {
            let connection = accept(descriptor, nil, nil)
            guard connection >= 0 else { return count }
            close(connection)
            count += 1
        }
    }
}
