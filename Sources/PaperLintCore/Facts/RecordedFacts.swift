import Synchronization

/// What a recording of facts was made from; a recording is used only when every field matches.
public struct FactKey: Sendable, Equatable {
    /// paperlint's version and build (a rebuilt binary may derive other facts).
    public var tool: String
    /// `Configuration.fingerprint` of the configuration the rows were derived with.
    public var configuration: UInt64
    /// The object id of the blob the rows describe.
    public var blob: String
    /// The repository-relative path of the file.
    public var path: String

    public init(tool: String, configuration: UInt64, blob: String, path: String) {
        self.tool = tool
        self.configuration = configuration
        self.blob = blob
        self.path = path
    }
}

/// The fact rows of one version of a file, as a run recorded them: every entry's hash and
/// place, and per family of facts the row of each entry the family was asked for.
///
/// File layout (all integers LEB128 unless fixed): the magic `PLFACTS` and a format byte;
/// the key; the entry count and per entry its hash (fixed 8 bytes), offset and length; the
/// family count and per family its name, the length of each entry's row (0: none) and the
/// rows; last, a fixed 8-byte `FactHash` of everything before it. A file that is short,
/// foreign, of another format or key, or whose hash or any length is off, is not used.
public final class RecordedFacts: Sendable {
    public static let formatVersion: UInt8 = 1
    static let magic: [UInt8] = Array("PLFACTS".utf8) + [formatVersion]

    public let key: FactKey
    /// Per recorded entry: the hash of its bytes, and where they were in the recorded blob.
    public let hashes: [UInt64]
    public let offsets: [Int]
    public let lengths: [Int]
    private let file: [UInt8]
    /// Where each family's row lengths start in `file`.
    private let families: [String: Int]
    private let decoded = Mutex<[String: Rows]>([:])

    /// One family's rows: row `i` is `file[starts[i]..<starts[i + 1]]`, empty when absent.
    struct Rows: Sendable {
        var starts: [Int]
    }

    /// Reads a recording; nil unless it is whole, of this format, and made for `key`.
    public init?(file: [UInt8], expecting key: FactKey) {
        guard file.count >= Self.magic.count + 8, file.starts(with: Self.magic) else { return nil }
        var trailer = FactReader(file, file.count - 8..<file.count)
        let checksum = trailer.readFixed()
        guard file.withUnsafeBytes({ FactHash.hash(UnsafeRawBufferPointer(rebasing: $0[..<(file.count - 8)])) }) == checksum
        else { return nil }
        var reader = FactReader(file, Self.magic.count..<file.count - 8)
        let found = FactKey(
            tool: reader.readString(), configuration: reader.readFixed(), blob: reader.readString(), path: reader.readString())
        guard reader.isValid, found == key else { return nil }
        let count = reader.readCount()
        var hashes = [UInt64](), offsets = [Int](), lengths = [Int]()
        hashes.reserveCapacity(count)
        offsets.reserveCapacity(count)
        lengths.reserveCapacity(count)
        for _ in 0..<count {
            hashes.append(reader.readFixed())
            offsets.append(reader.readLength())
            lengths.append(reader.readLength())
        }
        var families: [String: Int] = [:]
        let familyCount = reader.readCount()
        for _ in 0..<familyCount where reader.isValid {
            let name = reader.readString()
            families[name] = reader.offset
            var total = 0
            for _ in 0..<count where reader.isValid { total += reader.readLength() }
            reader.skip(total)
        }
        guard reader.isComplete else { return nil }
        self.key = key
        self.file = file
        self.hashes = hashes
        self.offsets = offsets
        self.lengths = lengths
        self.families = families
    }

    /// One family's rows.
    struct Family: Sendable {
        let file: [UInt8]
        let starts: [Int]

        /// Row `index`: a reader over its bytes, or nil when it was not recorded.
        func reader(_ index: Int) -> FactReader? {
            starts[index] < starts[index + 1] ? FactReader(file, starts[index]..<starts[index + 1]) : nil
        }

        /// The bytes of row `index` (empty when it was not recorded).
        func bytes(_ index: Int) -> ArraySlice<UInt8> { file[starts[index]..<starts[index + 1]] }
    }

    /// The rows of `family`, or nil when the recording has none.
    func family(_ name: String) -> Family? {
        rows(of: name).map { Family(file: file, starts: $0.starts) }
    }

    /// A family's row starts, decoded on first use (a rule decodes its own family).
    private func rows(of family: String) -> Rows? {
        guard let lengthsStart = families[family] else { return nil }
        return decoded.withLock { decoded in
            if let known = decoded[family] { return known }
            var reader = FactReader(file, lengthsStart..<file.count)
            var lengths: [Int] = []
            lengths.reserveCapacity(hashes.count)
            for _ in 0..<hashes.count { lengths.append(reader.readLength()) }
            var starts = [reader.offset]
            starts.reserveCapacity(hashes.count + 1)
            for length in lengths { starts.append(starts[starts.count - 1] + length) }
            let rows = Rows(starts: starts)
            decoded[family] = rows
            return rows
        }
    }

    /// The file for `key`: entries as (hash, offset, length), and per family the row of each
    /// entry (nil or empty: none).
    public static func encode(
        key: FactKey, hashes: [UInt64], ranges: [Range<Int>], families: [(name: String, rows: [ArraySlice<UInt8>?])]
    ) -> [UInt8] {
        var writer = FactWriter()
        writer.append(raw: magic)
        writer.write(key.tool)
        writer.writeFixed(key.configuration)
        writer.write(key.blob)
        writer.write(key.path)
        writer.write(UInt64(hashes.count))
        for (hash, range) in zip(hashes, ranges) {
            writer.writeFixed(hash)
            writer.write(UInt64(range.lowerBound))
            writer.write(UInt64(range.count))
        }
        writer.write(UInt64(families.count))
        for family in families {
            writer.write(family.name)
            for index in hashes.indices { writer.write(UInt64(family.rows[index]?.count ?? 0)) }
            for row in family.rows { if let row { writer.append(raw: row) } }
        }
        var bytes = writer.bytes
        let checksum = bytes.withUnsafeBytes { FactHash.hash($0) }
        var trailer = FactWriter()
        trailer.writeFixed(checksum)
        bytes += trailer.bytes
        return bytes
    }
}
