import PaperLintCore
import PaperLintKit
import PaperLintRules
import Testing

/// Examples are checked against the default preset, as a list without `.paperlint.yml` is,
/// with a fixed "today" so date checks do not depend on the clock, and with every matter of
/// taste on (`taste:`), so the examples document those checks too.
let exampleConfiguration: Configuration = {
    var configuration = (try? ConfigurationLoader.load(text: nil)) ?? .default
    configuration.today = YearMonth(year: 2026, month: 6)
    configuration.taste = Set(TasteCheck.allCases)
    return configuration
}()

/// One case per documented example of every rule: the descriptions are the test table.
struct RuleExampleCase: CustomTestStringConvertible, Sendable {
    enum Kind: Sendable { case triggering, nonTriggering, correction(Example) }
    let rule: any Rule.Type
    let example: Example
    let kind: Kind
    /// Prefix prepended to check offsets after multi-byte text.
    let prefix: String

    var testDescription: String { "\(rule.description.id) \(kind) \(prefix.isEmpty ? "" : "(after multi-byte line) ")\(example.marked.debugDescription)" }

    static func cases(for rule: any Rule.Type) -> [RuleExampleCase] {
        let description = rule.description
        var cases: [RuleExampleCase] = []
        // Every example runs twice: as written, and after a line of multi-byte text, so byte
        // offsets and scalar columns cannot be confused.
        for prefix in ["", "Ünïcödé 漢字 🔔 line\n\n"] {
            cases += description.triggering.map { RuleExampleCase(rule: rule, example: $0, kind: .triggering, prefix: prefix) }
            cases += description.nonTriggering.map { RuleExampleCase(rule: rule, example: $0, kind: .nonTriggering, prefix: prefix) }
            cases += description.corrections.map { RuleExampleCase(rule: rule, example: $0.0, kind: .correction($0.1), prefix: prefix) }
        }
        return cases
    }
}

func applyingAllFixes(_ diagnostics: [Diagnostic], to bytes: [UInt8]) -> [UInt8] {
    let edits = diagnostics.compactMap(\.fix).flatMap(\.edits)
    return Fix(.safe, "all", edits: edits).applied(to: bytes)
}

@Test(arguments: RuleCatalog.all.flatMap(RuleExampleCase.cases(for:)))
func ruleExample(_ c: RuleExampleCase) throws {
    let text = c.prefix + c.example.unmarked
    let document = Document(text)
    let found = c.rule.init().check(document, exampleConfiguration)
    let shift = c.prefix.utf8.count
    switch c.kind {
    case .triggering:
        #expect(found.map(\.range.lowerBound) == c.example.markerOffsets.map { $0 + shift })
        #expect(found.allSatisfy { $0.ruleID == c.rule.description.id })
    case .nonTriggering:
        #expect(found.isEmpty, "\(found)")
    case .correction(let expected):
        let corrected = applyingAllFixes(found, to: Array(text.utf8))
        #expect(String(decoding: corrected, as: UTF8.self) == c.prefix + expected.unmarked)
        // A corrected text is clean: fixing again changes nothing.
        #expect(c.rule.init().check(Document(bytes: corrected), exampleConfiguration).isEmpty)
    }
}

@Test func everyRuleDocumentsItself() {
    var ids = Set<String>()
    for rule in RuleCatalog.all {
        let description = rule.description
        #expect(ids.insert(description.id).inserted, "duplicate id \(description.id)")
        #expect(!description.summary.isEmpty && !description.rationale.isEmpty)
        #expect(!description.triggering.isEmpty && !description.nonTriggering.isEmpty)
        #expect(description.id.allSatisfy { $0.isLowercase || $0 == "-" })
        #expect(RuleCatalog.rule(withID: description.id) != nil)
    }
}
