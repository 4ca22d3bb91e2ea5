/// A double-quoted string literal, as JSON and YAML write one: `"` and `\` escaped with a
/// backslash, and each scalar the format cannot print as itself written by `escape`.
enum QuotedString {
    @inline(__always)
    static func quoted(_ text: String, escape: (Unicode.Scalar) -> String?) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if let escaped = escape(scalar) { out += escaped } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// `prefix` and `value` in `width` hex digits: `\u001b`, `\U0001F600`.
    static func hex(_ value: UInt32, prefix: String, width: Int, uppercase: Bool) -> String {
        let digits = String(value, radix: 16, uppercase: uppercase)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
