import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Testbench

/// The writers' output parses back with independent parsers.
@Suite struct ReportTests {
    static func sampleRows() -> [BenchRow] {
        var scalar = BenchRow(variant: "scalar", source: .compiler, shape: .caseStudy, inputs: .caseStudy)
        scalar.cycles = 40_000
        scalar.instret = 20_000
        scalar.cpi = 2.0
        scalar.hazards = 0
        scalar.correct = true
        scalar.hostChecked = true
        var fast = BenchRow(variant: "rvm-4acc", source: .hand, shape: .caseStudy, inputs: .caseStudy)
        fast.cycles = 2_500
        fast.instret = 1_000
        fast.cpi = 2.5
        fast.systolicArrayUtilisation = 0.625
        fast.overlap = 0.4
        fast.hazards = 0
        fast.correct = true
        var broken = BenchRow(variant: "odd, \"quoted\" <name> & co", source: .compiler, shape: .caseStudy, inputs: .random(seed: 3))
        broken.error = "build: compiling k.c failed:\nk.c:2:5: error: expected ';' | before '}'"
        var rows = [scalar, fast, broken]
        BenchDriver.assignSpeedups(&rows, baseline: "scalar")
        return rows
    }

    @Test func speedupIsAgainstTheBaselineAtTheSameSize() {
        let rows = Self.sampleRows()
        #expect(rows[0].speedup == 1.0)
        #expect(rows[1].speedup == 16.0)  // no hand scalar: falls back on the compiler's
        #expect(rows[2].speedup == nil)
    }

    @Test func csvParsesBack() throws {
        let rows = Self.sampleRows()
        let records = try parseCSV(CSVReport.render(rows))
        #expect(records.count == rows.count + 1)
        #expect(records[0] == CSVReport.header)
        #expect(records.allSatisfy { $0.count == CSVReport.header.count })
        let column = { (name: String) in try #require(CSVReport.header.firstIndex(of: name)) }
        #expect(records[1][try column("variant")] == "scalar")
        #expect(records[1][try column("cycles")] == "40000")
        #expect(Double(records[2][try column("speedup")]) == 16.0)
        #expect(records[2][try column("correct")] == "true")
        #expect(records[3][try column("variant")] == rows[2].variant)
        #expect(records[3][try column("error")] == rows[2].error)
        #expect(records[3][try column("cycles")] == "")
    }

    @Test func jsonParsesBackWithEveryKey() throws {
        let rows = Self.sampleRows()
        let parsed = try JSONSerialization.jsonObject(with: Data(try JSONReport.render(rows).utf8))
        let array = try #require(parsed as? [[String: Any]])
        #expect(array.count == rows.count)
        for object in array {
            for key in ["variant", "source", "cycles", "speedup", "correct", "error"] {
                #expect(object[key] != nil, "missing \(key)")
            }
        }
        #expect(array[0]["variant"] as? String == "scalar")
        #expect(array[0]["source"] as? String == "compiler")
        #expect((array[0]["cycles"] as? NSNumber)?.intValue == 40_000)
        #expect(array[0]["error"] is NSNull)
        #expect((array[1]["speedup"] as? NSNumber)?.doubleValue == 16.0)
        #expect(array[1]["source"] as? String == "hand")
        #expect(array[2]["cycles"] is NSNull)
        #expect(array[2]["error"] as? String == rows[2].error)
        #expect((array[2]["correct"] as? NSNumber)?.boolValue == false)
        // And Codable round-trips the row exactly.
        let decoded = try JSONDecoder().decode([BenchRow].self, from: Data(try JSONReport.render(rows).utf8))
        #expect(decoded == rows)
    }

    @Test func svgIsXMLWithOneBarPerRow() throws {
        let rows = Self.sampleRows()
        let svg = SVGChart.render(rows)
        let collector = SVGCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "SVG is not well-formed XML: \(String(describing: parser.parserError))")
        #expect(collector.root == "svg")
        #expect(collector.bars.count == rows.count)
        #expect(collector.bars.filter { $0.contains("failed") }.count == 1)
        let text = collector.text.joined(separator: "\n")
        #expect(text.contains("scalar (compiler)"))
        #expect(text.contains("rvm-4acc (hand)"))
        #expect(text.contains("40000 (1.00x)"))
        #expect(text.contains("2500 (16.00x)"))
        #expect(text.contains(rows[2].variant))  // escaped in the file, intact once parsed
        #expect(text.contains("FAILED: build: compiling k.c failed: k.c:2:5: error: expected"))
        // The two measured bars are proportional to cycles (widths keep one decimal).
        let widths = collector.barWidths
        #expect(widths.count == 2)
        #expect(abs(widths[0] / widths[1] / 16.0 - 1) < 0.01)
    }

    @Test func tablesCarryEveryRow() {
        let rows = Self.sampleRows()
        let console = ConsoleTable.render(rows)
        let consoleLines = console.split(separator: "\n")
        #expect(consoleLines.count == rows.count + 2)
        #expect(consoleLines[2].hasPrefix("scalar"))
        #expect(console.contains("16.00x"))
        #expect(console.contains("62.5%"))
        let markdown = MarkdownReport.render(rows, title: "t")
        let tableLines = markdown.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(tableLines.count == rows.count + 2)
        // Every table line has the same number of unescaped cell separators.
        let separators = tableLines.map { line in
            zip(line, line.dropFirst()).filter { $0 != "\\" && $1 == "|" }.count + (line.first == "|" ? 1 : 0)
        }
        #expect(Set(separators).count == 1)
    }

    @Test func consoleTableShowsTextColumnsOnlyWhenUsed() {
        let rows = Self.sampleRows()
        func header(_ rows: [BenchRow]) -> [Substring] {
            ConsoleTable.render(rows).split(separator: "\n").first?.split(separator: " ") ?? []
        }
        #expect(!header(Array(rows.prefix(2))).contains("error"))
        #expect(!header(Array(rows.prefix(2))).contains("note"))
        #expect(header(rows).contains("error"))
        var noted = rows[0]
        noted.note = "cycles = instret"
        #expect(header([noted]).contains("note"))
        #expect(ConsoleTable.render([noted]).contains("cycles = instret"))
    }

    @Test func fixedFormatting() {
        #expect(ReportColumn.fixed(4.125, 2) == "4.13")
        #expect(ReportColumn.fixed(16, 2) == "16.00")
        #expect(ReportColumn.fixed(0.05, 1) == "0.1")
        #expect(ReportColumn.fixed(-1.5, 1) == "-1.5")
        #expect(ReportColumn.percent(0.625) == "62.5%")
        #expect(SVGChart.niceCeiling(40_000) == 40_000)
        #expect(SVGChart.niceCeiling(41_000) == 50_000)
        #expect(SVGChart.niceCeiling(7) == 8)
    }

    @Test func reportFolderWritesFourFiles() throws {
        let directory = try Fixtures.temporaryDirectory("report")
        let files = try ReportFolder.write(Self.sampleRows(), to: directory)
        for url in [files.markdown, files.csv, files.json, files.chart] {
            #expect(FileManager.default.fileExists(atPath: url.path))
        }
    }

    /// RFC 4180: quoted fields may hold commas, doubled quotes and newlines.
    func parseCSV(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field); field = ""
            } else if character == "\r\n" || character == "\n" {
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}

final class SVGCollector: NSObject, XMLParserDelegate {
    var root: String?
    var bars: [String] = []
    var barWidths: [Double] = []
    var text: [String] = []
    private var current = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = elementName }
        if elementName == "rect", let kind = attributes["class"], kind.split(separator: " ").contains("bar") {
            bars.append(kind)
            if !kind.contains("failed") { barWidths.append(Double(attributes["width"] ?? "") ?? -1) }
        }
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "text" || elementName == "title" { text.append(current) }
        current = ""
    }
}
