import PaperLintCore

/// Links of an entry are separated the same way throughout the list: `] [[` or `][[`.
public struct LinkSpacingRule: Rule {
    public static let description = RuleDescription(
        id: "link-spacing",
        defaultSeverity: .warning,
        summary: "Separate an entry's links the way the rest of the list does (`] [[` or `][[`).",
        rationale: """
            Checks what stands between two consecutive links of a paper entry when it is nothing \
            (`][[`) or only blanks (`] [[`). `entry.link-separator` decides: `space`, `none`, or \
            `auto`, the separator most of the list's links use. Anything else between two links \
            (words, a slash) is not a separator and is left to other rules; so are doubled \
            spaces, which the whitespace rule reports. A list that mixes both separators renders \
            its link columns unevenly and produces noisy diffs whenever an entry is touched; \
            the safe fix rewrites the separator.
            """,
        nonTriggering: [
            Example("- [2023/10] **T** *A. B.* [[paper](https://a.org/1)] [[code](https://g.com/r)]\n"),
            Example("- [2023/10] **T** *A. B.* [[paper](https://a.org/1)]\n"),
            Example("""
                - [2023/10] **T** *A. B.* [[paper](u)][[code](v)]
                - [2023/09] **U** *C. D.* [[paper](u)][[code](v)]
                - [2023/08] **V** *E. F.* [[paper](u)][[code](v)]

                """),
            Example("- [2023/10] **T** *A. B.* [[paper](https://a.org/1)] / [[code](https://g.com/r)]\n"),
            Example("- [2023/10] **T** *A. B.* [[paper](u)]\n  [[code](v)]\n"),
            Example("- [2023/10] **T** *A. B.* [[paper](u)] [[code](v)]\n- [2023/09] **U** *C. D.* [paper](u)[code](v)\n"),
        ],
        triggering: [
            Example("""
                - [2023/10] **T** *A. B.* [[paper](u)] [[code](v)]
                - [2023/09] **U** *C. D.* [[paper](u)] [[code](v)]
                - [2023/08] **V** *E. F.* [[paper](u)↓][[code](v)]

                """),
            Example("""
                - [2023/10] **T** *A. B.* [[paper](u)] [[code](v)] [[demo](w)]
                - [2023/09] **U** *C. D.* [[paper](u)↓][[code](v)] [[demo](w)]

                """),
            Example("""
                - [2023/10] **T** *A. B.* [[paper](u)][[code](v)]
                - [2023/09] **U** *C. D.* [[paper](u)][[code](v)]
                - [2023/07] **W** *G. H.* [[paper](u)][[code](v)]
                - [2023/06] **X** *I. J.* [[paper](u)][[code](v)]
                - [2023/05] **Y** *K. L.* [[paper](u)][[code](v)]
                - [2023/08] **V** *E. F.* [[paper](u)↓] [[code](v)]

                """),
            Example("""
                - [2023/10] **T** *A. B.* [[paper](u)][[code](v)][[demo](w)]
                - [2023/09] **U** *C. D.* [[paper](u)][[code](v)]
                - [2023/07] **W** *G. H.* [[paper](u)][[code](v)][[demo](w)]
                - [2023/06] **X** *I. J.* [[paper](u)][[code](v)]
                - [2023/08] **V** *E. F.* [[paper](u)↓]  [[code](v)↓] [[demo](w)]

                """),
        ],
        corrections: [
            (Example("- [2023/10] **T** *A. B.* [[paper](u)] [[code](v)] [[demo](w)]\n- [2023/09] **U** *C. D.* [[paper](u)][[code](v)]\n"),
             Example("- [2023/10] **T** *A. B.* [[paper](u)] [[code](v)] [[demo](w)]\n- [2023/09] **U** *C. D.* [[paper](u)] [[code](v)]\n")),
            (Example("""
                - [2023/09] **T** *A. B.* [[paper](u)][[code](v)]
                - [2023/08] **U** *A. B.* [[paper](u)][[code](v)]
                - [2023/07] **W** *A. B.* [[paper](u)][[code](v)]
                - [2023/06] **X** *A. B.* [[paper](u)][[code](v)]
                - [2023/05] **Y** *A. B.* [[paper](u)][[code](v)]
                - [2023/04] **V** *E. F.* [[paper](u)] [[code](v)]

                """),
             Example("""
                - [2023/09] **T** *A. B.* [[paper](u)][[code](v)]
                - [2023/08] **U** *A. B.* [[paper](u)][[code](v)]
                - [2023/07] **W** *A. B.* [[paper](u)][[code](v)]
                - [2023/06] **X** *A. B.* [[paper](u)][[code](v)]
                - [2023/05] **Y** *A. B.* [[paper](u)][[code](v)]
                - [2023/04] **V** *E. F.* [[paper](u)][[code](v)]

                """)),
        ])

    public init() {}

    public func check(_ document: Document, _ configuration: Configuration) -> [Diagnostic] {
        let bytes = document.bytes
        var found: [(range: Range<Int>, style: LinkSeparatorStyle)] = []
        // Text or a line break between two links is not a separator this rule judges, and
        // neither is the space between single-bracket links (entry-format reports those).
        for entry in document.checkedEntries(configuration) { found += StyleVotes.separators(entry, bytes) }
        let reference = found.filter {
            let line = document.line(containing: $0.range.lowerBound)
            return !document.isChanged(line, line)
        }
        // `] [[` is the grammar's separator where too few links show the list's own.
        var forms = HouseForms<LinkSeparatorStyle>(
            configured: configuration.style.linkSeparator, defaults: [.space], changed: reference.isEmpty ? nil : document.changed)
        forms.add(each: (reference.isEmpty ? found : reference).lazy.map(\.style))
        let name = { (style: LinkSeparatorStyle) in style == .space ? "`] [[`" : "`][[`" }
        return found.compactMap { separator -> Diagnostic? in
            guard document.isInFocus(bytes: separator.range), let expected = forms.judge(separator.style, lines: Self.line(document, separator.range)) else { return nil }
            let wanted = expected.value == .space ? " " : ""
            // Quote the separator with the link ends around it: `][[`, `)  [[`.
            let shown = (separator.range.lowerBound - 1)..<(separator.range.upperBound + 2)
            let written = document.quoted(shown)
            return Diagnostic(
                rule: Self.self, severity: .warning, range: shown,
                message: "links separated by \(written) where \(expected.reason(name, unit: "separators"))",
                help: expected.value == .space ? "put one space between the links" : "remove the space between the links",
                fix: Fix(.safe, expected.value == .space ? "separate the links with one space" : "join the links",
                         Edit(replacing: separator.range, with: wanted)))
        }
    }

    static func line(_ document: Document, _ range: Range<Int>) -> ClosedRange<Int> {
        let line = document.line(containing: range.lowerBound)
        return line...line
    }
}
