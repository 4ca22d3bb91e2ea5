/// A list's README.md along one branch's first-parent history, read with three git commands
/// (rev-list, cat-file --batch, log -p -U0) whatever the number of commits.
struct CorpusHistory {
    struct Version {
        var sha: String
        var subject: String
        var bytes: [UInt8]
        var lines: [String]
        /// 1-based numbers of the lines this commit added (the diff from its first parent); empty for the root.
        var added: [Int]
        /// Line numbers that are entry lines (CorpusEntryLine.flags), computed on demand.
        var entryFlags: [Bool]? = nil
    }

    /// Oldest first.
    var versions: [Version]

    static let file = "README.md"

    /// Reads `revision`'s first-parent history of README.md in the repository at `directory`.
    static func read(repository directory: String, revision: String, runner: CorpusRunner) throws -> CorpusHistory {
        let log = String(decoding: try runner.git(["rev-list", "--first-parent", "--reverse", "--format=%H %s", revision], in: directory), as: UTF8.self)
        var commits: [(sha: String, subject: String)] = []
        for line in log.split(separator: "\n") where !line.hasPrefix("commit ") {
            let sha = String(line.prefix(40))
            commits.append((sha, String(line.dropFirst(41))))
        }
        guard !commits.isEmpty else { throw CorpusError("\(directory): no commits on \(revision)") }

        // The file at every commit, in batches that keep cat-file's input under a pipe buffer.
        var contents: [[UInt8]] = []
        for start in stride(from: 0, to: commits.count, by: 500) {
            let batch = commits[start..<min(start + 500, commits.count)]
            let request = batch.map { "\($0.sha):\(file)\n" }.joined()
            let output = try runner.git(["cat-file", "--batch"], in: directory, input: Array(request.utf8))
            contents += try parseBatch(output, count: batch.count)
        }

        // Added line numbers per commit, from one `git log -p -U0`.
        let patch = try runner.git(
            ["-c", "core.quotepath=off", "log", "--first-parent", "--diff-merges=first-parent", "-p", "-U0", "--no-color",
             "--no-ext-diff", "--no-renames", "--text", "--format=format:commit %H", revision, "--", file],
            in: directory)
        let added = parseAddedLines(patch)

        let versions = commits.enumerated().map { index, commit in
            Version(sha: commit.sha, subject: commit.subject, bytes: contents[index], lines: CorpusText.lines(contents[index]),
                    added: index == 0 ? [] : added[commit.sha] ?? [])
        }
        return CorpusHistory(versions: versions)
    }

    /// `git cat-file --batch` output: "<oid> blob <size>\n<bytes>\n" or "<name> missing\n" per request.
    static func parseBatch(_ output: [UInt8], count: Int) throws -> [[UInt8]] {
        var result: [[UInt8]] = []
        var i = 0
        while result.count < count {
            guard let newline = output[i...].firstIndex(of: 10) else { throw CorpusError("git cat-file: truncated output") }
            let header = String(decoding: output[i..<newline], as: UTF8.self).split(separator: " ")
            i = newline + 1
            if header.last == "missing" || header.last == "ambiguous" {
                result.append([])  // no README.md at that commit
                continue
            }
            guard header.count == 3, let size = Int(header[2]), i + size <= output.count else {
                throw CorpusError("git cat-file: unexpected header \(header.joined(separator: " "))")
            }
            result.append(Array(output[i..<i + size]))
            i += size + 1
        }
        return result
    }

    /// Maps each commit of a `--format=format:commit %H` `-U0` log to the new-side line numbers
    /// its hunks add (`@@ -a,b +c,d @@` adds c…c+d-1; d defaults to 1).
    static func parseAddedLines(_ patch: [UInt8]) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        var current: String?
        var start = 0
        func handle(_ line: ArraySlice<UInt8>) {
            if line.starts(with: Array("commit ".utf8)), line.count >= 47 {
                current = String(decoding: line.dropFirst(7).prefix(40), as: UTF8.self)
                if let current { result[current] = result[current] ?? [] }
                return
            }
            guard let current, line.starts(with: Array("@@ ".utf8)) else { return }
            let text = String(decoding: line, as: UTF8.self)
            guard let plus = text.split(separator: " ").first(where: { $0.hasPrefix("+") }) else { return }
            let parts = plus.dropFirst().split(separator: ",")
            guard let first = parts.first.flatMap({ Int($0) }) else { return }
            let count = parts.count > 1 ? Int(parts[1]) ?? 0 : 1
            if count > 0 { result[current, default: []] += Array(first..<first + count) }
        }
        for i in patch.indices where patch[i] == 10 {
            handle(patch[start..<i])
            start = i + 1
        }
        if start < patch.count { handle(patch[start...]) }
        return result
    }
}
