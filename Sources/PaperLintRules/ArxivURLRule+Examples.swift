import PaperLintCore

/// Triggering examples and corrections of the `arxiv-url` rule.
///
/// Form and version findings depend on the list's majority, so those examples carry two
/// plain `abs/` entries (`context`) that set it.
enum ArxivURLRuleExamples {
    static let context = """
        - [2023/09] **U** *B. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2309.12345)]
        - [2023/08] **V** *C. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2308.12345)]

        """

    static let triggering: [Example] = [
        Example("- [2023/10] **T** *A.* [[paper](https://arxiv.org/abs/2310.12345↓?)]\n" + context),
        Example("- [2023/10] **T** *A.* [[paper](↓http://arxiv.org/abs/2310.12345)]\n"),
        Example("- [2023/10] **T** *A.* [[paper](↓https://www.arxiv.org/abs/2310.12345)]\n- [2023/09] **U** *B.* [[paper](↓https://export.arxiv.org/abs/2309.12345)]\n"),
        Example("- [2023/10] **T** *A.* [[paper](↓https://arxiv.org/abs/2310.12345.pdf)]\n"),
        Example("- [2023/10] **T** *A.* [[paper](https://arxiv.org/abs/2310.12345↓v2)]\n" + context),
        Example("- [2023/10] **T** *A.* [[paper](↓https://arxiv.org/pdf/2310.12345)]\n" + context),
        Example("- [2023/10] **T** *A.* [[paper](↓https://arxiv.org/abs/2313.12345)] [[code](↓https://arxiv.org/abs/2310.1234)]\n"),
        Example("- [2023/10] **T** *A.* [[paper](↓http://arxiv.org/pdf/2310.12345↓v1.pdf)]\n" + context),
    ]

    static let corrections: [(Example, Example)] = [
        (Example("- [2023/10] **T** *A.* [[paper](https://arxiv.org/abs/2310.12345?)]\n" + context),
         Example("- [2023/10] **T** *A.* [[paper](https://arxiv.org/abs/2310.12345)]\n" + context)),
        (Example("- [2023/10] **T** *A.* [[paper](http://arxiv.org/abs/2310.12345)]\n"),
         Example("- [2023/10] **T** *A.* [[paper](https://arxiv.org/abs/2310.12345)]\n")),
        (Example("- [2023/10] **T** *A.* [[paper](https://export.arxiv.org/abs/2310.12345.pdf)]\n"),
         Example("- [2023/10] **T** *A.* [[paper](https://arxiv.org/abs/2310.12345)]\n")),
        // Next to one other arXiv link, written `abs/` and without a version, the list's form.
        (Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023/10] **T** *A.* [[paper](http://www.arxiv.org/pdf/2310.12345v3.pdf?x=1)]\n"),
         Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023/10] **T** *A.* [[paper](https://arxiv.org/abs/2310.12345?x=1)]\n")),
        (Example("- [2023/10] **T** *A.* [[paper](http://www.arxiv.org/pdf/2310.12345v3.pdf?x=1)]\n" + context),
         Example("- [2023/10] **T** *A.* [[paper](https://arxiv.org/abs/2310.12345?x=1)]\n" + context)),
        (Example("- [2001/12] **T** *A.* [[paper](https://arxiv.org/abs/cs/0112017v1)]\n" + context),
         Example("- [2001/12] **T** *A.* [[paper](https://arxiv.org/abs/cs/0112017)]\n" + context)),
    ]
}
