import Foundation
import Testing
@testable import Testbench

/// The simulator as the bench's runner: exit value, memory read back by
/// symbol, the cycle limit, faults, and the trace files.
@Suite struct SimulatorRunnerTests {
    static func build(_ kernel: SourceFile, shape: Conv1dShape = .caseStudy, pattern: InputPattern = .random(seed: 3)) throws -> (RunRequest, Conv1dHarness) {
        let harness = Conv1dHarness(shape: shape, pattern: pattern, entryPoint: .handWritten(), platform: .xheep)
        let product = try ProgramBuilder(toolchain: try Fixtures.toolchain(), cache: Study.cache()).build(BuildRecipe(
            sources: [try harness.mainSource(), kernel], defines: Conv1dHarness.sizeDefines(shape), target: Study.target))
        return (RunRequest(elf: product.elf, outputSymbol: harness.outputSymbol, otherSymbols: harness.otherSymbols), harness)
    }

    @Test func runsTheHarnessAndReadsEverySymbolBack() throws {
        let (request, harness) = try Self.build(Fixtures.scalarConv1d)
        let outcome = try SimulatorRunner().run(request)
        #expect(outcome.stopReason == .exited)
        let report = try HarnessReport.decode(outcome, platform: .xheep)
        #expect(report.correct)
        #expect(outcome.exitValue == report.cycles)
        // The inputs read back from simulated RAM are the ones the host regenerates.
        #expect(outcome.words(of: HarnessSymbols.data)?.map { Int32(bitPattern: $0) } == harness.problem.data)
        #expect(outcome.words(of: HarnessSymbols.kernels)?.map { Int32(bitPattern: $0) } == harness.problem.kernels)
        #expect(outcome.words(of: HarnessSymbols.output)?.map { Int32(bitPattern: $0) } == Conv1dReference.evaluate(harness.problem))
        #expect(outcome.instret.map { $0 > UInt64(report.instret ?? 0) } == true)  // the whole program, not just the kernel
    }

    @Test func theCycleLimitStopsARunaway() throws {
        let spin = SourceFile(name: "spin.c", contents: """
            #include <stdint.h>
            void conv1d(const int32_t *d, const int32_t *k, int32_t *o) { (void)d; (void)k; (void)o; for (;;) __asm__ volatile(""); }
            """)
        var (request, _) = try Self.build(spin)
        request.cycleLimit = 50_000
        let outcome = try SimulatorRunner().run(request)
        guard case .cycleLimit(let cycles) = outcome.stopReason else {
            Issue.record("expected the cycle limit, got \(outcome.stopReason)")
            return
        }
        #expect(cycles >= 50_000 && cycles < 50_100)
        #expect(throws: HarnessError.self) { try HarnessReport.decode(outcome, platform: .xheep) }
    }

    @Test func aFaultNamesThePCAndTheInstruction() throws {
        let illegal = SourceFile(name: "illegal.c", contents: """
            #include <stdint.h>
            void conv1d(const int32_t *d, const int32_t *k, int32_t *o) { (void)d; (void)k; (void)o; __asm__ volatile(".word 0"); }
            """)
        let (request, _) = try Self.build(illegal)
        let outcome = try SimulatorRunner().run(request)
        guard case .fault(let message) = outcome.stopReason else {
            Issue.record("expected a fault, got \(outcome.stopReason)")
            return
        }
        #expect(message.contains("illegal"))
        #expect(message.contains("0x00000000"))
    }

    @Test func tracesAreWrittenWhenAsked() throws {
        var (request, _) = try Self.build(Fixtures.scalarConv1d, shape: Conv1dShape(ic: 1, oc: 4, n: 4, w: 2))
        let directory = try Fixtures.temporaryDirectory("traces").appendingPathComponent("scalar-hand")
        request.traceDirectory = directory
        let outcome = try SimulatorRunner().run(request)
        let log = try String(contentsOf: directory.appendingPathComponent(SimulatorRunner.commitLogName), encoding: .utf8)
        let lines = log.split(separator: "\n")
        // One line per retired instruction (none trap in this program), Spike's format.
        #expect(UInt64(lines.count) == outcome.instret)
        #expect(lines.first?.hasPrefix("core   0: 3 0x00000180 (0x") == true)
        // The timeline is Chrome/Perfetto trace-event JSON with the CPU's spans.
        let timeline = try Data(contentsOf: directory.appendingPathComponent(SimulatorRunner.timelineName))
        let object = try #require(try JSONSerialization.jsonObject(with: timeline) as? [String: Any])
        let events = try #require(object["traceEvents"] as? [[String: Any]])
        #expect(events.contains { $0["ph"] as? String == "X" })
    }

    @Test func timedRunsReportTheModelsFiguresAndFunctionalRunsSaySoInANote() throws {
        let (request, _) = try Self.build(Fixtures.scalarConv1d)
        let timed = try SimulatorRunner().run(request)
        #expect(timed.notes.isEmpty && timed.detectsHazards && timed.hazards.isEmpty)
        #expect(timed.systolicArrayBusyCycles == 0)
        #expect(timed.cycles.map { $0 > (timed.instret ?? 0) } == true)  // loads, branches and CSRs cost extra cycles
        let functional = try SimulatorRunner(timing: nil).run(request)
        #expect(functional.notes == [SimulatorRunner.functionalNote])
        #expect(functional.cycles == functional.instret)
        #expect(!functional.detectsHazards && functional.systolicArrayBusyCycles == nil)
        // Same program, same architectural result either way.
        #expect(functional.words(of: HarnessSymbols.output) == timed.words(of: HarnessSymbols.output))
    }

    @Test func anUnloadableFileIsATypedError() throws {
        let file = try Fixtures.temporaryDirectory("bad-elf").appendingPathComponent("x.elf")
        try Data("not an elf".utf8).write(to: file)
        let request = RunRequest(elf: file, outputSymbol: SymbolRead(name: HarnessSymbols.output, byteCount: 4))
        #expect(throws: SimulatorRunnerError.self) { try SimulatorRunner().run(request) }
    }
}
