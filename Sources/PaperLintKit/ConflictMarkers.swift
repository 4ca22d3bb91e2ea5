import PaperLintCore

/// Text left in the middle of a merge: a list with conflict blocks is not fixed (its fixes
/// would be about the markers), whether it sits in the work tree or was staged with the
/// markers still in it; `check` reports each marker instead of the list's findings.
enum ConflictMarkers {
    /// The rule id of the findings `check` reports for conflict markers.
    static let ruleID = "merge-conflict"

    /// The first line of a `<<<<<<<` … `>>>>>>>` conflict block, if the document has one.
    static func firstLine(in document: Document) -> Int? { markers(in: document).first?.line }

    /// Every marker line (`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>`) of the document's
    /// conflict blocks (from a `<<<<<<<` to the `>>>>>>>` that closes it), with the marker.
    /// Reads only line starts, from the document's line table.
    static func markers(in document: Document) -> [(line: Int, range: Range<Int>, marker: String)] {
        let bytes = document.bytes
        func marker(at index: Int) -> String? {
            guard index + 7 <= bytes.count else { return nil }
            for char in "<|=>".utf8 where bytes[index..<index + 7].allSatisfy({ $0 == char }) {
                guard index + 7 == bytes.count || [0x20, 0x0A, 0x0D].contains(bytes[index + 7]) else { return nil }
                return String(repeating: String(UnicodeScalar(char)), count: 7)
            }
            return nil
        }
        var found: [(line: Int, range: Range<Int>, marker: String)] = []
        // The markers of a block opened but not closed yet.
        var open: [(line: Int, range: Range<Int>, marker: String)] = []
        for (offset, start) in document.lineStarts.enumerated() {
            guard let marker = marker(at: start), marker == "<<<<<<<" || !open.isEmpty else { continue }
            open.append((offset + 1, start..<start + 7, marker))
            if marker == ">>>>>>>" {
                found += open
                open = []
            }
        }
        return found
    }

    /// One error per marker: the list holds both sides of a merge nobody resolved.
    static func diagnostics(in document: Document) -> [Diagnostic] {
        markers(in: document).map { marker in
            Diagnostic(
                ruleID: ruleID, severity: .error, range: marker.range,
                message: "merge conflict marker `\(marker.marker)`: the list still holds both sides of a merge",
                help: "resolve the conflict: keep the right lines and delete the markers (paperlint fix refuses until then)")
        }
    }
}
