import PaperLintCore

// Examples run against the default preset (`paper-list`: duplicates.scope: section).
extension DuplicateRule {
    static let nonTriggeringExamples: [Example] = [
        // Two papers of one group may share a repository: only paper links identify a paper.
        Example("""
            - [2023/05] **HuatuoGPT** *H. Zhang et al. arXiv.* [[paper](https://arxiv.org/abs/2305.15075)] [[code](https://github.com/FreedomIntelligence/HuatuoGPT)]
            - [2023/05] **HuatuoGPT-II** *J. Chen et al. arXiv.* [[paper](https://arxiv.org/abs/2311.09774)] [[code](https://github.com/FreedomIntelligence/HuatuoGPT)]

            """),
        Example("""
            - [2023/05] **PMC-VQA: Visual Instruction Tuning** *X. Zhang et al. arXiv.* [[paper](https://arxiv.org/abs/2305.10415)]
            - [2023/04] **PMC-LLaMA: Open-source Language Models** *C. Wu et al. arXiv.* [[paper](https://arxiv.org/abs/2304.14454)]

            """),
        // One link under two clearly different titles is a wrong link, reported by link-title-mismatch.
        Example("""
            - [2024/08] **Evaluating LLM Agents in Guandan** *arXiv.* [[paper](https://arxiv.org/abs/2408.02559)]
            - [2024/07] **AMONGAGENTS: Social Deduction Games** *arXiv.* [[paper](https://arxiv.org/pdf/2408.02559)]

            """),
        // Skipped sections (News …) are not compared.
        Example("""
            ## News
            - [2023/11] **Our survey** is out [[paper](https://arxiv.org/abs/2311.01918)]
            ## Surveys
            - [2023/11] **Our survey** *M. Yuan et al. arXiv.* [[paper](https://arxiv.org/abs/2311.01918)]

            """),
        Example("""
            - [2023/05] **A** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2305.00001)]
            ```
            - [2023/05] **A** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2305.00001)]
            ```

            """),
    ]

    static let triggeringExamples: [Example] = [
        // One arXiv id in two URL forms, with and without a version.
        Example("""
            - [2023/05] **PathAsst: Redefining Pathology** *Y. Sun et al. arXiv.* [[paper](https://arxiv.org/abs/2305.15072)]
            - ↓[2023/05] **PathAsst** *Yuxuan Sun et al. arXiv.* [[paper](https://arxiv.org/pdf/2305.15072v2.pdf)]

            """),
        // Titles compared without case, punctuation and spacing.
        Example("""
            - [2023/06] **TCMLLM: A Traditional Chinese Medicine LLM** *X. Zhou et al.* [[code](https://github.com/2020MEAI/TCMLLM)]
            - ↓[2023/06] **TCMLLM - a traditional Chinese medicine LLM** *X. Zhou et al.* [[code](https://github.com/2020MEAI/TCMLLM)]

            """),
        // One DOI behind two URLs.
        Example("""
            - [2023/04] **Generative Agents** *J. S. Park et al. UIST.* [[paper](https://doi.org/10.1145/3586183.3606763)]
            - ↓[2023/04] **Generative Agents: Interactive Simulacra** *J. S. Park et al. UIST.* [[paper](https://dl.acm.org/doi/pdf/10.1145/3586183.3606763)]

            """),
        // One URL written two ways; a repeat in another section is reported too (as a warning).
        Example("""
            ## Models
            - [2022/12] **Large language models encode clinical knowledge** *K. Singhal et al. Nature.* [[paper](https://www.nature.com/articles/s41586-023-06291-2)]
            ## Evaluation
            - ↓[2022/12] **Large Language Models Encode Clinical Knowledge** *K. Singhal et al. Nature.* [[paper](http://nature.com/articles/s41586-023-06291-2/)]

            """),
        Example("""
            - [2023/05] **A Paper** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2305.00001)]
            - [2023/04] **B Paper** *B. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2304.00002)]
            - ↓[2023/05] **A Paper** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2305.00001)]

            """),
    ]

    static let correctionExamples: [(Example, Example)] = [
        (
            Example("""
                - [2023/05] **A Paper** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2305.00001)]
                - [2023/05] **A Paper** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2305.00001)]
                - [2023/04] **B Paper** *B. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2304.00002)]

                """),
            Example("""
                - [2023/05] **A Paper** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2305.00001)]
                - [2023/04] **B Paper** *B. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2304.00002)]

                """)
        ),
        // The nested description goes with the removed copy.
        (
            Example("""
                - [2023/05] **A Paper** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2305.00001)]
                  - A short description.
                - [2023/05] **A Paper** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2305.00001)]
                  - A short description.
                """),
            Example("""
                - [2023/05] **A Paper** *A. Author et al. arXiv.* [[paper](https://arxiv.org/abs/2305.00001)]
                  - A short description.

                """)
        ),
    ]
}
