import PaperLintCore
@testable import PaperLintKit
import PaperLintTestSupport
import Testing

/// The reporters' byte buffer: whatever is appended comes out byte for byte, whether the
/// buffer keeps it all or drains it in loads of any size.
@Suite struct ByteBufferTests {
    /// One random append of each kind the reporters use.
    static func appendRandom(_ rng: inout SplitMix64, to buffers: [ByteBuffer], expected: inout [UInt8]) {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0:
            let byte = UInt8.random(in: 0...255, using: &rng)
            for buffer in buffers { buffer.append(byte) }
            expected.append(byte)
        case 1:
            // Runs from empty to several loads long.
            let run = (0..<Int.random(in: 0...300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            for buffer in buffers { buffer.append(run) }
            expected += run
        case 2:
            let text = ["", "rule", "é“quoted”", String(repeating: "long text ", count: Int.random(in: 1...40, using: &rng))]
                .randomElement(using: &rng) ?? ""
            for buffer in buffers { buffer.append(text) }
            expected += Array(text.utf8)
        case 3:
            for buffer in buffers { buffer.append("\"key\":" as StaticString) }
            expected += Array("\"key\":".utf8)
        case 4:
            let count = [0, 1, 2, 15, 16, 17, 40, 200].randomElement(using: &rng) ?? 0
            for buffer in buffers { buffer.append(repeating: UInt8(ascii: " "), count: count) }
            expected += Array(repeating: UInt8(ascii: " "), count: count)
        default:
            let value = [0, 7, 9, 10, 99, 100, 101, 1_000, 12_345, 100_000, -1, -10, -100, Int.max, Int.min, Int.random(in: -1_000_000...1_000_000, using: &rng)]
                .randomElement(using: &rng) ?? 0
            for buffer in buffers { buffer.appendDecimal(value) }
            expected += Array(String(value).utf8)
            #expect(ByteBuffer.decimalLength(value) == String(value).utf8.count, "\(value)")
        }
    }

    @Test func drainedAndKeptBuffersHoldTheSameBytes() {
        var rng = SplitMix64(seed: 19)
        for round in 0..<200 {
            var drained: [[UInt8]] = [[], [], []]
            let chunks = [64, 97, 1_000]
            let draining = chunks.indices.map { index in
                ByteBuffer(chunk: chunks[index]) { drained[index] += Array($0) }
            }
            let kept = ByteBuffer(capacity: round % 2 == 0 ? 0 : 100_000)
            var expected: [UInt8] = []
            for _ in 0..<Int.random(in: 0...120, using: &rng) {
                Self.appendRandom(&rng, to: draining + [kept], expected: &expected)
            }
            for buffer in draining { buffer.flush() }
            #expect(kept.bytes == expected, "round \(round): the kept buffer")
            for index in chunks.indices {
                #expect(drained[index] == expected, "round \(round): drained in loads of \(chunks[index])")
            }
        }
    }

    @Test func aDrainedBufferNeverHoldsMoreThanItsLoad() {
        var loads: [Int] = []
        let buffer = ByteBuffer(chunk: 100) { loads.append($0.count) }
        for _ in 0..<50 { buffer.append(Array(repeating: UInt8(ascii: "x"), count: 30)) }
        buffer.append(repeating: UInt8(ascii: " "), count: 450)
        buffer.flush()
        #expect(loads.reduce(0, +) == 50 * 30 + 450)
        #expect(loads.allSatisfy { $0 <= 100 })
        // Nothing is left to flush twice.
        buffer.flush()
        #expect(loads.reduce(0, +) == 50 * 30 + 450)
    }

    @Test func jsonWriterNestsPastItsBitStack() {
        var json = JSONWriter()
        for _ in 0..<70 { json.beginArray() }
        json.int(1)
        json.int(2)
        for _ in 0..<70 { json.endArray() }
        #expect(json.output == String(repeating: "[", count: 70) + "1,2" + String(repeating: "]", count: 70))
        var object = JSONWriter(indent: 2)
        object.beginObject()
        object.key("a")
        object.string(joining: "line \"one\"", "\nhelp: ", "tab\there")
        object.field("b", true)
        object.endObject()
        #expect(object.output == "{\n  \"a\": \"line \\\"one\\\"\\nhelp: tab\\there\",\n  \"b\": true\n}")
    }

    @Test func fnv1aContinuesAcrossPieces() {
        let whole = FNV1a.hash("README.md\u{0}order\u{0}- [2023/10] **T**")
        let pieces = FNV1a.hash("- [2023/10] **T**", continuing: FNV1a.hash("README.md\u{0}order\u{0}"))
        #expect(whole == pieces)
        #expect(FNV1a.hex("") == "cbf29ce484222325")
        #expect(FNV1a.hex(0x0000_0000_0000_00ab) == "00000000000000ab")
        // A string that is not stored contiguously hashes like its bytes.
        let bridged = Substring("xxéy").dropFirst(2)
        #expect(FNV1a.hash(bridged) == FNV1a.hash("éy"))
    }
}
