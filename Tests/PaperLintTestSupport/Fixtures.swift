import Foundation

/// Where the package and its sibling `shared/` folder live.
public enum Fixtures {
    /// The package root (this file is at Tests/PaperLintTestSupport/Fixtures.swift).
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The bundled reference list.
    public static var healthcare: String { packageRoot + "/Examples/healthcare-README.md" }

    /// The bytes of the file at `path`.
    public static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// `../shared/samples/NAME`, or nil (with the reason) when the folder is absent.
    public static func sharedSample(_ name: String) -> String? {
        let path = packageRoot + "/../shared/samples/" + name
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// `../shared/schemas/NAME`, or nil when absent.
    public static func sharedSchema(_ name: String) -> String? {
        let path = packageRoot + "/../shared/schemas/" + name
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    public static let missingSharedMessage = "../shared/ is absent next to the package; sample-based checks are skipped"

    /// The built `paperlint` executable next to the test bundle.
    public static var executable: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundle.appendingPathComponent("paperlint").path,
                          bundle.deletingLastPathComponent().appendingPathComponent("paperlint").path,
                          packageRoot + "/.build/debug/paperlint"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[2]
    }
}

/// A small, fast, seedable generator (SplitMix64) so property tests replay exactly.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
