extension EntryParser.Scanner {
    /// What starts at a `[` or `![`.
    enum LinkScan {
        /// A link; `strayBracket` is the offset of an extra `[` before it that never closes
        /// (`[[paper](url)` missing its final `]`).
        case link(EntryLink, strayBracket: Int?)
        /// An image or a linked image (badges): text, not a link. `end` is just past it.
        case image(end: Int)
        /// The `[` or `(` at this offset never closes on the entry.
        case unclosed(at: Int)

        static func found(
            _ range: Range<Int>, label: Range<Int>, url: Range<Int>?, _ syntax: EntryLink.Syntax,
            strayBracket: Int? = nil
        ) -> LinkScan {
            .link(EntryLink(range: range, label: label, url: url, syntax: syntax), strayBracket: strayBracket)
        }
    }

    /// The links from the current position to the end of the entry, and the bytes between them.
    ///
    /// Text before the first link is `.other` with `gapDeviation`; text after the last one is
    /// `.other` with `.trailingText`. An unclosed bracket ends the scan: the rest is `.other`.
    ///
    /// A `leading` link (one written before the title) is the first link; the separator after
    /// it holds the title, so no rule takes it for spacing between links.
    mutating func parseLinks(
        gapDeviation: EntryDeviation.Kind?, leading: EntryLink? = nil
    ) -> (links: [EntryLink], separators: [Range<Int>]) {
        var links: [EntryLink] = leading.map { [$0] } ?? []
        var separators: [Range<Int>] = []
        var index = emitted
        scan: while index < end {
            let current = byte(index)
            if current == ASCII.backslash {
                index += 2
                continue
            }
            guard current == ASCII.openBracket || (current == ASCII.exclamation && byte(index + 1) == ASCII.openBracket)
            else {
                index += 1
                continue
            }
            switch scanLink(at: index) {
            case .image(let after):
                index = after
            case .unclosed(let at):
                deviate(.unbalancedBrackets, at..<at + 1)
                break scan
            case .link(let link, let stray):
                let textEnd = stray ?? link.range.lowerBound
                if let previous = links.last {
                    separators.append(previous.range.upperBound..<link.range.lowerBound)
                    emit(.separator, to: textEnd)
                } else {
                    let gap = emitGap(to: textEnd, kind: .other)
                    if let gapDeviation, !gap.isEmpty { deviate(gapDeviation, gap) }
                }
                if let stray {
                    emit(.other, to: stray + 1)
                    deviate(.unbalancedBrackets, stray..<stray + 1)
                }
                emit(.link, to: link.range.upperBound)
                if link.syntax != .innerURL { deviate(.linkSyntax, link.range) }
                links.append(link)
                index = link.range.upperBound
            }
        }
        let rest = emitGap(to: end, kind: .other)
        if links.isEmpty {
            if let gapDeviation, !rest.isEmpty { deviate(gapDeviation, rest) }
            deviate(.noLinks, end..<end)
        } else if !rest.isEmpty {
            deviate(.trailingText, rest)
        }
        return (links, separators)
    }

    /// A link with a URL right after the date and followed by a bold title, emitted; nil (and
    /// nothing emitted) otherwise.
    mutating func parseLeadingLink() -> EntryLink? {
        let open = skipSpace(from: emitted)
        guard byte(open) == ASCII.openBracket, case .link(let link, nil) = scanLink(at: open), link.url != nil,
            startsBold(at: skipSpace(from: link.range.upperBound))
        else { return nil }
        emit(.space, to: open)
        emit(.link, to: link.range.upperBound)
        if link.syntax != .innerURL { deviate(.linkSyntax, link.range) }
        return link
    }

    /// Reads the link, image or unclosed bracket at `open` (a `[`, or the `!` of `![`).
    ///
    /// Labels end at the first unescaped `]`; URLs end at the `)` that balances their `(`.
    /// Every byte read is either consumed by the result or, for `.unclosed`, ends the scan.
    mutating func scanLink(at open: Int) -> LinkScan {
        if byte(open) == ASCII.exclamation {
            guard let labelEnd = find(ASCII.closeBracket, from: open + 2) else { return .unclosed(at: open + 1) }
            guard byte(labelEnd + 1) == ASCII.openParen else { return .image(end: labelEnd + 1) }
            guard let paren = closingParen(from: labelEnd + 1) else { return .unclosed(at: labelEnd + 1) }
            return .image(end: paren + 1)
        }
        if byte(open + 1) == ASCII.exclamation && byte(open + 2) == ASCII.openBracket {
            // `[![badge](image)](target)`
            switch scanLink(at: open + 1) {
            case .unclosed(let at):
                return .unclosed(at: at)
            case .image(let after) where byte(after) == ASCII.closeBracket && byte(after + 1) == ASCII.openParen:
                guard let paren = closingParen(from: after + 1) else { return .unclosed(at: after + 1) }
                return .image(end: paren + 1)
            default:
                break
            }
        }
        if byte(open + 1) == ASCII.openBracket {
            return doubleBracketLink(at: open)
        }
        guard let labelEnd = find(ASCII.closeBracket, from: open + 1) else { return .unclosed(at: open) }
        let label = open + 1..<labelEnd
        guard byte(labelEnd + 1) == ASCII.openParen else {
            return .found(open..<labelEnd + 1, label: label, url: nil, .bare)
        }
        guard let paren = closingParen(from: labelEnd + 1) else { return .unclosed(at: labelEnd + 1) }
        return .found(open..<paren + 1, label: label, url: labelEnd + 2..<paren, .plain)
    }

    /// `[[label](url)]`, `[[label]](url)`, `[[label]]`, or a single-bracket link after a stray `[`.
    private mutating func doubleBracketLink(at open: Int) -> LinkScan {
        let labelStart = open + 2
        guard let labelEnd = find(ASCII.closeBracket, from: labelStart) else { return .unclosed(at: open) }
        let label = labelStart..<labelEnd
        let after = labelEnd + 1
        let next = byte(after)
        if next == ASCII.openParen {
            guard let paren = closingParen(from: after) else { return .unclosed(at: after) }
            let url = after + 1..<paren
            if byte(paren + 1) == ASCII.closeBracket {
                return .found(open..<paren + 2, label: label, url: url, .innerURL)
            }
            return .found(open + 1..<paren + 1, label: label, url: url, .plain, strayBracket: open)
        }
        if next == ASCII.closeBracket {
            guard byte(after + 1) == ASCII.openParen else {
                return .found(open..<after + 1, label: label, url: nil, .bare)
            }
            guard let paren = closingParen(from: after + 1) else { return .unclosed(at: after + 1) }
            return .found(open..<paren + 1, label: label, url: after + 2..<paren, .outerURL)
        }
        return .found(open + 1..<after, label: label, url: nil, .bare, strayBracket: open)
    }

    /// The first unescaped `target` at or after `index`.
    private mutating func find(_ target: UInt8, from index: Int) -> Int? {
        var index = index
        while index < end {
            let current = byte(index)
            if current == target { return index }
            index += current == ASCII.backslash ? 2 : 1
        }
        return nil
    }

    /// The `)` that balances the `(` at `open`, skipping escaped parentheses.
    private mutating func closingParen(from open: Int) -> Int? {
        var depth = 0
        var index = open
        while index < end {
            // URLs are long: the bytes up to the next `\`, `(` or `)` are passed over at once.
            index = skip(from: index, to: ASCII.backslash, ASCII.openParen, ASCII.closeParen)
            guard index < end else { break }
            let current = byte(index)
            if current == ASCII.backslash {
                index += 2
                continue
            }
            if current == ASCII.openParen {
                depth += 1
            } else if current == ASCII.closeParen {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }
}
