import PaperLintCore

/// Examples of the `toc` rule.
enum TableOfContentsRuleExamples {
    static let nonTriggering: [Example] = [
        Example("## Contents\n- [Intro](#intro)\n- [License](LICENSE)\n\n## Intro\n## License\n"),
        Example("# Title\n\n## Contents\n- [Intro](#intro)\n- [Papers](#papers)\n\n## Intro\ntext\n\n## Papers\n- [2023/10] **T** *A.* [[paper](https://arxiv.org/abs/2310.12345)]\n"),
        Example("## Contents\n- [A](#a)\n- [B](#b)\n\n## A\n### A1 is below the ToC's depth\n## B\n"),
        Example("<a name=\"intro\"></a>\n\nSee [intro](#intro), go [back to top](#top) or [up](#).\n"),
        Example("## 🔔 News\n## Code\n## Code\n## 中文 Papers\n\n[news](#-news), [second code](#code-1), [encoded](#%E4%B8%AD%E6%96%87-papers)\n"),
        Example("```\n[x](#nowhere)\n```\n"),
        Example("# Title\n## News\n## Table of Contents (ToC)\n- [Papers](#papers)\n- [More](#more)\n## Papers\n## More\n"),
    ]

    static let triggering: [Example] = [
        Example("## Contents\n- [Intro](#intro)\n- [Papers](↓papers)\n\n## Intro\n## Papers\n"),
        Example("## Contents\n- [Intro](↓#intro)\n- [Papers](#papers)\n\n↓## Introduction\n## Papers\n"),
        Example("## 🌟 Introduction\ntext\n\nSee [the introduction](↓#introduction).\n"),
        Example("## Related Work\n\n[see](↓#Related-Work)\n"),
        Example("## Related Surveys\n\n[see](↓#related-survey)\n"),
        Example("## Contents\n- [A](#a)\n  - [A1](#a1)\n- [B](#b)\n\n## A\n### A1\n↓### A2\n## B\n↓## C\n"),
        Example("## Content\n- [Citation](#citation)\n- [Contact](↓#contact)\n\n## Citation\n"),
    ]

    static let corrections: [(Example, Example)] = [
        (Example("## Contents\n- [Intro](#intro)\n- [Papers](papers)\n\n## Intro\n## Papers\n"),
         Example("## Contents\n- [Intro](#intro)\n- [Papers](#papers)\n\n## Intro\n## Papers\n")),
        (Example("[see](#introduction)\n\n## 🌟 Introduction\n"), Example("[see](#-introduction)\n\n## 🌟 Introduction\n")),
        (Example("[see](#Related-Work)\n\n## Related Work\n"), Example("[see](#related-work)\n\n## Related Work\n")),
        (Example("[see](#related-survey)\n\n## Related Surveys\n"), Example("[see](#related-surveys)\n\n## Related Surveys\n")),
        (Example("## Contents\n- [A](#a)\n  - [A1](#a1)\n- [B](#b)\n\n## A\n### A1\n### A2\n## B\n## C\n"),
         Example("## Contents\n- [A](#a)\n  - [A1](#a1)\n  - [A2](#a2)\n- [B](#b)\n- [C](#c)\n\n## A\n### A1\n### A2\n## B\n## C\n")),
    ]
}
