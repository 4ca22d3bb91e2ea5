import PaperLintCore

// Pieces the CI reporters share: positions in other units, the text a fix produces, and
// Markdown escaping. Each reporter stays a pure function of the report.

extension ReportedDiagnostic {
    /// The last line the finding covers (an end at column 1 of the next line does not count).
    func lastLine(in document: Document) -> Int { lineSpan(in: document).upperBound }
}

extension Severity {
    /// "error", "warning" or "note" with a count: `3 errors`.
    func counted(_ count: Int) -> String { "\(count) \(noun(count))" }

    /// "error" or "errors" (info findings are "notes", as the text format calls them).
    func noun(_ count: Int) -> String {
        (self == .info ? "note" : rawValue) + (count == 1 ? "" : "s")
    }
}
