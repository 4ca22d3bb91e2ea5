import PaperLintCore

/// Examples of the `url` rule (documentation and test table).
enum URLRuleExamples {
    static let entry = "- [2023/10] **Title** *A. Author et al. arXiv.* "

    static let nonTriggering: [Example] = [
        // A skeleton entry waiting to be filled in: its empty link is a placeholder.
        Example("- [2023/04] ** ** * et al. arXiv.* [[paper]()]\n"),
        Example("[![Maintenance](https://img.shields.io/badge/Maintained-yes-green.svg)]()\n"),
        Example(entry + "[[paper](https://arxiv.org/abs/2310.12345)] [[code](https://github.com/o/r)]\n"),
        Example("<div align=center><img src=\"./assets/main.png\" width=\"90%\" /></div>\n\nSee [the figure](./assets/main.png) and [CONTRIBUTING](CONTRIBUTING.md).\n"),
        Example("- [Introduction](#introduction)\n- [Mail us](mailto:someone@example.org)\n"),
        Example("[a survey](https://example.org/survey \"The survey\") and [wiki](https://en.wikipedia.org/wiki/Transformer_(deep_learning))\n"),
        Example("Write links as `[[paper](javascript:void)]` never.\n\n```\n[[paper](http://https://x)]\n```\n"),
        Example("[a file](<https://example.org/a paper.pdf>) and [local](http://localhost:8080/demo)\n"),
        Example("[//]: # (a comment, not a link)\n"),
    ]

    static let triggering: [Example] = [
        Example(entry + "[[paper]↓()]\n"),
        Example(entry + "[[paper](↓http://https://arxiv.org/abs/2310.12345)]\n"),
        Example(entry + "[[paper](https://example.org/my↓ paper.pdf)]\n"),
        Example(entry + "[[paper](↓arxiv.org/abs/2310.12345)] [[code](↓www.github.com/o/r)]\n"),
        Example(entry + "[[code](↓javascript:alert(1))] [[paper](↓file:///home/me/paper.pdf)]\n"),
        Example(entry + "[[paper]↓(https://arxiv.org/abs/2310.12345]\n"),
        Example(entry + "[[paper](↓https://arxiv/abs/2310.12345)] [[code](↓https://github..com/o/r)]\n"),
        Example(entry + "[[paper](↓https://arxiv.org./abs/2310.12345)] [[code](↓https:/github.com/o/r)]\n"),
        Example(entry + "[[paper](↓ https://arxiv.org/abs/2310.12345)]\n"),
        Example("See [our survey](↓https://https://example.org/survey) for details.\n\n[ref]: ↓ftp://example.org/paper.pdf\n"),
    ]

    static let corrections: [(Example, Example)] = [
        (Example("[[paper](http://https://arxiv.org/abs/2310.12345)]\n"), Example("[[paper](https://arxiv.org/abs/2310.12345)]\n")),
        (Example("[[paper](https://http://https://x.org/p)]\n"), Example("[[paper](https://x.org/p)]\n")),
        (Example("[[paper]( https://x.org/p )]\n"), Example("[[paper](https://x.org/p)]\n")),
        (Example("[[paper](https://x.org./p)] [[code](https:/github.com/o/r)]\n"),
         Example("[[paper](https://x.org/p)] [[code](https://github.com/o/r)]\n")),
        (Example("[[paper](https://x.org/my paper.pdf)]\n"), Example("[[paper](https://x.org/my%20paper.pdf)]\n")),
        (Example("[[paper](arxiv.org/abs/2310.12345)]\n"), Example("[[paper](https://arxiv.org/abs/2310.12345)]\n")),
        (Example("[[paper](https://x.org/p] [[code](https://github.com/o/r)]\n"),
         Example("[[paper](https://x.org/p)] [[code](https://github.com/o/r)]\n")),
    ]
}
