import PaperLintCore
import Testing

@Suite struct ArxivIDTests {
    func parse(_ url: String) -> ArxivID? { ArxivID.parse(Array(url.utf8)) }

    @Test func readsEveryFormHostAndSuffix() throws {
        let plain = try #require(parse("https://arxiv.org/abs/2310.12345"))
        #expect(plain.id == "2310.12345" && plain.form == .abs && plain.version == nil && plain.host == "arxiv.org")
        let messy = try #require(parse("http://export.arxiv.org/pdf/2310.12345v2.pdf"))
        #expect(messy.id == "2310.12345" && messy.form == .pdf && messy.version == 2 && messy.hasPDFSuffix)
        #expect(messy.scheme == "http" && messy.host == "export.arxiv.org")
        #expect(parse("https://arxiv.org/abs/2310.12345.pdf")?.hasPDFSuffix == true)
        #expect(parse("https://arxiv.org/html/2310.12345v1")?.form == .html)
        #expect(parse("https://arxiv.org/abs/2310.12345?context=cs#x")?.id == "2310.12345")
        #expect(parse("https://arxiv.org/abs/cs/0112017v1")?.id == "cs/0112017")
        #expect(parse("https://arxiv.org/abs/math.GT/0309136")?.id == "math.GT/0309136")
    }

    /// The byte-level reading keeps what the string-level one accepted and rejected.
    @Test func oddVersionsHostsAndCharacters() {
        #expect(parse("https://arxiv.org/abs/2310.12345v02")?.version == 2)
        #expect(parse("https://arxiv.org/abs/2310.12345v+2")?.version == 2, "Int accepts a sign")
        #expect(parse("https://arxiv.org/abs/2310.12345vv2") == nil)
        #expect(parse("https://arxiv.org/abs/2310.12345v") == nil)
        #expect(parse("https://arxiv.org/abs/2310.12345v2v3") == nil)
        #expect(parse("https://arxiv.org/abs/2310.12345v2/")?.version == 2)
        #expect(parse("https://arxiv.org/abs/2310.12345v123456789012345678")?.version == 123_456_789_012_345_678)
        #expect(parse("https://arxiv.org/abs/2310.12345v99999999999999999999") == nil, "a version Int cannot hold")
        #expect(parse("https://ARXIV.org/abs/2310.12345")?.host == "arxiv.org")
        #expect(parse("https://xarxiv.org/abs/2310.12345") == nil)
        #expect(parse("https://arxiv.org/abs/cs//0112017")?.id == "cs//0112017")
        #expect(parse("https://arxiv.org/abs/2310.1234\u{FF15}") == nil, "a full-width digit is no digit")
        #expect(parse("https://arxiv.org/abs/2310.12345v\u{663}") == nil, "nor is an Arabic-Indic one")
    }

    @Test func newStyleNumbersHaveTheirEraLength() {
        // April 2007 to December 2014: four digits; from January 2015: five.
        #expect(parse("https://arxiv.org/abs/0704.0001") != nil)
        #expect(parse("https://arxiv.org/abs/1412.1234") != nil)
        #expect(parse("https://arxiv.org/abs/1501.00001") != nil)
        #expect(parse("https://arxiv.org/abs/1412.12345") == nil)
        #expect(parse("https://arxiv.org/abs/2310.1234") == nil)
        #expect(parse("https://arxiv.org/abs/0703.1234") == nil, "new-style ids start in April 2007")
    }

    @Test func monthsOutsideTheCalendarAreNoIdentifiers() {
        #expect(parse("https://arxiv.org/abs/2313.12345") == nil)
        #expect(parse("https://arxiv.org/abs/2300.12345") == nil)
        #expect(parse("https://arxiv.org/abs/cs/0113017") == nil)
        #expect(parse("https://arxiv.org/abs/cs/0112017") != nil)
    }

    @Test func otherLinksAreNotArxiv() {
        #expect(parse("https://github.com/arxiv/abs/2310.12345") == nil)
        #expect(parse("arxiv.org/abs/2310.12345") == nil)
        #expect(parse("https://arxiv.org/list/cs.AI/recent") == nil)
        #expect(parse("https://arxiv.org/abs/") == nil)
        #expect(parse("ftp://arxiv.org/abs/2310.12345") == nil)
    }

    @Test func yearMonthOfNewStyleIds() throws {
        let id = try #require(parse("https://arxiv.org/abs/2309.00237"))
        #expect(id.yearMonth?.year == 2023 && id.yearMonth?.month == 9)
        #expect(parse("https://arxiv.org/abs/cs/0112017")?.yearMonth == nil)
        #expect(id.url(form: .pdf) == "https://arxiv.org/pdf/2309.00237")
    }
}
