import PaperLintCore

/// Text left in the middle of a merge: a list with conflict blocks is not linted or fixed
/// (its findings would be about the markers), whether it sits in the work tree or was
/// staged with the markers still in it.
enum ConflictMarkers {
    /// The first line of a `<<<<<<<` … `>>>>>>>` conflict block, if the document has one.
    /// Reads only line starts, from the document's line table.
    static func firstLine(in document: Document) -> Int? {
        let bytes = document.bytes
        func isMarker(_ char: UInt8, at index: Int) -> Bool {
            guard index + 7 <= bytes.count, bytes[index] == char, bytes[index..<index + 7].allSatisfy({ $0 == char }) else { return false }
            return index + 7 == bytes.count || [0x20, 0x0A, 0x0D].contains(bytes[index + 7])
        }
        var first: Int?
        for (offset, start) in document.lineStarts.enumerated() {
            if first == nil && isMarker(UInt8(ascii: "<"), at: start) { first = offset + 1 }
            if first != nil && isMarker(UInt8(ascii: ">"), at: start) { return first }
        }
        return nil
    }
}
