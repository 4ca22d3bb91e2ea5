import PaperLintCore

// Examples run against the default preset (`order: auto`: each section in the direction its
// own entries show, where at least four dated entries are at least 80% in order).
extension OrderRule {
    static let nonTriggeringExamples: [Example] = [
        Example("""
            - [2023/11] **MEDITRON-70B** *Zeming Chen et al. arXiv.* [[paper](https://arxiv.org/abs/2311.16079)]
            - [2023/10] **AlpaCare** *Zhang et al. arXiv.* [[paper](https://arxiv.org/abs/2310.14558)]
            - [2023/10] **ChatRadio-Valuer** *Zhong et al. arXiv.* [[paper](https://arxiv.org/abs/2310.15000)]
            - [2023/09] **CPLLM** *Shoham et al. arXiv.* [[paper](https://arxiv.org/abs/2309.11295)]

            """),
        // Each section is a list of its own: the second may start newer than the first ends.
        Example("""
            ## Models
            - [2023/05] **A** *A. Author et al. arXiv.*
            - [2023/04] **B** *B. Author et al. arXiv.*
            ## Agents
            - [2023/11] **C** *C. Author et al. arXiv.*
            - [2023/03] **D** *D. Author et al. arXiv.*

            """),
        // A section grouped by topic, not by date, shows no order and is not checked.
        Example("""
            - [2023/05] **A** *A. Author et al. arXiv.*
            - [2021/01] **B** *B. Author et al. arXiv.*
            - [2023/09] **C** *C. Author et al. arXiv.*
            - [2022/04] **D** *D. Author et al. arXiv.*
            - [2023/01] **E** *E. Author et al. arXiv.*

            """),
        // Oldest first is a direction of its own.
        Example("""
            - [2021/05] **A** *A. Author et al. arXiv.*
            - [2022/01] **B** *B. Author et al. arXiv.*
            - [2023/09] **C** *C. Author et al. arXiv.*
            - [2024/04] **D** *D. Author et al. arXiv.*

            """),
        // Items without a date neither take part nor break the order.
        Example("""
            - [2023/05] **A** *A. Author et al. arXiv.*
            - See also [the survey](https://example.org/survey).
            - [2023/03] **B** *B. Author et al. arXiv.*

            """),
        // Skipped sections (News …) are not checked.
        Example("""
            ## News
            - [2023/01] We created this list.
            - [2023/05] We released the survey.

            """),
        // Nested lists are compared among themselves, not with their parents.
        Example("""
            - [2023/05] **Survey** *A. Author et al. arXiv.*
              - [2023/01] **Older part** *B. Author et al. arXiv.*
              - [2022/12] **Oldest part** *C. Author et al. arXiv.*
            - [2023/04] **B** *D. Author et al. arXiv.*

            """),
        Example("""
            ```
            - [2023/01] **A** *inside a code block*
            - [2023/05] **B** *inside a code block*
            ```

            """),
    ]

    static let triggeringExamples: [Example] = [
        // The newer entry pasted between older ones is reported, not its neighbours.
        Example("""
            - [2023/05] **A** *A. Author et al. arXiv.*
            - ↓[2023/09] **B** *B. Author et al. arXiv.*
            - [2023/04] **C** *C. Author et al. arXiv.*
            - [2023/03] **D** *D. Author et al. arXiv.*
            - [2023/02] **E** *E. Author et al. arXiv.*

            """),
        Example("""
            - [2023/06] **A** *A. Author et al. arXiv.*
            - ↓[2023/01] **B** *B. Author et al. arXiv.*
            - [2023/05] **C** *C. Author et al. arXiv.*
            - [2023/04] **D** *D. Author et al. arXiv.*
            - [2023/02] **E** *E. Author et al. arXiv.*

            """),
        // Only the section with the problem is reported.
        Example("""
            ## Models
            - [2023/01] **A** *A. Author et al. arXiv.*
            ## Agents
            - [2023/11] **B** *B. Author et al. arXiv.*
            - [2023/09] **C** *C. Author et al. arXiv.*
            - [2023/05] **D** *D. Author et al. arXiv.*
            - [2023/03] **E** *E. Author et al. arXiv.*
            - ↓[2023/10] **F** *F. Author et al. arXiv.*

            """),
        // Two entries out of place: each reported once.
        Example("""
            - [2023/09] **A** *A. Author et al. arXiv.*
            - ↓[2022/01] **B** *B. Author et al. arXiv.*
            - [2023/08] **C** *C. Author et al. arXiv.*
            - ↓[2023/12] **D** *D. Author et al. arXiv.*
            - [2023/07] **E** *E. Author et al. arXiv.*
            - [2023/06] **F** *F. Author et al. arXiv.*
            - [2023/05] **G** *G. Author et al. arXiv.*
            - [2023/04] **H** *H. Author et al. arXiv.*
            - [2023/03] **I** *I. Author et al. arXiv.*
            - [2023/02] **J** *J. Author et al. arXiv.*

            """),
        // An oldest-first section is checked oldest first.
        Example("""
            - [2023/05] **Survey** *A. Author et al. arXiv.*
              - [2022/12] **Part one** *B. Author et al. arXiv.*
              - [2023/01] **Part two** *C. Author et al. arXiv.*
              - ↓[2023/06] **Part three** *D. Author et al. arXiv.*
              - [2023/03] **Part four** *E. Author et al. arXiv.*
              - [2023/04] **Part five** *F. Author et al. arXiv.*

            """),
    ]

    static let correctionExamples: [(Example, Example)] = [
        (
            Example("""
                - [2023/05] **A** *A. Author et al. arXiv.*
                - [2023/09] **B** *B. Author et al. arXiv.*
                - [2023/04] **C** *C. Author et al. arXiv.*
                - [2023/03] **D** *D. Author et al. arXiv.*
                - [2023/02] **E** *E. Author et al. arXiv.*

                """),
            Example("""
                - [2023/09] **B** *B. Author et al. arXiv.*
                - [2023/05] **A** *A. Author et al. arXiv.*
                - [2023/04] **C** *C. Author et al. arXiv.*
                - [2023/03] **D** *D. Author et al. arXiv.*
                - [2023/02] **E** *E. Author et al. arXiv.*

                """)
        ),
        // Nested lines move with their entry; equal dates keep their order.
        (
            Example("""
                - [2023/06] **B** *B. Author et al. arXiv.*
                - [2023/01] **A** *A. Author et al. arXiv.*
                  - A short description of A.
                - [2023/06] **D** *D. Author et al. arXiv.*
                - [2023/05] **C** *C. Author et al. arXiv.*
                - [2023/02] **E** *E. Author et al. arXiv.*

                """),
            Example("""
                - [2023/06] **B** *B. Author et al. arXiv.*
                - [2023/06] **D** *D. Author et al. arXiv.*
                - [2023/05] **C** *C. Author et al. arXiv.*
                - [2023/02] **E** *E. Author et al. arXiv.*
                - [2023/01] **A** *A. Author et al. arXiv.*
                  - A short description of A.

                """)
        ),
    ]
}
