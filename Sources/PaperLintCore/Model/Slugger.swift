/// GitHub's heading anchors (the github-slugger algorithm): lowercase, drop everything but
/// letters, marks, numbers, `_`, `-` and spaces, turn spaces into `-`, and number repeats
/// `-1`, `-2` … in document order.
public struct Slugger: Sendable {
    private var occurrences: [String: Int] = [:]

    public init() {}

    /// The anchor of the next heading with text `text`.
    public mutating func slug(_ text: String) -> String {
        let original = Self.slugify(text)
        var slug = original
        while occurrences[slug] != nil {
            let next = (occurrences[original] ?? 0) + 1
            occurrences[original] = next
            slug = original + "-" + String(next)
        }
        occurrences[slug] = 0
        return slug
    }

    /// The anchor of `text` without duplicate numbering.
    public static func slugify(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                out.append("-")
            } else if scalar == "-" || scalar == "_" || isKept(scalar.properties.generalCategory) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isKept(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .connectorPunctuation:
            return true
        default:
            return false
        }
    }
}
