import PaperLintCore
@testable import PaperLintRules
import PaperLintTestSupport
import Testing

@Suite struct AnchorTargetsTests {
    @Test func htmlAnchorsAreTheQuotedNamesAndIds() {
        let text = "<a name=\"intro\"></a>\n<div id='top-1' NAME=\"no\"></div>\n<a id=\"open\n- [x](https://o.org/?id=\"q\")\n<p nAme=\"x\" id=\"y name='inner'\">"
        #expect(AnchorTargets.htmlAnchors(Array(text.utf8)) == ["intro", "top-1", "x", "y name='inner'"])
    }

    /// The `=`-first search finds what a scan of every blank finds (the scan it replaced, kept
    /// here as the oracle), on seeded text dense with attribute-like pieces.
    @Test func htmlAnchorsMatchAByteByByteScan() {
        var random = SplitMix64(seed: 0xA9C4)
        let pieces = [" ", "\t", "\n", "id=", "iD=", "Id=", "name=", "nAME=", "\"", "'", "a", "x=", "<a ", "?id=", "=", "ab c"]
        for _ in 0..<3_000 {
            let text = (0..<Int(random.next() % 24)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let bytes = Array(text.utf8)
            #expect(AnchorTargets.htmlAnchors(bytes) == Self.scannedAnchors(bytes), "\(text.debugDescription)")
        }
    }

    static func scannedAnchors(_ bytes: [UInt8]) -> Set<String> {
        var anchors: Set<String> = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A else {
                index += 1
                continue
            }
            let start = index + 1
            guard start < bytes.count, bytes[start] == UInt8(ascii: "i") || bytes[start] == UInt8(ascii: "n") else {
                index += 1
                continue
            }
            var valueStart: Int?
            for attribute in ["id=", "name="] where start + attribute.utf8.count <= bytes.count
                && zip(bytes[start...], attribute.utf8).allSatisfy({ ASCII.lowercased($0) == $1 })
            {
                let quote = start + attribute.utf8.count
                if quote < bytes.count && (bytes[quote] == 0x22 || bytes[quote] == 0x27) { valueStart = quote }
            }
            guard let quote = valueStart else {
                index += 1
                continue
            }
            var end = quote + 1
            while end < bytes.count && bytes[end] != bytes[quote] && bytes[end] != 0x0A { end += 1 }
            if end < bytes.count && bytes[end] == bytes[quote] { anchors.insert(String(decoding: bytes[quote + 1..<end], as: UTF8.self)) }
            index = end
        }
        return anchors
    }
}
