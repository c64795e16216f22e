import Foundation

/// A horizontal bar chart of cycles per variant, hand-written SVG: one bar
/// per row (a failed row gets a thin red bar and its error), the cycle count
/// and speedup at the end of each bar, a labelled cycle axis and a legend.
public enum SVGChart {
    static let width = 960.0
    static let labelWidth = 300.0
    static let valueWidth = 170.0
    static let rowHeight = 26.0
    static let barHeight = 16.0
    static let top = 56.0
    static let axisHeight = 40.0

    static let colours: [VariantSource: String] = [.compiler: "#4e79a7", .hand: "#f28e2b"]
    static let failedColour = "#e15759"

    public static func render(_ rows: [BenchRow], title: String = "conv1d: cycles per schedule (fewer is better)") -> String {
        let plotWidth = width - labelWidth - valueWidth
        let maximum = Double(rows.compactMap(\.cycles).max() ?? 1)
        let scaleMaximum = niceCeiling(maximum)
        let height = top + Double(rows.count) * rowHeight + axisHeight + 44
        let multipleSizes = Set(rows.map(\.shape)).count > 1
        var svg = ""
        func add(_ line: String) { svg += line + "\n" }

        add(##"<?xml version="1.0" encoding="UTF-8"?>"##)
        add(##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(number(width))" height="\##(number(height))" viewBox="0 0 \##(number(width)) \##(number(height))" font-family="Helvetica, Arial, sans-serif" font-size="13">"##)
        add(##"<rect x="0" y="0" width="\##(number(width))" height="\##(number(height))" fill="#ffffff"/>"##)
        add(##"<text x="\##(number(width / 2))" y="24" text-anchor="middle" font-size="16" font-weight="bold">\##(escape(title))</text>"##)

        // Grid lines and tick labels along the cycle axis.
        let axisY = top + Double(rows.count) * rowHeight + 4
        for tick in 0...4 {
            let value = scaleMaximum * Double(tick) / 4
            let x = labelWidth + plotWidth * Double(tick) / 4
            add(##"<line x1="\##(number(x))" y1="\##(number(top - 6))" x2="\##(number(x))" y2="\##(number(axisY))" stroke="#dddddd"/>"##)
            add(##"<text x="\##(number(x))" y="\##(number(axisY + 16))" text-anchor="middle" fill="#555555">\##(number(value))</text>"##)
        }
        add(##"<text x="\##(number(labelWidth + plotWidth / 2))" y="\##(number(axisY + 34))" text-anchor="middle" fill="#333333">cycles (mcycle around the kernel)</text>"##)

        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            let label = multipleSizes ? "\(row.label) \(row.ic),\(row.oc),\(row.n),\(row.w)" : row.label
            add(##"<text x="\##(number(labelWidth - 8))" y="\##(number(y + barHeight - 3))" text-anchor="end">\##(escape(label))</text>"##)
            if row.succeeded, let cycles = row.cycles {
                let barWidth = max(1, plotWidth * Double(cycles) / scaleMaximum)
                add(##"<rect class="bar" x="\##(number(labelWidth))" y="\##(number(y))" width="\##(number(barWidth))" height="\##(number(barHeight))" fill="\##(colours[row.source] ?? "#888888")"><title>\##(escape(row.label)): \##(cycles) cycles</title></rect>"##)
                var value = "\(cycles)"
                if let speedup = row.speedup { value += " (" + ReportColumn.fixed(speedup, 2) + "x)" }
                add(##"<text x="\##(number(labelWidth + barWidth + 6))" y="\##(number(y + barHeight - 3))">\##(escape(value))</text>"##)
            } else {
                let reason = summary(of: row.error)
                let shortReason = reason.count > 60 ? String(reason.prefix(57)) + "..." : reason
                add(##"<rect class="bar failed" x="\##(number(labelWidth))" y="\##(number(y))" width="3" height="\##(number(barHeight))" fill="\##(failedColour)"><title>\##(escape(reason))</title></rect>"##)
                add(##"<text x="\##(number(labelWidth + 9))" y="\##(number(y + barHeight - 3))" fill="\##(failedColour)">FAILED: \##(escape(shortReason))</text>"##)
            }
        }

        // Legend.
        var legendX = labelWidth
        let legendY = height - 14
        for source in VariantSource.allCases {
            add(##"<rect x="\##(number(legendX))" y="\##(number(legendY - 10))" width="12" height="12" fill="\##(colours[source] ?? "#888888")"/>"##)
            add(##"<text x="\##(number(legendX + 18))" y="\##(number(legendY))">\##(source.rawValue)</text>"##)
            legendX += 110
        }
        add("</svg>")
        return svg
    }

    /// The error's first line, plus the compiler's first "error:" line when
    /// the first one only says which file failed.
    static func summary(of error: String?) -> String {
        guard let error else { return "wrong result" }
        let lines = error.split(whereSeparator: \.isNewline).map(String.init)
        guard let first = lines.first else { return "wrong result" }
        if first.hasSuffix(":"), let detail = lines.dropFirst().first(where: { $0.contains("error:") }) {
            return first + " " + detail.trimmingCharacters(in: .whitespaces)
        }
        return first
    }

    /// The smallest 1, 2 or 5 times a power of ten at or above `value`, so
    /// the four axis ticks land on round numbers.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        for step in [1.0, 2.0, 4.0, 5.0, 8.0, 10.0] where step * power >= value { return step * power }
        return 10 * power
    }

    /// Integers without a fraction, others with one decimal.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : ReportColumn.fixed(value, 1)
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
