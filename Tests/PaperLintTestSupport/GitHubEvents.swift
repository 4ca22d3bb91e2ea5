import Foundation

/// Webhook payloads as GitHub Actions writes them to `$GITHUB_EVENT_PATH`: the fields of
/// GitHub's published event schemas (action, repository, sender, and each event's own
/// object), with the commit ids of a scratch repository filled in.
public enum GitHubEvent {
    static var repository: [String: Any] { [
        "id": 123_456_789, "node_id": "R_kgDOB1234", "name": "awesome-papers", "full_name": "owner/awesome-papers",
        "private": false, "owner": ["login": "owner", "id": 1, "type": "User"],
        "html_url": "https://github.com/owner/awesome-papers", "fork": false,
        "default_branch": "main", "visibility": "public",
    ] }
    static var sender: [String: Any] { ["login": "contributor", "id": 2, "type": "User"] }

    static func commit(_ sha: String, message: String = "Add a paper") -> [String: Any] {
        [
            "id": sha, "tree_id": String(repeating: "7", count: 40), "message": message, "timestamp": "2026-12-05T10:00:00Z",
            "author": ["name": "Contributor", "email": "contributor@example.org"],
            "committer": ["name": "GitHub", "email": "noreply@github.com"],
        ]
    }

    static func json(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// `pull_request` (`opened`, `synchronize` …) or `pull_request_target`: the same payload.
    public static func pullRequest(base: String, head: String, number: Int = 7, action: String = "opened") -> String {
        json([
            "action": action, "number": number, "repository": repository, "sender": sender,
            "pull_request": [
                "number": number, "state": "open", "title": "Add a paper", "user": sender,
                "author_association": "CONTRIBUTOR", "maintainer_can_modify": true,
                "base": ["ref": "main", "sha": base, "repo": repository, "label": "owner:main"],
                "head": ["ref": "contribution", "sha": head, "repo": repository, "label": "contributor:contribution"],
            ] as [String: Any],
        ])
    }

    /// `merge_group` (`checks_requested`): the queued merge of one or more pull requests.
    public static func mergeGroup(base: String, head: String) -> String {
        json([
            "action": "checks_requested", "repository": repository, "sender": sender,
            "merge_group": [
                "base_ref": "refs/heads/main", "base_sha": base,
                "head_ref": "refs/heads/gh-readonly-queue/main/pr-7-\(base)", "head_sha": head,
                "head_commit": commit(head, message: "Merge pull request #7"),
            ] as [String: Any],
        ])
    }

    /// `push`: `before` is all zeros for a new branch (`created`), and may be gone after a
    /// force push (`forced`).
    public static func push(before: String, after: String, ref: String = "refs/heads/contribution", created: Bool = false, forced: Bool = false) -> String {
        json([
            "ref": ref, "before": before, "after": after, "created": created, "deleted": false, "forced": forced,
            "base_ref": NSNull(), "compare": "https://github.com/owner/awesome-papers/compare/\(before.prefix(12))...\(after.prefix(12))",
            "commits": [commit(after)], "head_commit": commit(after), "repository": repository, "sender": sender,
            "pusher": ["name": "contributor", "email": "contributor@example.org"],
        ])
    }

    /// `schedule`: only the cron line, the repository and no sender of note.
    public static func schedule(cron: String = "17 6 * * 1") -> String {
        json(["schedule": cron, "repository": repository, "workflow": ".github/workflows/paperlint.yml"])
    }

    /// `workflow_dispatch`: run by hand from the Actions tab.
    public static func workflowDispatch(inputs: [String: String] = [:]) -> String {
        json(["inputs": inputs, "ref": "refs/heads/main", "repository": repository, "sender": sender, "workflow": ".github/workflows/paperlint.yml"])
    }

    /// `workflow_run` (`completed`): the run of the read-only pull-request workflow. For a
    /// pull request from a fork GitHub leaves `pull_requests` empty.
    public static func workflowRun(headSHA: String, headRepository: String = "contributor/awesome-papers", runID: Int = 555) -> String {
        json([
            "action": "completed", "repository": repository, "sender": sender,
            "workflow_run": [
                "id": runID, "name": "paperlint", "event": "pull_request", "status": "completed", "conclusion": "failure",
                "head_sha": headSHA, "head_branch": "contribution", "pull_requests": [] as [Any],
                "head_repository": ["full_name": headRepository, "owner": ["login": String(headRepository.split(separator: "/")[0])]],
                "repository": repository,
            ] as [String: Any],
        ])
    }

    /// `issue_comment` (`created`) on a pull request: `issue.pull_request` is present, and
    /// `comment.author_association` says who wrote it (OWNER, MEMBER, COLLABORATOR,
    /// CONTRIBUTOR, FIRST_TIME_CONTRIBUTOR, NONE …).
    public static func issueComment(_ body: String, association: String, user: String = "maintainer", number: Int = 7, commentID: Int = 42) -> String {
        json([
            "action": "created", "repository": repository, "sender": ["login": user, "id": 3, "type": "User"],
            "issue": [
                "number": number, "title": "Add a paper", "state": "open", "user": sender,
                "pull_request": ["url": "https://api.github.com/repos/owner/awesome-papers/pulls/\(number)"],
            ] as [String: Any],
            "comment": [
                "id": commentID, "body": body, "author_association": association,
                "user": ["login": user, "id": 3, "type": "User"],
            ] as [String: Any],
        ])
    }

    /// `issues` (`opened`, `edited` …): the issue as it is after the change; `edited` also
    /// carries what changed (`changes.body.from`).
    public static func issue(action: String, number: Int, title: String, body: String, labels: [String] = ["add-paper"],
                             state: String = "open", previousBody: String? = nil) -> String {
        var event: [String: Any] = [
            "action": action, "repository": repository, "sender": sender,
            "issue": [
                "number": number, "title": title, "body": body, "state": state, "user": sender, "author_association": "NONE",
                "labels": labels.enumerated().map { ["id": 5000 + $0.offset, "name": $0.element, "color": "0e8a16", "default": false] },
                "html_url": "https://github.com/owner/awesome-papers/issues/\(number)",
                "url": "https://api.github.com/repos/owner/awesome-papers/issues/\(number)", "comments": 0,
            ] as [String: Any],
        ]
        if let previousBody { event["changes"] = ["body": ["from": previousBody]] }
        return json(event)
    }

    public static let zero = String(repeating: "0", count: 40)
}
