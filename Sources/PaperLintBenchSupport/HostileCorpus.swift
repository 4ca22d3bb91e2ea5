/// An input built to break a Markdown list linter. Each is rebuilt from its seed and size,
/// so a failure replays exactly.
public struct HostileInput: CustomStringConvertible, Sendable {
    public let name: String
    public let bytes: [UInt8]
    /// Tests run large inputs in fewer output formats.
    public var isLarge: Bool { bytes.count > 300_000 }
    public var description: String { name }
}

/// Random bytes, invalid UTF-8, NUL bytes, BOMs, every line end, megabyte lines, very many
/// entries, deep nesting, unbalanced brackets and emphasis, absurd dates and pathological
/// URLs: the hostile-input tests run them all, and `paperlint-bench --hostile` times the
/// scaled shapes at two sizes to show their cost grows linearly.
public enum HostileCorpus {
    static let entry = "- [2023/10] **A Paper Title.** *Ann Smith et al. NeurIPS 2023.* [[paper](https://arxiv.org/abs/2310.12345)]"

    static func list(_ lines: [String]) -> [UInt8] { Array(("# List\n\n## Papers\n\n" + lines.joined(separator: "\n") + "\n").utf8) }

    /// Pieces of Markdown and of list entries, for random token soups.
    static let tokens = [
        "[", "]", "(", ")", "*", "**", "_", "__", "`", "```", "~~~", "!", "\\", " ", "  ", "\t", "-", "+", "1.", "#", "##", ">",
        "|", "<", ">", "<!--", "-->", "<details>", "</details>", "&amp;", "&#x26;", "&", "[[", "]]", "](", ")]", "[2023/10]",
        "[2023/13]", "[99999999999999999999/1]", "**Title.**", "*A. Author et al. ICML 2023.*", "[[paper](https://arxiv.org/abs/2310.12345)]",
        "[[code](https://github.com/o/r)]", "http://https://", "https://arxiv.org/pdf/2310.12345v2.pdf", "Ã©", "ðŸ””", "é", "漢字",
        "🔥", "\u{200B}", "\u{FEFF}", "\u{0}", "\n", "\n", "\n", "\r\n", "\r", "\n\n", "\n  ", "\n    ", "- ", "<!-- paperlint-disable -->",
        "<!-- paperlint-disable-next-line whitespace -->", "[x]: https://example.org", "[x]",
    ]

    static func soup(seed: UInt64, tokens count: Int) -> [UInt8] {
        var random = Random(seed: seed)
        var text = ""
        for _ in 0..<count { text += random.pick(tokens) }
        return Array(text.utf8)
    }

    static func randomBytes(seed: UInt64, count: Int) -> [UInt8] {
        var random = Random(seed: seed)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }

    /// Random bytes drawn mostly from Markdown's punctuation, so they reach the parsers.
    static func markdownBytes(seed: UInt64, count: Int) -> [UInt8] {
        let alphabet = Array("[]()*_`!-#>|<&:/. \n\r\ta1".utf8) + [0x00, 0xC3, 0xA9, 0xE2, 0x80, 0xFF, 0xEF, 0xBB, 0xBF]
        var random = Random(seed: seed)
        return (0..<count).map { _ in alphabet[random.below(alphabet.count)] }
    }

    static func manyEntries(_ count: Int) -> [UInt8] {
        list((0..<count).map { index in
            let month = 12 - index * 12 / count
            return "- [2023/\(month < 10 ? "0" : "")\(month)] **Paper \(index).** *A. Author. ICML 2023.* [[paper](https://arxiv.org/abs/23\(month < 10 ? "0" : "")\(month).\(10_000 + index))]"
        })
    }

    /// The whole corpus: the random shapes for each seed, the fixed shapes and the scaled ones.
    /// The normal test run uses six seeds and scale 4 (1 MB lines, 100,000 entries).
    public static func inputs(seeds: [UInt64], scale: Int) -> [HostileInput] {
        random(seeds: seeds) + fixed() + scaled(scale)
    }

    public static func random(seeds: [UInt64]) -> [HostileInput] {
        seeds.flatMap { seed in
            [
                HostileInput(name: "random bytes #\(seed)", bytes: randomBytes(seed: seed, count: 4096)),
                HostileInput(name: "markdown bytes #\(seed)", bytes: markdownBytes(seed: seed, count: 8192)),
                HostileInput(name: "token soup #\(seed)", bytes: soup(seed: seed, tokens: 3000)),
            ]
        }
    }

    /// Shapes of a fixed, small size.
    public static func fixed() -> [HostileInput] {
        [
            HostileInput(name: "empty file", bytes: []),
            HostileInput(name: "only a BOM", bytes: [0xEF, 0xBB, 0xBF]),
            HostileInput(name: "NUL bytes in entries", bytes: list(["- [2023/10] **A Pa\u{0}per Title.** *Ann Smith et al.\u{0} NeurIPS 2023.* [[paper](https://arxiv.org/abs/2310.12345)]", "\u{0}\u{0}\u{0}"])),
            HostileInput(name: "BOM and CRLF", bytes: [0xEF, 0xBB, 0xBF] + list(Array(repeating: entry, count: 50)).flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }),
            HostileInput(name: "CR-only line ends", bytes: list(Array(repeating: entry, count: 50)).map { $0 == 0x0A ? 0x0D : $0 }),
            HostileInput(name: "mixed line ends", bytes: Array(("# L\r\n\r## S\n\r\n" + Array(repeating: entry, count: 30).joined(separator: "\r")).utf8)),
            HostileInput(name: "invalid UTF-8 deep in a list", bytes: list(Array(repeating: entry, count: 500)) + [0xC3, 0x28, 0x0A]),
            HostileInput(name: "overlong and surrogate encodings", bytes: list([entry]) + [0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80, 0x0A]),
            HostileInput(name: "unbalanced brackets", bytes: list([
                "- [2023/10 **T.** *A.* [[paper](https://arxiv.org/abs/2310.12345)", "- 2023/10] **T.** *A.* [paper](https://arxiv.org/abs/2310.12345)]]",
                "- [2023/10] **T.* *A.** [[paper]](https://arxiv.org/abs/2310.12345", "- [[[[[[2023/10]]]]]] ****T.**** ***A.*** [[[[paper]]]](((u)))",
                "- [2023/10] **T** [[paper](https://arxiv.org/abs/2310.12345)][[code](", "- ]]]]]]]]]]]]]]]] ))))))) [[[[ ((((",
            ])),
            HostileInput(name: "absurd dates", bytes: list([
                "- [99999999999999999999999999/99999999999999999] **A.** *B.*", "- [2023/00] **B.** *B.*", "- [2023/13] **C.** *B.*",
                "- [-1/-1] **D.** *B.*", "- [9223372036854775807/12] **E.** *B.*", "- [2023/10/99999999999999999999] **F.** *B.*",
                "- [0000/01] **G.** *B.*", "- [2023/1e9] **H.** *B.*", "- [２０２３/１０] **I.** *B.*", "- [2023.10] **J.** *B.*",
            ])),
            HostileInput(name: "pathological URLs", bytes: list([
                "- [2023/10] **A.** [[paper](http://https://http://https://arxiv.org/abs/2310.12345)]",
                "- [2023/10] **B.** [[paper](https://arxiv.org/abs/2310.12345v99999999999999999999999999)]",
                "- [2023/10] **C.** [[paper](https://arxiv.org/abs/99999999999999.9999999999999999)]",
                "- [2023/10] **D.** [[paper](javascript:alert(1))] [[code](file:///etc/passwd)] [[x](data:text/html,<b>)]",
                "- [2023/10] **E.** [[paper](https://[::1]:99999999999/%%%%%%%zz)] [[code](https:////////)]",
                "- [2023/10] **F.** [[paper](<https://example.org/a b>)] [[code]( )] [[x]()]",
                "- [2023/10] **G.** [[paper](https://arxiv.org/abs/" + String(repeating: "/", count: 10_000) + ")]",
                "- [2023/10] **H.** [[paper](https://ex\u{0301}ample.org/\u{202E}evil)] [[code](https://xn--80ak6aa92e.com)]",
                "- [2023/10] **I.** [[paper](https://doi.org/10.1000/" + String(repeating: "%2F", count: 5_000) + ")]",
            ])),
            HostileInput(name: "unclosed HTML and comments", bytes: list(["<details>", "<!-- paperlint-disable", entry, "<div>", entry, "<!--"])),
            HostileInput(name: "unclosed code fence", bytes: list(["```", entry, "~~~", entry])),
        ]
    }

    /// Shapes whose size grows with `scale`: at 1, 256 KB lines, 5,000 levels of nesting,
    /// 25,000 entries.
    public static func scaled(_ scale: Int) -> [HostileInput] {
        let line = scale << 18
        return [
            HostileInput(name: "\(line >> 10) KB title", bytes: list(["- [2023/10] **" + String(repeating: "Title ", count: line / 6) + "** *A. B. ICML.* [[paper](https://arxiv.org/abs/2310.12345)]"])),
            HostileInput(name: "\(line >> 10) KB line of brackets", bytes: list(["- " + String(repeating: "[[", count: line / 4) + String(repeating: "](", count: line / 4)])),
            HostileInput(name: "\(line >> 10) KB of unbalanced emphasis", bytes: list(["- [2023/10] " + String(repeating: "**_*", count: line / 4)])),
            HostileInput(name: "\(line >> 10) KB URL", bytes: list(["- [2023/10] **T.** *A. B.* [[paper](https://arxiv.org/abs/" + String(repeating: "2310.12345/", count: line / 11) + ")]"])),
            HostileInput(name: "\(line >> 10) KB of links on one line", bytes: list([entry + String(repeating: " [[code](https://github.com/o/r)]", count: line / 33)])),
            HostileInput(name: "entity soup", bytes: list([entry + String(repeating: " &amp;&#38;&#x26;&bogus;&#99999999999;", count: scale * 5_000)])),
            HostileInput(name: "nested list \(scale * 5)k deep", bytes: Array((String(repeating: "- ", count: scale * 5_000) + "x\n").utf8)),
            HostileInput(name: "block quotes \(scale * 5)k deep", bytes: Array((String(repeating: ">", count: scale * 5_000) + " " + entry + "\n").utf8)),
            HostileInput(name: "brackets \(scale * 12)k deep", bytes: list(["- " + String(repeating: "[", count: scale * 12_000) + "x" + String(repeating: "]", count: scale * 12_000)])),
            HostileInput(name: "parentheses in a URL", bytes: list(["- [2023/10] **T.** *A.* [[paper](https://x.org/" + String(repeating: "(", count: scale * 8_000) + String(repeating: ")", count: scale * 8_000 - 1) + ")]"])),
            HostileInput(name: "list indented \(scale * 500) levels", bytes: Array((0..<scale * 500).map { String(repeating: " ", count: $0 * 2) + "- [2023/10] **T\($0).**" }.joined(separator: "\n").utf8)),
            HostileInput(name: "\(scale * 5)k identical entries", bytes: list(Array(repeating: entry, count: scale * 5_000))),
            HostileInput(name: "\(scale * 5)k headings", bytes: Array((0..<scale * 5_000).map { "## Section \($0 % 7)\n\n- [x](#section-\($0))\n" }.joined().utf8)),
            HostileInput(name: "\(scale * 25)k entries", bytes: manyEntries(scale * 25_000)),
        ]
    }
}
