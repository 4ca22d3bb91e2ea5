import PaperLintCore

/// arXiv links of paper entries in one canonical form: `https://arxiv.org/<form>/<id>`.
public struct ArxivURLRule: Rule {
    public static let description = RuleDescription(
        id: "arxiv-url",
        defaultSeverity: .error,
        summary: "arXiv links read https://arxiv.org/abs/ID (or the list's form).",
        rationale: """
            Checks the arXiv links of paper entries. Errors: `.pdf` after an `/abs/` link and an \
            identifier arXiv never issues (month 13, a 4-digit number after 2014). Warnings: \
            `http://`, an empty query `?` at the end, and a link in another form than a configured \
            `entry.arxiv-form`. Each is fixed safely by rewriting to `https://arxiv.org/<form>/<id>`, \
            which names the same paper. Matters of taste, reported only when `taste:` lists them: \
            the list's own form where none is configured (`arxiv-form`: `abs/` and `pdf/` both open \
            the paper), `www.`/`export.` hosts (`arxiv-host`), and a pinned version (`v2`, \
            `arxiv-version`) where most of the list links the latest. One form makes duplicates \
            easy to spot; the mixed forms still work, so a maintainer may reasonably not care. \
            Removing a version pin links the latest revision instead of the pinned one: that fix \
            is unsafe.
            """,
        nonTriggering: [
            Example("- [2023/10] **T** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2310.12345)]\n"),
            Example("- [2007/05] **T** *A. arXiv.* [[paper](https://arxiv.org/abs/0705.1234)] [[code](https://github.com/o/r)]\n"),
            Example("- [2001/12] **T** *A. arXiv.* [[paper](https://arxiv.org/abs/cs/0112017)]\n"),
            Example("## News\n- [2023/10] **Survey** *Us.* [[paper](http://www.arxiv.org/pdf/2310.12345v2.pdf)]\n"),
            Example("Prose links are not entries: [survey](http://arxiv.org/pdf/2310.12345.pdf).\n"),
            Example("- [2023/10] **T** *A.* [[paper](https://arxiv.org/abs/2310.12345#section)] [[code](https://github.com/arxiv/abs)]\n"),
        ],
        triggering: ArxivURLRuleExamples.triggering,
        corrections: ArxivURLRuleExamples.corrections)

    public init() {}

    public func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        let bytes = document.bytes
        var links: [(url: Range<Int>, id: ArxivID?)] = []
        var formVotes = Tally<ArxivID.Form>.Runs()
        var pinVotes = Tally<Bool>.Runs()
        let entries = document.paperEntries(configuration)
        let reference = document.referenceMask(entries)
        // The list's forms and pins are read only where a finding depends on them: its forms
        // where they are configured or `taste:` asks, its pins where `taste:` asks.
        let votes = !Self.configuredForms(configuration).isEmpty || configuration.taste.contains(.arxivForm)
            || configuration.taste.contains(.arxivVersion)
        for (index, entry) in entries.enumerated() {
            // Only focused links are judged; the others only vote, where they are the reference.
            let isFocused = document.isInFocus(entry)
            let isReference = votes && reference.isReference?[index] ?? true
            guard isFocused || isReference else { continue }
            for link in entry.links {
                guard let url = link.url, Self.isArxivArticle(bytes, url) else { continue }
                let id = ArxivID.parse(bytes[url])
                if isFocused { links.append((url, id)) }
                guard let id, isReference else { continue }
                if id.form != .html { formVotes.add(id.form) }
                pinVotes.add(id.version != nil)
            }
        }
        let forms = formVotes.tally, pins = pinVotes.tally
        let expected = expectedForms(configuration, forms, changed: reference.changed)
        // Version pins are a matter of taste: reported only when `taste:` asks, and then only
        // where the list links the latest version.
        let pinsAllowed = !configuration.taste.contains(.arxivVersion) || (pins.counts[true] ?? 0) > (pins.counts[false] ?? 0)
        let hostsChecked = configuration.taste.contains(.arxivHost)
        var found: [Diagnostic] = []
        for (url, id) in links where document.isInFocus(bytes: url) {
            guard let id else {
                found.append(Diagnostic(
                    rule: Self.self, range: url, message: "`\(document.string(url))` is not a valid arXiv identifier",
                    help: "arXiv ids read YYMM.NNNNN (YYMM.NNNN before 2015); copy the link from the paper's arXiv page"))
                continue
            }
            // `…/abs/2310.12345?`: an empty query left by a copy from the address bar.
            if bytes[url.upperBound - 1] == ASCII.questionMark {
                let mark = (url.upperBound - 1)..<url.upperBound
                found.append(Diagnostic(
                    rule: Self.self, severity: .warning, range: mark,
                    message: "arXiv link `\(document.string(url))` ends with an empty query `?`",
                    help: "remove the `?`", fix: Fix(.safe, "remove the empty query", Edit(replacing: mark, with: ""))))
            }
            let line = document.line(containing: url.lowerBound)
            found += check(bytes, url, id, expected: expected, lines: line...line, hostsChecked: hostsChecked,
                               formsChecked: configuration.taste.contains(.arxivForm), pins: pinsAllowed ? nil : pins)
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The forms `style.arxiv-form` names.
    private static func configuredForms(_ configuration: Configuration) -> [ArxivID.Form] {
        configuration.style.arxivForm.compactMap { $0 == .pdf ? ArxivID.Form.pdf : $0 == .abs ? .abs : nil }
    }

    /// The forms links may take: the configured ones, else the list's own (`abs/` or `pdf/`).
    private func expectedForms(_ configuration: Configuration, _ forms: Tally<ArxivID.Form>, changed: LineSet?) -> HouseForms<ArxivID.Form> {
        var house = HouseForms<ArxivID.Form>(configured: Self.configuredForms(configuration), defaults: [.abs], changed: changed)
        for form in forms.order { house.add(form, count: forms.counts[form] ?? 0) }
        return house
    }

    private func check(
        _ bytes: [UInt8], _ url: Range<Int>, _ id: ArxivID, expected: HouseForms<ArxivID.Form>,
        lines: ClosedRange<Int>, hostsChecked: Bool, formsChecked: Bool, pins: Tally<Bool>?
    ) -> [Diagnostic] {
        var defects: [String] = []
        if id.scheme != "https" { defects.append("`\(id.scheme)://`") }
        if hostsChecked && id.host != "arxiv.org" { defects.append("the host `\(id.host)`") }
        let isBroken = id.form == .abs && id.hasPDFSuffix
        if isBroken { defects.append("`.pdf` after an abstract link") }
        // `abs/` and `pdf/` both open the paper: a list's mix is taste unless the form is configured.
        let judgesForm = expected.isConfigured || formsChecked
        let deviation = id.form == .html || !judgesForm ? nil : expected.judge(id.form, lines: lines)
        let wrongForm = deviation != nil
        let form = deviation?.value ?? id.form
        // Most links are fine: the URL's text and shape are only worked out for a finding.
        guard !defects.isEmpty || wrongForm || (pins != nil && id.version != nil) else { return [] }
        let text = String(decoding: bytes[url], as: UTF8.self)
        let shape = Shape(bytes, url, id)
        var found: [Diagnostic] = []
        if !defects.isEmpty || wrongForm {
            let canonical = "https://\(hostsChecked ? "arxiv.org" : id.host)/\(form.rawValue)/"
            var edits: [Edit] = []
            if String(decoding: bytes[shape.prefix], as: UTF8.self) != canonical {
                edits.append(Edit(replacing: shape.prefix, with: canonical))
            }
            if !shape.suffix.isEmpty { edits.append(Edit(replacing: shape.suffix, with: "")) }
            var message = "arXiv link `\(text)`"
            if !defects.isEmpty { message += " has " + defects.joined(separator: ", ") }
            if let deviation {
                message += (defects.isEmpty ? "" : ";") + " links `\(id.form.rawValue)/` where "
                    + deviation.reason({ "`\($0.rawValue)/`" }, unit: "arXiv links")
            }
            let target = canonical + id.id + (id.version.map { "v\($0)" } ?? "")
            found.append(Diagnostic(
                rule: Self.self, severity: isBroken ? .error : .warning, range: url, message: message,
                help: "write `\(target)`", fix: Fix(.safe, "rewrite as \(canonical)ID", edits: edits)))
        }
        if let pins, let version = id.version, let range = shape.version {
            let latest = pins.counts[false] ?? 0
            found.append(Diagnostic(
                rule: Self.self, severity: .warning, range: range,
                message: "arXiv link pins version v\(version) where this list links the latest version (\(latest) of \(pins.total) arXiv links)",
                help: "remove `v\(version)` unless this revision matters",
                fix: Fix(.unsafe, "link the latest version", Edit(replacing: range, with: ""))))
        }
        return found
    }

    /// Where the parts of an arXiv URL lie: everything before the id, the version, and the
    /// bytes between the version and a query or fragment (`.pdf`, a trailing `/`).
    private struct Shape {
        var prefix: Range<Int>
        var version: Range<Int>?
        var suffix: Range<Int>

        init(_ bytes: [UInt8], _ url: Range<Int>, _ id: ArxivID) {
            // The path after the host starts with `<form>/`; the id follows it.
            var index = url.lowerBound
            while index + 2 < url.upperBound && !(bytes[index] == ASCII.colon && bytes[index + 1] == ASCII.slash && bytes[index + 2] == ASCII.slash) {
                index += 1
            }
            index += 3
            while index < url.upperBound && bytes[index] != ASCII.slash { index += 1 }
            let idStart = min(index + 1 + id.form.rawValue.utf8.count + 1, url.upperBound)
            let idEnd = min(idStart + id.id.utf8.count, url.upperBound)
            var versionEnd = idEnd
            if id.version != nil, versionEnd < url.upperBound, bytes[versionEnd] == UInt8(ascii: "v") {
                versionEnd += 1
                while versionEnd < url.upperBound && ASCII.isDigit(bytes[versionEnd]) { versionEnd += 1 }
            }
            var cut = versionEnd
            while cut < url.upperBound && bytes[cut] != ASCII.questionMark && bytes[cut] != ASCII.hash { cut += 1 }
            prefix = url.lowerBound..<idStart
            version = versionEnd > idEnd ? idEnd..<versionEnd : nil
            suffix = versionEnd..<cut
        }
    }

    /// An http(s) URL on arxiv.org (or a subdomain) whose path starts with `abs/`, `pdf/` or `html/`.
    static func isArxivArticle(_ bytes: [UInt8], _ url: Range<Int>) -> Bool {
        guard let afterScheme = URLRule.webScheme(bytes, at: url.lowerBound, end: url.upperBound) else { return false }
        var hostEnd = afterScheme
        while hostEnd < url.upperBound && bytes[hostEnd] != ASCII.slash { hostEnd += 1 }
        guard ArxivID.isArxivHost(bytes[afterScheme..<hostEnd]) else { return false }
        let path = hostEnd + 1
        return articlePaths.contains { ASCII.hasPrefix(bytes, at: path, end: url.upperBound, $0) }
    }

    private static let articlePaths: [StaticString] = ["abs/", "pdf/", "html/"]
}
