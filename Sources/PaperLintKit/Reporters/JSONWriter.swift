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
    /// Where the bytes go: kept whole, or drained to standard output a load at a time.
    let out: ByteBuffer
    private let indentUnit: Int?
    private var pendingKey = false
    /// The open containers, the document itself at level 0: bit `n` of `members` says whether
    /// the container at level `n` has a member yet (levels past 63, which no format reaches,
    /// are kept in `deepMembers`).
    private var level = 0
    /// How many containers are open: the level of the next member or element.
    var depth: Int { level }
    private var members: UInt64 = 0
    private var deepMembers: [Bool] = []

    /// `indent`: spaces per nesting level, or nil for compact output; `capacity`: the bytes
    /// expected, reserved at once. The reporters reserve for the largest findings measured
    /// (the bench's dense list: JSON 1.1 KB, rdjson 950 B, SARIF 2.9 KB, text 600 B, github
    /// 260 B a finding): a buffer that grows copies itself and holds both copies at the
    /// peak, while reserved pages never written take no memory.
    init(indent: Int? = nil, capacity: Int = 0) {
        self.init(indent: indent, into: ByteBuffer(capacity: capacity))
    }

    /// A writer into `out` (standard output, drained a load at a time).
    init(indent: Int? = nil, into out: ByteBuffer) {
        indentUnit = indent
        self.out = out
    }

    /// Everything written, of a writer that keeps it.
    var bytes: [UInt8] { out.bytes }

    /// Ends the output with a line break.
    mutating func newlineAtEnd() { out.append(UInt8(ascii: "\n")) }

    /// What was written, as text.
    var output: String { String(decoding: out.bytes, as: UTF8.self) }

    mutating func beginObject() { begin(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { begin(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The value's separator and line break, and `bracket`, stored at once.
    @inline(__always)
    private mutating func begin(_ bracket: UInt8) {
        let indent = !pendingKey && level > 0 ? indentUnit.map { $0 &* level } ?? -1 : -1
        if let room = out.room(indent &+ 11) {
            var at = 0
            if pendingKey {
                pendingKey = false
            } else if hasMembers {
                room[0] = UInt8(ascii: ",")
                at = 1
            }
            if indent >= 0 { Self.storeBreak(room, &at, indent) }
            room[at] = bracket
            out.advance(at + 1)
            hasMembers = true
        } else {
            valuePrefix()
            out.append(bracket)
        }
        open()
    }

    /// A key known only at run time (literal keys take the `StaticString` overload: Swift
    /// would pick a `String` one for them, at a scan and a copy per key).
    mutating func key(computed name: String) {
        keyPrefix()
        Self.appendQuoted(name, to: out)
        keySuffix()
    }

    /// A key written in the source (`"rule"`): plain ASCII, copied without a scan. The comma,
    /// line break, indentation, quoted key and colon are stored at once.
    @inline(__always)
    mutating func key(_ name: StaticString) {
        let indent = indentUnit.map { $0 &* level } ?? -1
        guard let room = out.room(name.utf8CodeUnitCount &+ indent &+ 14) else {
            keyPrefix()
            out.append(UInt8(ascii: "\""))
            out.append(name)
            out.append(UInt8(ascii: "\""))
            keySuffix()
            return
        }
        var at = 0
        if hasMembers {
            room[0] = UInt8(ascii: ",")
            at = 1
        }
        hasMembers = false
        if indent >= 0 { Self.storeBreak(room, &at, indent) }
        room[at] = UInt8(ascii: "\"")
        (room + at + 1).update(from: name.utf8Start, count: name.utf8CodeUnitCount)
        at += name.utf8CodeUnitCount + 1
        room[at] = UInt8(ascii: "\"")
        room[at + 1] = UInt8(ascii: ":")
        at += 2
        if indent >= 0 {
            room[at] = UInt8(ascii: " ")
            at += 1
        }
        out.advance(at)
        pendingKey = true
    }

    /// A line break and `indent` spaces at `room[at]`, eight spaces a store: the room holds
    /// seven bytes past them, overwritten by what follows.
    @inline(__always)
    private static func storeBreak(_ room: UnsafeMutablePointer<UInt8>, _ at: inout Int, _ indent: Int) {
        room[at] = UInt8(ascii: "\n")
        let spaces = UnsafeMutableRawPointer(room + at + 1)
        var stored = 0
        while stored < indent {
            spaces.storeBytes(of: 0x2020_2020_2020_2020 as UInt64, toByteOffset: stored, as: UInt64.self)
            stored += 8
        }
        at += 1 + indent
    }

    /// Whether the innermost open container has a member yet.
    private var hasMembers: Bool {
        @inline(__always) get { level < 64 ? members & (1 << UInt64(level)) != 0 : deepMembers[level - 64] }
        @inline(__always) set {
            if level >= 64 {
                deepMembers[level - 64] = newValue
            } else if newValue {
                members |= 1 << UInt64(level)
            } else {
                members &= ~(1 << UInt64(level))
            }
        }
    }

    private mutating func open() {
        level += 1
        if level >= 64 { deepMembers.append(false) } else { hasMembers = false }
    }

    @inline(__always)
    private mutating func keyPrefix() {
        if hasMembers { out.append(UInt8(ascii: ",")) }
        hasMembers = false
        newline(depth: level)
    }

    @inline(__always)
    private mutating func keySuffix() {
        out.append(UInt8(ascii: ":"))
        if indentUnit != nil { out.append(UInt8(ascii: " ")) }
        pendingKey = true
    }

    /// Starts a value its caller writes straight into `out` (`SARIFResults`): the separator
    /// and line break this writer would put before it, and the value counts as written.
    mutating func beginRawValue() { valuePrefix() }

    mutating func string(_ value: String) { valuePrefix(); Self.appendQuoted(value, to: out) }
    mutating func int(_ value: Int) { valuePrefix(); out.appendDecimal(value) }
    mutating func bool(_ value: Bool) {
        valuePrefix()
        if value { out.append("true" as StaticString) } else { out.append("false" as StaticString) }
    }
    mutating func null() { valuePrefix(); out.append("null" as StaticString) }
    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func field(_ name: StaticString, _ value: String) { key(name); string(value) }
    mutating func field(_ name: StaticString, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: StaticString, _ value: Int) { key(name); int(value) }
    mutating func field(_ name: StaticString, _ value: Bool) { key(name); bool(value) }

    @inline(__always)
    private mutating func valuePrefix() {
        if pendingKey {
            pendingKey = false
        } else {
            if hasMembers { out.append(UInt8(ascii: ",")) }
            if level > 0 { newline(depth: level) }
        }
        hasMembers = true
    }

    private mutating func close(_ bracket: UInt8) {
        let hadMembers = hasMembers
        if level >= 64 { deepMembers.removeLast() }
        level -= 1
        let indent = hadMembers ? indentUnit.map { $0 &* level } ?? -1 : -1
        if let room = out.room(indent &+ 10) {
            var at = 0
            if indent >= 0 { Self.storeBreak(room, &at, indent) }
            room[at] = bracket
            out.advance(at + 1)
        } else {
            if hadMembers { newline(depth: level) }
            out.append(bracket)
        }
    }

    @inline(__always)
    private func newline(depth: Int) {
        guard let indentUnit else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(repeating: UInt8(ascii: " "), count: indentUnit * depth)
    }

    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped,
    /// every other byte (UTF-8 included) copied in runs. Sixteen or eight bytes are tested at a time
    /// (`needsEscape`), sixteen where the text is long enough: most text has nothing to escape.
    static func appendQuoted(_ text: String, to out: ByteBuffer) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(text, to: out)
        out.append(UInt8(ascii: "\""))
    }

    /// Several pieces as one JSON string literal (`message`, a separator, `help`), without
    /// joining them into a new string first.
    mutating func string(joining pieces: String...) {
        valuePrefix()
        Self.appendQuoted(joining: pieces, to: out)
    }

    /// `pieces` as one JSON string literal, written into `out`.
    static func appendQuoted(joining pieces: String..., to out: ByteBuffer) {
        appendQuoted(joining: pieces, to: out)
    }

    private static func appendQuoted(joining pieces: [String], to out: ByteBuffer) {
        out.append(UInt8(ascii: "\""))
        for piece in pieces { appendEscaped(piece, to: out) }
        out.append(UInt8(ascii: "\""))
    }

    /// The inside of `appendQuoted`: `text` escaped, without the quotes.
    private static func appendEscaped(_ text: String, to out: ByteBuffer) {
        // Native text is read in place; other text (bridged, or a small string) is copied once.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: out) }) == nil {
            var text = text
            text.withUTF8 { appendEscaped($0, to: out) }
        }
    }

    private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to out: ByteBuffer) {
        var runStart = 0
        var index = 0
        let raw = UnsafeRawBufferPointer(utf8)
        while index < utf8.count {
            if index + 16 <= utf8.count,
                escapeMask(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    | escapeMask(raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)) == 0
            {
                index += 16
                continue
            }
            if index + 8 <= utf8.count, !needsEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            out.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            runStart = index + 1
            index += 1
            switch byte {
            case UInt8(ascii: "\""): out.append("\\\"" as StaticString)
            case UInt8(ascii: "\\"): out.append("\\\\" as StaticString)
            case UInt8(ascii: "\n"): out.append("\\n" as StaticString)
            case UInt8(ascii: "\r"): out.append("\\r" as StaticString)
            case UInt8(ascii: "\t"): out.append("\\t" as StaticString)
            default:
                let hex: StaticString = "0123456789abcdef"
                out.append("\\u00" as StaticString)
                hex.withUTF8Buffer { digits in
                    out.append(digits[Int(byte >> 4)])
                    out.append(digits[Int(byte & 0xF)])
                }
            }
        }
        out.append(UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }

    /// True when one of the eight bytes of `word` is below 0x20, a `"` or a `\`.
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> Bool { escapeMask(word) != 0 }

    /// The high bit of each byte of `word` that is below 0x20, a `"` or a `\`, set (and
    /// maybe of bytes after one, never of bytes before): the usual bit tricks for "a byte
    /// less than n" and "a zero byte", exact for whether any byte is one.
    @inline(__always)
    static func escapeMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let quotes = (quote &- ones) & ~quote & highs
        let backslashes = (backslash &- ones) & ~backslash & highs
        return below | quotes | backslashes
    }
}
