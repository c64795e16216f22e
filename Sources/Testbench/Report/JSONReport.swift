import Foundation

/// The rows as a JSON array of objects with a fixed set of keys (absent
/// values are null), sorted keys, for scripts and CI.
public enum JSONReport {
    public static func render(_ rows: [BenchRow]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(rows), as: UTF8.self) + "\n"
    }
}
