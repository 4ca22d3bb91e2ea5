import Foundation

/// The two repositories the CI formats' golden files come from, shared by the in-process
/// reporter tests and the CLI tests so both compare against the same files.
public enum CIScenario {
    /// The formats of `paperlint check --format`, in DESIGN.md's order.
    public static let formats = ["text", "json", "github", "sarif", "rdjson", "review", "summary"]

    /// The scenarios, as named in `Tests/PaperLintKitTests/Golden/<scenario>/<format>.txt`.
    public static let names = ["healthcare", "pull-request"]

    /// GitHub Actions' variables for the summary's links, as a run would set them.
    public static let githubEnvironment = [
        "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "octo-org/paper-list",
        "GITHUB_SHA": "0123456789abcdef0123456789abcdef01234567",
    ]

    /// Where the golden files live.
    public static var goldenDirectory: String { Fixtures.packageRoot + "/Tests/PaperLintKitTests/Golden" }

    /// The arguments of `paperlint check` for a scenario (before `--format`).
    public static func arguments(_ name: String) -> [String] {
        name == "healthcare" ? ["check", "--all"] : ["check", "--range", "main...HEAD"]
    }

    /// Whether the scenario's summary links to GitHub (the healthcare one does, the pull
    /// request one shows plain `path:line`).
    public static func linksToGitHub(_ name: String) -> Bool { name == "healthcare" }

    /// A repository whose README.md is the healthcare sample, checked with `--all`.
    public static func healthcareRepository() throws -> ScratchRepository {
        let repo = try ScratchRepository()
        try repo.commit("README.md", String(decoding: try Fixtures.bytes(Fixtures.healthcare), as: UTF8.self), message: "sample")
        return repo
    }

    /// A clean list on `main`.
    public static let baseList = """
        # Awesome Agent Papers

        A curated list of papers on language agents.

        ## Papers

        - [2024/03] **Alpha: A Study of Agents.** *Ann Author et al. arXiv.* [[paper](https://arxiv.org/abs/2403.01234)]
        - [2024/02] **Beta: Planning with Tools.** *Bob Author et al. ICLR.* [[paper](https://arxiv.org/abs/2402.01234)] [[code](https://github.com/b/beta)]
        - [2024/01] **Gamma: Memory for Agents.** *Cy Author et al. arXiv.* [[paper](https://arxiv.org/abs/2401.01234)]

        ## Surveys

        - [2023/12] **Delta: A Survey of Agents.** *Di Author et al. arXiv.* [[paper](https://arxiv.org/abs/2312.01234)]
        - [2023/11] **Epsilon: Agents Reviewed.** *Ed Author et al. TMLR.* [[paper](https://arxiv.org/abs/2311.01234)] [[code](https://github.com/e/eps)]

        """

    /// The pull request's three new entries: line 7 has a `-` date, a double space, an
    /// `http://` arXiv link and a trailing space; line 8 lacks the title's period and its code
    /// link has a doubled scheme (the one error); line 15 repeats Alpha in another section.
    public static let addedEntries = [
        (after: "## Papers\n\n",
         text: "- [2024-05] **Zeta: Agents  at Scale.** *Zoe Author et al. arXiv.* [[paper](http://arxiv.org/abs/2405.01234)]  \n"
            + "- [2024/04] **Eta: Tool Use for Agents** *Eve Author et al. NeurIPS.* [[paper](https://arxiv.org/abs/2404.01234)][[code](http://https://github.com/e/eta)]\n"),
        (after: "## Surveys\n\n",
         text: "- [2024/03] **Alpha: A Study of Agents.** *Ann Author et al. arXiv.* [[paper](https://arxiv.org/abs/2403.01234)]\n"),
    ]

    /// `baseList` committed on `main`, then a `feature` branch (checked out) whose commit adds
    /// `addedEntries`: check it with `--range main...HEAD`.
    public static func pullRequestRepository() throws -> ScratchRepository {
        let repo = try ScratchRepository()
        try repo.commit("README.md", baseList, message: "Start the list")
        try repo.git("checkout", "-q", "-b", "feature")
        var text = baseList
        for entry in addedEntries {
            guard let anchor = text.range(of: entry.after) else { throw CommandFailed(description: "no \(entry.after) in the list") }
            text.insert(contentsOf: entry.text, at: anchor.upperBound)
        }
        try repo.commit("README.md", text, message: "Add three papers")
        return repo
    }

    /// The repository of a scenario.
    public static func repository(_ name: String) throws -> ScratchRepository {
        name == "healthcare" ? try healthcareRepository() : try pullRequestRepository()
    }
}
