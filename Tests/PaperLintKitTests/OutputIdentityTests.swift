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
        return hashes(of: report)
    }

    /// `format hash` lines for `report`.
    static func hashes(of report: LintReport) -> String {
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

    /// A staged change on the dense list, read through git's index as `check --staged` reads
    /// it: 40 seeded edits (a double space, `][[`, `http://https://`, a copied entry) spread
    /// through the file, so the learned house style, the duplicates and the order all meet
    /// changed lines above and below the entries they collide with. (Ten double spaces in
    /// one change are written on purpose: `whitespace` rightly says nothing.)
    @Test func stagedChangePrintsWhatItPrinted() throws {
        let base = ListGenerator(seed: 42, shape: .dense).generateBytes(entries: 3_000)
        var lines = String(decoding: base, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let entries = lines.indices.filter { lines[$0].hasPrefix("- [20") }
        var random = SplitMix64(seed: 5)
        for edit in 0..<40 {
            let at = entries[Int(random.next() % UInt64(entries.count))]
            switch edit % 4 {
            case 0: lines[at] = lines[at].replacing("** *", with: "**  *", maxReplacements: 1)
            case 1: lines[at] = lines[at].replacing("] [[", with: "][[", maxReplacements: 1)
            case 2: lines.insert(lines[entries[Int(random.next() % UInt64(entries.count))]], at: at)
            default: lines[at] = lines[at].replacing("https://", with: "http://https://", maxReplacements: 1)
            }
        }
        let repo = try ScratchRepository()
        try repo.write("README.md", bytes: base)
        try repo.commitAll("list")
        try repo.write("README.md", lines.joined(separator: "\n"))
        _ = try repo.git("add", "README.md")
        var request = CheckRequest(mode: .staged, currentDirectory: repo.path)
        request.configuration = Self.configuration
        let report = try Linter.check(request)
        #expect(Set(report.diagnostics.map(\.rule)).isSuperset(of: ["link-spacing", "url", "duplicate", "order"]))
        Golden.check(Self.hashes(of: report), "output-hashes/staged-dense.txt")
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
