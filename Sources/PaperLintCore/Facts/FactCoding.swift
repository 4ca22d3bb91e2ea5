/// The bytes of a fact row: integers as unsigned LEB128 (signed ones zigzagged first),
/// strings as their UTF-8 length and bytes. Rows are a few bytes each; a 50k-entry list's
/// rows for every rule fit in a few megabytes.
public struct FactWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    public mutating func write(_ value: Int) {
        write(UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1)))))
    }

    public mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Bytes written by another writer, as they are.
    public mutating func append(raw: some Collection<UInt8>) { bytes.append(contentsOf: raw) }

    /// A value that writes itself, or its absence.
    public mutating func write<Value: FactCodable>(_ value: Value?) {
        guard let value else { return write(false) }
        write(true)
        value.write(to: &self)
    }

    /// An array, its count first.
    public mutating func write<Value: FactCodable>(_ values: [Value]) {
        write(UInt64(values.count))
        for value in values { value.write(to: &self) }
    }
}

/// Reads what a `FactWriter` wrote. Never traps: reading past the end, or a malformed
/// value, clears `isValid` and yields zero values, and the reader's owner drops the row.
public struct FactReader {
    private let bytes: [UInt8]
    private var position: Int
    private let end: Int
    public private(set) var isValid = true

    public init(_ bytes: [UInt8], _ range: Range<Int>) {
        self.bytes = bytes
        let clamped = range.clamped(to: 0..<bytes.count)
        position = clamped.lowerBound
        end = clamped.upperBound
        isValid = clamped == range
    }

    /// True when every byte was read and nothing was malformed.
    public var isComplete: Bool { isValid && position == end }

    public mutating func readUInt64() -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < end && shift < 64 {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        isValid = false
        return 0
    }

    public mutating func readInt() -> Int {
        let raw = readUInt64()
        return Int(truncatingIfNeeded: Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A count, or zero (and invalid) when it is larger than the bytes left could hold.
    public mutating func readCount() -> Int {
        let count = readUInt64()
        guard count <= UInt64(end - position) else {
            isValid = false
            return 0
        }
        return Int(count)
    }

    /// An offset or a length: at most 2^31 - 1 (zero and invalid above it).
    public mutating func readLength() -> Int {
        let value = readUInt64()
        guard value <= UInt64(Int32.max) else {
            isValid = false
            return 0
        }
        return Int(value)
    }

    public mutating func readBool() -> Bool {
        guard position < end, bytes[position] <= 1 else {
            isValid = false
            return false
        }
        position += 1
        return bytes[position - 1] == 1
    }

    public mutating func readString() -> String {
        let count = readCount()
        guard isValid else { return "" }
        defer { position += count }
        return String(decoding: bytes[position..<position + count], as: UTF8.self)
    }

    public mutating func read<Value: FactCodable>(_ type: Value?.Type = Value?.self) -> Value? {
        readBool() ? Value(reading: &self) : nil
    }

    public mutating func readArray<Value: FactCodable>(of type: Value.Type = Value.self) -> [Value] {
        let count = readCount()
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count where isValid {
            guard let value = Value(reading: &self) else {
                isValid = false
                break
            }
            values.append(value)
        }
        return values
    }
}

/// A value a fact row holds.
public protocol FactCodable: Sendable {
    func write(to writer: inout FactWriter)
    /// Nil (or an invalid reader) when the bytes do not hold such a value.
    init?(reading reader: inout FactReader)
}

extension Bool: FactCodable {
    public func write(to writer: inout FactWriter) { writer.write(self) }
    public init?(reading reader: inout FactReader) { self = reader.readBool() }
}

extension Int: FactCodable {
    public func write(to writer: inout FactWriter) { writer.write(self) }
    public init?(reading reader: inout FactReader) { self = reader.readInt() }
}

extension String: FactCodable {
    public func write(to writer: inout FactWriter) { writer.write(self) }
    public init?(reading reader: inout FactReader) { self = reader.readString() }
}

/// A closed set of choices is written as its index among all cases.
extension FactCodable where Self: CaseIterable & Equatable {
    public func write(to writer: inout FactWriter) {
        writer.write(Self.allCases.firstIndex(of: self).map { Self.allCases.distance(from: Self.allCases.startIndex, to: $0) } ?? -1)
    }

    public init?(reading reader: inout FactReader) {
        let index = reader.readInt()
        guard index >= 0, index < Self.allCases.count else { return nil }
        self = Self.allCases[Self.allCases.index(Self.allCases.startIndex, offsetBy: index)]
    }
}

extension DateStyle: FactCodable {}
extension TitleStyle: FactCodable {}
extension Requirement: FactCodable {}
extension AuthorStyle: FactCodable {}
extension LinkSyntaxStyle: FactCodable {}
extension LinkSeparatorStyle: FactCodable {}
extension ArxivForm: FactCodable {}

/// A fast 64-bit hash of bytes, eight at a time, that does not change between runs or
/// machines: it finds an entry's earlier facts by the entry's bytes (which are then compared,
/// so a collision costs a recomputation, never a wrong fact) and checks a cache file.
public enum FactHash {
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(bytes.count) &* 0xC2B2_AE3D_27D4_EB4F)
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            hash = mix(hash, word)
            offset += 8
        }
        if offset < count {
            var word: UInt64 = 0
            for index in offset..<count { word |= UInt64(bytes[index]) << UInt64(8 * (index - offset)) }
            hash = mix(hash, word)
        }
        // MurmurHash3's finaliser: every input bit reaches every output bit.
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 33)
    }

    public static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { hash($0) }
    }

    @inline(__always)
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let scrambled = (word &* 0x87C3_7B91_1142_53D5)
        let rotated = (scrambled << 31) | (scrambled >> 33)
        let combined = hash ^ (rotated &* 0x4CF5_AD43_2745_937F)
        return ((combined << 27) | (combined >> 37)) &* 5 &+ 0x52DC_E729
    }
}

extension FactWriter {
    /// Eight bytes, little-endian: hashes, which LEB128 would make ten.
    public mutating func writeFixed(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}

extension FactReader {
    public mutating func readFixed() -> UInt64 {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 8) {
            guard position < end else {
                isValid = false
                return 0
            }
            value |= UInt64(bytes[position]) << UInt64(shift)
            position += 1
        }
        return value
    }

    /// Where the next read starts, in the reader's byte array.
    public var offset: Int { position }

    /// Skips `count` bytes (invalid when fewer are left).
    public mutating func skip(_ count: Int) {
        guard count >= 0, count <= end - position else {
            isValid = false
            return
        }
        position += count
    }
}
