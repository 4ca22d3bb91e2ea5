/// 64-bit FNV-1a, for keys that must not change between runs or machines (Swift's `Hasher`
/// is seeded per process): SARIF fingerprints, hand-review keys of corpus findings.
public enum FNV1a {
    /// The hash of no bytes at all, where every hash starts.
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of `text`'s UTF-8 bytes as 16 lowercase hex digits.
    public static func hex<S: StringProtocol>(_ text: S) -> String {
        hex(hash(text))
    }

    /// The hash of `text`'s UTF-8 bytes, continuing `hash` (the hash of the bytes before them).
    public static func hash<S: StringProtocol>(_ text: S, continuing hash: UInt64 = offsetBasis) -> UInt64 {
        if let hash = text.utf8.withContiguousStorageIfAvailable({ Self.hash($0, continuing: hash) }) { return hash }
        var hash = hash
        for byte in text.utf8 { add(byte, to: &hash) }
        return hash
    }

    /// The hash of `bytes`, continuing `hash`.
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>, continuing hash: UInt64 = offsetBasis) -> UInt64 {
        var hash = hash
        for byte in bytes { add(byte, to: &hash) }
        return hash
    }

    /// `hash` continued by one byte.
    @inlinable
    public static func add(_ byte: UInt8, to hash: inout UInt64) {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
    }

    /// `hash` as 16 lowercase hex digits.
    public static func hex(_ hash: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            writeHex(hash, to: buffer.baseAddress!)
            return 16
        }
    }

    /// `hash` as 16 lowercase hex digits stored at `digits` (a reporter writes them straight
    /// into its output).
    public static func writeHex(_ hash: UInt64, to digits: UnsafeMutablePointer<UInt8>) {
        let hex: StaticString = "0123456789abcdef"
        hex.withUTF8Buffer { hex in
            for index in 0..<16 { digits[index] = hex[Int((hash >> UInt64(60 - 4 * index)) & 0xF)] }
        }
    }
}
