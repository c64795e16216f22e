/// The human-readable columns shared by the console and Markdown tables.
struct ReportColumn: Sendable {
    var header: String
    var rightAligned: Bool
    var cell: @Sendable (BenchRow) -> String

    static let missing = "-"
    /// Columns the console table leaves out when every cell is empty.
    static let optionalText: Set<String> = ["error", "note"]

    static let all: [ReportColumn] = [
        ReportColumn(header: "variant", rightAligned: false) { $0.variant },
        ReportColumn(header: "source", rightAligned: false) { $0.source.rawValue },
        ReportColumn(header: "IC,OC,N,W", rightAligned: false) { "\($0.ic),\($0.oc),\($0.n),\($0.w)" },
        ReportColumn(header: "cycles", rightAligned: true) { $0.cycles.map(String.init) ?? missing },
        ReportColumn(header: "speedup", rightAligned: true) { $0.speedup.map { fixed($0, 2) + "x" } ?? missing },
        ReportColumn(header: "instret", rightAligned: true) { $0.instret.map(String.init) ?? missing },
        ReportColumn(header: "CPI", rightAligned: true) { $0.cpi.map { fixed($0, 2) } ?? missing },
        ReportColumn(header: "SA util", rightAligned: true) { $0.systolicArrayUtilisation.map(percent) ?? missing },
        ReportColumn(header: "overlap", rightAligned: true) { $0.overlap.map(percent) ?? missing },
        ReportColumn(header: "hazards", rightAligned: true) { $0.hazards.map(String.init) ?? missing },
        ReportColumn(header: "correct", rightAligned: false) { $0.correct ? "yes" : "NO" },
        ReportColumn(header: "error", rightAligned: false) { row in
            row.error.map { $0.split(whereSeparator: \.isNewline).joined(separator: " | ") } ?? ""
        },
        ReportColumn(header: "note", rightAligned: false) { $0.note ?? "" },
    ]

    /// `value` with `digits` decimals, without Foundation's locale-dependent formatting.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return String(value) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let fractionText = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }

    static func percent(_ value: Double) -> String { fixed(value * 100, 1) + "%" }
}
