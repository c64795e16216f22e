/// RFC 4180 CSV: one header line, one line per row, raw numbers (no units).
public enum CSVReport {
    public static let header = [
        "variant", "source", "ic", "oc", "n", "w", "inputs", "cycles", "speedup", "instret", "cpi",
        "systolic_array_utilisation", "overlap", "hazards", "correct", "host_checked", "error",
    ]

    public static func render(_ rows: [BenchRow]) -> String {
        var lines = [header.joined(separator: ",")]
        for row in rows {
            let fields: [String] = [
                row.variant, row.source.rawValue, String(row.ic), String(row.oc), String(row.n), String(row.w),
                row.inputs, row.cycles.map(String.init) ?? "", row.speedup.map { String($0) } ?? "",
                row.instret.map(String.init) ?? "", row.cpi.map { String($0) } ?? "",
                row.systolicArrayUtilisation.map { String($0) } ?? "", row.overlap.map { String($0) } ?? "",
                row.hazards.map(String.init) ?? "", String(row.correct), String(row.hostChecked), row.error ?? "",
            ]
            lines.append(fields.map(quote).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
