import PaperLintCore
import PaperLintIO

extension NewPaper {
    /// The paper of a GitHub issue-form body: `### Field` headings, each followed by its
    /// value (`_No response_` for an empty one). `Title`, `Authors`, `Venue`, `Date` and
    /// `Section` (or `Category`) are read by name, any `… URL` or `… link` field as a link
    /// labelled by the rest of its name (`Paper URL` → `paper`); checkboxes and other fields
    /// are ignored. A multi-line author field is read as one list of names.
    public static func fromIssue(_ body: String) -> NewPaper {
        var paper = NewPaper()
        for (field, lines) in issueFields(body) {
            let value = lines.map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
            guard !value.isEmpty, value != ["_No response_"], value != ["None"] else { continue }
            let name = field.lowercased()
            switch name {
            case "title", "paper title": paper.title = value.joined(separator: "\n")
            case "authors", "author", "author list": paper.authors = value.joined(separator: ", ")
            case "venue", "conference", "journal", "venue / journal": paper.venue = value.joined(separator: "\n")
            case "date", "publication date", "arxiv date", "month": paper.date = value.joined(separator: "\n")
            case "section", "category", "topic": paper.section = value.joined(separator: "\n")
            default:
                for suffix in [" url", " link", " links"] where name.hasSuffix(suffix) && name.count > suffix.count {
                    let label = String(field.dropLast(suffix.count)).trimmingBlanks().lowercased()
                    // Anything but one line is left for `validated()` to refuse.
                    paper.links.append(Link(label: label, url: value.joined(separator: "\n")))
                    break
                }
            }
        }
        return paper
    }

    /// `### Heading` → the lines under it, in order; a heading inside a fenced block is text.
    static func issueFields(_ body: String) -> [(String, [String])] {
        var fields: [(String, [String])] = []
        var fence: Substring?
        // GitHub sends issue bodies with CRLF line ends; "\r\n" is one Character in Swift.
        for line in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
            } else if line.hasPrefix("### ") {
                fields.append((String(line.dropFirst(4)).trimmingBlanks(), []))
                continue
            }
            if !fields.isEmpty { fields[fields.count - 1].1.append(String(line)) }
        }
        return fields
    }

    /// The paper of an arXiv API response (Atom, `export.arxiv.org/api/query?id_list=ID`),
    /// fetched by the caller: its first entry's title, authors, `published` date and abstract
    /// page (without version) as the `paper` link, and its journal reference as the venue
    /// when it is short. Nil, with the reason, when the response holds no paper.
    public static func fromArxiv(_ xml: String) -> Result<NewPaper, PaperLintError> {
        guard let entry = AtomReader.element("entry", in: Substring(xml)) else {
            return .failure(PaperLintError("the arXiv response has no <entry>; save the response of export.arxiv.org/api/query?id_list=ID"))
        }
        let id = AtomReader.text("id", in: entry) ?? ""
        if id.contains("/api/errors") {
            let reason = AtomReader.text("summary", in: entry) ?? "error"
            return .failure(PaperLintError("the arXiv response is an error: \(reason)"))
        }
        guard let abs = id.firstRange(of: "arxiv.org/abs/") else {
            return .failure(PaperLintError("the arXiv response's <id> '\(shown(id))' is not an arxiv.org/abs/ address"))
        }
        var identifier = String(id[abs.upperBound...])
        if let version = identifier.lastIndex(of: "v"), identifier[identifier.index(after: version)...].allSatisfy(\.isNumber),
            identifier.index(after: version) < identifier.endIndex
        {
            identifier = String(identifier[..<version])
        }
        var paper = NewPaper()
        paper.title = AtomReader.text("title", in: entry)
        paper.date = AtomReader.text("published", in: entry)
        let names = AtomReader.elements("author", in: entry).compactMap { AtomReader.text("name", in: $0) }
        if !names.isEmpty { paper.authors = names.joined(separator: ", ") }
        if let journal = AtomReader.text("arxiv:journal_ref", in: entry), journal.count <= 40 { paper.venue = journal }
        paper.links = [Link(label: "paper", url: "https://arxiv.org/abs/" + identifier)]
        return .success(paper)
    }
}

/// Just enough XML for an Atom feed from arXiv: elements by name (no attributes needed),
/// their text with blanks collapsed and the five predefined entities and numeric
/// references decoded. One forward scan per lookup; no backtracking.
enum AtomReader {
    /// The content of the first `<name …>…</name>` in `xml`.
    static func element(_ name: String, in xml: Substring) -> Substring? { elements(name, in: xml, limit: 1).first }

    static func elements(_ name: String, in xml: Substring, limit: Int = .max) -> [Substring] {
        var found: [Substring] = []
        var rest = xml
        while found.count < limit, let open = rest.firstRange(of: "<" + name) {
            let after = rest[open.upperBound...]
            guard let next = after.first, next == ">" || next == " " || next == "\n" || next == "\t" || next == "/",
                let close = after.firstIndex(of: ">")
            else {
                rest = after
                continue
            }
            if close > after.startIndex, after[after.index(before: close)] == "/" {  // `<name/>`: empty
                found.append(after[close..<close])
                rest = after[close...]
                continue
            }
            let content = after[after.index(after: close)...]
            guard let end = content.firstRange(of: "</" + name + ">") else { break }
            found.append(content[..<end.lowerBound])
            rest = content[end.upperBound...]
        }
        return found
    }

    /// The decoded text of the first `<name>` element, blanks collapsed; nil when absent or empty.
    static func text(_ name: String, in xml: Substring) -> String? {
        guard let raw = element(name, in: xml) else { return nil }
        var out = ""
        var pendingSpace = false
        var rest = raw
        while let character = rest.first {
            rest = rest.dropFirst()
            var decoded = character
            if character == "&", let semicolon = rest.prefix(10).firstIndex(of: ";") {
                let entity = rest[..<semicolon]
                if let value = entities[String(entity)] ?? numeric(entity) {
                    decoded = value
                    rest = rest[rest.index(after: semicolon)...]
                }
            }
            if decoded.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(decoded)
        }
        return out.isEmpty ? nil : out
    }

    private static let entities: [String: Character] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]

    private static func numeric(_ entity: Substring) -> Character? {
        guard entity.first == "#" else { return nil }
        let digits = entity.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init).map(Character.init)
    }
}

/// The files `add` reads its fields from.
public enum AddInput {
    /// An issue body or arXiv response is small: anything above this is not one.
    static let maximumSize = 1 << 20

    /// The UTF-8 text of `path`, or an error naming the flag and the file.
    public static func text(_ path: String, what: String) throws(PaperLintError) -> String {
        let bytes: [UInt8]
        switch FileBytes.read(path) {
        case .success(let read): bytes = read
        case .failure(let failure): throw PaperLintError("\(what) \(path): cannot read (\(failure.reason)); check the path")
        }
        guard bytes.count <= maximumSize else { throw PaperLintError("\(what) \(path): larger than 1 MB; is it the right file?") }
        try Linter.requireUTF8(bytes, path: "\(what) \(path)", remedy: "save it as UTF-8")
        return String(decoding: bytes, as: UTF8.self)
    }
}
