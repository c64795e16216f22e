import Foundation
import Synchronization
import Testing
@testable import Testbench

/// The driver under QEMU: each variant isolated, every failure kind in its own row.
@Suite struct BenchDriverTests {
    static func fixed(_ name: String, _ source: VariantSource, _ file: SourceFile) -> BenchVariant {
        BenchVariant(name: name, source: source) { shape in
            PreparedKernel(entryPoint: .handWritten(), sources: [file], defines: Conv1dHarness.sizeDefines(shape))
        }
    }

    struct ScheduleFailure: Error, CustomStringConvertible {
        var description: String { "reorder refused: loops do not commute" }
    }

    /// Adds a hazard to runs of one ELF, the way the simulator would report a race.
    struct HazardInjectingRunner: KernelRunner {
        var inner: QemuVirtRunner
        var marker: String

        func run(_ request: RunRequest) throws -> RunOutcome {
            var outcome = try inner.run(request)
            let source = (try? String(contentsOf: request.elf.deletingLastPathComponent().appendingPathComponent("hazard.c"), encoding: .utf8)) ?? ""
            if source.contains(marker) { outcome.hazards = ["mld.w at 0x1c4 read 0x10040 before the CPU store at 0x1b0 landed"] }
            return outcome
        }
    }

    @Test func everyFailureStaysInItsRowAndTheOthersRun() throws {
        let lines = Mutex<[String]>([])
        var hazardous = Fixtures.scalarConv1d
        hazardous.name = "hazard.c"
        hazardous.contents += "\n/* inject-hazard */\n"
        let variants = [
            Self.fixed("scalar", .compiler, Fixtures.scalarConv1d),
            BenchVariant(name: "unsound", source: .compiler) { _ in throw ScheduleFailure() },
            Self.fixed("broken", .compiler, Fixtures.syntaxError),
            Self.fixed("wrong", .hand, Fixtures.wrongConv1d),
            Self.fixed("racy", .hand, hazardous),
            Self.fixed("scalar", .hand, Fixtures.scalarConv1d),
        ]
        let driver = BenchDriver(builder: try Fixtures.builder("bench"),
                                 runner: HazardInjectingRunner(inner: try QemuVirtRunner(), marker: "inject-hazard"),
                                 progress: { line in lines.withLock { $0.append(line) } })
        let shapes = [Conv1dShape.caseStudy, Conv1dShape(ic: 3, oc: 5, n: 9, w: 2)]
        let run = driver.run(variants, configuration: BenchConfiguration(shapes: shapes, inputs: .random(seed: 5), target: .qemuVirt))

        #expect(!run.succeeded)
        #expect(run.rows.count == variants.count * shapes.count)
        for shape in shapes {
            let rows = run.rows.filter { $0.shape == shape }
            #expect(rows.map(\.variant) == variants.map(\.name))
            let (scalar, unsound, broken, wrong, racy, handScalar) = (rows[0], rows[1], rows[2], rows[3], rows[4], rows[5])
            #expect(scalar.succeeded && scalar.hostChecked && scalar.cycles != nil)
            #expect(scalar.speedup == 1.0)
            #expect(handScalar.succeeded)
            #expect(handScalar.speedup == 1.0)  // against the hand baseline, itself
            #expect(unsound.error == "schedule: reorder refused: loops do not commute")
            #expect(broken.error?.hasPrefix("build: compiling broken.c failed") == true)
            #expect(broken.error?.contains("error:") == true)
            #expect(!wrong.correct)
            #expect(wrong.error?.hasPrefix("wrong result: ") == true)
            #expect(wrong.cycles != nil)
            #expect(wrong.speedup == nil)
            #expect(racy.correct)  // the numbers were right this time...
            #expect(racy.hazards == 1)
            #expect(racy.error?.contains("hazards: mld.w at 0x1c4") == true)  // ...but the row fails
            #expect(!racy.succeeded)
        }
        let progress = lines.withLock { $0 }
        #expect(progress.count == 2 * run.rows.count)
        #expect(progress.contains { $0.hasPrefix("[3/12] broken (compiler) IC=4 OC=16 N=16 W=4: FAILED: build:") })
    }

    @Test func hostCheckCatchesWhatTheProgramMissed() throws {
        // A reference that disagrees stands for a program whose own check is broken.
        let driver = BenchDriver(builder: try Fixtures.builder("host"), runner: try QemuVirtRunner(),
                                 reference: { problem in Conv1dReference.evaluate(problem).map { $0 &+ 1 } },
                                 progress: { _ in })
        let run = driver.run([Self.fixed("scalar", .compiler, Fixtures.scalarConv1d)],
                             configuration: BenchConfiguration(target: .qemuVirt))
        let row = try #require(run.rows.first)
        #expect(!run.succeeded)
        #expect(!row.correct && row.hostChecked)
        #expect(row.error?.hasPrefix("host check: 256 of 256 outputs differ") == true)
    }

    @Test func aRunawayProgramIsReportedNotHung() throws {
        let spin = SourceFile(name: "spin.c", contents: """
            #include <stdint.h>
            void conv1d(const int32_t *d, const int32_t *k, int32_t *o) { (void)d; (void)k; (void)o; for (;;) __asm__ volatile(""); }
            """)
        var runner = try QemuVirtRunner()
        runner.timeoutSeconds = 2
        let driver = BenchDriver(builder: try Fixtures.builder("spin"), runner: runner, progress: { _ in })
        let run = driver.run([Self.fixed("spin", .hand, spin), Self.fixed("scalar", .hand, Fixtures.scalarConv1d)],
                             configuration: BenchConfiguration(target: .qemuVirt))
        #expect(run.rows[0].error == "run: program did not finish: timed out")
        #expect(run.rows[1].succeeded)
    }

    @Test func handWrittenVariantReadsItsFileAndReportsAMissingOne() throws {
        let directory = try Fixtures.temporaryDirectory("hand")
        let file = directory.appendingPathComponent("scalar.c")
        // Like kernels/conv1d/hand: the kernel includes a header that lives beside it.
        try ("#include \"taps.h\"\n" + Fixtures.scalarConv1d.contents.replacingOccurrences(of: "r < W", with: "r < TAPS"))
            .write(to: file, atomically: true, encoding: .utf8)
        try "#define TAPS W\n".write(to: directory.appendingPathComponent("taps.h"), atomically: true, encoding: .utf8)
        let driver = BenchDriver(builder: try Fixtures.builder("hand-build"), runner: try QemuVirtRunner(), progress: { _ in })
        let run = driver.run([.handWritten(name: "scalar", file: file),
                              .handWritten(name: "rvm-1acc", file: directory.appendingPathComponent("absent.c"))],
                             configuration: BenchConfiguration(inputs: .caseStudy, target: .qemuVirt))
        #expect(run.rows[0].succeeded)
        #expect(run.rows[1].error?.hasPrefix("schedule: cannot read kernel source") == true)

        let table = try BenchPresentation.standardOutput(run, json: false)
        #expect(table.contains("1 of 2 rows FAILED"))
        let json = try BenchPresentation.standardOutput(run, json: true)
        let objects = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(objects?.count == 2)
    }
}
