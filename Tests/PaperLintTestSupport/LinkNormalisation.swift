/// URLs as the safe fixes may rewrite them, so tests can tell a rewritten link from a lost one.
public enum LinkNormalisation {
    /// `url` without surrounding blanks and a doubled scheme (`http://https://` → `https://`);
    /// an arXiv article link reduced to `arXiv:<id>[vN]`, since arxiv-url safely rewrites the
    /// scheme, the `www.`/`export.` host, `abs/` vs `pdf/` and a `.pdf` suffix. With
    /// `ignoringVersions` the version goes too (the unsafe fix links the latest version).
    public static func url(_ text: String, ignoringVersions: Bool = false) -> String {
        var url = Substring(text)
        while let first = url.first, first == " " || first == "\t" { url.removeFirst() }
        while let last = url.last, last == " " || last == "\t" { url.removeLast() }
        while url.hasPrefix("http://https://") || url.hasPrefix("https://https://") || url.hasPrefix("http://http://") {
            url.removeFirst(url.hasPrefix("https://") ? 8 : 7)
        }
        let arxiv = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/([^?#]+?)(v\d+)?(?:\.pdf)?\/?$/
        guard let match = url.wholeMatch(of: arxiv) else { return String(url) }
        return "arXiv:" + match.output.1 + (ignoringVersions ? "" : String(match.output.2 ?? ""))
    }
}
