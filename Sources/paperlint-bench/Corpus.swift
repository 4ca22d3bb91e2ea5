import Foundation
import PaperLintBenchSupport

/// `paperlint-bench corpus`: how often paperlint flags real lists and their real history
/// (CorpusHarness in PaperLintBenchSupport does the measuring).
func runCorpus(_ arguments: [String]) -> Never {
    var corpus = "../shared/corpus"
    var json: String?
    var paperlintPath: String?
    var options = CorpusOptions()
    var rest = arguments[...]
    func value(_ name: String) -> String {
        guard let v = rest.popFirst() else { fail("\(name) needs a value") }
        return v
    }
    while let argument = rest.popFirst() {
        switch argument {
        case "--corpus": corpus = value(argument)
        case "--json": json = value(argument)
        case "--paperlint": paperlintPath = value(argument)
        case "--commits":
            guard let n = Int(value(argument)), n > 0 else { fail("--commits takes a positive integer") }
            options.commitsPerList = n
        case "--seed":
            guard let n = UInt64(value(argument)) else { fail("--seed takes an unsigned integer") }
            options.seed = n
        case "--sample":
            guard let n = Int(value(argument)), n >= 0 else { fail("--sample takes a count") }
            options.sampleSize = n
        case "--jobs":
            guard let n = Int(value(argument)), n > 0 else { fail("--jobs takes a positive integer") }
            options.jobs = n
        case "--lists":
            let names = value(argument).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !names.isEmpty else { fail("--lists takes list names, comma-separated") }
            options.lists = names
        case "-h", "--help":
            print("""
                usage: paperlint-bench corpus [--corpus DIR] [--json FILE] [--paperlint PATH] [--commits N]
                                              [--seed S] [--sample N] [--lists a,b] [--jobs 2]
                Measures paperlint on real paper lists: DIR holds heads/OWNER+NAME.md and
                bundles/OWNER+NAME.bundle (default: the corpus beside the repository). --commits N replays only the
                last N commits of each list; --sample N findings (default 60) are drawn with --seed;
                --jobs lists are measured at a time (default 2).
                """)
            exit(0)
        default: fail("unknown argument \(argument) (see corpus --help)")
        }
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDirectory), isDirectory.boolValue else {
        fail("no corpus directory at \(corpus) (pass --corpus DIR)")
    }
    let paperlint = paperlintPath ?? selfDirectory() + "/paperlint"
    guard FileManager.default.isExecutableFile(atPath: paperlint) else {
        fail("no paperlint binary at \(paperlint): run `swift build -c release` first (or pass --paperlint PATH)")
    }
    options.progress = { message in FileHandle.standardError.write(Data("\(message)\n".utf8)) }

    let report: CorpusReport
    do {
        report = try CorpusHarness.measure(corpus: URL(fileURLWithPath: corpus), paperlint: paperlint, options: options)
    } catch {
        fail("\(error)")
    }
    print(report.markdown(), terminator: "")
    print(String(format: "\n%d lists measured in %.1f s with %@.", report.lists.count, report.seconds, paperlint))
    if let json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do { try encoder.encode(report).write(to: URL(fileURLWithPath: json)) } catch { fail("cannot write \(json): \(error)") }
    }
    exit(0)
}
