import PaperLintCore

/// Every built-in rule, in documentation order.
public enum RuleCatalog {
    public static let all: [any Rule.Type] = [
        EntryFormatRule.self, DateFormatRule.self, WhitespaceRule.self, LinkLabelRule.self, LinkSpacingRule.self,
        URLRule.self, ArxivURLRule.self, PunctuationRule.self, DuplicateRule.self, LinkTitleMismatchRule.self,
        OrderRule.self, DateMismatchRule.self, TableOfContentsRule.self, EncodingRule.self,
    ]

    /// Computes what several rules share (entries, paper entries, paper identities, the list
    /// layout), so rules run side by side find it ready instead of each computing it.
    public static func prepare(_ document: Document, _ configuration: Configuration) {
        _ = PaperIdentity.all(in: document, configuration)
        _ = PaperIdentity.ListLayout.of(document, configuration)
    }

    /// The rule with id `id`, if any.
    public static func rule(withID id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }
}
