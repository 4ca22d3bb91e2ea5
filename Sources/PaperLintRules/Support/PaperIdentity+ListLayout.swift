import PaperLintCore

extension PaperIdentity {
    /// Where each entry sits in the Markdown list structure: the list it belongs to and the
    /// lines it spans together with its nested items (a description bullet under a paper).
    ///
    /// Used by `order` (which entries are compared, which lines move) and by `duplicate`
    /// (which lines a removal takes).
    struct ListLayout: Sendable {
        /// One list: consecutive items of one depth under one parent item (or at the top) in
        /// one section. Text between two items (a `**In web scenarios**` paragraph acting as a
        /// sub-heading, an HTML comment) ends a Markdown list, and so starts a new one here.
        /// Fields are kept in 32 bits (a document is at most 4 GiB, so offsets and line
        /// numbers fit): every entry has a place while the rules run, 28 bytes, not 64.
        struct ListID: Hashable, Sendable {
            private var sectionIndex, itemDepth, runIndex: Int32
            /// The parent's start offset plus one (0 at the top level): offsets go up to 4 GiB.
            private var parentStart: UInt32
            var section: Int { Int(sectionIndex) }
            /// Start offset of the parent item's entry; -1 at the top level.
            var parent: Int { Int(parentStart) - 1 }
            var depth: Int { Int(itemDepth) }
            /// Counts the lists that came before under the same section, parent and depth.
            var run: Int {
                get { Int(runIndex) }
                set { runIndex = Int32(truncatingIfNeeded: newValue) }
            }

            init(section: Int, parent: Int, depth: Int, run: Int) {
                sectionIndex = Int32(truncatingIfNeeded: section)
                parentStart = UInt32(truncatingIfNeeded: parent + 1)
                itemDepth = Int32(truncatingIfNeeded: depth)
                runIndex = Int32(truncatingIfNeeded: run)
            }
        }

        struct Place: Sendable {
            var list: ListID
            private var last: Int32
            private var run: Int32
            /// True when only indentation (or a block quote's `>`) precedes the list marker on
            /// its line, so the item's lines can be moved as whole lines.
            var ownsFirstLine: Bool
            /// Last line of the item including its nested items.
            var blockLastLine: Int { Int(last) }
            /// The `run` of the top-level list holding the item (itself or an ancestor): which
            /// part of its section, between sub-heading paragraphs, the item is in.
            var segment: Int { Int(run) }

            init(list: ListID, blockLastLine: Int, ownsFirstLine: Bool, segment: Int) {
                self.list = list
                last = Int32(truncatingIfNeeded: blockLastLine)
                run = Int32(truncatingIfNeeded: segment)
                self.ownsFirstLine = ownsFirstLine
            }
        }

        /// Each entry's start offset, increasing (entries come in document order, each after
        /// the one before), and its place: a table keyed by offset took 4.7 MB at 50k entries.
        private let starts: [UInt32]
        private let places: [Place]

        /// The layout of `document`, computed once for all rules.
        static func of(_ document: Document, _ configuration: Configuration) -> ListLayout {
            document.memo("list layout", configuration) { ListLayout(document) }
        }

        init(_ document: Document) {
            let entries = document.entries
            let items = document.blocks.items.filter { $0.lines.first >= 1 && $0.lines.first <= document.lineCount }
            // `EntryParser.entries(in:)` makes one entry per such item, in order; should that
            // ever change, pair them by line instead. Pairs of indices: copying entries is not free.
            let paired: [(entry: Int, item: Int)]
            if items.count == entries.count {
                paired = entries.indices.map { ($0, $0) }
            } else {
                var byLine: [Int: Int] = [:]
                for (index, item) in items.enumerated() where byLine[item.lines.first] == nil { byLine[item.lines.first] = index }
                paired = entries.indices.compactMap { index in byLine[entries[index].line].map { (index, $0) } }
            }
            var starts: [UInt32] = [], places: [Place] = []
            starts.reserveCapacity(paired.count)
            places.reserveCapacity(paired.count)
            // Open items by increasing depth: (depth, last line, entry start).
            var open: [(depth: Int, last: Int, start: Int)] = []
            // Per section, parent and depth: the current run and the last line of its last item.
            var runs: [ListID: (run: Int, last: Int)] = [:]
            // The siblings of the entry before, whose run is held here and written to `runs` only
            // when another list comes: items mostly follow their siblings.
            var current: (siblings: ListID, run: (run: Int, last: Int))?
            var sections = document.sectionCursor()
            for (entryIndex, itemIndex) in paired {
                let line = entries[entryIndex].line, start = entries[entryIndex].range.lowerBound
                let depth = items[itemIndex].depth
                let last = max(entries[entryIndex].lastLine, min(items[itemIndex].lines.last, document.lineCount))
                while let top = open.last, top.last < line || top.depth >= depth { open.removeLast() }
                let parent = open.last.map { $0.depth == depth - 1 ? $0.start : -1 } ?? -1
                let siblings = ListID(section: sections.section(containing: line), parent: parent, depth: depth, run: 0)
                var run = 0
                let isCurrent = current?.siblings == siblings
                if let current, !isCurrent { runs[current.siblings] = current.run }
                if let previous = isCurrent ? current?.run : runs[siblings] {
                    run = previous.run
                    if previous.last + 1 < line, ((previous.last + 1)..<line).contains(where: { !Self.isBlank($0, document) }) {
                        run += 1
                    }
                }
                current = (siblings, (run, last))
                var list = siblings
                list.run = run
                let lineStart = document.lineStarts[line - 1]
                let owns = document.bytes[lineStart..<start].allSatisfy {
                    $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">")
                }
                let segment = parent >= 0 ? Self.index(of: parent, in: starts).map { places[$0].segment } ?? 0 : run
                starts.append(UInt32(truncatingIfNeeded: start))
                places.append(Place(list: list, blockLastLine: last, ownsFirstLine: owns, segment: segment))
                open.append((depth, last, start))
            }
            self.starts = starts
            self.places = places
        }

        func place(of entry: Entry) -> Place? { Self.index(of: entry.range.lowerBound, in: starts).map { places[$0] } }

        /// The index of `start` in `starts`, the last one if it were there twice.
        private static func index(of start: Int, in starts: [UInt32]) -> Int? {
            let after = starts.partitioningIndex { Int($0) > start }
            return after > 0 && Int(starts[after - 1]) == start ? after - 1 : nil
        }

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
