import PaperLintCore

extension EntryFormatRule {
    static let nonTriggeringExamples = [
        Example("- [2023/10] **Title** *Zeming Chen et al. NeurIPS 2023.* [[paper](https://arxiv.org/abs/2310.12345)] [[code](https://github.com/o/r)]\n"),
        Example("- [2023/10] **Title** *A. Author. arXiv.* [[paper](u)] ![Stars](https://img.shields.io/github/stars/o/r)\n"),
        Example("""
            - [2023/10] **Title** *A. Author. arXiv.* [[paper](u)]
              [[code](v)]

            """),
        Example("""
            ## Contents
            - [Introduction](#introduction)
            ## News
            - 💥 [2023/11/06] We released **our survey** [here](https://arxiv.org/abs/2311.01918).

            """),
        Example("```\n- [2023/10] Title without markup [[paper](u)\n```\n"),
    ]

    static let triggeringExamples = [
        Example("- [2023/10] **Title** *A. Author. arXiv.* [[paper](u)] ↓[code](v)\n"),
        Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023/10] **Title** *A. Author. arXiv.* ↓[paper](u)\n"),
        Example("- [2023/10] **Title** *A. Author. arXiv.*↓\n"),
        Example("- [2023/10] **Title** *A. Author. arXiv.* ↓[[paper](u)[[code](v)]\n"),
        Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023/10] ↓*Title* *A. Author. arXiv.* [[paper](u)]\n"),
        Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023/10] ↓**Title** [[paper](u)]\n"),
        Example("- [2023/10] ↓**Title *A. Author. arXiv.* [[paper](u)]\n"),
        Example("- [2023/10] **Title** *A. Author. arXiv.* [[paper](u)] ↓[[code]]\n"),
        Example("- ↓🔥 [2023/10] **Title** *A. Author. arXiv.* [[paper](u)]\n"),
        Example("- [18 Apr 2024]↓] [[arXiv 2024]](https://arxiv.org/abs/2404.11943) **AgentCoord**\n"),
        Example("""
            - [2023/10] **Alpha** *A. B. arXiv.* [[paper](u)]
            - ↓**Beta** *C. D. arXiv.* [[paper](u)]
            - [2023/08] **Gamma** *E. F. arXiv.* [[paper](u)]

            """),
    ]

    static let correctionExamples = [
        (Example("- [2023/10] **T** *A. B.* [[paper](u)] [code](v)\n"),
         Example("- [2023/10] **T** *A. B.* [[paper](u)] [[code](v)]\n")),
        (Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023/10] **T** *A. B.* [paper](u)\n"),
         Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023/10] **T** *A. B.* [[paper](u)]\n")),
        (Example("- [2023/10] **T** *A. B.* [[paper](u)[[code](v)]\n"),
         Example("- [2023/10] **T** *A. B.* [[paper](u)][[code](v)]\n")),
        (Example("- [2023/10]] **T** *A. B.* [[paper](u)]\n"), Example("- [2023/10] **T** *A. B.* [[paper](u)]\n")),
        (Example("- [2023/10]]**T** *A. B.* [[paper](u)]\n"), Example("- [2023/10] **T** *A. B.* [[paper](u)]\n")),
        (Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023/10] *T* *A. B.* [[paper](u)]\n"),
         Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023/10] **T** *A. B.* [[paper](u)]\n")),
    ]
}
