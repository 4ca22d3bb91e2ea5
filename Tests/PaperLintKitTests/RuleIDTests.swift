import Foundation
@testable import PaperLintKit
import PaperLintCore
import PaperLintRules
import PaperLintTestSupport
import Testing

/// Rule ids come from one place, the rule catalog: every other list of ids agrees with it.
@Suite struct RuleIDTests {
    /// The ids of a Markdown table's first column (`| \`id\` | … |`) under `heading`.
    static func tableIDs(_ text: String, under heading: String) -> [String] {
        guard let start = text.range(of: heading) else { return [] }
        var ids: [String] = []
        var inTable = false
        for line in text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("| `") {
                inTable = true
                let cell = line.dropFirst(3).prefix { $0 != "`" }
                ids.append(String(cell))
            } else if inTable && !line.hasPrefix("|") {
                break
            }
        }
        return ids
    }

    @Test func theCatalogIsTheOneListOfIDs() throws {
        let ids = RuleCatalog.ids
        #expect(Set(ids).count == ids.count, "ids are unique")
        #expect(ids == RuleCatalog.all.map { $0.description.id })
        // The README's rule table lists every rule once.
        let readme = try String(contentsOfFile: Fixtures.packageRoot + "/README.md", encoding: .utf8)
        let documented = Self.tableIDs(readme, under: "| id | checks | default |")
        #expect(documented.count == ids.count && Set(documented) == Set(ids), "\(documented)")
        // The engine's own id lists name catalog rules only.
        #expect(TemplateFindings.rules.isSubset(of: ids))
        #expect(!ids.contains(Suppressions.ruleID))
        // Presets name catalog rules only, and configuration accepts exactly the catalog's.
        for preset in ["paper-list", "venue-list"] {
            let configuration = try ConfigurationLoader.load(text: "preset: \(preset)\n")
            #expect(Set(configuration.severities.keys).isSubset(of: ids), "\(preset)")
        }
        for id in ids { #expect((try? ConfigurationLoader.load(text: "rules:\n  \(id): warning\n")) != nil, "\(id)") }
        #expect(throws: PaperLintError.self) { try ConfigurationLoader.load(text: "rules:\n  not-a-rule: warning\n") }
    }

    /// The agreed contract's rule table (../shared/DESIGN.md, where present) names only
    /// catalog rules: paperlint may add rules, never drop one.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: Fixtures.packageRoot + "/../shared/DESIGN.md"), "../shared absent: skipped"))
    func theContractsRulesAreAllInTheCatalog() throws {
        let design = try String(contentsOfFile: Fixtures.packageRoot + "/../shared/DESIGN.md", encoding: .utf8)
        let named = Self.tableIDs(design, under: "## Rule ids")
        #expect(!named.isEmpty)
        #expect(Set(named).isSubset(of: RuleCatalog.ids), "\(Set(named).subtracting(RuleCatalog.ids))")
    }
}
