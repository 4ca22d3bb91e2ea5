/// A minimal JSON emitter that keeps keys in the order written (DESIGN.md's order).
struct JSONWriter {
    private(set) var output = ""
    private var needsComma: [Bool] = [false]

    mutating func beginObject() { valuePrefix(); output += "{"; needsComma.append(false) }
    mutating func endObject() { needsComma.removeLast(); output += "}" }
    mutating func beginArray() { valuePrefix(); output += "["; needsComma.append(false) }
    mutating func endArray() { needsComma.removeLast(); output += "]" }

    mutating func key(_ name: String) {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = false
        output += Self.quoted(name) + ":"
        pendingKey = true
    }

    mutating func string(_ value: String) { valuePrefix(); output += Self.quoted(value) }
    mutating func int(_ value: Int) { valuePrefix(); output += String(value) }
    mutating func null() { valuePrefix(); output += "null" }
    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: String, _ value: Int) { key(name); int(value) }

    private var pendingKey = false

    private mutating func valuePrefix() {
        if pendingKey {
            pendingKey = false
        } else if needsComma[needsComma.count - 1] {
            output += ","
        }
        needsComma[needsComma.count - 1] = true
    }

    /// JSON string literal: escapes quotes, backslashes and control characters.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
