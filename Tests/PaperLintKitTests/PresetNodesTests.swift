import PaperLintCore
import Testing
import Yams

@testable import PaperLintKit

/// The presets are read from nodes composed at build time (EmbeddedPresetNodes), not parsed
/// as YAML on every run: those nodes must be what composing the embedded text gives, and
/// give the same configuration.
@Suite struct PresetNodesTests {
    @Test(arguments: Presets.names)
    func compiledNodesAreTheComposedText(name: String) throws {
        let text = try #require(Presets.text(name))
        let compiled = try #require(Presets.node(name), "preset \(name) has no compiled nodes")
        let composed = try #require(try Yams.compose(yaml: text, .basic))
        #expect(compiled == composed)
        // The same configuration either way, applied the way ConfigurationLoader applies it.
        var fromNodes = Configuration(presetName: name), fromText = Configuration(presetName: name)
        try ConfigurationReader(path: "Rules/\(name).yml").apply(compiled, to: &fromNodes)
        try ConfigurationReader(path: "Rules/\(name).yml").apply(composed, to: &fromText)
        #expect(fromNodes == fromText)
        #expect(try ConfigurationLoader.load(text: nil, preset: name) == fromNodes)
    }

    @Test func everyEmbeddedPresetIsCompiled() {
        #expect(Presets.names == ["paper-list", "venue-list"])
        #expect(Presets.names.allSatisfy { Presets.node($0) != nil })
        #expect(Presets.node("no-such-preset") == nil)
    }
}
