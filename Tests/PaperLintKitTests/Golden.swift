import Foundation
import Testing

/// Canned reporter outputs in `Golden/`, compared byte for byte. `PAPERLINT_UPDATE_GOLDEN=1
/// swift test` rewrites them; review the diff like code.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path

    static var isUpdating: Bool { ProcessInfo.processInfo.environment["PAPERLINT_UPDATE_GOLDEN"] == "1" }

    static func path(_ name: String) -> String { directory + "/" + name }

    /// The stored text of `name`, or nil when it does not exist yet.
    static func expected(_ name: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path(name)))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Records an issue naming the first differing line unless `actual` equals the golden file.
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if isUpdating {
            do {
                let url = URL(fileURLWithPath: path(name))
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
            } catch {
                Issue.record("cannot write golden \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = expected(name) else {
            Issue.record("Golden/\(name) is missing; run PAPERLINT_UPDATE_GOLDEN=1 swift test", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        let show = { (lines: [Substring]) in line < lines.count ? String(lines[line]) : "<end of output>" }
        Issue.record(
            """
            output differs from Golden/\(name) at line \(line + 1):
              golden: \(show(old))
              actual: \(show(new))
            If the change is intended: PAPERLINT_UPDATE_GOLDEN=1 swift test, then review the diff.
            """, sourceLocation: sourceLocation)
    }
}
