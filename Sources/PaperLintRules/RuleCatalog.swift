import PaperLintCore

/// Every built-in rule, in documentation order.
public enum RuleCatalog {
    public static let all: [any Rule.Type] = [
        EntryFormatRule.self, DateFormatRule.self, WhitespaceRule.self, LinkLabelRule.self, LinkSpacingRule.self,
        URLRule.self, ArxivURLRule.self, PunctuationRule.self, DuplicateRule.self, LinkTitleMismatchRule.self,
        OrderRule.self, DateMismatchRule.self, TableOfContentsRule.self, EncodingRule.self,
    ]

    /// The rule with id `id`, if any.
    public static func rule(withID id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }
}
