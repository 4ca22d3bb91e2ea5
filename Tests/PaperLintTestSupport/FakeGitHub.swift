import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fake GitHub REST API on loopback for the action's scripts: it records every request and
/// answers the calls the review bot makes the way GitHub does (pull-request details, reviews,
/// review comments, issue comments; pagination with `Link` headers; 403 for a read-only
/// token), and the issues, labels and pull requests of the "Add paper" intake
/// (`FakeGitHub+Issues.swift`). One request per connection (`Connection: close`), which is what Python's urllib
/// sends.
public final class FakeGitHub: @unchecked Sendable {
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var query: [String: String]
        public var authorization: String
        public var body: Data

        public var json: Any? { body.isEmpty ? nil : try? JSONSerialization.jsonObject(with: body) }
    }

    /// The token that may only read, as `GITHUB_TOKEN` is on a pull request from a fork.
    public static let readOnlyToken = "read-only-token"

    public private(set) var port: UInt16 = 0
    public var url: String { "http://127.0.0.1:\(port)" }
    public var pageSize = 100
    /// The repository the pull request's head branch lives in (a fork's, for a fork).
    public var headRepository: String?
    /// More of the pull request's record (`base`, `head.ref`, `head.repo.clone_url`,
    /// `maintainer_can_modify` …), merged into what `GET /pulls/N` answers.
    public var pullDetails: [String: Any] = [:]
    /// Reactions added to comments, by comment id.
    public var reactions: [(comment: Int, content: String)] { lock.withLock { addedReactions } }
    private var addedReactions: [(comment: Int, content: String)] = []

    let lock = NSLock()
    private var recorded: [Request] = []
    private var reviews: [[String: Any]] = []
    private var reviewComments: [[String: Any]] = []
    private var issueComments: [[String: Any]] = []
    var nextID = 1000
    /// Issues, their comments and labels, and pull requests opened through the API (intake).
    var tracker = IssueTracker()
    private var socket: Int32 = -1
    private var thread: Thread?
    let repository: String
    let pullNumber: Int
    let headSHA: String

    public init(repository: String = "owner/awesome-papers", pullNumber: Int = 7, headSHA: String) throws {
        self.repository = repository
        self.pullNumber = pullNumber
        self.headSHA = headSHA
        try listen()
    }

    deinit { stop() }

    public var requests: [Request] { lock.withLock { recorded } }
    public var postedReviews: [[String: Any]] { lock.withLock { reviews } }
    public var postedReviewComments: [[String: Any]] { lock.withLock { reviewComments } }
    public var postedIssueComments: [[String: Any]] { lock.withLock { issueComments } }

    /// Adds a comment someone else wrote, as GitHub would list it.
    public func addIssueComment(_ body: String, user: String = "maintainer") {
        lock.withLock {
            nextID += 1
            issueComments.append(["id": nextID, "body": body, "user": ["login": user]])
        }
    }

    public func stop() {
        if socket >= 0 {
            shutdown(socket, Int32(SHUT_RDWR))
            close(socket)
            socket = -1
        }
    }

    private func listen() throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw CocoaError(.fileWriteUnknown) }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        guard bound == 0, Glibc.listen(socket, 16) == 0 else { throw CocoaError(.fileWriteUnknown) }
        withUnsafeMutablePointer(to: &address) { pointer in
            _ = pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        let server = socket
        let thread = Thread { [weak self] in
            while true {
                let client = accept(server, nil, nil)
                guard client >= 0 else { return }
                self?.serve(client)
                close(client)
            }
        }
        thread.start()
        self.thread = thread
    }

    private func serve(_ client: Int32) {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Range<Data.Index>?
        var contentLength = 0
        while true {
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if headerEnd == nil, let end = data.range(of: Data("\r\n\r\n".utf8)) {
                headerEnd = end
                let head = String(decoding: data[..<end.lowerBound], as: UTF8.self)
                for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
                    contentLength = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
            if let end = headerEnd, data.count - end.upperBound >= contentLength { break }
        }
        guard let end = headerEnd else { return }
        let lines = String(decoding: data[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n").map(String.init)
        let parts = lines.first?.split(separator: " ").map(String.init) ?? []
        guard parts.count >= 2 else { return }
        var authorization = ""
        for line in lines.dropFirst() where line.lowercased().hasPrefix("authorization:") {
            authorization = String(line.dropFirst("authorization:".count)).trimmingCharacters(in: .whitespaces)
        }
        let target = parts[1].split(separator: "?", maxSplits: 1).map(String.init)
        var query: [String: String] = [:]
        if target.count > 1 {
            for pair in target[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                query[kv[0]] = kv.count > 1 ? (kv[1].removingPercentEncoding ?? kv[1]) : ""
            }
        }
        let request = Request(method: parts[0], path: target[0], query: query, authorization: authorization,
                              body: Data(data[end.upperBound...]))
        let (status, headers, body) = lock.withLock { () -> (Int, [String: String], Any) in
            recorded.append(request)
            return route(request)
        }
        let payload = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
        var head = "HTTP/1.1 \(status) \(status < 300 ? "OK" : "Error")\r\nContent-Type: application/json; charset=utf-8\r\n"
        head += "Content-Length: \(payload.count)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let response = Data((head + "\r\n").utf8) + payload
        _ = response.withUnsafeBytes { send(client, $0.baseAddress, response.count, 0) }
    }

    /// GitHub's answer to one request (called with the lock held).
    private func route(_ request: Request) -> (Int, [String: String], Any) {
        let base = "/repos/\(repository)"
        let isWrite = request.method != "GET"
        if isWrite && request.authorization.hasSuffix(Self.readOnlyToken) {
            return (403, [:], ["message": "Resource not accessible by integration",
                               "documentation_url": "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request"])
        }
        let body = request.json as? [String: Any] ?? [:]
        switch (request.method, request.path) {
        case ("GET", "\(base)/pulls/\(pullNumber)"):
            var pull: [String: Any] = ["number": pullNumber, "state": "open", "maintainer_can_modify": false]
            var head = pullDetails["head"] as? [String: Any] ?? [:]
            var repo = head["repo"] as? [String: Any] ?? [:]
            repo["full_name"] = repo["full_name"] ?? headRepository ?? repository
            head["sha"] = headSHA
            head["repo"] = repo
            for (key, value) in pullDetails where key != "head" { pull[key] = value }
            pull["head"] = head
            return (200, [:], pull)
        case ("GET", "\(base)/pulls/\(pullNumber)/comments"):
            return page(reviewComments, request)
        case ("GET", "\(base)/issues/\(pullNumber)/comments"):
            return page(issueComments, request)
        case ("GET", "\(base)/pulls/\(pullNumber)/reviews"):
            return page(reviews, request)
        case ("POST", "\(base)/pulls/\(pullNumber)/reviews"):
            nextID += 1
            let review: [String: Any] = ["id": nextID, "body": body["body"] ?? "", "state": "COMMENTED",
                                         "commit_id": body["commit_id"] ?? headSHA, "user": ["login": "github-actions[bot]"]]
            reviews.append(review)
            for comment in body["comments"] as? [[String: Any]] ?? [] {
                nextID += 1
                var stored = comment
                stored["id"] = nextID
                stored["pull_request_review_id"] = review["id"]
                stored["user"] = ["login": "github-actions[bot]"]
                reviewComments.append(stored)
            }
            return (200, [:], review)
        case ("POST", "\(base)/issues/\(pullNumber)/comments"):
            nextID += 1
            let comment: [String: Any] = ["id": nextID, "body": body["body"] ?? "", "user": ["login": "github-actions[bot]"]]
            issueComments.append(comment)
            return (201, [:], comment)
        default:
            if request.method == "PATCH", let id = Self.id(request.path, after: "\(base)/pulls/comments/"),
                let index = reviewComments.firstIndex(where: { $0["id"] as? Int == id })
            {
                reviewComments[index]["body"] = body["body"] ?? ""
                return (200, [:], reviewComments[index])
            }
            if request.method == "POST", request.path.hasSuffix("/reactions"),
                let id = Self.id(String(request.path.dropLast("/reactions".count)), after: "\(base)/issues/comments/")
            {
                addedReactions.append((id, body["content"] as? String ?? ""))
                return (201, [:], ["id": 1, "content": body["content"] ?? ""])
            }
            if request.method == "PATCH", let id = Self.id(request.path, after: "\(base)/issues/comments/"),
                let index = issueComments.firstIndex(where: { $0["id"] as? Int == id })
            {
                issueComments[index]["body"] = body["body"] ?? ""
                return (200, [:], issueComments[index])
            }
            return routeIssues(request, body, base: base) ?? (404, [:], ["message": "Not Found"])
        }
    }

    static func id(_ path: String, after prefix: String) -> Int? {
        path.hasPrefix(prefix) ? Int(path.dropFirst(prefix.count)) : nil
    }

    /// One page of `items` with GitHub's `Link` header (`per_page`, `page`).
    func page(_ items: [[String: Any]], _ request: Request) -> (Int, [String: String], Any) {
        let size = min(Int(request.query["per_page"] ?? "") ?? 30, pageSize)
        let number = max(1, Int(request.query["page"] ?? "") ?? 1)
        let slice = Array(items.dropFirst((number - 1) * size).prefix(size))
        var headers: [String: String] = [:]
        if number * size < items.count {
            headers["Link"] = "<\(url)\(request.path)?per_page=\(size)&page=\(number + 1)>; rel=\"next\""
        }
        return (200, headers, slice)
    }
}
