import Foundation
import PackagePlugin

/// Embeds the YAML presets of `Rules/` into the target as Swift string literals at build
/// time, so a copied `paperlint` binary needs no files next to it.
@main
struct EmbedPresets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "Rules")
        let presets = try FileManager.default.contentsOfDirectory(at: rules, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPresets.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(presets.count) presets from Rules/",
                executable: try context.tool(named: "paperlint-embed").url,
                arguments: [output.path] + presets.map(\.path),
                inputFiles: presets,
                outputFiles: [output])
        ]
    }
}
