// swift-tools-version: 6.1
import PackageDescription

// Layering (see ../shared/STYLE.md): paperlint (CLI) → PaperLintKit → PaperLintRules → PaperLintCore,
// and PaperLintKit → PaperLintGit → Clibgit2; both use PaperLintIO for files. Only PaperLintGit touches libgit2 and only
// PaperLintMarkdown touches cmark-gfm; both expose plain Swift values.
// Release builds let the optimiser specialise generic code across our modules (Tally, ArxivID.parse
// and the like are called from PaperLintRules with concrete types): without it, every call goes
// through runtime generic metadata.
let optimized: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "paperlint",
    products: [
        .executable(name: "paperlint", targets: ["paperlint"]),
        .library(name: "PaperLintKit", targets: ["PaperLintKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(name: "Clibgit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(
            name: "Ccmark", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .target(name: "PaperLintMarkdown", dependencies: ["Ccmark"], swiftSettings: optimized),
        .target(name: "PaperLintCore", dependencies: ["PaperLintMarkdown"], swiftSettings: optimized),
        .target(name: "PaperLintRules", dependencies: ["PaperLintCore"], swiftSettings: optimized),
        // File I/O in one place: whole-file reads, atomic writes, appends, errno text, paths.
        .target(name: "PaperLintIO", swiftSettings: optimized),
        // Start-up settings in C: libgit2's load of the system CA bundle answered with an empty
        // store (paperlint never connects anywhere, and the parse was 15% of a pre-commit
        // check: trust_store.c), and glibc's threshold for mapping large blocks.
        .target(name: "CStartup"),
        .target(name: "PaperLintGit", dependencies: ["Clibgit2", "CStartup", "PaperLintIO"], swiftSettings: optimized),
        .target(
            name: "PaperLintKit",
            dependencies: ["PaperLintCore", "PaperLintRules", "PaperLintGit", "PaperLintIO", "Yams"],
            swiftSettings: optimized,
            plugins: ["EmbedPresets"]),
        // Rules/*.yml are compiled into PaperLintKit as string literals (a copied binary needs no
        // files), and as the Swift code of their composed YAML nodes (a run parses no preset).
        .executableTarget(name: "paperlint-embed", dependencies: [.product(name: "Yams", package: "Yams")]),
        .plugin(name: "EmbedPresets", capability: .buildTool(), dependencies: ["paperlint-embed"]),
        // Release builds link the Swift runtime and Foundation statically: a pre-commit hook starts
        // paperlint on every commit, and resolving Foundation's shared libraries costs 13.6 ms of
        // start-up against 7.8 ms static (hyperfine, `paperlint --version`, 2 cores).
        .executableTarget(
            name: "paperlint",
            dependencies: ["PaperLintKit", "CStartup", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            linkerSettings: [
                .unsafeFlags(["-static-stdlib"], .when(configuration: .release)),
                // Modules compiled against the shared runtime do not autolink Foundation's static
                // dependencies; name them (the libraries `--static-swift-stdlib` would pull in).
                .unsafeFlags(
                    ["-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections"],
                    .when(configuration: .release)),
            ]),
        // Benchmarks: a seeded list generator and the harness that times the release binary against git and peers.
        .target(name: "PaperLintBenchSupport", dependencies: ["PaperLintCore"]),
        .executableTarget(name: "paperlint-bench", dependencies: ["PaperLintBenchSupport"]),
        // Scratch repositories, seeded randomness and sample lookup shared by the test targets.
        .target(name: "PaperLintTestSupport", path: "Tests/PaperLintTestSupport"),
        .testTarget(
            name: "PaperLintCoreTests", dependencies: ["PaperLintCore", "PaperLintTestSupport", "PaperLintBenchSupport"]),
        .testTarget(name: "PaperLintRulesTests", dependencies: ["PaperLintRules", "PaperLintTestSupport"]),
        .testTarget(name: "PaperLintGitTests", dependencies: ["PaperLintGit", "PaperLintTestSupport"]),
        // Golden/ holds reporter outputs that the tests read through #filePath, not as resources.
        .testTarget(
            name: "PaperLintKitTests", dependencies: ["PaperLintKit", "PaperLintTestSupport", "PaperLintBenchSupport", "Yams"],
            exclude: ["Golden"]),
        // PaperLintCore reads the lists the binary fixed (entries, titles, links) to check nothing was lost.
        .testTarget(
            name: "PaperLintBenchTests",
            dependencies: ["PaperLintBenchSupport", "PaperLintCore", "paperlint", "paperlint-bench", "PaperLintTestSupport"],
            // Review/ holds the hand-reviewed corpus findings, read through #filePath.
            exclude: ["Review"]),
        .testTarget(name: "PaperLintCLITests", dependencies: ["paperlint", "PaperLintCore", "PaperLintTestSupport", "PaperLintBenchSupport", "Yams"]),
    ]
)
