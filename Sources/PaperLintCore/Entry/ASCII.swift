#if canImport(Glibc)
import Glibc
#endif

/// The ASCII bytes paperlint's byte scanners look at (the entry grammar and the rules), and
/// the classes they test, in one table. Computed and inlinable: a constant in every caller.
public enum ASCII {
    @inlinable public static var tab: UInt8 { UInt8(ascii: "\t") }
    @inlinable public static var newline: UInt8 { UInt8(ascii: "\n") }
    @inlinable public static var carriageReturn: UInt8 { UInt8(ascii: "\r") }
    @inlinable public static var space: UInt8 { UInt8(ascii: " ") }
    @inlinable public static var exclamation: UInt8 { UInt8(ascii: "!") }
    @inlinable public static var doubleQuote: UInt8 { UInt8(ascii: "\"") }
    @inlinable public static var hash: UInt8 { UInt8(ascii: "#") }
    @inlinable public static var percent: UInt8 { UInt8(ascii: "%") }
    @inlinable public static var ampersand: UInt8 { UInt8(ascii: "&") }
    @inlinable public static var singleQuote: UInt8 { UInt8(ascii: "'") }
    @inlinable public static var openParen: UInt8 { UInt8(ascii: "(") }
    @inlinable public static var closeParen: UInt8 { UInt8(ascii: ")") }
    @inlinable public static var asterisk: UInt8 { UInt8(ascii: "*") }
    @inlinable public static var plus: UInt8 { UInt8(ascii: "+") }
    @inlinable public static var comma: UInt8 { UInt8(ascii: ",") }
    @inlinable public static var hyphen: UInt8 { UInt8(ascii: "-") }
    @inlinable public static var period: UInt8 { UInt8(ascii: ".") }
    @inlinable public static var slash: UInt8 { UInt8(ascii: "/") }
    @inlinable public static var zero: UInt8 { UInt8(ascii: "0") }
    @inlinable public static var nine: UInt8 { UInt8(ascii: "9") }
    @inlinable public static var colon: UInt8 { UInt8(ascii: ":") }
    @inlinable public static var semicolon: UInt8 { UInt8(ascii: ";") }
    @inlinable public static var lessThan: UInt8 { UInt8(ascii: "<") }
    @inlinable public static var equals: UInt8 { UInt8(ascii: "=") }
    @inlinable public static var greaterThan: UInt8 { UInt8(ascii: ">") }
    @inlinable public static var questionMark: UInt8 { UInt8(ascii: "?") }
    @inlinable public static var at: UInt8 { UInt8(ascii: "@") }
    @inlinable public static var openBracket: UInt8 { UInt8(ascii: "[") }
    @inlinable public static var backslash: UInt8 { UInt8(ascii: "\\") }
    @inlinable public static var closeBracket: UInt8 { UInt8(ascii: "]") }
    @inlinable public static var underscore: UInt8 { UInt8(ascii: "_") }
    @inlinable public static var backtick: UInt8 { UInt8(ascii: "`") }

    @inlinable public static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }
    @inlinable public static func isLetter(_ byte: UInt8) -> Bool {
        byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
    }
    @inlinable public static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    @inlinable public static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }
    /// Space or tab.
    @inlinable public static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }
    /// Space, tab, or a line terminator byte.
    @inlinable public static func isSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == carriageReturn
    }
    @inlinable public static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
    /// True when `bytes[at...]` (before `end`) starts with `prefix`, ASCII case-insensitively
    /// (`prefix` is lowercase), or byte for byte when `ignoringCase` is false.
    public static func hasPrefix(_ bytes: [UInt8], at: Int, end: Int, _ prefix: StaticString, ignoringCase: Bool = true) -> Bool {
        // A constant's bytes, read through a pointer: a `String` prefix was copied out of the
        // string on every call (165 instructions for `https`), and these run on every URL.
        prefix.withUTF8Buffer { expected in
            guard at >= 0, at + expected.count <= end, at + expected.count <= bytes.count else { return false }
            return bytes.withUnsafeBufferPointer { bytes in
                for offset in 0..<expected.count where (ignoringCase ? lowercased(bytes[at + offset]) : bytes[at + offset]) != expected[offset] {
                    return false
                }
                return true
            }
        }
    }
    /// The first index from `start` (before `end`) of a byte equal to `a`, `b` or `c`, or
    /// `end`: eight bytes at a time while none of them is one.
    @inlinable public static func firstIndex(
        of a: UInt8, _ b: UInt8, _ c: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
    ) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= end {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let found = ASCII.bytes(of: word, equalTo: a) | ASCII.bytes(of: word, equalTo: b) | ASCII.bytes(of: word, equalTo: c)
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < end && bytes[index] != a && bytes[index] != b && bytes[index] != c { index += 1 }
        return index
    }

    /// The first index from `start` (before `end`) of a byte above 0x7F, or `end`: eight bytes
    /// at a time while they are all ASCII.
    public static func endOfASCII(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        bytes.withUnsafeBytes { endOfASCII($0, from: start, to: end) }
    }

    private static func endOfASCII(_ raw: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        var index = start
        while index + 8 <= end && raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            index += 8
        }
        while index < end && raw[index] < 0x80 { index += 1 }
        return index
    }
    /// The bytes of `word` equal to `byte`, as the high bit of each (exactly: no other bit is
    /// set, so adjacent matches show as adjacent flags). `word` holds eight bytes of a
    /// buffer, the first in its lowest bits.
    @inlinable public static func bytes(of word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let zeroed = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        let low = 0x7F7F_7F7F_7F7F_7F7F as UInt64
        return ~(((zeroed & low) &+ low) | zeroed | low)
    }
    /// True when every byte of `text` is ASCII, read eight bytes at a time.
    public static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in endOfASCII(UnsafeRawBufferPointer(utf8), from: 0, to: utf8.count) == utf8.count }
    }
    /// The first index of `byte` in `bytes[start..<end]`, or nil (memchr).
    public static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        return bytes.withUnsafeBytes { raw in
            memchr(raw.baseAddress! + start, Int32(byte), end - start).map { raw.baseAddress!.distance(to: UnsafeRawPointer($0)) }
        }
    }
    /// True when `pattern` occurs in `bytes`, byte for byte.
    public static func contains(_ bytes: [UInt8], _ pattern: [UInt8]) -> Bool { contains(bytes[...], pattern) }
    /// True when `pattern` occurs in `bytes`, byte for byte.
    public static func contains(_ bytes: ArraySlice<UInt8>, _ pattern: [UInt8]) -> Bool {
        guard let first = pattern.first else { return true }
        guard bytes.count >= pattern.count else { return false }
        for start in bytes.startIndex...(bytes.endIndex - pattern.count) where bytes[start] == first {
            if bytes[start..<start + pattern.count].elementsEqual(pattern) { return true }
        }
        return false
    }
    /// Punctuation that can stray between the parts of an entry: `.` `,` `;` `:`.
    @inlinable public static func isStrayPunctuation(_ byte: UInt8) -> Bool {
        byte == period || byte == comma || byte == semicolon || byte == colon
    }
}
