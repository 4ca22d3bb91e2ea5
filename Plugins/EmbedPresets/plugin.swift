import Foundation
import PackagePlugin

/// Embeds the YAML presets of `Rules/` and the git hook scripts of `Hooks/` into the target
/// as Swift string literals at build time, so a copied `paperlint` binary needs no files
/// next to it; the presets also as the Swift code of their composed nodes.
@main
struct EmbedPresets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let tool = try context.tool(named: "paperlint-embed").url
        func command(folder: String, keep: (URL) -> Bool, enumName: String, nodes: Bool = false) throws -> Command {
            let directory = context.package.directoryURL.appending(path: folder)
            let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter(keep)
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
            let output = context.pluginWorkDirectoryURL.appending(path: "\(enumName).swift")
            return .buildCommand(
                displayName: "Embedding \(files.count) files from \(folder)/",
                executable: tool,
                arguments: (nodes ? ["--nodes"] : []) + [output.path, enumName] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        }
        return [
            try command(folder: "Rules", keep: { $0.pathExtension == "yml" }, enumName: "EmbeddedPresets"),
            // The same presets composed at build time: no YAML is parsed to read one.
            try command(folder: "Rules", keep: { $0.pathExtension == "yml" }, enumName: "EmbeddedPresetNodes", nodes: true),
            try command(folder: "Hooks", keep: { !$0.lastPathComponent.hasPrefix(".") && $0.pathExtension.isEmpty }, enumName: "EmbeddedHooks"),
            // The configuration keys' reference, for `paperlint explain config`.
            try command(folder: "Rules", keep: { $0.lastPathComponent == "README.md" }, enumName: "EmbeddedDocs"),
        ]
    }
}
