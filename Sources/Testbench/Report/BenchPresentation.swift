import Foundation

/// What `rvm bench` prints and writes once the rows are in: the table (or
/// the JSON array with `--json`) on stdout, and the report folder.
public enum BenchPresentation {
    /// The text for stdout.
    public static func standardOutput(_ run: BenchRun, json: Bool) throws -> String {
        if json { return try JSONReport.render(run.rows) }
        let failed = run.rows.filter { !$0.succeeded }.count
        var text = ConsoleTable.render(run.rows)
        text += failed == 0 ? "all \(run.rows.count) rows correct\n" : "\(failed) of \(run.rows.count) rows FAILED\n"
        return text
    }

    /// Writes the report folder when asked; the process exit status follows `run.succeeded`.
    public static func writeReports(_ run: BenchRun, to directory: URL?) throws -> ReportFolder.Files? {
        guard let directory else { return nil }
        return try ReportFolder.write(run.rows, to: directory)
    }
}
