/// "Did you mean …?" for unknown keys, values, rule ids and preset names.
enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        // A unique candidate that starts with the word ("venue" → "venue-list") is the likeliest.
        let extensions = candidates.filter { lowered.count >= 3 && $0.lowercased().hasPrefix(lowered) }
        if extensions.count == 1 { return extensions[0] }
        let target = Array(lowered)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let limit = max(2, min(target.count, candidate.count) / 3)
        return distance <= limit ? candidate : nil
    }

    /// "; did you mean 'x'?" or "" when nothing is close.
    static func clause(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Levenshtein distance with an adjacent transposition counted as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}

/// "Did you mean …?" for the command line.
public enum Suggestions {
    /// "; did you mean 'x'?" or "".
    public static func clause(_ word: String, _ candidates: [String]) -> String {
        Suggestion.clause(for: word, in: candidates)
    }
}
