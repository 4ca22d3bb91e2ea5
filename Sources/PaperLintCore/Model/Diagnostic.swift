/// How much a finding matters; ordered so that `error > warning > info`.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Another place in the same document that explains a finding ("first listed here").
public struct RelatedLocation: Hashable, Sendable {
    public var range: Range<Int>
    public var message: String
    public init(range: Range<Int>, message: String) {
        self.range = range
        self.message = message
    }
}

/// One finding of one rule, located by a UTF-8 byte range of the document.
public struct Diagnostic: Hashable, Sendable {
    public var ruleID: String
    public var severity: Severity
    public var range: Range<Int>
    public var message: String
    public var help: String?
    public var related: [RelatedLocation]
    public var fix: Fix?

    public init(
        ruleID: String, severity: Severity, range: Range<Int>, message: String, help: String? = nil,
        related: [RelatedLocation] = [], fix: Fix? = nil
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.range = range
        self.message = message
        self.help = help
        self.related = related
        self.fix = fix
    }

    /// A diagnostic of rule `R`, at the rule's default severity unless `severity` is given.
    ///
    /// A rule may rate some findings below its default (a repeat across sections, a heading
    /// missing from the table of contents); a severity set for the rule in the configuration
    /// applies to all of its findings.
    public init<R: Rule>(
        rule: R.Type, severity: Severity? = nil, range: Range<Int>, message: String, help: String? = nil,
        related: [RelatedLocation] = [], fix: Fix? = nil
    ) {
        self.init(
            ruleID: R.description.id, severity: severity ?? R.description.defaultSeverity, range: range,
            message: message, help: help, related: related, fix: fix)
    }
}
