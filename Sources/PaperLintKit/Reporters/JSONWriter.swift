/// A minimal JSON emitter that keeps keys in the order written (DESIGN.md's order).
///
/// Compact by default (`--format json` is one line); with `indent`, one value per line, for
/// the formats people read in review (SARIF, rdjson, review bodies).
struct JSONWriter {
    private(set) var output = ""
    private var needsComma: [Bool] = [false]
    private let indentUnit: String?

    /// `indent`: spaces per nesting level, or nil for compact output.
    init(indent: Int? = nil) {
        indentUnit = indent.map { String(repeating: " ", count: $0) }
    }

    mutating func beginObject() { valuePrefix(); output += "{"; needsComma.append(false) }
    mutating func endObject() { close("}") }
    mutating func beginArray() { valuePrefix(); output += "["; needsComma.append(false) }
    mutating func endArray() { close("]") }

    mutating func key(_ name: String) {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = false
        newline(depth: needsComma.count - 1)
        output += Self.quoted(name) + (indentUnit == nil ? ":" : ": ")
        pendingKey = true
    }

    mutating func string(_ value: String) { valuePrefix(); output += Self.quoted(value) }
    mutating func int(_ value: Int) { valuePrefix(); output += String(value) }
    mutating func bool(_ value: Bool) { valuePrefix(); output += value ? "true" : "false" }
    mutating func null() { valuePrefix(); output += "null" }
    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: String, _ value: Int) { key(name); int(value) }
    mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }

    private var pendingKey = false

    private mutating func valuePrefix() {
        if pendingKey {
            pendingKey = false
        } else {
            if needsComma[needsComma.count - 1] { output += "," }
            if needsComma.count > 1 { newline(depth: needsComma.count - 1) }
        }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func close(_ bracket: String) {
        let hadMembers = needsComma.removeLast()
        if hadMembers { newline(depth: needsComma.count - 1) }
        output += bracket
    }

    private mutating func newline(depth: Int) {
        guard let indentUnit else { return }
        output += "\n" + String(repeating: indentUnit, count: depth)
    }

    /// JSON string literal: escapes quotes, backslashes and control characters.
    static func quoted(_ text: String) -> String {
        QuotedString.quoted(text) { scalar in
            switch scalar {
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case let c where c.value < 0x20: QuotedString.hex(c.value, prefix: "\\u", width: 4, uppercase: false)
            default: nil
            }
        }
    }
}
