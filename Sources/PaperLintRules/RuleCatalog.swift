import PaperLintCore

/// Every built-in rule, in documentation order.
public enum RuleCatalog {
    public static let all: [any Rule.Type] = [
        EntryFormatRule.self, DateFormatRule.self, WhitespaceRule.self, LinkLabelRule.self, LinkSpacingRule.self,
        URLRule.self, ArxivURLRule.self, PunctuationRule.self, VenueNameRule.self, DuplicateRule.self, LinkTitleMismatchRule.self,
        OrderRule.self, DateMismatchRule.self, TableOfContentsRule.self, EncodingRule.self,
    ]

    /// Every rule id, in documentation order: the one list configuration, suppression comments
    /// and documentation take their ids from.
    public static let ids: [String] = all.map { $0.description.id }

    /// Computes what several rules share (paper identities, the list layout) for the rules
    /// in `sharingRuleIDs`.
    public static func prepare(_ document: Document, _ configuration: Configuration) {
        _ = PaperIdentity.all(in: document, configuration)
        _ = PaperIdentity.ListLayout.of(document, configuration)
    }

    /// The rules that read what `prepare` computes.
    static let sharingRuleIDs: Set<String> = [
        DuplicateRule.description.id, LinkTitleMismatchRule.description.id, DateMismatchRule.description.id,
        OrderRule.description.id,
    ]

    /// Rules to run one after another on one core; units run side by side.
    public struct Unit: Sendable {
        /// True when the unit starts with `prepare`.
        public var prepares: Bool
        /// Indices into the rules given to `units(_:)`.
        public var rules: [Int]
    }

    /// `rules` in units to run side by side, every rule a unit of its own: the first unit runs
    /// `prepare` and then the first rule that reads what it prepares; the other rules that read
    /// it come last, when `prepare` is long done (had it not, they would wait for it, not
    /// repeat it: the values are memos). On a dense list those rules are a third of the work,
    /// and one core running all of them after `prepare` was the last to finish.
    public static func units(_ rules: [any Rule.Type]) -> [Unit] {
        let sharing = rules.indices.filter { sharingRuleIDs.contains(rules[$0].description.id) }
        let others = rules.indices.filter { !sharingRuleIDs.contains(rules[$0].description.id) }.map { Unit(prepares: false, rules: [$0]) }
        guard let first = sharing.first else { return others }
        return [Unit(prepares: true, rules: [first])] + others + sharing.dropFirst().map { Unit(prepares: false, rules: [$0]) }
    }

    /// The rule with id `id`, if any.
    public static func rule(withID id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }
}
