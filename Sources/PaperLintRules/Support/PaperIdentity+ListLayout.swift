import PaperLintCore

extension PaperIdentity {
    /// Where each entry sits in the Markdown list structure: the list it belongs to and the
    /// lines it spans together with its nested items (a description bullet under a paper).
    ///
    /// Used by `order` (which entries are compared, which lines move) and by `duplicate`
    /// (which lines a removal takes).
    struct ListLayout {
        /// One list: consecutive items of one depth under one parent item (or at the top) in
        /// one section. Text between two items (a `**In web scenarios**` paragraph acting as a
        /// sub-heading, an HTML comment) ends a Markdown list, and so starts a new one here.
        struct ListID: Hashable {
            var section: Int
            /// Start offset of the parent item's entry; -1 at the top level.
            var parent: Int
            var depth: Int
            /// Counts the lists that came before under the same section, parent and depth.
            var run: Int
        }

        struct Place {
            var list: ListID
            /// Last line of the item including its nested items.
            var blockLastLine: Int
            /// True when only indentation (or a block quote's `>`) precedes the list marker on
            /// its line, so the item's lines can be moved as whole lines.
            var ownsFirstLine: Bool
            /// The `run` of the top-level list holding the item (itself or an ancestor): which
            /// part of its section, between sub-heading paragraphs, the item is in.
            var segment: Int
        }

        private let places: [Int: Place]

        init(_ document: Document) {
            let entries = document.entries
            let items = document.blocks.items.filter { $0.lines.first >= 1 && $0.lines.first <= document.lineCount }
            // `EntryParser.entries(in:)` makes one entry per such item, in order; should that
            // ever change, pair them by line instead.
            let paired: [(Entry, ListItemBlock)]
            if items.count == entries.count {
                paired = Array(zip(entries, items))
            } else {
                var byLine: [Int: ListItemBlock] = [:]
                for item in items where byLine[item.lines.first] == nil { byLine[item.lines.first] = item }
                paired = entries.compactMap { entry in byLine[entry.line].map { (entry, $0) } }
            }
            var places: [Int: Place] = [:]
            places.reserveCapacity(paired.count)
            // Open items by increasing depth: (depth, last line, entry start).
            var open: [(depth: Int, last: Int, start: Int)] = []
            // Per section, parent and depth: the current run and the last line of its last item.
            var runs: [ListID: (run: Int, last: Int)] = [:]
            for (entry, item) in paired {
                let last = max(entry.lastLine, min(item.lines.last, document.lineCount))
                while let top = open.last, top.last < entry.line || top.depth >= item.depth { open.removeLast() }
                let parent = open.last.map { $0.depth == item.depth - 1 ? $0.start : -1 } ?? -1
                let siblings = ListID(
                    section: document.sectionIndex(containing: entry.line), parent: parent, depth: item.depth, run: 0)
                var run = 0
                if let previous = runs[siblings] {
                    run = previous.run
                    if previous.last + 1 < entry.line, ((previous.last + 1)..<entry.line).contains(where: { !Self.isBlank($0, document) }) {
                        run += 1
                    }
                }
                runs[siblings] = (run, last)
                var list = siblings
                list.run = run
                let lineStart = document.lineStarts[entry.line - 1]
                let owns = document.bytes[lineStart..<entry.range.lowerBound].allSatisfy {
                    $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">")
                }
                let segment = parent >= 0 ? places[parent]?.segment ?? 0 : run
                places[entry.range.lowerBound] = Place(list: list, blockLastLine: last, ownsFirstLine: owns, segment: segment)
                open.append((item.depth, last, entry.range.lowerBound))
            }
            self.places = places
        }

        func place(of entry: Entry) -> Place? { places[entry.range.lowerBound] }

        private static func isBlank(_ line: Int, _ document: Document) -> Bool {
            document.bytes[document.contentRange(ofLine: line)].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        }

        /// The bytes of the entry with its nested items, as whole lines without the final line
        /// terminator: what moves when entries are reordered.
        func block(of entry: Entry, in document: Document) -> Range<Int> {
            let last = place(of: entry)?.blockLastLine ?? entry.lastLine
            return document.lineStarts[entry.line - 1]..<document.contentRange(ofLine: last).upperBound
        }

        /// The bytes of the entry's lines with its nested items and the final line terminator:
        /// what a removal takes.
        func fullBlock(of entry: Entry, in document: Document) -> Range<Int> {
            let last = place(of: entry)?.blockLastLine ?? entry.lastLine
            return document.lineStarts[entry.line - 1]..<document.fullRange(ofLine: last).upperBound
        }
    }
}
