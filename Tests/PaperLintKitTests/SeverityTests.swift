import PaperLintCore
import Testing

@testable import PaperLintKit

/// A rule may report a finding below its default severity (`duplicate` across sections);
/// the engine keeps it that many levels below whatever the rule is configured to.
@Suite struct SeverityTests {
    @Test func configuredSeverityAppliesToDefaultFindings() {
        for configured in Severity.allCases {
            #expect(Linter.effectiveSeverity(configured: configured, ruleDefault: .error, emitted: .error) == configured)
            #expect(Linter.effectiveSeverity(configured: configured, ruleDefault: .warning, emitted: .warning) == configured)
        }
    }

    @Test func aLoweredFindingStaysLowered() {
        #expect(Linter.effectiveSeverity(configured: .error, ruleDefault: .error, emitted: .warning) == .warning)
        #expect(Linter.effectiveSeverity(configured: .warning, ruleDefault: .error, emitted: .warning) == .info)
        #expect(Linter.effectiveSeverity(configured: .info, ruleDefault: .error, emitted: .warning) == .info)
        #expect(Linter.effectiveSeverity(configured: .error, ruleDefault: .error, emitted: .info) == .info)
        #expect(Linter.effectiveSeverity(configured: .error, ruleDefault: .warning, emitted: .info) == .warning)
        // A finding above the default is not raised further: the configuration decides.
        #expect(Linter.effectiveSeverity(configured: .warning, ruleDefault: .warning, emitted: .error) == .warning)
    }
}
