import ArgumentParser
import Foundation
import Simulator
import Testbench

/// `rvm bench`: the conv1d study end to end. Every compiler variant (the
/// algorithm and its schedules) and every hand-written kernel is built,
/// simulated on X-HEEP and checked (in the program and again on the host);
/// the table goes to stdout, progress to stderr.
///
/// Exit status: 0 when every row is correct, 1 when any row failed (the
/// others still ran), 64 on bad arguments, 2 when the toolchain is missing.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Build, simulate and check every conv1d variant; print cycles, speedups and correctness.",
        discussion: """
            Sizes: the case study (IC=4,OC=16,N=16,W=4) by default. --sizes takes shapes \
            such as IC=8,OC=32,N=64,W=4 (or 8,32,64,4), 'case-study', or 'larger' (the case study plus \
            \(Conv1dStudy.largerShapes.map(\.description).joined(separator: "; "))).
            """)

    @Option(name: .customLong("sizes"), parsing: .upToNextOption,
            help: "Shapes to run: IC=..,OC=..,N=..,W=.. (or IC,OC,N,W), 'case-study' or 'larger'.")
    var sizes: [String] = []

    @Option(help: "Inputs: 'case-study' (data[c][j] = j, kernel[o][c][k] = o*100 + c*10 + k) or 'random:SEED'.")
    var inputs: String = "case-study"

    @Option(name: .customLong("variant"), help: "Run only this variant (repeatable), e.g. rvm-4acc.")
    var onlyVariants: [String] = []

    @Flag(help: "Print the rows as a JSON array instead of the table.")
    var json = false

    @Option(help: "Write bench.md, bench.csv, bench.json and cycles.svg into this folder.")
    var report: String?

    @Flag(help: "Keep each run's commit log and timeline under traces/ (in the report folder when given).")
    var traces = false

    @Option(help: "cycle: the timing model of cv32e40px + Quadrilatero (default); none: functional only (cycles = instructions, faster).")
    var timing: String = "cycle"

    @Option(help: "Stop a run after this many cycles.")
    var cycleLimit: UInt64 = 200_000_000

    @Option(help: "The package root (default: the nearest folder above the current one holding \(Conv1dStudy.algorithmPath)).")
    var root: String?

    func run() throws {
        let packageRoot = try locatePackageRoot()
        let shapes = try parseShapes()
        let pattern = try parseInputs()
        let algorithm = Conv1dStudy.loadAlgorithm(packageRoot: packageRoot)
        var variants = Conv1dStudy.allVariants(packageRoot: packageRoot, algorithm: algorithm)
        if !onlyVariants.isEmpty {
            let known = Set(variants.map(\.name))
            if let unknown = onlyVariants.first(where: { !known.contains($0) }) {
                throw ValidationError("unknown variant '\(unknown)' (choose: \(known.sorted().joined(separator: ", ")))")
            }
            variants = variants.filter { onlyVariants.contains($0.name) }
        }
        let kernelRunner = try runner()     // a bad --timing is a usage error (64), not a toolchain one
        let driver: BenchDriver
        do {
            driver = try Conv1dStudy.driver(packageRoot: packageRoot, runner: kernelRunner, algorithm: algorithm)
        } catch {
            printError("rvm bench: \(error)")
            throw ExitCode(2)
        }
        let reportFolder = report.map { URL(fileURLWithPath: $0, isDirectory: true) }
        let traceRoot = traces
            ? (reportFolder ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
                .appendingPathComponent("traces", isDirectory: true)
            : nil
        let configuration = BenchConfiguration(shapes: shapes, inputs: pattern,
                                               target: Conv1dStudy.xheepTarget(packageRoot: packageRoot),
                                               cycleLimit: cycleLimit, traceRoot: traceRoot)
        let result = driver.run(variants, configuration: configuration)

        print(try BenchPresentation.standardOutput(result, json: json), terminator: "")
        if let files = try BenchPresentation.writeReports(result, to: reportFolder) {
            printError("rvm bench: wrote \(files.markdown.path), \(files.csv.lastPathComponent), \(files.json.lastPathComponent), \(files.chart.lastPathComponent)")
        }
        if let traceRoot { printError("rvm bench: traces in \(traceRoot.path)") }
        if !result.succeeded { throw ExitCode(1) }
    }

    func locatePackageRoot() throws -> URL {
        if let root {
            let url = URL(fileURLWithPath: root, isDirectory: true)
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent(Conv1dStudy.algorithmPath).path) else {
                throw ValidationError("\(root) does not hold \(Conv1dStudy.algorithmPath)")
            }
            return url
        }
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        while true {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(Conv1dStudy.algorithmPath).path) {
                return directory
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path {
                throw ValidationError("no \(Conv1dStudy.algorithmPath) here or in any parent folder; run inside the package or pass --root")
            }
            directory = parent
        }
    }

    func parseShapes() throws -> [Conv1dShape] {
        if sizes.isEmpty { return [.caseStudy] }
        var shapes: [Conv1dShape] = []
        func add(_ shape: Conv1dShape) { if !shapes.contains(shape) { shapes.append(shape) } }
        for text in sizes {
            switch text.lowercased() {
            case "case-study": add(.caseStudy)
            case "larger": ([.caseStudy] + Conv1dStudy.largerShapes).forEach(add)
            default:
                // `8,32,64,4` as `rvm schedule --sizes` writes it, or IC=8,OC=32,N=64,W=4.
                let numbers = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
                if numbers.count == 4, numbers.allSatisfy({ $0 != nil }) {
                    let v = numbers.compactMap { $0 }
                    do {
                        add(try Conv1dShape.parse("IC=\(v[0]),OC=\(v[1]),N=\(v[2]),W=\(v[3])"))
                    } catch {
                        throw ValidationError("--sizes \(text): \(error)")
                    }
                    continue
                }
                do {
                    add(try Conv1dShape.parse(text))
                } catch {
                    throw ValidationError("--sizes \(text): \(error)")
                }
            }
        }
        return shapes
    }

    func runner() throws -> SimulatorRunner {
        switch timing {
        case "cycle": return SimulatorRunner()
        case "none": return SimulatorRunner(timing: nil)
        default: throw ValidationError("--timing must be 'cycle' or 'none', got '\(timing)'")
        }
    }

    func parseInputs() throws -> InputPattern {
        if inputs == "case-study" { return .caseStudy }
        if inputs.hasPrefix("random:"), let seed = UInt32(inputs.dropFirst("random:".count)) { return .random(seed: seed) }
        throw ValidationError("--inputs must be 'case-study' or 'random:SEED' (SEED a 32-bit unsigned integer), got '\(inputs)'")
    }
}
