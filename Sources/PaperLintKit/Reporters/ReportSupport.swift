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

/// GitHub-flavoured Markdown helpers for the summary and review formats.
enum Markdown {
    /// Message text as inline Markdown: code spans (paperlint's messages quote source in
    /// backticks) stay code; outside them Markdown punctuation is backslash-escaped, so a
    /// message quoting `**Title**` or `<!-- … -->` reads as written instead of rendering.
    /// In a table cell `|` is escaped even inside code spans (GFM splits cells first) and
    /// line breaks become `<br>`; elsewhere they stay line breaks.
    static func inline(_ text: String, inTable: Bool = true) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var index = 0
        func lineBreak() -> String { inTable ? "<br>" : "\n" }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "`" {
                var run = 0
                while index + run < scalars.count && scalars[index + run] == "`" { run += 1 }
                if let close = closingRun(scalars, from: index + run, length: run) {
                    out += String(repeating: "`", count: run)
                    for inner in scalars[(index + run)..<close] {
                        switch inner {
                        case "|" where inTable: out += "\\|"
                        case "\r", "\n": out += " "
                        default: out.unicodeScalars.append(inner)
                        }
                    }
                    out += String(repeating: "`", count: run)
                    index = close + run
                } else {
                    out += String(repeating: "\\`", count: run)
                    index += run
                }
                continue
            }
            switch scalar {
            case "\r":
                out += lineBreak()
                if index + 1 < scalars.count && scalars[index + 1] == "\n" { index += 1 }
            case "\n": out += lineBreak()
            case "\\", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#", "!": out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
            index += 1
        }
        return out
    }

    /// Where a backtick run of exactly `length` starts at or after `from`, if any.
    private static func closingRun(_ scalars: [Unicode.Scalar], from: Int, length: Int) -> Int? {
        var index = from
        while index < scalars.count {
            guard scalars[index] == "`" else { index += 1; continue }
            var run = 0
            while index + run < scalars.count && scalars[index + run] == "`" { run += 1 }
            if run == length { return index }
            index += run
        }
        return nil
    }

    /// A backtick fence longer than any backtick run in `content`, so the content cannot close it.
    static func fence(for content: String) -> String {
        var longest = 0, run = 0
        for scalar in content.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}

/// URI pieces for links and SARIF artifact locations.
enum URI {
    /// Percent-encodes a repository path for a URL, keeping `/` between segments.
    static func path(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
