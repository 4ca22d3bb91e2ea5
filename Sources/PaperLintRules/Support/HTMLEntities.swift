import PaperLintCore

/// HTML character references (`&amp;`, `&#39;`, `&#x2019;`) as they turn up in pasted titles.
///
/// Only the named entities seen in scraped paper metadata are known; an unknown `&name;` is
/// left alone (CommonMark renders it literally, so it is no entity to begin with).
enum HTMLEntities {
    /// One reference: its bytes and the scalar it stands for.
    struct Reference: Equatable {
        var range: Range<Int>
        var scalar: Unicode.Scalar
    }

    /// The reference starting at the `&` at `index`, if it is a known one.
    static func reference(in bytes: [UInt8], at index: Int, end: Int) -> Reference? {
        guard index < end, bytes[index] == ASCII.ampersand else { return nil }
        var cursor = index + 1
        if cursor < end && bytes[cursor] == ASCII.hash {
            cursor += 1
            let isHex = cursor < end && (bytes[cursor] == UInt8(ascii: "x") || bytes[cursor] == UInt8(ascii: "X"))
            if isHex { cursor += 1 }
            let digitsStart = cursor
            while cursor < end && cursor - digitsStart < 8 && (isHex ? ASCII.isHexDigit(bytes[cursor]) : ASCII.isDigit(bytes[cursor])) {
                cursor += 1
            }
            guard cursor > digitsStart, cursor < end, bytes[cursor] == ASCII.semicolon,
                let value = UInt32(String(decoding: bytes[digitsStart..<cursor], as: UTF8.self), radix: isHex ? 16 : 10),
                value != 0, let scalar = Unicode.Scalar(value)
            else { return nil }
            return Reference(range: index..<cursor + 1, scalar: scalar)
        }
        let nameStart = cursor
        while cursor < end && cursor - nameStart < 32 && ASCII.isAlphanumeric(bytes[cursor]) { cursor += 1 }
        guard cursor > nameStart, cursor < end, bytes[cursor] == ASCII.semicolon,
            let value = named[String(decoding: bytes[nameStart..<cursor], as: UTF8.self)],
            let scalar = Unicode.Scalar(value)
        else { return nil }
        return Reference(range: index..<cursor + 1, scalar: scalar)
    }

    /// Named references common in titles and author names (HTML5 names, case-sensitive).
    static let named: [String: UInt32] = {
        var table: [String: UInt32] = [
            "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "ensp": 0x2002,
            "emsp": 0x2003, "thinsp": 0x2009, "shy": 0xAD, "zwnj": 0x200C, "zwj": 0x200D, "ndash": 0x2013,
            "mdash": 0x2014, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D,
            "bdquo": 0x201E, "hellip": 0x2026, "bull": 0x2022, "middot": 0xB7, "copy": 0xA9, "reg": 0xAE,
            "trade": 0x2122, "deg": 0xB0, "plusmn": 0xB1, "times": 0xD7, "divide": 0xF7, "micro": 0xB5,
            "para": 0xB6, "sect": 0xA7, "laquo": 0xAB, "raquo": 0xBB, "iexcl": 0xA1, "iquest": 0xBF, "cent": 0xA2,
            "pound": 0xA3, "euro": 0x20AC, "yen": 0xA5, "prime": 0x2032, "Prime": 0x2033, "dagger": 0x2020,
            "Dagger": 0x2021, "larr": 0x2190, "uarr": 0x2191, "rarr": 0x2192, "darr": 0x2193, "harr": 0x2194,
            "lArr": 0x21D0, "rArr": 0x21D2, "hArr": 0x21D4, "le": 0x2264, "ge": 0x2265, "ne": 0x2260,
            "asymp": 0x2248, "equiv": 0x2261, "infin": 0x221E, "sum": 0x2211, "prod": 0x220F, "minus": 0x2212,
            "radic": 0x221A, "part": 0x2202, "nabla": 0x2207, "isin": 0x2208, "forall": 0x2200, "exist": 0x2203,
            "empty": 0x2205, "cap": 0x2229, "cup": 0x222A, "and": 0x2227, "or": 0x2228, "not": 0xAC,
            "sup1": 0xB9, "sup2": 0xB2, "sup3": 0xB3, "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE,
            "ordf": 0xAA, "ordm": 0xBA, "szlig": 0xDF, "oslash": 0xF8, "Oslash": 0xD8, "aelig": 0xE6,
            "AElig": 0xC6, "oelig": 0x153, "OElig": 0x152, "eth": 0xF0, "ETH": 0xD0, "thorn": 0xFE, "THORN": 0xDE,
            "scaron": 0x161, "Scaron": 0x160, "zcaron": 0x17E, "Zcaron": 0x17D, "ccedil": 0xE7, "Ccedil": 0xC7,
            "ntilde": 0xF1, "Ntilde": 0xD1, "yuml": 0xFF, "Yuml": 0x178, "aring": 0xE5, "Aring": 0xC5,
        ]
        // Accented vowels: &aacute; &Egrave; &ocirc; &uuml; &atilde; …
        let accents: [(String, [Character: UInt32])] = [
            ("acute", ["a": 0xE1, "e": 0xE9, "i": 0xED, "o": 0xF3, "u": 0xFA, "y": 0xFD,
                       "A": 0xC1, "E": 0xC9, "I": 0xCD, "O": 0xD3, "U": 0xDA, "Y": 0xDD]),
            ("grave", ["a": 0xE0, "e": 0xE8, "i": 0xEC, "o": 0xF2, "u": 0xF9, "A": 0xC0, "E": 0xC8, "I": 0xCC, "O": 0xD2, "U": 0xD9]),
            ("circ", ["a": 0xE2, "e": 0xEA, "i": 0xEE, "o": 0xF4, "u": 0xFB, "A": 0xC2, "E": 0xCA, "I": 0xCE, "O": 0xD4, "U": 0xDB]),
            ("uml", ["a": 0xE4, "e": 0xEB, "i": 0xEF, "o": 0xF6, "u": 0xFC, "A": 0xC4, "E": 0xCB, "I": 0xCF, "O": 0xD6, "U": 0xDC]),
            ("tilde", ["a": 0xE3, "o": 0xF5, "A": 0xC3, "O": 0xD5]),
        ]
        for (suffix, letters) in accents {
            for (letter, value) in letters { table[String(letter) + suffix] = value }
        }
        let greek = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
                     "nu", "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"]
        for (offset, name) in greek.enumerated() {
            table[name] = 0x3B1 + UInt32(offset)
            if name != "sigmaf" { table[name.prefix(1).uppercased() + name.dropFirst()] = 0x391 + UInt32(offset) }
        }
        return table
    }()
}
