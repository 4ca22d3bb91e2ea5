#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// What a rule learns from one entry, as a row of facts: derived from the entry's lines (from
/// the start of its first line to the byte after its last) and the configuration alone, so an
/// entry with the same lines has the same row in any version of the list. A rule folds its
/// rows into the list's house style.
public protocol EntryFactRow: FactCodable {
    /// Names the row's layout and meaning within one build of paperlint ("date-format").
    static var family: String { get }
    init(_ entry: Entry, in document: Document, _ configuration: Configuration)
}

/// The bytes a recording's entries were read from (another version of the file), kept
/// alive by `owner`.
public final class FactSource: @unchecked Sendable {
    public let bytes: UnsafeRawBufferPointer
    private let owner: AnyObject?

    public init(bytes: UnsafeRawBufferPointer, owner: AnyObject?) {
        self.bytes = bytes
        self.owner = owner
    }
}

/// The fact rows of one document's entries: reused from a recording where an entry's bytes
/// are exactly those of a recorded entry, derived anew otherwise, and all kept for the next
/// recording (see `recording(for:key:)`).
///
/// A row is reused only after the entry's key bytes (`keyRange`: its lines and the byte after
/// them) compare equal to the recorded entry's, so a stale or colliding record costs a
/// recomputation, never a wrong fact.
public final class EntryFacts: Sendable {
    let recorded: RecordedFacts?
    /// The bytes the recording describes; nil when they are the document's own.
    let source: FactSource?
    private let table = Mutex<Table?>(nil)
    private let fresh = Mutex<[String: [ArraySlice<UInt8>?]]>([:])
    private let counts = Mutex<(reused: Int, derived: Int)>((0, 0))

    struct Table: Sendable {
        /// Per document entry: the hash of its key bytes, those bytes, and the recorded entry
        /// with the same bytes (-1: none).
        var hashes: [UInt64]
        var ranges: [Range<Int>]
        var matches: [Int32]
    }

    public init(recorded: RecordedFacts?, source: FactSource?) {
        self.recorded = recorded
        self.source = source
    }

    /// Rows reused from the recording and rows derived, so far.
    public var reusedRows: Int { counts.withLock { $0.reused } }
    public var derivedRows: Int { counts.withLock { $0.derived } }

    /// The row of each of `entries` (entries of `document`, in document order).
    func rows<Row: EntryFactRow>(_ type: Row.Type, for entries: [Entry], in document: Document, _ configuration: Configuration) -> [Row] {
        let table = table(for: document)
        let all = document.entries
        var kept = fresh.withLock { $0[Row.family] } ?? [ArraySlice<UInt8>?](repeating: nil, count: all.count)
        var rows: [Row] = []
        rows.reserveCapacity(entries.count)
        var reused = 0, derived = 0
        var position = 0
        let family = recorded?.family(Row.family)
        for entry in entries {
            if position >= all.count || all[position] !== entry { position = Self.index(of: entry, in: all, from: position) ?? all.count }
            let index = position < all.count ? position : nil
            if let index, let family, table.matches[index] >= 0, var reader = family.reader(Int(table.matches[index])),
                let row = Row(reading: &reader), reader.isComplete
            {
                rows.append(row)
                kept[index] = family.bytes(Int(table.matches[index]))
                reused += 1
                continue
            }
            let row = Row(entry, in: document, configuration)
            rows.append(row)
            derived += 1
            if let index {
                var writer = FactWriter()
                row.write(to: &writer)
                if !writer.bytes.isEmpty { kept[index] = writer.bytes[...] }
            }
        }
        fresh.withLock { $0[Row.family] = kept }
        counts.withLock { $0.reused += reused; $0.derived += derived }
        return rows
    }

    private static func index(of entry: Entry, in all: [Entry], from start: Int) -> Int? {
        if let found = all[min(start, all.count)...].firstIndex(where: { $0 === entry }) { return found }
        return all.firstIndex { $0 === entry }
    }

    /// The recording of `document` (whose blob `key` names): every entry's hash and place,
    /// and the rows this run derived or reused, by family name.
    public func recording(for document: Document, key: FactKey) -> [UInt8] {
        let table = table(for: document)
        // A later run finds an entry's row under the first entry with the same bytes (the
        // first the index holds): that one carries the row when any copy has it (a copy may
        // sit where a family does not look, in a skipped section).
        let first = Self.firstCopies(document, table)
        let families = fresh.withLock { $0 }.sorted { $0.key < $1.key }.map { family in
            var rows = family.value
            for index in rows.indices where rows[index] != nil && first[index] != index && rows[first[index]] == nil {
                rows[first[index]] = rows[index]
            }
            return (name: family.key, rows: rows)
        }
        return RecordedFacts.encode(key: key, hashes: table.hashes, ranges: table.ranges, families: families)
    }

    /// For each entry, the first entry with the same key bytes (itself when it is the first).
    private static func firstCopies(_ document: Document, _ table: Table) -> [Int] {
        let own = OpenTable(table.hashes)
        return document.bytes.withUnsafeBytes { bytes in
            table.ranges.indices.map { index in
                let range = table.ranges[index]
                return Int(own.first(table.hashes[index]) { candidate in
                    let other = table.ranges[candidate]
                    return candidate == index || (candidate < index && other.count == range.count
                        && memcmp(bytes.baseAddress! + other.lowerBound, bytes.baseAddress! + range.lowerBound, range.count) == 0)
                })
            }
        }
    }

    /// True when this run derived a row the recording did not hold, or has no recording.
    public var derivedAny: Bool { derivedRows > 0 || recorded == nil }

    /// The blob the recording describes, if there is one.
    public var recordedBlob: String? { recorded?.key.blob }

    /// Hashes every entry's key bytes and finds the recorded entry with the same bytes.
    private func table(for document: Document) -> Table {
        table.withLock { table in
            if let table { return table }
            let made = Self.match(document, recorded, source)
            table = made
            return made
        }
    }

    /// An entry's key bytes: its whole lines (the indentation or quote marks before the list
    /// marker included) and the byte after them (a line terminator, or none at the end of the
    /// file), which some facts read.
    static func keyRange(_ entry: Entry, in document: Document) -> Range<Int> {
        let lineStart = entry.line >= 1 && entry.line <= document.lineStarts.count ? document.lineStarts[entry.line - 1] : entry.range.lowerBound
        return min(lineStart, entry.range.lowerBound)..<min(document.bytes.count, entry.range.upperBound + 1)
    }

    private static func match(_ document: Document, _ recorded: RecordedFacts?, _ source: FactSource?) -> Table {
        let entries = document.entries
        var hashes = [UInt64](), ranges = [Range<Int>]()
        hashes.reserveCapacity(entries.count)
        ranges.reserveCapacity(entries.count)
        document.bytes.withUnsafeBytes { bytes in
            for entry in entries {
                let range = keyRange(entry, in: document)
                ranges.append(range)
                hashes.append(FactHash.hash(UnsafeRawBufferPointer(rebasing: bytes[range])))
            }
        }
        guard let recorded else { return Table(hashes: hashes, ranges: ranges, matches: []) }
        let slots = OpenTable(recorded.hashes)
        var matches = [Int32](repeating: -1, count: entries.count)
        document.bytes.withUnsafeBytes { own in
            let earlier = source?.bytes ?? own
            for index in entries.indices {
                let range = ranges[index]
                let wanted = UnsafeRawBufferPointer(rebasing: own[range])
                matches[index] = slots.first(hashes[index]) { candidate in
                    let offset = recorded.offsets[candidate], length = recorded.lengths[candidate]
                    guard length == range.count, offset >= 0, offset <= earlier.count - length else { return false }
                    return length == 0 || memcmp(wanted.baseAddress!, earlier.baseAddress! + offset, length) == 0
                }
            }
        }
        return Table(hashes: hashes, ranges: ranges, matches: matches)
    }
}

/// An open-addressing index of hashes (linear probing): built in one pass over a recording's
/// 50k hashes where a Dictionary spent milliseconds.
private struct OpenTable {
    private var slots: [Int32]
    private let hashes: [UInt64]
    private let mask: Int

    init(_ hashes: [UInt64]) {
        var capacity = 16
        while capacity < hashes.count * 2 { capacity <<= 1 }
        self.hashes = hashes
        mask = capacity - 1
        slots = [Int32](repeating: -1, count: capacity)
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// The first entry with `hash` that `accepts` takes, or -1.
    func first(_ hash: UInt64, where accepts: (Int) -> Bool) -> Int32 {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let candidate = Int(slots[slot])
            if hashes[candidate] == hash && accepts(candidate) { return Int32(candidate) }
            slot = (slot + 1) & mask
        }
        return -1
    }
}

extension Document {
    /// The row of each of `entries`: from the document's recorded facts where they hold
    /// the entry, else derived from it.
    public func facts<Row: EntryFactRow>(_ type: Row.Type = Row.self, for entries: [Entry], _ configuration: Configuration) -> [Row] {
        guard let entryFacts else { return entries.map { Row($0, in: self, configuration) } }
        return entryFacts.rows(Row.self, for: entries, in: self, configuration)
    }
}
