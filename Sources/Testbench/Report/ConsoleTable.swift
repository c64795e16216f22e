/// A fixed-width table for the terminal.
public enum ConsoleTable {
    /// Long error messages are cut here; the full text is in the other reports.
    static let errorWidth = 72

    public static func render(_ rows: [BenchRow]) -> String {
        // The text columns (error, note) only when some row has something to say.
        let columns = ReportColumn.all.filter { column in
            !ReportColumn.optionalText.contains(column.header) || rows.contains { !column.cell($0).isEmpty }
        }
        let cells = rows.map { row in
            columns.map { column in
                let text = column.cell(row)
                return column.header == "error" && text.count > errorWidth ? String(text.prefix(errorWidth - 3)) + "..." : text
            }
        }
        let widths = columns.indices.map { index in
            max(columns[index].header.count, cells.map { $0[index].count }.max() ?? 0)
        }
        func line(_ texts: [String]) -> String {
            columns.indices.map { index in
                let padding = String(repeating: " ", count: widths[index] - texts[index].count)
                return columns[index].rightAligned ? padding + texts[index] : texts[index] + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [line(columns.map(\.header)), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += cells.map(line)
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
