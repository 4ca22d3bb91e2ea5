import PaperLintIO
import PaperLintCore
import PaperLintGit
#if canImport(Glibc)
import Glibc
#endif

extension Linter {
    /// The current month in UTC, for rules that reject dates in the future.
    static func currentMonth() -> YearMonth {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return YearMonth(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1)
    }

    /// The configuration of a run, with `today` set: the one the request carries, else
    /// `--config FILE`, else `.paperlint.yml` in `root` when it exists, else the preset alone.
    static func loadConfiguration(_ request: CheckRequest, root: String) throws(PaperLintError) -> Configuration {
        if let preloaded = request.configuration { return dated(preloaded) }
        return dated(try readConfiguration(request, root: root))
    }

    /// In a diff mode the configuration comes from the work tree, except with `--range`, where it
    /// comes from the base commit: a pull request cannot relax its own check.
    static func loadConfiguration(_ request: CheckRequest, repository: Repository, source: DiffSource) throws(PaperLintError) -> Configuration {
        if let preloaded = request.configuration { return dated(preloaded) }
        guard case .range(let base, _, _) = source else {
            return try loadConfiguration(request, root: repository.workdir ?? request.currentDirectory)
        }
        if let explicit = try explicitConfiguration(request) { return dated(explicit) }
        let bytes: [UInt8]?
        do { bytes = try repository.fileBytes(at: ConfigurationLoader.fileName, revision: base) } catch { throw PaperLintError(error) }
        let name = "\(base):\(ConfigurationLoader.fileName)"
        return dated(try ConfigurationLoader.load(
            text: try bytes.map { (bytes) throws(PaperLintError) in try configurationText(bytes, path: name) }, path: name,
            preset: request.preset))
    }

    /// Rules read no clock: the engine tells them the month.
    private static func dated(_ configuration: Configuration) -> Configuration {
        var configuration = configuration
        if configuration.today == nil { configuration.today = currentMonth() }
        return configuration
    }

    private static func readConfiguration(_ request: CheckRequest, root: String) throws(PaperLintError) -> Configuration {
        if let explicit = try explicitConfiguration(request) { return explicit }
        let path = root + "/" + ConfigurationLoader.fileName
        switch FileBytes.read(path) {
        case .success(let bytes):
            return try ConfigurationLoader.load(text: try configurationText(bytes, path: ConfigurationLoader.fileName), preset: request.preset)
        case .failure:
            return try ConfigurationLoader.load(text: nil, preset: request.preset)
        }
    }

    private static func explicitConfiguration(_ request: CheckRequest) throws(PaperLintError) -> Configuration? {
        guard let path = request.configPath else { return nil }
        let absolute = path.hasPrefix("/") ? path : request.currentDirectory + "/" + path
        switch FileBytes.read(absolute) {
        case .success(let bytes):
            return try ConfigurationLoader.load(text: try configurationText(bytes, path: path), path: path, preset: request.preset)
        case .failure(let failure):
            throw PaperLintError("--config \(path): cannot read (\(failure.reason)); check the path")
        }
    }

    private static func configurationText(_ bytes: [UInt8], path: String) throws(PaperLintError) -> String {
        try requireUTF8(bytes, path: path, remedy: "save the configuration as UTF-8")
        return String(decoding: bytes, as: UTF8.self)
    }
}
