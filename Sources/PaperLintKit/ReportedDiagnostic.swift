import PaperLintCore

/// A diagnostic resolved to a path and 1-based line/column positions (the JSON model of DESIGN.md).
public struct ReportedDiagnostic: Sendable, Equatable {
    public struct Related: Sendable, Equatable {
        public var path: String
        public var start: SourcePosition
        public var message: String
        /// The byte offset `start` was read from, in the document.
        public var byteOffset: Int
    }

    public struct ReportedEdit: Sendable, Equatable {
        public var start: SourcePosition
        public var end: SourcePosition
        public var replacement: String
        /// The byte range `start` and `end` were read from, in the document.
        public var byteRange: Range<Int>
    }

    public struct ReportedFix: Sendable, Equatable {
        public var safety: FixSafety
        public var message: String
        public var edits: [ReportedEdit]
    }

    public var rule: String
    public var severity: Severity
    public var path: String
    public var start: SourcePosition
    /// Exclusive end: the column after the last character.
    public var end: SourcePosition
    public var message: String
    public var help: String?
    public var related: [Related]
    public var fix: ReportedFix?
    /// The byte range in the document, for reporters that quote the source.
    public var byteRange: Range<Int>

    init(_ diagnostic: Diagnostic, path: String, in document: Document) {
        rule = diagnostic.ruleID
        severity = diagnostic.severity
        self.path = path
        start = document.position(of: diagnostic.range.lowerBound)
        end = document.position(of: diagnostic.range.upperBound)
        message = diagnostic.message
        help = diagnostic.help
        related = diagnostic.related.map {
            Related(path: path, start: document.position(of: $0.range.lowerBound), message: $0.message, byteOffset: $0.range.lowerBound)
        }
        fix = diagnostic.fix.map { fix in
            ReportedFix(
                safety: fix.safety, message: fix.message,
                edits: fix.edits.map {
                    ReportedEdit(
                        start: document.position(of: $0.range.lowerBound), end: document.position(of: $0.range.upperBound),
                        replacement: $0.replacement, byteRange: $0.range)
                })
        }
        byteRange = diagnostic.range
    }

    /// The lines the finding covers, for changed-line filtering (an end at column 1 of the
    /// next line does not touch that line).
    func lineSpan(in document: Document) -> ClosedRange<Int> {
        document.lines(spanning: byteRange)
    }

    /// What report order compares: path, line, column, rule id.
    var orderKey: (String, Int, Int, String) { (path, start.line, start.column, rule) }

    static func ordered(_ a: ReportedDiagnostic, _ b: ReportedDiagnostic) -> Bool { a.orderKey < b.orderKey }

    /// The findings of one file, resolved in `document` and in report order (`ordered`; equal
    /// ones in the order found). Their indices are sorted, not the findings: moving values of
    /// a dozen references each through a merge sort was 30 ms for 35,000 findings. One file
    /// has one path, so `orderKey` is compared without it.
    static func inReportOrder(_ diagnostics: [Diagnostic], path: String, in document: Document) -> [ReportedDiagnostic] {
        var reported = diagnostics.map { ReportedDiagnostic($0, path: path, in: document) }
        let order = reported.indices.sorted { a, b in
            let left = (reported[a].start.line, reported[a].start.column), right = (reported[b].start.line, reported[b].start.column)
            if left != right { return left < right }
            if reported[a].rule != reported[b].rule { return reported[a].rule < reported[b].rule }
            return a < b
        }
        permute(&reported, into: order)
        return reported
    }

    /// Rearranges `values` in place so that `values[i]` becomes the old `values[order[i]]`,
    /// cycle by cycle: a second array of 35,000 findings was 5 MB of a dense list's peak.
    static func permute<T>(_ values: inout [T], into order: [Int]) {
        var placed = [Bool](repeating: false, count: values.count)
        for start in values.indices where !placed[start] {
            // Follow the cycle through `start`: each place takes the value its order names.
            var place = start
            while order[place] != start {
                values.swapAt(place, order[place])
                placed[place] = true
                place = order[place]
            }
            placed[place] = true
        }
    }
}
