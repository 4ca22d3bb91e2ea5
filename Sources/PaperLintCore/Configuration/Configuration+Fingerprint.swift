extension Configuration {
    /// A hash of every setting, the same in every run and on every machine: recorded facts
    /// derived under one configuration are not used under another.
    ///
    /// Written field by field (reflection cost 2 ms a run); `ConfigurationFingerprintTests`
    /// fails when a stored property is added without being written here.
    public var fingerprint: UInt64 {
        var writer = FactWriter()
        writer.write(presetName)
        writer.write(files)
        writer.write(style.date.map(\.rawValue))
        writer.write(style.title.map(\.rawValue))
        writer.write(style.titlePeriod.map(\.rawValue))
        writer.write(style.authors.map(\.rawValue))
        writer.write(style.linkSyntax.map(\.rawValue))
        writer.write(style.linkSeparator.map(\.rawValue))
        writer.write(style.arxivForm.map(\.rawValue))
        writer.write(labels.order)
        writer.write(labels.aliases.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
        writer.write(order.rawValue)
        writer.write(duplicateScope.rawValue)
        writer.write(skipSections)
        writer.write(severities.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value?.rawValue ?? "off"] })
        writer.write(taste.map(\.rawValue).sorted())
        writer.write(hookFixes)
        writer.write(today.map { $0.year * 100 + $0.month } ?? -1)
        return writer.bytes.withUnsafeBytes { FactHash.hash($0) }
    }

    /// The stored properties `fingerprint` writes, by type (for the test that keeps it whole).
    public static let fingerprintedProperties: [String: [String]] = [
        "Configuration": [
            "presetName", "files", "style", "labels", "order", "duplicateScope", "skipSections", "severities", "taste",
            "hookFixes", "today",
        ],
        "HouseStyle": ["date", "title", "titlePeriod", "authors", "linkSyntax", "linkSeparator", "arxivForm"],
        "LabelVocabulary": ["order", "aliases"],
        "YearMonth": ["year", "month"],
    ]
}
