import Foundation

/// Builds, runs and checks every variant at every size. Each row is isolated:
/// whatever goes wrong in one (schedule, build, run, wrong result, hazard) is
/// written into that row and the others still run.
public struct BenchDriver: Sendable {
    public var builder: ProgramBuilder
    public var runner: any KernelRunner
    /// The host's reference for the re-check; the Schedule interpreter can
    /// stand in for the plain Swift loop nest.
    public var reference: @Sendable (Conv1dProblem) throws -> [Int32]
    /// One line per step, for people watching (stderr by default).
    public var progress: @Sendable (String) -> Void

    public init(builder: ProgramBuilder, runner: any KernelRunner,
                reference: @escaping @Sendable (Conv1dProblem) throws -> [Int32] = { Conv1dReference.evaluate($0) },
                progress: @escaping @Sendable (String) -> Void = BenchDriver.printToStandardError) {
        self.builder = builder
        self.runner = runner
        self.reference = reference
        self.progress = progress
    }

    public static let printToStandardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    public func run(_ variants: [BenchVariant], configuration: BenchConfiguration) -> BenchRun {
        var rows: [BenchRow] = []
        let total = variants.count * configuration.shapes.count
        for shape in configuration.shapes {
            for variant in variants {
                let step = "[\(rows.count + 1)/\(total)] \(variant.name) (\(variant.source.rawValue)) \(shape)"
                progress("\(step): building and running")
                let row = measure(variant, shape: shape, configuration: configuration)
                rows.append(row)
                if row.succeeded {
                    progress("\(step): \(row.cycles.map { "\($0) cycles" } ?? "done"), correct")
                } else {
                    progress("\(step): FAILED: \(row.error?.split(separator: "\n").first.map(String.init) ?? "wrong result")")
                }
            }
        }
        BenchDriver.assignSpeedups(&rows, baseline: configuration.baselineVariant)
        return BenchRun(rows: rows, succeeded: !rows.isEmpty && rows.allSatisfy(\.succeeded))
    }

    /// Speedup = baseline cycles / row cycles at the same size and inputs. The
    /// baseline is the baseline variant from the row's own source (hand vs
    /// hand), else the compiler's.
    public static func assignSpeedups(_ rows: inout [BenchRow], baseline: String) {
        func baselineCycles(for row: BenchRow, source: VariantSource) -> UInt64? {
            rows.first {
                $0.variant == baseline && $0.source == source && $0.shape == row.shape
                    && $0.inputs == row.inputs && $0.succeeded
            }?.cycles
        }
        for index in rows.indices {
            let row = rows[index]
            guard let cycles = row.cycles, cycles > 0, row.succeeded,
                  let base = baselineCycles(for: row, source: row.source) ?? baselineCycles(for: row, source: .compiler)
            else { continue }
            rows[index].speedup = Double(base) / Double(cycles)
        }
    }

    func measure(_ variant: BenchVariant, shape: Conv1dShape, configuration: BenchConfiguration) -> BenchRow {
        var row = BenchRow(variant: variant.name, source: variant.source, shape: shape, inputs: configuration.inputs)
        let kernel: PreparedKernel
        do {
            kernel = try variant.prepare(shape)
        } catch {
            row.error = "schedule: \(error)"
            return row
        }
        let harness = Conv1dHarness(shape: shape, pattern: configuration.inputs, entryPoint: kernel.entryPoint,
                                    platform: configuration.target.harnessPlatform)
        let product: BuildProduct
        do {
            let recipe = BuildRecipe(sources: [try harness.mainSource()] + kernel.sources, defines: kernel.defines,
                                     extraCompileFlags: configuration.extraCompileFlags, target: configuration.target)
            product = try builder.build(recipe)
        } catch {
            row.error = "build: \(error)"
            return row
        }
        let outcome: RunOutcome
        do {
            outcome = try runner.run(RunRequest(
                elf: product.elf, outputSymbol: harness.outputSymbol, otherSymbols: harness.otherSymbols,
                cycleLimit: configuration.cycleLimit,
                traceDirectory: configuration.traceDirectory(variant: variant, shape: shape)))
        } catch {
            row.error = "run: \(error)"
            return row
        }
        row.hazards = outcome.detectsHazards || !outcome.hazards.isEmpty ? max(outcome.hazardCount ?? 0, outcome.hazards.count) : nil
        row.note = outcome.notes.isEmpty ? nil : outcome.notes.joined(separator: "; ")
        let report: HarnessReport
        do {
            report = try HarnessReport.decode(outcome, platform: harness.platform)
        } catch {
            row.error = "run: \(error)"
            return row
        }
        row.cycles = report.cycles.map(UInt64.init)
        row.instret = report.instret.map(UInt64.init) ?? outcome.instret
        if let cycles = row.cycles, let instret = row.instret, instret > 0 {
            row.cpi = Double(cycles) / Double(instret)
        }
        row.systolicArrayUtilisation = BenchDriver.fraction(outcome.systolicArrayBusyCycles, of: row.cycles)
            ?? outcome.systolicArrayUtilisation
        row.overlap = BenchDriver.fraction(outcome.overlapCycles, of: row.cycles) ?? outcome.overlap
        var problems: [String] = []
        if !report.correct { problems.append("wrong result: " + describe(report, shape: shape)) }
        row.correct = report.correct
        if let words = outcome.words(of: HarnessSymbols.output), words.count == shape.outputCount {
            switch hostCheck(words, problem: harness.problem) {
            case .agrees:
                row.hostChecked = true
            case .disagrees(let message):
                row.hostChecked = true
                row.correct = false
                problems.append("host check: " + message)
            case .unavailable(let message):
                problems.append("host check: " + message)
            }
        }
        if let count = row.hazards, count > 0 {
            let more = count > outcome.hazards.count ? ["\(count - outcome.hazards.count) more"] : []
            problems.append("hazards: " + (outcome.hazards + more).joined(separator: "; "))
        }
        if !outcome.errata.isEmpty {
            problems.append("RTL errata (the chip would hang): " + outcome.errata.joined(separator: "; "))
        }
        row.error = problems.isEmpty ? nil : problems.joined(separator: "\n")
        return row
    }

    /// Busy cycles as a share of the kernel's mcycle window. Every RVM
    /// instruction of a harness program is the kernel's (the harness is scalar
    /// code), so the accelerator's busy cycles over the run are the kernel's,
    /// including stores that finish just after the window closes; that tail
    /// is why the share is capped at 1.
    static func fraction(_ busy: UInt64?, of window: UInt64?) -> Double? {
        guard let busy, let window, window > 0 else { return nil }
        return min(1, Double(busy) / Double(window))
    }

    enum HostCheck {
        case agrees
        case disagrees(String)
        case unavailable(String)
    }

    func hostCheck(_ words: [UInt32], problem: Conv1dProblem) -> HostCheck {
        let expected: [Int32]
        do {
            expected = try reference(problem)
        } catch {
            return .unavailable("reference failed: \(error)")
        }
        guard expected.count == words.count else {
            return .unavailable("reference gave \(expected.count) values for \(words.count) outputs")
        }
        let found = words.map { Int32(bitPattern: $0) }
        guard let first = found.indices.first(where: { found[$0] != expected[$0] }) else { return .agrees }
        let wrong = found.indices.filter { found[$0] != expected[$0] }.count
        let n = problem.shape.n
        return .disagrees("\(wrong) of \(found.count) outputs differ from the host reference; "
            + "first out[\(first / n)][\(first % n)] = \(found[first]), expected \(expected[first])")
    }

    func describe(_ report: HarnessReport, shape: Conv1dShape) -> String {
        var text = "\(report.mismatches) of \(shape.outputCount) outputs differ from the scalar reference"
        if let first = report.firstMismatch {
            text += "; first out[\(first.index / shape.n)][\(first.index % shape.n)] = \(first.found), expected \(first.expected)"
        }
        return text
    }
}
