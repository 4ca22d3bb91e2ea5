import Foundation
import PaperLintBenchSupport
import PaperLintCore
import PaperLintKit
import PaperLintTestSupport
import Testing

/// What paperlint prints for whole generated lists (both bench shapes) and for every corpus
/// list, in every machine-read format, pinned as a hash per format in
/// `Golden/output-hashes/`: a change meant to make output faster must leave these bytes
/// alone, and a change meant to alter them is reviewed there (`PAPERLINT_UPDATE_GOLDEN=1`).
@Suite struct OutputIdentityTests {
    static let configuration: Configuration = {
        var configuration = try! ConfigurationLoader.load(text: nil)
        configuration.today = YearMonth(year: 2026, month: 12)
        return configuration
    }()

    /// `format hash` lines for the report of `bytes`, checked as a whole.
    static func hashes(of bytes: [UInt8], path: String) -> String {
        let document = Document(bytes: bytes)
        let report = LintReport(
            files: [FileReport(path: path, document: document, diagnostics: Linter.lint(document, path: path, configuration))],
            configuration: configuration)
        let outputs: [(String, String)] = [
            ("text", TextReporter(colored: false).render(report)), ("text-colored", TextReporter(colored: true).render(report)),
            ("json", JSONReporter.render(report)), ("sarif", SARIFReporter.render(report)),
            ("rdjson", RDJSONReporter.render(report)), ("github", GitHubReporter().render(report)),
        ]
        return "findings \(report.diagnostics.count)\n" + outputs.map { name, text in "\(name) \(text.utf8.count) \(FNV1a.hex(text))\n" }.joined()
    }

    @Test(arguments: [ListGenerator.Shape.sparse, .dense])
    func generatedListsPrintWhatTheyPrinted(shape: ListGenerator.Shape) {
        let bytes = ListGenerator(seed: 42, shape: shape).generateBytes(entries: 3_000)
        Golden.check(Self.hashes(of: bytes, path: "README.md"), "output-hashes/\(shape).txt")
    }

    /// The CLI writes json, rdjson and SARIF through a buffer drained a megabyte at a time:
    /// cut into loads of any size, the bytes are those of the whole.
    @Test func streamedOutputIsTheWholeOutput() {
        let bytes = ListGenerator(seed: 42, shape: .dense).generateBytes(entries: 1_500)
        let document = Document(bytes: bytes)
        let report = LintReport(
            files: [FileReport(path: "README.md", document: document, diagnostics: Linter.lint(document, path: "README.md", Self.configuration))],
            configuration: Self.configuration)
        let renderers: [(String, (LintReport, ByteBuffer) -> Void, [UInt8])] = [
            ("json", JSONReporter.render, JSONReporter.renderBytes(report)),
            ("rdjson", RDJSONReporter.render, RDJSONReporter.renderBytes(report)),
            ("sarif", SARIFReporter.render, SARIFReporter.renderBytes(report)),
        ]
        for (name, render, whole) in renderers {
            var streamed: [UInt8] = []
            let out = ByteBuffer(chunk: 4_099) { streamed += Array($0) }
            render(report, out)
            out.flush()
            #expect(streamed == whole, "\(name)")
            #expect(whole.count > 4_099 * 10, "\(name): several loads")
        }
    }

    @Test func corpusListsPrintWhatTheyPrinted() throws {
        let heads = Fixtures.packageRoot + "/../shared/corpus/heads"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: heads) else {
            print(Fixtures.missingSharedMessage)
            return
        }
        var all = ""
        for name in names.filter({ $0.hasSuffix(".md") }).sorted() {
            all += "## \(name)\n" + Self.hashes(of: try Fixtures.bytes(heads + "/" + name), path: "README.md")
        }
        Golden.check(all, "output-hashes/corpus.txt")
    }
}
