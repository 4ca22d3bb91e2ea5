import Foundation
import PaperLintBenchSupport

/// `--hostile`: times `paperlint check --all` on each scaled hostile shape (megabyte lines,
/// deep nesting, many entries…) at `scale` and at four times it. Linear cost shows as a
/// time ratio close to the size ratio; a quadratic one as its square. The inputs stay in
/// the scratch directory with `--keep`.
func runHostile(scale: Int, runs: Int, in directory: String) {
    let small = HostileCorpus.scaled(scale), large = HostileCorpus.scaled(scale * 4)
    var table = "| shape (at ×\(scale)) | bytes ×\(scale) | bytes ×\(scale * 4) | median ×\(scale) | median ×\(scale * 4) | size ratio | time ratio | exit |\n"
    table += "|---|---:|---:|---:|---:|---:|---:|---:|\n"
    for (index, (a, b)) in zip(small, large).enumerated() {
        let timings = [a, b].enumerated().map { (which, input) -> (Double, Int32) in
            let file = directory + "/hostile-\(index)-\(which).md"
            _ = FileManager.default.createFile(atPath: file, contents: Data(input.bytes))
            let argv = [paperlint, "check", "--all", "--format", "json", file]
            _ = run(argv, in: directory, environment: environment, timeout: options.timeout)
            let samples = (0..<runs).map { _ in run(argv, in: directory, environment: environment, timeout: options.timeout) }
            let sorted = samples.map(\.seconds).sorted()
            return (sorted[sorted.count / 2], samples.last?.status ?? -1)
        }
        let sizeRatio = Double(b.bytes.count) / Double(max(a.bytes.count, 1))
        let timeRatio = timings[1].0 / timings[0].0
        table += "| \(a.name) | \(a.bytes.count) | \(b.bytes.count) | \(seconds(timings[0].0)) | \(seconds(timings[1].0)) | "
        table += String(format: "%.1f× | %.1f× | %d |\n", sizeRatio, timeRatio, timings[1].1)
        log("  \(a.name): \(String(format: "%.1f", timeRatio))× the time for \(String(format: "%.1f", sizeRatio))× the bytes")
    }
    print(table, terminator: "")
    print("\(runs) runs each after one warm-up; the time includes start-up (~8 ms), which flattens the ratios of small inputs.")
}
