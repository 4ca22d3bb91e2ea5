import ArgumentParser
import PaperLintKit

extension Paperlint {
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule with its default severity and summary.")

        @Option(help: "text or json (json includes rationale and examples).")
        var format: RulesFormat = .text

        func run() throws {
            Standard.output(format == .json ? RuleDocumentation.json() : RuleDocumentation.list())
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Explain one rule: what it checks, why, and examples; `explain config`: every configuration key.")

        @Argument(help: "A rule id, e.g. whitespace, or config for the keys of .paperlint.yml.")
        var rule: String

        func run() throws {
            if rule == "config" {
                Standard.output(ConfigurationReference.text)
                return
            }
            guard let text = RuleDocumentation.explain(rule) else {
                throw PaperLintError("unknown rule '\(rule)'\(Suggestions.clause(rule, RuleDocumentation.ids)); `paperlint rules` lists them")
            }
            Standard.output(text)
        }
    }
}

enum RulesFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
