/// Suppression comments (DESIGN.md):
///
///     <!-- paperlint-disable-next-line date-format, url -->
///     <!-- paperlint-disable order -->  …  <!-- paperlint-enable order -->
///
/// Each comment stands on its own line. Without rule ids a comment applies to every rule.
/// A `disable` without its `enable` lasts to the end of the file. An unknown rule id never
/// silences anything: it is reported as a warning instead.
public struct Suppressions: Sendable {
    /// The pseudo rule id of problems with suppression comments themselves.
    public static let ruleID = "suppression"

    private struct Span {
        var rules: Set<String>?  // nil: every rule
        var lines: ClosedRange<Int>
    }
    private var spans: [Span] = []
    /// Unknown rule ids and enables without a disable, as warnings.
    public private(set) var problems: [Diagnostic] = []

    /// The comment that silences `rule` on the next line: what hints and documentation quote.
    public static func disablingNextLine(_ rule: String) -> String { "<!-- paperlint-disable-next-line \(rule) -->" }

    /// Whether a line is a suppression comment (`<!-- paperlint-…`), leading blanks aside: a
    /// rule that moves lines keeps such a comment with the line below it.
    public static func isDirective<S: StringProtocol>(_ line: S) -> Bool {
        line.drop { $0 == " " || $0 == "\t" }.hasPrefix("<!-- paperlint-")
    }

    /// `knownRules`: every rule id (the rule catalog's); an unknown one is reported.
    public init(_ document: Document, knownRules: [String]) {
        var open: [(rules: Set<String>?, from: Int)] = []
        for line in 1...document.lineCount {
            guard let directive = Self.directive(document, line) else { continue }
            let ids = directive.ids.filter { id in
                if knownRules.contains(id.text) { return true }
                problems.append(Diagnostic(
                    ruleID: Self.ruleID, severity: .warning, range: id.range,
                    message: "unknown rule '\(id.text)' in \(directive.command); nothing is suppressed by it",
                    help: Self.hint(id.text, knownRules)))
                return false
            }.map(\.text)
            if !directive.ids.isEmpty && ids.isEmpty { continue }
            let rules: Set<String>? = ids.isEmpty ? nil : Set(ids)
            switch directive.command {
            case "paperlint-disable-next-line":
                let target = Self.nextContentLine(document, after: line)
                spans.append(Span(rules: rules, lines: target...target))
            case "paperlint-disable":
                open.append((rules, line))
            default:  // paperlint-enable
                if let index = open.lastIndex(where: { $0.rules == rules }) {
                    let disabled = open.remove(at: index)
                    spans.append(Span(rules: rules, lines: disabled.from...line))
                } else {
                    problems.append(Diagnostic(
                        ruleID: Self.ruleID, severity: .warning, range: document.contentRange(ofLine: line),
                        message: "paperlint-enable without a matching paperlint-disable",
                        help: "remove the comment, or add <!-- paperlint-disable … --> above the lines to silence"))
                }
            }
        }
        for disabled in open { spans.append(Span(rules: disabled.rules, lines: disabled.from...Int.max)) }
    }

    /// True when findings of `rule` starting on `line` are silenced.
    public func isSuppressed(_ rule: String, line: Int) -> Bool {
        spans.contains { span in span.lines.contains(line) && (span.rules?.contains(rule) ?? true) }
    }

    public var isEmpty: Bool { spans.isEmpty && problems.isEmpty }

    private struct Directive {
        var command: String
        var ids: [(text: String, range: Range<Int>)]
    }

    private static let commands = ["paperlint-disable-next-line", "paperlint-disable", "paperlint-enable"]

    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)

    private static func directive(_ document: Document, _ line: Int) -> Directive? {
        let bytes = document.bytes
        var range = document.contentRange(ofLine: line)
        while let first = range.first, bytes[first] == 0x20 || bytes[first] == 0x09 { range = (first + 1)..<range.upperBound }
        while let last = range.last, bytes[last] == 0x20 || bytes[last] == 0x09 { range = range.lowerBound..<last }
        // Every line is asked: most are turned away by their first byte, with nothing allocated.
        let open = Self.commentOpen, close = Self.commentClose
        guard range.count >= open.count + close.count, bytes[range.lowerBound] == UInt8(ascii: "<"),
            bytes[range.prefix(open.count)].elementsEqual(open),
            bytes[range.suffix(close.count)].elementsEqual(close)
        else { return nil }
        // Words between the markers: the command, then rule ids split by commas or blanks.
        var words: [(text: String, range: Range<Int>)] = []
        var index = range.lowerBound + open.count
        let end = range.upperBound - close.count
        while index < end {
            while index < end && (bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == UInt8(ascii: ",")) { index += 1 }
            let start = index
            while index < end && bytes[index] != 0x20 && bytes[index] != 0x09 && bytes[index] != UInt8(ascii: ",") { index += 1 }
            if index > start { words.append((String(decoding: bytes[start..<index], as: UTF8.self), start..<index)) }
        }
        guard let command = words.first?.text, commands.contains(command) else { return nil }
        return Directive(command: command, ids: Array(words.dropFirst()))
    }

    private static func nextContentLine(_ document: Document, after line: Int) -> Int {
        var next = line + 1
        while next < document.lineCount && document.contentRange(ofLine: next).isEmpty { next += 1 }
        return next
    }

    private static func hint(_ id: String, _ known: [String]) -> String {
        // A cheap closeness test (same letters ignoring separators) keeps Core free of edit distance.
        let key = id.lowercased().filter { $0.isLetter }
        if let match = known.first(where: { $0.filter { $0.isLetter } == key }) { return "did you mean '\(match)'?" }
        return "rule ids are listed by `paperlint rules`"
    }
}
