/// Detects UTF-8 text that was decoded as Windows-1252 (or Latin-1) and saved again as UTF-8:
/// `é` (C3 A9) read as `Ã©`, `🔔` (F0 9F 94 94) read as `ðŸ””`, `’` (E2 80 99) read as `â€™`.
///
/// A run of characters is mapped back through Windows-1252 to bytes; where those bytes are a
/// valid UTF-8 sequence for a non-ASCII, non-control scalar, the run is mojibake and the
/// decoded text is what the author wrote. Re-decoding is unambiguous: the mapping is a bijection
/// on the characters involved.
enum Mojibake {
    /// One mis-decoded run inside a line.
    struct Finding: Equatable {
        /// Byte range of the mojibake in the scanned bytes.
        var range: Range<Int>
        /// The text as first written (`é`, `🔔`), decoded repeatedly for double mojibake.
        var decoded: String
    }

    /// Mojibake runs in `bytes[range]` (valid UTF-8), in order.
    static func findings(in bytes: [UInt8], _ range: Range<Int>) -> [Finding] {
        // Every finding starts at a lead read as U+00C2…U+00F4 (`Â`…`ô`), whose UTF-8 starts
        // with 0xC3: text without that byte (ASCII, CJK, most accents) has nothing to find.
        guard bytes[range].contains(0xC3) else { return [] }
        var found: [Finding] = []
        // Scalars of the current run of Windows-1252-mappable characters, with their offsets.
        var run: [(offset: Int, length: Int, byte: UInt8)] = []
        var index = range.lowerBound
        func flush() {
            if !run.isEmpty { found += decode(run) }
            run.removeAll(keepingCapacity: true)
        }
        while index < range.upperBound {
            let (scalar, length) = decodeScalar(bytes, at: index)
            if let byte = windows1252Byte(scalar) {
                run.append((index, length, byte))
            } else {
                flush()
            }
            index += length
        }
        flush()
        return found
    }

    /// The valid UTF-8 sequences inside one run, grouped into contiguous findings.
    private static func decode(_ run: [(offset: Int, length: Int, byte: UInt8)]) -> [Finding] {
        var found: [Finding] = []
        var groupStart: Int?
        var groupEnd = 0
        var scalars = String.UnicodeScalarView()
        var confident = false
        var sequences = 0
        func close() {
            if let start = groupStart, confident || sequences >= 2 {
                found.append(Finding(range: start..<groupEnd, decoded: redecoded(String(scalars))))
            }
            groupStart = nil
            scalars = String.UnicodeScalarView()
            confident = false
            sequences = 0
        }
        var k = 0
        while k < run.count {
            let lead = run[k].byte
            let length = sequenceLength(lead)
            guard length > 1, k + length <= run.count,
                let scalar = utf8Scalar(run[k..<k + length].map(\.byte)),
                !isControl(scalar)
            else {
                close()
                k += 1
                continue
            }
            if groupStart == nil { groupStart = run[k].offset }
            let last = run[k + length - 1]
            groupEnd = last.offset + last.length
            scalars.append(scalar)
            sequences += 1
            // 3- and 4-byte sequences (â€™, ðŸ””) and Â/Ã leads (Â , Ã©) do not occur in real
            // text. A lone other capital before punctuation (`É…`, `Ü”`) can: it needs company.
            if length > 2 || lead == 0xC2 || lead == 0xC3 || !commonAfterLetter.contains(run[k + 1].byte) {
                confident = true
            }
            k += length
        }
        close()
        return found
    }

    /// Windows-1252 bytes of punctuation that legitimately follows a capital letter.
    private static let commonAfterLetter: Set<UInt8> = [0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0xA0, 0xA9, 0xAE, 0xB0, 0xB7, 0xBB]

    /// Decodes again while the result is itself entirely mojibake (text mis-decoded twice).
    private static func redecoded(_ text: String) -> String {
        var current = text
        for _ in 0..<3 {
            let bytes = Array(current.utf8)
            let again = findings(in: bytes, 0..<bytes.count)
            guard again.count == 1, again[0].range == 0..<bytes.count else { break }
            current = again[0].decoded
        }
        return current
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 1
        }
    }

    /// The scalar of a complete, valid UTF-8 sequence, or nil.
    private static func utf8Scalar(_ sequence: [UInt8]) -> Unicode.Scalar? {
        guard UTF8Validity.isValid(sequence) else { return nil }
        return String(decoding: sequence, as: UTF8.self).unicodeScalars.first
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Decodes the scalar at `index` of valid UTF-8.
    static func decodeScalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<max(1, length) where index + k < bytes.count {
            value = value << 6 | UInt32(bytes[index + k] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The Windows-1252 byte for a non-ASCII scalar (C1 controls map to themselves, as browsers
    /// decode the five bytes Windows-1252 leaves undefined), or nil.
    static func windows1252Byte(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if (0x80...0xFF).contains(value) { return UInt8(value) }
        return windows1252Specials[value]
    }

    /// Windows-1252 0x80–0x9F that are not Latin-1.
    private static let windows1252Specials: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}

/// Strict validation of one short byte sequence.
enum UTF8Validity {
    static func isValid(_ sequence: [UInt8]) -> Bool {
        var iterator = sequence.makeIterator()
        var decoder = UTF8()
        var count = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: count += 1
            case .emptyInput: return count == 1
            case .error: return false
            }
        }
    }
}
