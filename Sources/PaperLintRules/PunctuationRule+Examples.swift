import PaperLintCore

// Examples of the `punctuation` rule: documentation and test table at once.
extension PunctuationRule {
    static let nonTriggeringExamples: [Example] = [
        Example("- [2023/10] **Title** *Zeming Chen et al. NeurIPS 2023.* [[paper](https://arxiv.org/abs/2310.12345)]\n"),
        Example("- [2023/10] **Can LLMs Reason?** *A. Author. arXiv.* [[paper](u)]\n"),
        Example("- [2023/10] **PULSE** *OpenMedLab.* [[code](u)]\n"),
        Example("""
            ## Models
            - [2023/10] **Alpha** *A. B. arXiv.* [[paper](u)]
            - [2023/09] **Beta** *A. B. arXiv.* [[paper](u)]
            - [2023/08] **Gamma** *A. B. arXiv.* [[paper](u)]
            ## Surveys
            - [2023/10] **A Survey of Alpha.** *A. B. arXiv.* [[paper](u)]
            - [2023/09] **A Survey of Beta.** *A. B. arXiv.* [[paper](u)]
            - [2023/08] **A Survey of Gamma.** *A. B. arXiv.* [[paper](u)]

            """),
        Example("- [2023/10] **Scaling Laws, etc.** *A. B. arXiv.* [[paper](u)]\n- [2023/09] **Other Title** *C. D. arXiv.* [[paper](u)]\n"),
        // A list that writes `**Title .**` throughout keeps its habit.
        Example("""
            - [2020] **Alpha .** *A. B. ACL.* [[paper](u)]
            - [2019] **Beta .** *A. B. ACL.* [[paper](u)]
            - [2018] **Gamma .** *A. B. ACL.* [[paper](u)]
            - [2017] **Delta .** *A. B. ACL.* [[paper](u)]

            """),
        // Small sections have no style of their own, and this list has none either: both forms stand.
        Example("""
            ## Models
            - [2023/10] **Alpha** *A. B. arXiv.* [[paper](u)]
            - [2023/09] **Beta** *A. B. arXiv.* [[paper](u)]
            - [2023/08] **Gamma.** *A. B. arXiv.* [[paper](u)]
            ## Surveys
            - [2023/10] **A Survey of Alpha.** *A. B. arXiv.* [[paper](u)]
            - [2023/09] **A Survey of Beta** *A. B. arXiv.* [[paper](u)]
            - [2023/08] **A Survey of Gamma.** *A. B. arXiv.* [[paper](u)]

            """),
        // A large section's own forms never accuse a title written the way the list writes a
        // real share of its titles (new surveys added without the period the old ones have).
        Example(
            "## Models\n" + (1...10).map { "- [2023/10] **Model \($0)** *A. B. arXiv.* [[paper](u)]\n" }.joined()
                + "## Surveys\n"
                + (1...10).map { "- [2023/10] **A Survey of Topic \($0).** *A. B. arXiv.* [[paper](u)]\n" }.joined()
                + "- [2023/09] **A Survey of Topic Eleven** *A. B. arXiv.* [[paper](u)]\n"),
        // The comma the entry writes between all its links separates its parts
        // (Awesome-Human-Agent-Collaboration's `**Title**, [**Venue**](url), [Paper](url)`).
        Example("- [2025/02/02] **CollabLLM: Active Collaborators**, [**ICML 2025**](https://openreview.net/x), [Paper](https://arxiv.org/abs/2502.00640)\n"),
    ]

    static let triggeringExamples: [Example] = [
        Example("- [2023/03] **Large AI Models in Health Informatics**↓. *Jianing Qiu et al. IEEE JBHI.* [[paper](u)]\n"),
        Example("- [2023/06] **PULSE** *OpenMedLab*↓. [[code](u)]\n"),
        Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2022/12] **Towards Reasoning** ↓*Jie Huang, Kevin Chen-Chuan Chang. ACL'23 Findings* [[paper](u)]\n"),
        Example("- [2023/10] **Title**↓, *A. Author. arXiv.*↓; [[paper](u)]\n"),
        // A comma before links that are not separated by commas is stray.
        Example("- [2025/02/02] **CollabLLM: Active Collaborators**↓, [**ICML 2025**](https://openreview.net/x) [Paper](https://arxiv.org/abs/2502.00640)\n"),
        Example("- [2023/10] **Title** *A. Author et al. Some Journal↓ .* [[paper](u)]\n"),
        // A large section (ten titles or more) is judged by its own forms where the list rejects
        // the form too: the message names the section.
        Example(
            "## Models\n" + (1...40).map { "- [2023/10] **Model \($0).** *A. B. arXiv.* [[paper](u)]\n" }.joined()
                + "## Surveys\n"
                + (1...10).map { "- [2023/10] **A Survey of Topic \($0).** *A. B. arXiv.* [[paper](u)]\n" }.joined()
                + "- [2023/09] ↓**A Survey of Topic Eleven** *A. B. arXiv.* [[paper](u)]\n"),
    ]

    static let correctionExamples: [(Example, Example)] = [
        (Example("- [2023/03] **Large AI Models**. *J. Qiu et al. JBHI.* [[paper](u)]\n"),
         Example("- [2023/03] **Large AI Models.** *J. Qiu et al. JBHI.* [[paper](u)]\n")),
        (Example("""
            - [2023/05] **Alpha** *A. B. arXiv.* [[paper](u)]
            - [2023/04] **Beta** *A. B. arXiv.* [[paper](u)]
            - [2023/03] **Large AI Models**. *J. Qiu et al. JBHI.* [[paper](u)]

            """),
         Example("""
            - [2023/05] **Alpha** *A. B. arXiv.* [[paper](u)]
            - [2023/04] **Beta** *A. B. arXiv.* [[paper](u)]
            - [2023/03] **Large AI Models** *J. Qiu et al. JBHI.* [[paper](u)]

            """)),
        (Example("- [2023/10] **Title** *A. Author et al. Some Journal .* [[paper](u)]\n"),
         Example("- [2023/10] **Title** *A. Author et al. Some Journal.* [[paper](u)]\n")),
        (Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023/06] **PULSE** *OpenMedLab*. [[code](u)]\n"),
         Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2023/06] **PULSE** *OpenMedLab.* [[code](u)]\n")),
        (Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2022/12] **Towards** *J. Huang, K. Chang. ACL'23 Findings* [[paper](u)]\n"),
         Example("- [2023/08] **Other Paper** *B. Author. arXiv.* [[paper](https://arxiv.org/abs/2308.00001)]\n- [2022/12] **Towards** *J. Huang, K. Chang. ACL'23 Findings.* [[paper](u)]\n")),
        (Example("- [2023/10] **Title**,*A. Author. arXiv.*; [[paper](u)]\n"),
         Example("- [2023/10] **Title** *A. Author. arXiv.* [[paper](u)]\n")),
        (Example("""
            - [2023/10] **A Survey of Alpha.** *A. B. arXiv.* [[paper](u)]
            - [2023/09] **A Survey of Beta**. *A. B. arXiv.* [[paper](u)]
            - [2023/08] **A Survey of Gamma.** *A. B. arXiv.* [[paper](u)]
            - [2023/07] **A Survey of Delta** *A. B. arXiv.* [[paper](u)]
            - [2023/06] **A Survey of Epsilon.** *A. B. arXiv.* [[paper](u)]
            - [2023/05] **A Survey of Zeta.** *A. B. arXiv.* [[paper](u)]
            - [2023/04] **A Survey of Eta.** *A. B. arXiv.* [[paper](u)]

            """),
         Example("""
            - [2023/10] **A Survey of Alpha.** *A. B. arXiv.* [[paper](u)]
            - [2023/09] **A Survey of Beta.** *A. B. arXiv.* [[paper](u)]
            - [2023/08] **A Survey of Gamma.** *A. B. arXiv.* [[paper](u)]
            - [2023/07] **A Survey of Delta.** *A. B. arXiv.* [[paper](u)]
            - [2023/06] **A Survey of Epsilon.** *A. B. arXiv.* [[paper](u)]
            - [2023/05] **A Survey of Zeta.** *A. B. arXiv.* [[paper](u)]
            - [2023/04] **A Survey of Eta.** *A. B. arXiv.* [[paper](u)]

            """)),
        (Example("""
            - [2023/10] **Alpha** *A. B. arXiv.* [[paper](u)]
            - [2023/09] **Beta** *A. B. arXiv.* [[paper](u)]
            - [2023/08] **Gamma.** *A. B. arXiv.* [[paper](u)]
            - [2023/07] **Delta** *A. B. arXiv.* [[paper](u)]
            - [2023/06] **Epsilon** *A. B. arXiv.* [[paper](u)]
            - [2023/05] **Zeta** *A. B. arXiv.* [[paper](u)]

            """),
         Example("""
            - [2023/10] **Alpha** *A. B. arXiv.* [[paper](u)]
            - [2023/09] **Beta** *A. B. arXiv.* [[paper](u)]
            - [2023/08] **Gamma** *A. B. arXiv.* [[paper](u)]
            - [2023/07] **Delta** *A. B. arXiv.* [[paper](u)]
            - [2023/06] **Epsilon** *A. B. arXiv.* [[paper](u)]
            - [2023/05] **Zeta** *A. B. arXiv.* [[paper](u)]

            """)),
    ]
}
