import PaperLintTestSupport

/// What the block-structure tests share.
enum MarkdownFixtures {
    /// Document's notion of a blank line, on lines ended by `\n` or a lone `\r`.
    static func blankLines(_ bytes: [UInt8]) -> @Sendable (Int) -> Bool {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where offset + 1 < bytes.count {
            if byte == 0x0A || (byte == 0x0D && bytes[offset + 1] != 0x0A) { starts.append(offset + 1) }
        }
        let lineStarts = starts
        return { line in
            guard line >= 1 && line <= lineStarts.count else { return true }
            let end = line < lineStarts.count ? lineStarts[line] : bytes.count
            return bytes[lineStarts[line - 1]..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        }
    }

    /// The bundled reference list and the shared samples that are present (../shared/ may be absent).
    static func samples() throws -> [(name: String, bytes: [UInt8])] {
        var found = [(name: "healthcare", bytes: try Fixtures.bytes(Fixtures.healthcare))]
        for name in ["agent-papers-README.md", "game-agent-papers-README.md"] {
            guard let path = Fixtures.sharedSample(name) else { continue }
            found.append((name, try Fixtures.bytes(path)))
        }
        return found
    }
}
