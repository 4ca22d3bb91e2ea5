/// 64-bit FNV-1a, for keys that must not change between runs or machines (Swift's `Hasher`
/// is seeded per process): SARIF fingerprints, hand-review keys of corpus findings.
public enum FNV1a {
    /// The hash of `text`'s UTF-8 bytes as 16 lowercase hex digits.
    public static func hex<S: StringProtocol>(_ text: S) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
