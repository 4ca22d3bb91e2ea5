import PaperLintCore
import PaperLintTestSupport
import Testing

/// Fact rows and their recordings: what is written reads back, and bytes that were not
/// written by this build for this key never read as facts (nor trap).
@Suite struct FactCodingTests {
    struct Row: FactCodable, Equatable {
        var number: Int
        var flag: Bool?
        var words: [String]

        init(number: Int, flag: Bool?, words: [String]) {
            self.number = number
            self.flag = flag
            self.words = words
        }

        init?(reading reader: inout FactReader) {
            number = reader.readInt()
            flag = reader.read()
            words = reader.readArray()
        }

        func write(to writer: inout FactWriter) {
            writer.write(number)
            writer.write(flag)
            writer.write(words)
        }
    }

    @Test func rowsReadBackAsWritten() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<500 {
            let magnitude = Int(truncatingIfNeeded: random.next() >> UInt64(1 + random.next() % 63))
            let row = Row(
                number: random.next() % 2 == 0 ? magnitude : -magnitude,
                flag: [nil, true, false][Int(random.next() % 3)],
                words: (0..<Int(random.next() % 4)).map { _ in ["", "paper", "ünïcode ✓", String(repeating: "x", count: 200)][Int(random.next() % 4)] })
            var writer = FactWriter()
            row.write(to: &writer)
            var reader = FactReader(writer.bytes, 0..<writer.bytes.count)
            #expect(Row(reading: &reader) == row)
            #expect(reader.isComplete)
        }
    }

    /// Random bytes read as a row end either complete or invalid, never in a trap.
    @Test func randomBytesNeverTrap() {
        var random = SplitMix64(seed: 12)
        for _ in 0..<2_000 {
            let bytes = (0..<Int(random.next() % 24)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            var reader = FactReader(bytes, 0..<bytes.count)
            _ = Row(reading: &reader)
            var outside = FactReader(bytes, 0..<bytes.count + 3)
            #expect(!outside.isValid)
            _ = outside.readString()
        }
    }

    static let key = FactKey(tool: "paperlint test", configuration: 42, blob: String(repeating: "ab", count: 20), path: "README.md")

    static func recording() -> [UInt8] {
        RecordedFacts.encode(
            key: key, hashes: [7, 8, 9], ranges: [0..<10, 11..<30, 31..<31],
            families: [("b-family", [[1, 2], nil, [3]]), ("a-family", [nil, [4], nil])])
    }

    @Test func aRecordingReadsBackForItsKeyOnly() throws {
        let bytes = Self.recording()
        let recorded = try #require(RecordedFacts(file: bytes, expecting: Self.key))
        #expect(recorded.hashes == [7, 8, 9])
        #expect(recorded.offsets == [0, 11, 31])
        #expect(recorded.lengths == [10, 19, 0])
        for changed in [
            FactKey(tool: "paperlint other", configuration: 42, blob: Self.key.blob, path: "README.md"),
            FactKey(tool: Self.key.tool, configuration: 43, blob: Self.key.blob, path: "README.md"),
            FactKey(tool: Self.key.tool, configuration: 42, blob: String(repeating: "cd", count: 20), path: "README.md"),
            FactKey(tool: Self.key.tool, configuration: 42, blob: Self.key.blob, path: "docs/README.md"),
        ] {
            #expect(RecordedFacts(file: bytes, expecting: changed) == nil)
        }
    }

    /// Every shorter prefix, and every single flipped bit, is refused.
    @Test func aDamagedRecordingIsRefused() {
        let bytes = Self.recording()
        for count in 0..<bytes.count {
            #expect(RecordedFacts(file: Array(bytes[..<count]), expecting: Self.key) == nil, "cut to \(count)")
        }
        for index in bytes.indices {
            for bit in 0..<8 {
                var damaged = bytes
                damaged[index] ^= UInt8(1 << bit)
                #expect(RecordedFacts(file: damaged, expecting: Self.key) == nil, "byte \(index) bit \(bit)")
            }
        }
        #expect(RecordedFacts(file: bytes + [0], expecting: Self.key) == nil)
    }

    @Test func hashesAreStableAndSpread() {
        let text = Array("- [2023/10] **Title** *A. B.* [[paper](https://arxiv.org/abs/2310.12345)]\n".utf8)
        // Pinned (an independent implementation computed these): a recording made on one
        // machine is read on another.
        #expect(FactHash.hash(text[...]) == 0xDF50_A4EE_3D2F_9543)
        #expect(FactHash.hash([UInt8]()[...]) == 0x9CA0_66F1_A4AB_2EEA)
        var seen = Set<UInt64>()
        for length in 0...text.count { seen.insert(FactHash.hash(text[..<length])) }
        for index in text.indices {
            var changed = text
            changed[index] ^= 1
            seen.insert(FactHash.hash(changed[...]))
        }
        #expect(seen.count == text.count + 1 + text.count)
    }
}
