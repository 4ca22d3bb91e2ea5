import PaperLintTestSupport
import Testing

@testable import PaperLintCore

/// The byte scanners that skip ASCII eight bytes at a time, held to plain readings on seeded
/// text that mixes ASCII runs of every length with multi-byte and invalid sequences.
@Suite struct ByteScanTests {
    private static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("[2023/10] **Title** ".utf8), Array("ç".utf8), Array("中文".utf8), Array("🔥".utf8),
        Array("\u{FEFF}".utf8), Array("\n".utf8), Array("\r\n".utf8), Array("        ".utf8), [0xC3], [0xED, 0xA0, 0x80], [0xFF],
    ]

    private static func randomBytes(_ random: inout SplitMix64) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<(1 + Int(random.next() % 40)) { bytes += pieces[Int(random.next() % UInt64(pieces.count))] }
        return bytes
    }

    @Test func asciiRunsEndWhereTheFirstHighByteIs() {
        var random = SplitMix64(seed: 0xA5C1)
        for _ in 0..<500 {
            let bytes = Self.randomBytes(&random)
            let start = Int(random.next() % UInt64(bytes.count + 1))
            let end = start + Int(random.next() % UInt64(bytes.count - start + 1))
            let expected = bytes[start..<end].firstIndex { $0 >= 0x80 } ?? end
            #expect(ASCII.endOfASCII(bytes, from: start, to: end) == expected)
            for byte: UInt8 in [0xEF, 0x0A, 0x61] {
                #expect(ASCII.firstIndex(of: byte, in: bytes, from: start, to: end) == bytes[start..<end].firstIndex(of: byte))
            }
        }
    }

    @Test func aThreeByteSearchFindsTheFirstOfAny() {
        var random = SplitMix64(seed: 0xA5C7)
        let stops: [(UInt8, UInt8, UInt8)] = [(0x5C, 0x28, 0x29), (0x0A, 0x5B, 0x2A), (0xEF, 0x61, 0x20)]
        for _ in 0..<500 {
            var bytes = Self.randomBytes(&random)
            for _ in 0..<Int(random.next() % 4) { bytes.insert([0x28, 0x29, 0x5C, 0x2A, 0x5B][Int(random.next() % 5)], at: Int(random.next() % UInt64(bytes.count))) }
            let start = Int(random.next() % UInt64(bytes.count + 1))
            let end = start + Int(random.next() % UInt64(bytes.count - start + 1))
            for (a, b, c) in stops {
                let expected = bytes[start..<end].firstIndex { $0 == a || $0 == b || $0 == c } ?? end
                let found = bytes.withUnsafeBufferPointer { ASCII.firstIndex(of: a, b, c, in: $0, from: start, to: end) }
                #expect(found == expected, "\(bytes) \(start)..<\(end)")
            }
        }
    }

    @Test func byteFlagsMarkExactlyTheEqualBytes() {
        var random = SplitMix64(seed: 0xA5C3)
        let alphabet: [UInt8] = [0x20, 0x09, 0x00, 0x7F, 0x80, 0xA0, 0xFF, 0x21, 0x1F, 0x61]
        for _ in 0..<2_000 {
            let bytes = (0..<8).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            for byte in alphabet {
                let expected = bytes.enumerated().reduce(UInt64(0)) { $0 | ($1.element == byte ? UInt64(0x80) << (8 * UInt64($1.offset)) : 0) }
                #expect(ASCII.bytes(of: word, equalTo: byte) == expected, "\(bytes) \(byte)")
            }
        }
    }

    @Test func validationAndColumnsAgreeWithTheStandardLibrary() {
        var random = SplitMix64(seed: 0xC01A)
        for _ in 0..<500 {
            let bytes = Self.randomBytes(&random)
            let invalid = UTF8Check.firstInvalidOffset(in: bytes)
            #expect((invalid == nil) == (String(validating: bytes, as: UTF8.self) != nil))
            guard invalid == nil else { continue }
            let document = Document(bytes: bytes)
            let offset = Int(random.next() % UInt64(bytes.count + 1))
            let line = document.line(containing: offset)
            let start = document.lineStarts[line - 1]
            // Columns count Unicode scalars from the line's start, 1-based.
            let scalars = String(decoding: bytes[start..<max(start, offset)], as: UTF8.self).unicodeScalars.count
            #expect(document.position(of: offset) == SourcePosition(line: line, column: scalars + 1))
        }
    }

    /// Lines cut with memchr (no `\r` in the file) or byte by byte (`\r\n`, lone `\r`) start
    /// where the plain reading says: after each `\n`, and after a `\r` not followed by `\n`.
    @Test func lineStartsAgreeWithAPlainReading() {
        var random = SplitMix64(seed: 0x11E5)
        let lineBreaks: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D], [0x0A, 0x0A]]
        for round in 0..<500 {
            var bytes = Self.randomBytes(&random)
            // Half the rounds without any `\r`, as most files are.
            if round % 2 == 0 { bytes.removeAll { $0 == 0x0D } } else {
                bytes += lineBreaks[Int(random.next() % UInt64(lineBreaks.count))]
            }
            var expected = [0]
            for offset in bytes.indices where offset + 1 < bytes.count {
                if bytes[offset] == 0x0A || (bytes[offset] == 0x0D && bytes[offset + 1] != 0x0A) { expected.append(offset + 1) }
            }
            #expect(Document.lineStarts(bytes) == expected, "round \(round)")
        }
        #expect(Document.lineStarts([]) == [0])
        #expect(Document.lineStarts(Array("a\n".utf8)) == [0])
        #expect(Document.lineStarts(Array("a\nb".utf8)) == [0, 2])
    }
}
