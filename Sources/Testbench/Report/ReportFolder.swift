import Foundation

/// Writes every report of a run into one folder.
public enum ReportFolder {
    public struct Files: Sendable, Hashable {
        public var markdown: URL
        public var csv: URL
        public var json: URL
        public var chart: URL
    }

    public static func write(_ rows: [BenchRow], to directory: URL, title: String = "conv1d bench") throws -> Files {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let files = Files(markdown: directory.appendingPathComponent("bench.md"),
                          csv: directory.appendingPathComponent("bench.csv"),
                          json: directory.appendingPathComponent("bench.json"),
                          chart: directory.appendingPathComponent("cycles.svg"))
        try MarkdownReport.render(rows, title: title).write(to: files.markdown, atomically: true, encoding: .utf8)
        try CSVReport.render(rows).write(to: files.csv, atomically: true, encoding: .utf8)
        try JSONReport.render(rows).write(to: files.json, atomically: true, encoding: .utf8)
        try SVGChart.render(rows).write(to: files.chart, atomically: true, encoding: .utf8)
        return files
    }
}
