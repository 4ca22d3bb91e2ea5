extension Document {
    /// Paper entries (`Entry.isPaper`) outside skipped sections, in document order.
    ///
    /// Only the innermost heading decides: in some lists "## Content" holds the ToC and,
    /// below it, every paper section.
    public func paperEntries(_ configuration: Configuration) -> [Entry] {
        var skippedSection: [Int: Bool] = [:]
        return entries.filter { entry in
            guard entry.isPaper else { return false }
            let section = sectionIndex(containing: entry.line)
            if let known = skippedSection[section] { return !known }
            let skipped = sections[section].heading.map { configuration.skips(section: $0.text) } ?? false
            skippedSection[section] = skipped
            return !skipped
        }
    }

    /// The innermost heading text of the section holding `line` ("Multimodal LLMs in Medicine").
    public func sectionTitle(containing line: Int) -> String? {
        sections[sectionIndex(containing: line)].heading?.text
    }
}
