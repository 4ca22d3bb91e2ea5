import Yams

/// The presets of `Rules/`, compiled into the binary by the EmbedPresets build plugin.
public enum Presets {
    /// The preset used when neither `.paperlint.yml` nor `--preset` names one.
    public static let defaultName = "paper-list"

    /// Names of every embedded preset, sorted.
    public static var names: [String] { EmbeddedPresets.all.keys.sorted() }

    /// The YAML text of preset `name`.
    public static func text(_ name: String) -> String? { EmbeddedPresets.all[name] }

    /// Preset `name` as composed YAML, built at build time from the same text (no YAML is
    /// parsed to read a preset; PresetTests holds the two equal).
    static func node(_ name: String) -> Node? { EmbeddedPresetNodes.node(name) }
}

/// The reference of every `.paperlint.yml` key (the repository's `Rules/README.md`, embedded
/// at build time), for `paperlint explain config`: a binary user has no checkout to read.
public enum ConfigurationReference {
    public static var text: String { EmbeddedDocs.all["README"] ?? "" }
}
