import PaperLintCore

/// Examples of the `encoding` rule.
///
/// Rule examples also run after a prefix of two LF lines, so line-ending examples are
/// LF-majority files; CRLF-majority files are covered in `EncodingRuleTests`.
enum EncodingRuleExamples {
    static let nonTriggering: [Example] = [
        Example("- [2023/02] **Augmented Language Models: a Survey.** *Grégoire Mialon et al. arXiv.* [[paper](https://arxiv.org/abs/2302.07842)]\n"),
        Example("## 🔔 News\nNaïve café in SÃO PAULO, “ÜBER” and CAFÉ… are real words.\n"),
        Example("```\nGrÃ©goire stays as written in code\n```\n\n<p>Q&amp;A in HTML</p>\n"),
        Example("- [2023/10] **Q&A: AT&T Agents** *A. Author et al.* [[paper](https://example.org/?a=1&amp;b=2)]\n"),
        Example("News: Q&amp;A session &copy; us.\n\n- [2023/10] **The &unknown; entity** *A.* [[paper](https://example.org)]\n"),
    ]

    static let triggering: [Example] = [
        Example("↓\u{FEFF}# Paper list\n"),
        Example("- a\n- b\n- c\n- d↓\r\n"),
        Example("## ↓ðŸ”” News\n- ↓ðŸ’¥ [2023/11/06] Our review is out.\n"),
        Example("- [2023/02] **Augmented Language Models: a Survey.** *Gr↓Ã©goire Mialon et al. arXiv.* [[paper](https://arxiv.org/abs/2302.07842)]\n"),
        Example("It↓â€™s ↓Ã—3 faster, by Micha↓Å‚ and ↓ÐŸÑ€Ð¸Ð²ÐµÑ‚.\n"),
        Example("- [2023/10] **Q↓&amp;A: Don↓&#39;t Stop** *A. O↓&#x27;Neil et al.* [[paper](https://example.org)]\n"),
        Example("- [2023/10] **Don↓&amp;#39;t Stop** *A. Author.* [[paper](https://example.org)]\n"),
    ]

    static let corrections: [(Example, Example)] = [
        (Example("\u{FEFF}# Paper list\n"), Example("# Paper list\n")),
        (Example("- a\n- b\n- c\n- d\r\n"), Example("- a\n- b\n- c\n- d\n")),
        (Example("## ðŸ”” News\n*GrÃ©goire, cafÃƒÂ©, itâ€™s*\n"), Example("## 🔔 News\n*Grégoire, café, it’s*\n")),
        (Example("- [2023/10] **Q&amp;A: Don&#39;t &lt;Stop&gt;** *A. Author&nbsp;et al.* [[paper](https://example.org)]\n"),
         Example("- [2023/10] **Q&A: Don't <Stop>** *A. Author et al.* [[paper](https://example.org)]\n")),
        (Example("- [2023/10] **Don&amp;#39;t Stop** *A. Author.* [[paper](https://example.org)]\n"),
         Example("- [2023/10] **Don't Stop** *A. Author.* [[paper](https://example.org)]\n")),
    ]
}
