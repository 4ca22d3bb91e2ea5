/// The name, version and home of paperlint, in one place: `--version` and every machine
/// format (SARIF's `tool.driver`, rdjson's `source`) read them from here, so outputs stay
/// deterministic and a release changes one line.
public enum ToolInfo {
    public static let name = "paperlint"
    public static let version = "0.1.0"
    /// Where users read about the tool and its rules (SARIF `informationUri`, rdjson `source.url`).
    public static let informationURI = "https://github.com/OWNER/paperlint"
}
