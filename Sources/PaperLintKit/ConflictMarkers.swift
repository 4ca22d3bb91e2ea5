/// Text left in the middle of a merge: a list with conflict blocks is not linted or fixed
/// (its findings would be about the markers), whether it sits in the work tree or was
/// staged with the markers still in it.
enum ConflictMarkers {
    /// The first line of a `<<<<<<<` … `>>>>>>>` conflict block, if the text has one.
    static func firstLine(in bytes: [UInt8]) -> Int? {
        var line = 1, start = 0, first: Int?
        func isMarker(_ char: UInt8, at index: Int) -> Bool {
            guard index + 7 <= bytes.count, bytes[index..<index + 7].allSatisfy({ $0 == char }) else { return false }
            return index + 7 == bytes.count || [0x20, 0x0A, 0x0D].contains(bytes[index + 7])
        }
        while start < bytes.count {
            if first == nil && isMarker(UInt8(ascii: "<"), at: start) { first = line }
            if first != nil && isMarker(UInt8(ascii: ">"), at: start) { return first }
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else { break }
            start = newline + 1
            line += 1
        }
        return nil
    }
}
