import Dispatch
import PaperLintCore
import PaperLintRules
import Synchronization

/// Runs the rules over one document: every enabled rule side by side, configured severities
/// and suppression comments applied, an entry's many template slips merged into one. `check`
/// and the fix loop both run it.
enum RuleRunner {
    /// Every enabled rule's findings on byte ranges, with configured severities and suppression
    /// comments applied (the fix loop works on these).
    static func run(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        let suppressions = Suppressions(document, knownRules: RuleCatalog.ids)
        var found = suppressions.problems
        let timer = PhaseTimer.shared
        let enabled = RuleCatalog.all.filter {
            configuration.severity(of: $0.description.id, default: $0.description.defaultSeverity) != nil
        }
        // Most rules read the paper entries: parse them (on every core) before the rules start.
        _ = document.paperEntries(configuration)
        // Rules are independent and read only the document: run them on every core. Each
        // rule's findings land in its own slot, so the result does not depend on scheduling.
        let slots = Mutex([[Diagnostic]](repeating: [], count: enabled.count))
        let units = RuleCatalog.units(enabled)
        DispatchQueue.concurrentPerform(iterations: units.count) { unit in
            if units[unit].prepares { timer.measureDetail("rules/shared") { RuleCatalog.prepare(document, configuration) } }
            for index in units[unit].rules {
                let rule = enabled[index]
                let findings = timer.measureDetail("rules/" + rule.description.id) { rule.init().check(document, configuration) }
                slots.withLock { $0[index] = findings }
            }
        }
        // Taken out of the slots and emptied one by one as they are copied: a dense list's
        // findings are then held once, not twice, while they are gathered.
        var results = slots.withLock { slots in
            defer { slots = [] }
            return slots
        }
        found.reserveCapacity(found.count + results.reduce(0) { $0 + $1.count })
        for (index, rule) in enabled.enumerated() {
            let findings = results[index]
            results[index] = []
            let id = rule.description.id
            // A severity set under `rules:` applies to every finding of the rule; without one,
            // each finding keeps the severity the rule gave it (some rules rate findings lower).
            let configured = configuration.severities[id] ?? nil
            for var diagnostic in findings {
                if !suppressions.isEmpty && suppressions.isSuppressed(id, line: document.line(containing: diagnostic.range.lowerBound)) {
                    continue
                }
                if let configured { diagnostic.severity = configured }
                found.append(diagnostic)
            }
        }
        return TemplateFindings.collapse(found, in: document)
    }
}
