import Foundation

/// Validates JSON against a JSON Schema with Python's `jsonschema`, the reference validator:
/// from `.build-venv/` when it has it (`.ci/run` may create it), else from a virtual
/// environment made once in the temporary directory with `pip install jsonschema`.
public enum JSONSchemaValidator {
    /// The Python that can import `jsonschema`, or why there is none (the tests then skip).
    public static let python: Result<String, Unavailable> = locate()

    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    public static var isAvailable: Bool { (try? python.get()) != nil }

    /// Why schema checks were skipped (static: a trait's comment is built before the test runs).
    public static let skipReason = "no Python with jsonschema (python3 missing, or pip could not install it): schema checks skipped"

    /// Validates `instance` against the schema file at `schemaPath`; `$ref`s to sibling files
    /// resolve from the schema's folder. Returns the validator's complaints (empty: valid).
    public static func problems(_ instance: String, schemaPath: String) throws -> String {
        try problems([instance], schemaPath: schemaPath)[0]
    }

    /// Validates each of `instances` in one Python run (its start-up and the import cost a
    /// tenth of a second); the complaints of each, in order.
    public static func problems(_ instances: [String], schemaPath: String) throws -> [String] {
        let python = try python.get()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paperlint-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let scriptPath = directory.appendingPathComponent("validate.py").path
        try Data(script.utf8).write(to: URL(fileURLWithPath: scriptPath))
        var paths: [String] = []
        for (index, instance) in instances.enumerated() {
            let path = directory.appendingPathComponent("instance-\(index).json").path
            try Data(instance.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let result = try runProcess(python, [scriptPath, schemaPath] + paths, in: directory.path)
        guard result.status == 0 || result.status == 1 else {
            throw Unavailable(description: "validator failed (\(result.status)): \(result.error)")
        }
        var found = Array(repeating: "", count: instances.count)
        for line in result.output.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t"), let index = Int(line[..<tab]), found.indices.contains(index) else { continue }
            found[index] += line[line.index(after: tab)...] + "\n"
        }
        return found
    }

    /// The schema's own draft (`validator_for` reads its `$schema`), with a registry of the
    /// sibling files for `$ref`s; the older `RefResolver` where `referencing` is missing.
    static let script = """
        import json, pathlib, sys
        import jsonschema
        from jsonschema import validators

        schema_path = pathlib.Path(sys.argv[1]).resolve()
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        cls = validators.validator_for(schema)
        cls.check_schema(schema)
        try:
            from referencing import Registry, Resource
            from referencing.jsonschema import specification_with
            resources = []
            for sibling in sorted(schema_path.parent.glob("*.json")):
                contents = json.loads(sibling.read_text(encoding="utf-8"))
                spec = specification_with(contents.get("$schema", schema.get("$schema", "")))
                resources.append((sibling.as_uri(), Resource(contents=contents, specification=spec)))
            validator = cls({"$ref": schema_path.as_uri()}, registry=Registry().with_resources(resources))
        except ImportError:
            resolver = jsonschema.RefResolver(base_uri=schema_path.as_uri(), referrer=schema)
            validator = cls(schema, resolver=resolver)
        failed = False
        for index, path in enumerate(sys.argv[2:]):
            instance = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
            errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
            for error in errors[:20]:
                where = "/".join(str(p) for p in error.absolute_path)
                print(f"{index}\t{where}: {error.message[:300]}".replace("\\n", " "))
            failed = failed or bool(errors)
        sys.exit(1 if failed else 0)
        """

    private static func locate() -> Result<String, Unavailable> {
        let reuse = Fixtures.packageRoot + "/.build-venv/bin/python"
        if hasJSONSchema(reuse) { return .success(reuse) }
        let venv = FileManager.default.temporaryDirectory.appendingPathComponent("paperlint-jsonschema-venv").path
        let python = venv + "/bin/python"
        if hasJSONSchema(python) { return .success(python) }
        // Build next to it and rename, so two test processes never share a half-made venv.
        let building = venv + "-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: building) }
        var reason = "jsonschema did not import"
        do {
            let made = try runProcess("/usr/bin/env", ["python3", "-m", "venv", building], in: "/")
            if made.status != 0 { reason = "python3 -m venv failed: \(made.error)" }
            let pip = try runProcess(building + "/bin/python", ["-m", "pip", "install", "--quiet", "jsonschema"], in: "/")
            if made.status == 0 && pip.status != 0 { reason = "pip install jsonschema failed: \(pip.error)" }
            if made.status == 0 && pip.status == 0 {
                try? FileManager.default.removeItem(atPath: venv)
                try? FileManager.default.moveItem(atPath: building, toPath: venv)
            }
        } catch {
            reason = "no python3 (\(error))"
        }
        // Another test process may have finished its own venv meanwhile: either one will do.
        return hasJSONSchema(python) ? .success(python) : .failure(Unavailable(description: reason))
    }

    private static func hasJSONSchema(_ python: String) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: python) else { return false }
        return (try? runProcess(python, ["-c", "import jsonschema"], in: "/"))?.status == 0
    }
}
