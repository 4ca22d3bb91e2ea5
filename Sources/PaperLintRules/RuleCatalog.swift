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

    /// `rules` in units to run side by side: the rules that share prepared values run after
    /// `prepare` in the first unit (so no other unit waits for, or repeats, that work); every
    /// other rule is a unit of its own.
    public static func units(_ rules: [any Rule.Type]) -> [Unit] {
        let sharing = rules.indices.filter { sharingRuleIDs.contains(rules[$0].description.id) }
        let others = rules.indices.filter { !sharingRuleIDs.contains(rules[$0].description.id) }.map { Unit(prepares: false, rules: [$0]) }
        return sharing.isEmpty ? others : [Unit(prepares: true, rules: sharing)] + others
    }

    /// The rule with id `id`, if any.
    public static func rule(withID id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }
}
