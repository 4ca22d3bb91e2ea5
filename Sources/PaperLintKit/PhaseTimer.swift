#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Wall time per phase of a run, printed to standard error when `PAPERLINT_TIMINGS=1`, so a
/// benchmark (or a curious maintainer) sees where the time goes: configuration, git
/// (discovery, libgit2 start-up, the diff), parse (cmark and entries), rules, output.
public final class PhaseTimer: Sendable {
    /// The run's timer; a no-op unless PAPERLINT_TIMINGS=1.
    /// `PAPERLINT_TIMINGS=2` adds one entry per rule (`rules/duplicate 12.0 ms`, …) after the phases.
    public static let shared: PhaseTimer = {
        let level = getenv("PAPERLINT_TIMINGS").map { String(cString: $0) } ?? ""
        return PhaseTimer(enabled: level == "1" || level == "2", detailed: level == "2")
    }()

    public let isEnabled: Bool
    /// True when each rule is timed on its own too.
    public let isDetailed: Bool
    /// Rules run concurrently, so per-rule totals are added from several threads.
    private let totals = Mutex<[(String, Double)]>([])
    private let start: Double

    init(enabled: Bool, detailed: Bool = false) {
        isEnabled = enabled
        isDetailed = detailed
        start = Self.now()
    }

    /// Runs `body`, adding its wall time to `phase`.
    public func measure<T, E: Error>(_ phase: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard isEnabled else { return try body() }
        let begin = Self.now()
        defer { add(phase, Self.now() - begin) }
        return try body()
    }

    /// Like `measure`, but only under `PAPERLINT_TIMINGS=2`.
    public func measureDetail<T, E: Error>(_ phase: @autoclosure () -> String, _ body: () throws(E) -> T) throws(E) -> T {
        guard isDetailed else { return try body() }
        return try measure(phase(), body)
    }

    private func add(_ phase: String, _ seconds: Double) {
        totals.withLock { totals in
            if let index = totals.firstIndex(where: { $0.0 == phase }) {
                totals[index].1 += seconds
            } else {
                totals.append((phase, seconds))
            }
        }
    }

    /// One line: `timings: configuration 1.2 ms, git 7.9 ms, …, total 31.0 ms (since main)`.
    public func summary() -> String {
        let parts = totals.withLock { $0 }.map { "\($0.0) \(Self.milliseconds($0.1))" }
        return "timings: " + (parts + ["total \(Self.milliseconds(Self.now() - start)) (since main)"]).joined(separator: ", ")
    }

    private static func milliseconds(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10_000).rounded())
        return "\(tenths / 10).\(tenths % 10) ms"
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
