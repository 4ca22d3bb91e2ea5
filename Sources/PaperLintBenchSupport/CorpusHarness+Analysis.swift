import Foundation

// What the harness reads out of its runs: maintainer fixes (f) and the review sample (e).
extension CorpusHarness {
    /// (f): for each entry line added by a replayed commit k, the first later commit m whose
    /// file no longer has that line's text; when m added an entry line with the same paper key,
    /// the line was rewritten (a maintainer fix), else removed. `indices` is a suffix of the
    /// history, so every m after k was replayed too.
    static func maintainerFixes(history: CorpusHistory, indices: [Int], flagged: [Int: Set<Int>]) -> CorpusMaintainerFixes {
        var fixes = CorpusMaintainerFixes()
        guard let first = indices.first else { return fixes }
        let versions = history.versions
        var lineSets: [Int: Set<String>] = [:]
        var addedKeys: [Int: Set<String>] = [:]
        var addedEntries: [Int: [Int]] = [:]
        for index in first..<versions.count {
            lineSets[index] = Set(versions[index].lines)
            let flags = versions[index].entryFlags ?? CorpusEntryLine.flags(versions[index].lines)
            let entries = versions[index].added.filter { $0 <= flags.count && flags[$0 - 1] }
            addedEntries[index] = entries
            addedKeys[index] = Set(entries.map { CorpusEntryLine.paperKey(versions[index].lines[$0 - 1]) })
        }
        for k in indices {
            for line in addedEntries[k] ?? [] {
                let text = versions[k].lines[line - 1]
                let isFlagged = flagged[k]?.contains(line) ?? false
                fixes.addedEntryLines += 1
                if isFlagged { fixes.flaggedAdded += 1 }
                guard let m = ((k + 1)..<versions.count).first(where: { !(lineSets[$0]?.contains(text) ?? false) }) else { continue }
                if addedKeys[m]?.contains(CorpusEntryLine.paperKey(text)) ?? false {
                    fixes.rewritten += 1
                    if isFlagged { fixes.rewrittenFlagged += 1 }
                } else {
                    fixes.removed += 1
                }
            }
        }
        fixes.settle()
        return fixes
    }

    // MARK: Sample

    /// Up to `size` findings for hand review, reproducible from `seed`: the findings of each
    /// rule in a seeded shuffle, drawn round-robin over the rules (sorted by id) until `size`
    /// or none are left; returned sorted by rule, list, source and line.
    public static func sample(_ findings: [CorpusFinding], size: Int, seed: UInt64) -> [CorpusFinding] {
        var byRule: [String: [CorpusFinding]] = [:]
        for finding in findings { byRule[finding.rule, default: []].append(finding) }
        var random = Random(seed: seed)
        let queues: [[CorpusFinding]] = byRule.keys.sorted().map { rule in
            var pool = byRule[rule]!
            // Fisher–Yates, from the same seed whatever order the lists were measured in.
            pool.sort { ($0.list, $0.source, $0.line, $0.message) < ($1.list, $1.source, $1.line, $1.message) }
            if pool.count > 1 {
                for i in stride(from: pool.count - 1, to: 0, by: -1) { pool.swapAt(i, random.below(i + 1)) }
            }
            return pool
        }
        var drawn: [CorpusFinding] = []
        var position = 0
        while drawn.count < size, queues.contains(where: { position < $0.count }) {
            for i in queues.indices where position < queues[i].count && drawn.count < size { drawn.append(queues[i][position]) }
            position += 1
        }
        return drawn.sorted { ($0.rule, $0.list, $0.source, $0.line) < ($1.rule, $1.list, $1.source, $1.line) }
    }
}
