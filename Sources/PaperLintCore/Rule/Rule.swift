/// A check over one document: a pure function of the document and its configuration.
///
/// Rules do no I/O, read no clock and keep no state; the engine filters their output
/// by changed lines and severity, so rules always look at the whole document.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Findings at the rule's default severity, or below it for some findings (a repeat across
    /// sections); a severity configured for the rule replaces every finding's.
    func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic]
}

/// Documentation of a rule that doubles as its test table.
public struct RuleDescription: Sendable {
    public var id: String
    public var defaultSeverity: Severity
    public var summary: String
    public var rationale: String
    /// Examples that must produce no finding.
    public var nonTriggering: [Example]
    /// Examples with a `↓` before each expected finding.
    public var triggering: [Example]
    /// Input → expected output after applying every fix.
    public var corrections: [(Example, Example)]

    public init(
        id: String, defaultSeverity: Severity, summary: String, rationale: String,
        nonTriggering: [Example], triggering: [Example], corrections: [(Example, Example)] = []
    ) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.rationale = rationale
        self.nonTriggering = nonTriggering
        self.triggering = triggering
        self.corrections = corrections
    }
}

/// A Markdown snippet used as documentation and as a test case.
public struct Example: Sendable, CustomStringConvertible {
    /// The text with `↓` markers.
    public var marked: String
    public init(_ marked: String) { self.marked = marked }

    /// The text without markers.
    public var unmarked: String { marked.replacingMarker() }

    /// Byte offsets (in `unmarked`) where a marker stood.
    public var markerOffsets: [Int] {
        var offsets: [Int] = []
        var removed = 0
        let marker = Array("↓".utf8)
        let bytes = Array(marked.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == marker[0] && index + marker.count <= bytes.count
                && Array(bytes[index..<index + marker.count]) == marker
            {
                offsets.append(index - removed)
                removed += marker.count
                index += marker.count
            } else {
                index += 1
            }
        }
        return offsets
    }

    public var description: String { marked }
}

extension String {
    fileprivate func replacingMarker() -> String {
        String(String.UnicodeScalarView(unicodeScalars.filter { $0 != "↓" }))
    }
}
