/// A heading of the document with its GitHub anchor.
public struct Heading: Sendable, Hashable {
    public var level: Int
    /// 1-based line of the heading (the text line of a setext heading).
    public var line: Int
    /// Rendered text: markup removed, escapes decoded.
    public var text: String
    /// The anchor GitHub gives it (`#project-maintainers--contributors`), duplicates numbered.
    public var slug: String
}

/// The lines under one heading, up to the next heading of any level.
///
/// Sections nest by heading level through `parent`; index 0 is the preamble before the
/// first heading (no heading).
public struct Section: Sendable, Hashable {
    public var heading: Heading?
    /// Index of the enclosing section (a lower heading level), nil at the top.
    public var parent: Int?
    /// First line after the heading (the preamble starts at line 1).
    public var firstLine: Int
    /// Last line before the next heading; less than `firstLine` when the section is empty.
    public var lastLine: Int
}

extension Document {
    static func sections(_ headings: [Heading], lineCount: Int) -> [Section] {
        var sections = [Section(heading: nil, parent: nil, firstLine: 1, lastLine: (headings.first?.line ?? lineCount + 1) - 1)]
        var stack: [Int] = []  // indices of open sections, by increasing level
        for (offset, heading) in headings.enumerated() {
            while let top = stack.last, let level = sections[top].heading?.level, level >= heading.level { stack.removeLast() }
            let next = offset + 1 < headings.count ? headings[offset + 1].line : lineCount + 1
            sections.append(Section(heading: heading, parent: stack.last ?? 0, firstLine: heading.line + 1, lastLine: next - 1))
            stack.append(sections.count - 1)
        }
        return sections
    }

    /// Index into `sections` of the section holding line `line`.
    public func sectionIndex(containing line: Int) -> Int {
        Self.sectionIndex(containing: line, sectionHeadingLines)
    }

    fileprivate static func sectionIndex(containing line: Int, _ headingLines: [Int]) -> Int {
        max(0, headingLines.partitioningIndex { $0 > line } - 1)
    }

    /// `sectionIndex(containing:)` for lines asked in document order, as rules walk entries.
    public func sectionCursor() -> SectionCursor { SectionCursor(headingLines: sectionHeadingLines) }

    /// Headings from the section of `line` up to the top, innermost first ("GPT-4V", "Multimodal LLMs in Medicine").
    public func headingPath(containing line: Int) -> [Heading] {
        var path: [Heading] = []
        var index: Int? = sectionIndex(containing: line)
        while let current = index {
            if let heading = sections[current].heading { path.append(heading) }
            index = sections[current].parent
        }
        return path
    }
}

/// Answers `Document.sectionIndex(containing:)` for lines asked mostly in increasing order
/// (entries in document order) by stepping on from the last answer, not by a binary search
/// per line; a line before the last answer is searched for.
public struct SectionCursor {
    private let headingLines: [Int]
    private var section = 0

    init(headingLines: [Int]) { self.headingLines = headingLines }

    /// Index into the document's `sections` of the section holding line `line`.
    public mutating func section(containing line: Int) -> Int {
        guard section < headingLines.count, headingLines[section] <= line else {
            section = Document.sectionIndex(containing: line, headingLines)
            return section
        }
        while section + 1 < headingLines.count && headingLines[section + 1] <= line { section += 1 }
        return section
    }
}
