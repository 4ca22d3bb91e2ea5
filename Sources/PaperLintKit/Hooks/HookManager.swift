import PaperLintIO
import PaperLintGit
#if canImport(Glibc)
import Glibc
#endif

/// The hook managers `paperlint hook install` defers to. Each owns the repository's hooks
/// in its own way: husky points `core.hooksPath` at `.husky/_` and its stubs call scripts
/// named after the hook, lefthook writes `.git/hooks/pre-commit` from `lefthook.yml` and moves
/// a foreign hook to `pre-commit.old`, the pre-commit framework writes its own
/// `.git/hooks/pre-commit`. Replacing or renaming their files silently stops their hooks, so
/// install refuses, with the one line that adds paperlint to that manager instead. A global
/// `core.hooksPath` is refused too: a hook there would check commits in every repository.
enum HookManager {
    static func refusal(repository: Repository, hooksDirectory: String) -> String? {
        let root = repository.workdir.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? ""
        let existing = hookText(hooksDirectory + "/pre-commit")
        func exists(_ name: String) -> Bool { !root.isEmpty && access(root + "/" + name, F_OK) == 0 }
        if repository.hooksPathIsGlobal() {
            return "core.hooksPath is set in your global git configuration (\(hooksDirectory)), so a hook there would run in every "
                + "repository: add the line `paperlint hook run` to \(hooksDirectory)/pre-commit yourself, or give this repository "
                + "its own hooks first (`git config core.hooksPath .git/hooks`) and run `paperlint hook install` again"
        }
        if hooksDirectory.contains("/.husky") || exists(".husky") {
            return "husky manages this repository's hooks: add paperlint to it with `echo 'paperlint hook run' >> .husky/pre-commit` "
                + "instead (paperlint does not replace husky's files)"
        }
        if existing.contains("lefthook") || ["lefthook.yml", ".lefthook.yml", "lefthook.yaml", ".lefthook.yaml"].contains(where: exists) {
            return "lefthook manages this repository's hooks: add paperlint to lefthook.yml with "
                + "`pre-commit: {commands: {paperlint: {run: paperlint hook run}}}` and run `lefthook install` instead"
        }
        if existing.contains("pre-commit.com") || exists(".pre-commit-config.yaml") {
            return "the pre-commit framework manages this repository's hooks: add a hook with `id: paperlint` (from paperlint's "
                + "repository, or `repo: local` with `entry: paperlint hook pre-commit` and `language: system`) to "
                + ".pre-commit-config.yaml instead"
        }
        return nil
    }

    private static func hookText(_ path: String) -> String {
        guard case .success(let bytes) = FileBytes.read(path) else { return "" }
        return String(decoding: bytes.prefix(4096), as: UTF8.self)
    }
}
