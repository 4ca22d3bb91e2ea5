/// A minimal JSON emitter that keeps keys in the order written (DESIGN.md's order).
///
/// Compact by default (`--format json` is one line); with `indent`, one value per line, for
/// the formats people read in review (SARIF, rdjson, review bodies).
///
/// It writes UTF-8 bytes into one buffer: strings are copied a run at a time between the
/// bytes JSON escapes (`"`, `\`, control characters), numbers are written digit by digit,
/// and no intermediate string is built per value. 35,000 findings render in a few
/// milliseconds rather than hundreds.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]
    private let indentUnit: Int?
    private var pendingKey = false

    /// `indent`: spaces per nesting level, or nil for compact output; `capacity`: the bytes
    /// expected, reserved at once. The reporters reserve for the largest findings measured
    /// (the bench's dense list: JSON 1.1 KB, rdjson 950 B, SARIF 2.9 KB, text 600 B, github
    /// 260 B a finding): a buffer that grows copies itself and holds both copies at the
    /// peak, while reserved pages never written take no memory.
    init(indent: Int? = nil, capacity: Int = 0) {
        indentUnit = indent
        bytes.reserveCapacity(capacity)
    }

    /// Ends the output with a line break.
    mutating func newlineAtEnd() { bytes.append(UInt8(ascii: "\n")) }

    /// What was written, as text.
    var output: String { String(decoding: bytes, as: UTF8.self) }

    mutating func beginObject() { valuePrefix(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { valuePrefix(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    mutating func key(_ name: String) {
        keyPrefix()
        Self.appendQuoted(name, to: &bytes)
        keySuffix()
    }

    /// A key written in the source (`"rule"`): plain ASCII, copied without a scan.
    mutating func key(_ name: StaticString) {
        keyPrefix()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        keySuffix()
    }

    private mutating func keyPrefix() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = false
        newline(depth: needsComma.count - 1)
    }

    private mutating func keySuffix() {
        bytes.append(UInt8(ascii: ":"))
        if indentUnit != nil { bytes.append(UInt8(ascii: " ")) }
        pendingKey = true
    }

    mutating func string(_ value: String) { valuePrefix(); Self.appendQuoted(value, to: &bytes) }
    mutating func int(_ value: Int) { valuePrefix(); Self.appendDecimal(value, to: &bytes) }
    mutating func bool(_ value: Bool) { valuePrefix(); bytes.append(contentsOf: value ? Self.trueBytes : Self.falseBytes) }
    mutating func null() { valuePrefix(); bytes.append(contentsOf: Self.nullBytes) }
    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func field(_ name: StaticString, _ value: String) { key(name); string(value) }
    mutating func field(_ name: StaticString, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: StaticString, _ value: Int) { key(name); int(value) }
    mutating func field(_ name: StaticString, _ value: Bool) { key(name); bool(value) }

    private static let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8), nullBytes = Array("null".utf8)

    private mutating func valuePrefix() {
        if pendingKey {
            pendingKey = false
        } else {
            if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
            if needsComma.count > 1 { newline(depth: needsComma.count - 1) }
        }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func close(_ bracket: UInt8) {
        let hadMembers = needsComma.removeLast()
        if hadMembers { newline(depth: needsComma.count - 1) }
        bytes.append(bracket)
    }

    private mutating func newline(depth: Int) {
        guard let indentUnit else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indentUnit * depth))
    }

    /// `value` in decimal, without an intermediate string.
    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped,
    /// every other byte (UTF-8 included) copied in runs. Eight bytes are tested at a time
    /// (`needsEscape`): most text has nothing to escape.
    static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            let raw = UnsafeRawBufferPointer(utf8)
            while index < utf8.count {
                if index + 8 <= utf8.count, !needsEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                index += 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// True when one of the eight bytes of `word` is below 0x20, a `"` or a `\`: the usual
    /// bit tricks for "a byte less than n" and "a zero byte", exact for these values.
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let quotes = (quote &- ones) & ~quote & highs
        let backslashes = (backslash &- ones) & ~backslash & highs
        return (below | quotes | backslashes) != 0
    }
}
