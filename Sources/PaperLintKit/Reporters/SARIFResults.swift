import PaperLintCore

/// SARIF's `results`, written from pieces of text prepared once per report.
///
/// Every result has the same shape at the same depth, so the keys, brackets, line breaks and
/// indentation between two values are one constant run of bytes: a result is a dozen copies of
/// such runs with its values between them, not some eighty calls into `JSONWriter` (a key, an
/// opening and a closing each cost a hundred instructions or more). The text is what
/// `JSONWriter` writes for the same values, byte for byte (SARIFResultsTests holds it to
/// that writer on random findings; OutputIdentityTests to the pinned reports).
struct SARIFResults {
    private let out: ByteBuffer
    /// The pieces, named after the value that follows them.
    private let ruleID, ruleIndex, level, message, afterMessage, locationEnd, relatedStart, relatedNext, relatedEnd: [UInt8]
    private let fingerprint, fixes, fixURI, firstReplacement, noReplacements, nextReplacement, replacementsEnd, fixEnd, resultEnd: [UInt8]
    private let location, relatedLocation: PhysicalLocation
    private let deletedRegion: Region
    /// The file being written, and its URI quoted.
    private var path = ""
    private var quotedURI: [UInt8] = []

    /// Results are the elements of an array at nesting level `depth`, indented `indent`
    /// spaces a level.
    init(into out: ByteBuffer, depth: Int, indent: Int) {
        self.out = out
        let text = Pieces(base: depth, indent: indent)
        ruleID = text.take("{", (1, "\"ruleId\": "))
        ruleIndex = text.take(",", (1, "\"ruleIndex\": "))
        level = text.take(",", (1, "\"level\": \""))
        message = text.take("\",", (1, "\"message\": {"), (2, "\"text\": "))
        afterMessage = text.take("", (1, "},"), (1, "\"locations\": ["), (2, "{"), (3, "\"physicalLocation\": "))
        location = PhysicalLocation(text, depth: 3, lead: "{", close: text.take("", (4, "}"), (3, "}")))
        locationEnd = text.take("", (2, "}"))
        relatedStart = text.take("", (1, "],"), (1, "\"relatedLocations\": ["), (2, "{"), (3, "\"id\": "))
        relatedLocation = PhysicalLocation(
            text, depth: 3, lead: text.take(",", (3, "\"physicalLocation\": {")),
            close: text.take("", (4, "}"), (3, "},"), (3, "\"message\": {"), (4, "\"text\": ")))
        relatedNext = text.take("", (3, "}"), (2, "},"), (2, "{"), (3, "\"id\": "))
        relatedEnd = text.take("", (3, "}"), (2, "}"))
        fingerprint = text.take("", (1, "],"), (1, "\"partialFingerprints\": {"), (2, "\"\(SARIFReporter.fingerprintKey)\": "))
        fixes = text.take("", (1, "},"), (1, "\"fixes\": ["), (2, "{"), (3, "\"description\": {"), (4, "\"text\": "))
        fixURI = text.take("", (3, "},"), (3, "\"artifactChanges\": ["), (4, "{"), (5, "\"artifactLocation\": {"), (6, "\"uri\": "))
        let uriBaseID = text.take(",", (6, "\"uriBaseId\": \"%SRCROOT%\""), (5, "},"))
        let properties = text.take("", (4, "}"), (3, "],"), (3, "\"properties\": {"), (4, "\"safety\": "))
        firstReplacement = uriBaseID + text.take("", (5, "\"replacements\": ["), (6, "{"), (7, "\"deletedRegion\": "))
        noReplacements = uriBaseID + text.take("", (5, "\"replacements\": []")) + properties
        deletedRegion = Region(text, depth: 7, close: text.take("", (7, "},"), (7, "\"insertedContent\": {"), (8, "\"text\": ")))
        nextReplacement = text.take("", (7, "}"), (6, "},"), (6, "{"), (7, "\"deletedRegion\": "))
        replacementsEnd = text.take("", (7, "}"), (6, "}"), (5, "]")) + properties
        fixEnd = text.take("", (3, "}"), (2, "}"), (1, "]"), (0, "}"))
        resultEnd = text.take("", (1, "}"), (0, "}"))
    }

    /// Writes the findings of the file at `path` (percent-encoded: `uri`) from now on.
    mutating func file(_ path: String, uri: String) {
        self.path = path
        quotedURI = Self.quoted(uri)
    }

    /// One result, as the next element of the array `json` is in.
    func write(_ diagnostic: ReportedDiagnostic, fingerprint print: UInt64, ruleIndex index: Int?, uri: (String) -> String, json: inout JSONWriter) {
        json.beginRawValue()
        out.append(ruleID)
        JSONWriter.appendQuoted(diagnostic.rule, to: out)
        if let index {
            out.append(ruleIndex)
            out.appendDecimal(index)
        }
        out.append(level)
        out.append(SARIFReporter.level(diagnostic.severity))
        out.append(message)
        if let help = diagnostic.help {
            JSONWriter.appendQuoted(joining: diagnostic.message, "\nhelp: ", help, to: out)
        } else {
            JSONWriter.appendQuoted(diagnostic.message, to: out)
        }
        out.append(afterMessage)
        location.write(quoted(diagnostic.path, uri), diagnostic.start, diagnostic.end, to: out)
        out.append(locationEnd)
        for (number, related) in diagnostic.related.enumerated() {
            out.append(number == 0 ? relatedStart : relatedNext)
            out.appendDecimal(number + 1)
            relatedLocation.write(quoted(related.path, uri), related.start, nil, to: out)
            JSONWriter.appendQuoted(related.message, to: out)
        }
        if !diagnostic.related.isEmpty { out.append(relatedEnd) }
        out.append(fingerprint)
        Self.appendQuotedHex(print, to: out)
        guard let fix = diagnostic.fix else {
            out.append(resultEnd)
            return
        }
        out.append(fixes)
        JSONWriter.appendQuoted(joining: fix.message, fix.safety == .safe ? "" : " (unsafe: review before applying)", to: out)
        out.append(fixURI)
        out.append(quoted(diagnostic.path, uri))
        for (number, edit) in fix.edits.enumerated() {
            out.append(number == 0 ? firstReplacement : nextReplacement)
            deletedRegion.write(edit.start, edit.end, to: out)
            JSONWriter.appendQuoted(edit.replacement, to: out)
        }
        out.append(fix.edits.isEmpty ? noReplacements : replacementsEnd)
        JSONWriter.appendQuoted(fix.safety.rawValue, to: out)
        out.append(fixEnd)
    }

    /// The URI of `path`, quoted: the file's own from the bytes made once.
    private func quoted(_ path: String, _ uri: (String) -> String) -> [UInt8] {
        path == self.path ? quotedURI : Self.quoted(uri(path))
    }

    /// `hash` as 16 lowercase hex digits in quotes (`FNV1a.hex`, without making a string).
    private static func appendQuotedHex(_ hash: UInt64, to out: ByteBuffer) {
        guard let room = out.room(18) else { return JSONWriter.appendQuoted(FNV1a.hex(hash), to: out) }
        room[0] = UInt8(ascii: "\"")
        FNV1a.writeHex(hash, to: room + 1)
        room[17] = UInt8(ascii: "\"")
        out.advance(18)
    }

    private static func quoted(_ text: String) -> [UInt8] {
        let buffer = ByteBuffer(capacity: text.utf8.count + 8)
        JSONWriter.appendQuoted(text, to: buffer)
        return buffer.bytes
    }
}

extension SARIFResults {
    /// Makes the runs of constant text: `start`, then per `(k, text)` a line break, the
    /// indentation of `k` levels below the results' array, and `text`.
    struct Pieces {
        let base: Int
        let indent: Int

        func take(_ start: String, _ lines: (Int, String)...) -> [UInt8] {
            var bytes = Array(start.utf8)
            for (depth, text) in lines {
                bytes.append(UInt8(ascii: "\n"))
                bytes += repeatElement(UInt8(ascii: " "), count: (base + depth) * indent)
                bytes += text.utf8
            }
            return bytes
        }
    }

    /// A region object (start line and column, then end line and column when there is an
    /// end) whose key sits at `depth`, and what `close` writes after it.
    struct Region {
        let startLine, startColumn, endLine, endColumn, close: [UInt8]

        init(_ text: Pieces, depth: Int, close: [UInt8]) {
            startLine = text.take("{", (depth + 1, "\"startLine\": "))
            startColumn = text.take(",", (depth + 1, "\"startColumn\": "))
            endLine = text.take(",", (depth + 1, "\"endLine\": "))
            endColumn = text.take(",", (depth + 1, "\"endColumn\": "))
            self.close = close
        }

        func write(_ start: SourcePosition, _ end: SourcePosition?, to out: ByteBuffer) {
            out.append(startLine)
            out.appendDecimal(start.line)
            out.append(startColumn)
            out.appendDecimal(start.column)
            if let end {
                out.append(endLine)
                out.appendDecimal(end.line)
                out.append(endColumn)
                out.appendDecimal(end.column)
            }
            out.append(close)
        }
    }

    /// A physical location whose key sits at `depth`: `lead` (its key or just its brace), the
    /// artifact's URI, the region, and what `close` writes after the region.
    struct PhysicalLocation {
        let lead, uriBaseID: [UInt8]
        let region: Region

        init(_ text: Pieces, depth: Int, lead: String, close: [UInt8]) {
            self.init(text, depth: depth, lead: Array(lead.utf8), close: close)
        }

        init(_ text: Pieces, depth: Int, lead: [UInt8], close: [UInt8]) {
            self.lead = lead + text.take("", (depth + 1, "\"artifactLocation\": {"), (depth + 2, "\"uri\": "))
            uriBaseID = text.take(",", (depth + 2, "\"uriBaseId\": \"%SRCROOT%\""), (depth + 1, "},"), (depth + 1, "\"region\": "))
            region = Region(text, depth: depth + 1, close: close)
        }

        func write(_ uri: [UInt8], _ start: SourcePosition, _ end: SourcePosition?, to out: ByteBuffer) {
            out.append(lead)
            out.append(uri)
            out.append(uriBaseID)
            region.write(start, end, to: out)
        }
    }
}
