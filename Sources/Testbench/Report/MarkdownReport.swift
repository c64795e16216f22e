/// A GitHub-flavoured Markdown table of the rows.
public enum MarkdownReport {
    public static func render(_ rows: [BenchRow], title: String? = nil) -> String {
        let columns = ReportColumn.all
        var text = ""
        if let title { text += "# \(title)\n\n" }
        text += "| " + columns.map(\.header).joined(separator: " | ") + " |\n"
        text += "|" + columns.map { $0.rightAligned ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for row in rows {
            text += "| " + columns.map { escape($0.cell(row)) }.joined(separator: " | ") + " |\n"
        }
        return text
    }

    /// A '|' would end the cell; a newline would end the table.
    static func escape(_ cell: String) -> String {
        cell.replacingOccurrences(of: "|", with: "\\|")
            .split(whereSeparator: \.isNewline).joined(separator: "<br>")
    }
}
