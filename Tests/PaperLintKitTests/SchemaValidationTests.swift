import Foundation
import PaperLintKit
import PaperLintTestSupport
import Testing

/// SARIF and rdjson outputs against the official schemas in ../shared/schemas, with a real
/// validator (Python's jsonschema). Skipped, with the reason, without the schemas or Python.
@Suite(.enabled(if: Fixtures.sharedSchema("sarif-schema-2.1.0.json") != nil, "../shared/schemas absent: schema checks skipped"))
struct SchemaValidationTests {
    static var sarifSchema: String { Fixtures.sharedSchema("sarif-schema-2.1.0.json") ?? "" }
    static var rdjsonSchema: String { Fixtures.sharedSchema("rdjson/DiagnosticResult.json") ?? "" }

    @Test(.enabled(if: JSONSchemaValidator.isAvailable, Comment(rawValue: JSONSchemaValidator.skipReason)), arguments: CIScenario.names)
    func sarifIsValid(_ name: String) throws {
        let output = try ReporterScenario(name).render("sarif")
        #expect(try JSONSchemaValidator.problems(output, schemaPath: Self.sarifSchema) == "")
    }

    @Test(.enabled(if: JSONSchemaValidator.isAvailable, Comment(rawValue: JSONSchemaValidator.skipReason)), arguments: CIScenario.names)
    func rdjsonIsValid(_ name: String) throws {
        let output = try ReporterScenario(name).render("rdjson")
        #expect(try JSONSchemaValidator.problems(output, schemaPath: Self.rdjsonSchema) == "")
    }

    /// The validator really validates: a wrong version, a wrong level and a wrong severity fail.
    @Test(.enabled(if: JSONSchemaValidator.isAvailable, Comment(rawValue: JSONSchemaValidator.skipReason)))
    func brokenOutputsAreRejected() throws {
        let scenario = try ReporterScenario("pull-request")
        let sarif = scenario.render("sarif")
        let wrongVersion = sarif.replacingOccurrences(of: "\"version\": \"2.1.0\"", with: "\"version\": \"2.0.0\"")
        #expect(try JSONSchemaValidator.problems(wrongVersion, schemaPath: Self.sarifSchema).contains("version"))
        let wrongLevel = sarif.replacingOccurrences(of: "\"level\": \"warning\"", with: "\"level\": \"fatal\"")
        #expect(try JSONSchemaValidator.problems(wrongLevel, schemaPath: Self.sarifSchema) != "")
        let rdjson = scenario.render("rdjson")
        let wrongSeverity = rdjson.replacingOccurrences(of: "\"severity\": \"WARNING\"", with: "\"severity\": \"FATAL\"")
        #expect(try JSONSchemaValidator.problems(wrongSeverity, schemaPath: Self.rdjsonSchema).contains("severity"))
        let wrongLine = rdjson.replacingOccurrences(of: "\"line\": 15", with: "\"line\": \"15\"")
        #expect(try JSONSchemaValidator.problems(wrongLine, schemaPath: Self.rdjsonSchema) != "")
    }
}
