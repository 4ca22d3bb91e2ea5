import Foundation
import PaperLintCore
@testable import PaperLintKit

/// Builds reports from hand-made diagnostics, for reporter edge cases no rule produces.
enum SyntheticReport {
    /// `diagnostics` located in `text` (by byte ranges), as the engine would report them.
    static func make(_ text: String, path: String = "README.md", _ diagnostics: [Diagnostic]) -> LintReport {
        let document = Document(text)
        let reported = diagnostics.map { ReportedDiagnostic($0, path: path, in: document) }.sorted(by: ReportedDiagnostic.ordered)
        return LintReport(files: [FileReport(path: path, document: document, diagnostics: reported)], configuration: .default)
    }

    /// The byte range of `needle`'s first occurrence in `text`.
    static func range(of needle: String, in text: String) -> Range<Int> {
        let bytes = Array(text.utf8), target = Array(needle.utf8)
        for start in 0...(bytes.count - target.count) where Array(bytes[start..<start + target.count]) == target {
            return start..<start + target.count
        }
        fatalError("\(needle) not in the text")
    }

    static func json(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return object
    }
}
