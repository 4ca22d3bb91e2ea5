extension Document {
    /// Paper entries (`Entry.isPaper`) outside skipped sections, code, HTML blocks and tables,
    /// in document order.
    ///
    /// Only the innermost heading decides: in some lists "## Content" holds the ToC and,
    /// below it, every paper section.
    public func paperEntries(_ configuration: Configuration) -> [Entry] {
        // Every entry rule asks for these; they depend only on the skipped headings, so one
        // computation per document serves all rules.
        memo("paper entries", configuration) {
            let skipKeys = Set(configuration.skipSections.map(Configuration.sectionKey))
            // Per section, once known: whether it is skipped.
            var skippedSection = [Bool?](repeating: nil, count: sections.count)
            var cursor = sectionCursor()
            return entries.filter { entry in
                // An item whose first line opens an HTML block (`- <div>`) is markup, not a paper.
                guard entry.isPaper, !isOpaque(entry.line) else { return false }
                let section = cursor.section(containing: entry.line)
                if let known = skippedSection[section] { return !known }
                let skipped = sections[section].heading.map { heading in
                    Configuration.headingKeys(heading.text).contains(where: skipKeys.contains)
                } ?? false
                skippedSection[section] = skipped
                return !skipped
            }
        }
    }

    /// True without a focus, or when one of the entry's lines is focused.
    public func isInFocus(_ entry: Entry) -> Bool { isInFocus(entry.line, entry.lastLine) }

    /// True when a change touched one of the entry's lines; false outside a diff.
    public func isChanged(_ entry: Entry) -> Bool { isChanged(entry.line, entry.lastLine) }

    /// The innermost heading text of the section holding `line` ("Multimodal LLMs in Medicine").
    public func sectionTitle(containing line: Int) -> String? {
        sections[sectionIndex(containing: line)].heading?.text
    }
}
