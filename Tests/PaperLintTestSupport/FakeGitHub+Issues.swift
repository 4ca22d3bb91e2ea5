import Foundation

/// What the "Add paper" intake reads and writes through the fake API: issues with their
/// comments and labels, and the pull requests it opens.
struct IssueTracker {
    var issues: [Int: [String: Any]] = [:]
    var comments: [Int: [[String: Any]]] = [:]
    var pulls: [[String: Any]] = []
    var nextPull = 100
}

extension FakeGitHub {
    /// Files an issue, as the add-paper form does (it applies the label `add-paper`).
    public func addIssue(_ number: Int, title: String, body: String, labels: [String] = ["add-paper"], state: String = "open") {
        lock.withLock {
            tracker.issues[number] = [
                "number": number, "title": title, "body": body, "state": state,
                "labels": labels.map { ["name": $0] }, "user": ["login": "contributor"],
                "html_url": "https://github.com/\(repository)/issues/\(number)",
            ]
        }
    }

    /// Changes an issue as its author (a new body) or a maintainer (closing it) would.
    public func editIssue(_ number: Int, body: String? = nil, state: String? = nil) {
        lock.withLock {
            if let body { tracker.issues[number]?["body"] = body }
            if let state { tracker.issues[number]?["state"] = state }
        }
    }

    /// The issue's record, as `GET /repos/o/r/issues/N` answers it.
    public func issue(_ number: Int) -> [String: Any]? { lock.withLock { tracker.issues[number] } }

    /// The names of the issue's labels, in the order they were added.
    public func labels(of number: Int) -> [String] {
        lock.withLock { (tracker.issues[number]?["labels"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
    }

    /// The bodies of the issue's comments, oldest first.
    public func comments(on number: Int) -> [String] {
        lock.withLock { (tracker.comments[number] ?? []).compactMap { $0["body"] as? String } }
    }

    /// Pull requests opened through `POST /pulls`, with their current title, body and state.
    public var pullRequests: [[String: Any]] { lock.withLock { tracker.pulls } }

    /// Closes (or merges: the same to the API's list) a pull request opened through the API.
    public func closePullRequest(_ number: Int) {
        lock.withLock {
            if let index = tracker.pulls.firstIndex(where: { $0["number"] as? Int == number }) { tracker.pulls[index]["state"] = "closed" }
        }
    }

    /// GitHub's answer to an issue or pull-request call of the intake (with the lock held),
    /// or nil when the request is none of them.
    func routeIssues(_ request: Request, _ body: [String: Any], base: String) -> (Int, [String: String], Any)? {
        guard request.path.hasPrefix(base + "/") else { return nil }
        let parts = request.path.dropFirst(base.count + 1).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch (request.method, parts.first, parts.count) {
        case ("GET", "issues", 1):
            let state = request.query["state"] ?? "open", wanted = (request.query["labels"] ?? "").split(separator: ",").map(String.init)
            let matching = tracker.issues.values.filter { issue in
                let names = (issue["labels"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                return (state == "all" || issue["state"] as? String == state) && wanted.allSatisfy(names.contains)
            }
            return page(matching.sorted { ($0["number"] as? Int ?? 0) > ($1["number"] as? Int ?? 0) }, request)
        case ("GET", "issues", 2):
            guard let number = Int(parts[1]), let issue = tracker.issues[number] else { return nil }
            return (200, [:], issue)
        case ("GET", "issues", 3) where parts[2] == "comments":
            return Int(parts[1]).map { page(tracker.comments[$0] ?? [], request) }
        case ("POST", "issues", 3) where parts[2] == "comments":
            guard let number = Int(parts[1]), tracker.issues[number] != nil else { return nil }
            nextID += 1
            let comment: [String: Any] = ["id": nextID, "body": body["body"] ?? "", "user": ["login": "github-actions[bot]"]]
            tracker.comments[number, default: []].append(comment)
            return (201, [:], comment)
        case ("PATCH", "issues", 3) where parts[1] == "comments":
            for (number, comments) in tracker.comments {
                guard let index = comments.firstIndex(where: { $0["id"] as? Int == Int(parts[2]) }) else { continue }
                tracker.comments[number]?[index]["body"] = body["body"] ?? ""
                return (200, [:], tracker.comments[number]?[index] ?? [:])
            }
            return nil
        case ("POST", "issues", 3) where parts[2] == "labels":
            guard let number = Int(parts[1]), tracker.issues[number] != nil else { return nil }
            var labels = tracker.issues[number]?["labels"] as? [[String: Any]] ?? []
            for name in body["labels"] as? [String] ?? [] where !labels.contains(where: { $0["name"] as? String == name }) {
                labels.append(["name": name])
            }
            tracker.issues[number]?["labels"] = labels
            return (200, [:], labels)
        case ("DELETE", "issues", 4) where parts[2] == "labels":
            let name = parts[3].removingPercentEncoding ?? parts[3]
            guard let number = Int(parts[1]), var labels = tracker.issues[number]?["labels"] as? [[String: Any]],
                let index = labels.firstIndex(where: { $0["name"] as? String == name })
            else { return (404, [:], ["message": "Label does not exist"]) }
            labels.remove(at: index)
            tracker.issues[number]?["labels"] = labels
            return (200, [:], labels)
        case ("GET", "pulls", 1):
            let state = request.query["state"] ?? "open", head = request.query["head"]
            let matching = tracker.pulls.filter {
                (state == "all" || $0["state"] as? String == state) && (head == nil || ($0["head"] as? [String: Any])?["label"] as? String == head)
            }
            return page(matching, request)
        case ("POST", "pulls", 1):
            return openPull(body)
        case ("PATCH", "pulls", 2):
            guard let index = tracker.pulls.firstIndex(where: { $0["number"] as? Int == Int(parts[1]) }) else { return nil }
            for key in ["title", "body", "state"] where body[key] != nil { tracker.pulls[index][key] = body[key] }
            return (200, [:], tracker.pulls[index])
        default:
            return nil
        }
    }

    /// `POST /pulls`: refused, as GitHub does, when an open one has the same head.
    private func openPull(_ body: [String: Any]) -> (Int, [String: String], Any) {
        let branch = body["head"] as? String ?? ""
        let label = branch.contains(":") ? branch : "\(repository.split(separator: "/")[0]):\(branch)"
        if tracker.pulls.contains(where: { $0["state"] as? String == "open" && ($0["head"] as? [String: Any])?["label"] as? String == label }) {
            return (422, [:], ["message": "Validation Failed", "errors": [["message": "A pull request already exists for \(label)."]]])
        }
        tracker.nextPull += 1
        let pull: [String: Any] = [
            "number": tracker.nextPull, "state": "open", "title": body["title"] ?? "", "body": body["body"] ?? "",
            "head": ["ref": String(label.split(separator: ":", maxSplits: 1)[1]), "label": label],
            "base": ["ref": body["base"] ?? ""], "html_url": "https://github.com/\(repository)/pull/\(tracker.nextPull)",
        ]
        tracker.pulls.append(pull)
        return (201, [:], pull)
    }
}
