import Foundation
import Testing
@testable import Testbench

/// The conv1d harness built for QEMU virt and run under QEMU: the program's
/// own check, the host's re-check and the inputs it generated.
@Suite struct HarnessTests {
    struct Run {
        var outcome: RunOutcome
        var report: HarnessReport
        var output: [Int32]
    }

    func run(_ harness: Conv1dHarness, kernel: SourceFile, defines: [Define]? = nil) throws -> Run {
        let builder = try Fixtures.builder("harness")
        let recipe = BuildRecipe(sources: [try harness.mainSource(), kernel],
                                 defines: defines ?? Conv1dHarness.sizeDefines(harness.shape), target: .qemuVirt)
        let product = try builder.build(recipe)
        let outcome = try QemuVirtRunner().run(RunRequest(elf: product.elf, outputSymbol: harness.outputSymbol,
                                                          otherSymbols: harness.otherSymbols))
        let report = try HarnessReport.decode(outcome, platform: .qemuVirt)
        let words = try #require(outcome.words(of: HarnessSymbols.output))
        return Run(outcome: outcome, report: report, output: words.map { Int32(bitPattern: $0) })
    }

    @Test func referenceMatchesHandComputedCaseStudyValues() {
        let out = Conv1dReference.evaluate(Conv1dProblem(shape: .caseStudy, pattern: .caseStudy))
        // out[0][0] = sum_c sum_r r * (10c + r) = sum_c (60c + 14) = 416.
        #expect(out[0] == 416)
        // out[1][15]: only r = 0 is inside, sum_c 15 * (100 + 10c) = 15 * 460.
        #expect(out[1 * 16 + 15] == 6900)
        // out[2][14]: r = 0, 1; sum_c [14 (200 + 10c) + 15 (201 + 10c)] = 4 * 5815 + 290 * 6.
        #expect(out[2 * 16 + 14] == 4 * 5815 + 290 * 6)
    }

    @Test func scalarKernelIsCorrectOnCaseStudyData() throws {
        let harness = Conv1dHarness(shape: .caseStudy, pattern: .caseStudy, entryPoint: .handWritten(), platform: .qemuVirt)
        let run = try run(harness, kernel: Fixtures.scalarConv1d)
        #expect(run.report.correct)
        #expect(run.report.mismatches == 0)
        #expect(run.report.firstMismatch == nil)
        #expect(run.report.cycles != nil)
        #expect(run.report.instret != nil)
        #expect(run.outcome.exitValue == 0)
        #expect(run.outcome.console.contains("rvm-bench: cycles="))
        #expect(run.output == Conv1dReference.evaluate(harness.problem))
        #expect(run.output[0] == 416)
    }

    @Test(arguments: [
        (Conv1dShape(ic: 4, oc: 16, n: 16, w: 4), UInt32(1)),
        (Conv1dShape(ic: 3, oc: 5, n: 13, w: 3), UInt32(0xC0FFEE)),
        (Conv1dShape(ic: 8, oc: 32, n: 64, w: 4), UInt32(0)),
    ])
    func scalarKernelIsCorrectOnRandomData(shape: Conv1dShape, seed: UInt32) throws {
        let harness = Conv1dHarness(shape: shape, pattern: .random(seed: seed), entryPoint: .handWritten(), platform: .qemuVirt)
        let run = try run(harness, kernel: Fixtures.scalarConv1d)
        #expect(run.report.correct)
        let problem = harness.problem
        // The C and Swift generators agree, so the host knows the inputs.
        let data = try #require(run.outcome.words(of: HarnessSymbols.data)).map { Int32(bitPattern: $0) }
        let kernels = try #require(run.outcome.words(of: HarnessSymbols.kernels)).map { Int32(bitPattern: $0) }
        #expect(data == problem.data)
        #expect(kernels == problem.kernels)
        #expect(Set(data).count > 16)  // really random, not a constant
        #expect(data.allSatisfy { (-128...127).contains($0) })
        // The host's re-check.
        #expect(run.output == Conv1dReference.evaluate(problem))
    }

    @Test func wrongKernelIsReportedIncorrect() throws {
        let harness = Conv1dHarness(shape: .caseStudy, pattern: .random(seed: 7), entryPoint: .handWritten(), platform: .qemuVirt)
        let run = try run(harness, kernel: Fixtures.wrongConv1d)
        #expect(!run.report.correct)
        #expect(run.outcome.exitValue == 1)
        let expected = Conv1dReference.evaluate(harness.problem)
        let wrong = zip(run.output, expected).filter { $0 != $1 }.count
        #expect(run.report.mismatches == UInt32(wrong))
        let first = try #require(run.report.firstMismatch)
        #expect(first.expected == expected[first.index])
        #expect(first.found == run.output[first.index])
        #expect(first.found != first.expected)
        #expect(run.output.indices.first { run.output[$0] != expected[$0] } == first.index)
    }

    @Test func unwrittenOutputIsCaughtByThePoison() throws {
        let harness = Conv1dHarness(shape: .caseStudy, pattern: .caseStudy, entryPoint: .handWritten(), platform: .qemuVirt)
        let run = try run(harness, kernel: Fixtures.lazyConv1d)
        #expect(run.report.mismatches == 16)  // the last output channel, N = 16 words
        #expect(run.report.firstMismatch?.index == 15 * 16)
        #expect(run.report.firstMismatch.map { UInt32(bitPattern: $0.found) } == 0xDEAD_BEEF)
    }

    @Test func exoStyleEntryPointWithSizesAndContext() throws {
        let shape = Conv1dShape(ic: 2, oc: 4, n: 8, w: 3)
        let entry = KernelEntryPoint(
            functionName: "conv1d_exo",
            declaration: "void conv1d_exo(void *ctxt, int ic, int oc, int n, int w, const int32_t *data, const int32_t *kernels, int32_t *out);",
            arguments: ["NULL", "RVM_BENCH_IC", "RVM_BENCH_OC", "RVM_BENCH_N", "RVM_BENCH_W",
                        HarnessSymbols.data, HarnessSymbols.kernels, HarnessSymbols.output])
        let harness = Conv1dHarness(shape: shape, pattern: .random(seed: 99), entryPoint: entry, platform: .qemuVirt)
        // No size macros: a generated kernel takes its sizes as parameters.
        let run = try run(harness, kernel: Fixtures.exoStyleConv1d, defines: [])
        #expect(run.report.correct)
        #expect(run.output == Conv1dReference.evaluate(harness.problem))
    }

    @Test func swiftGeneratorMatchesXorshiftDefinition() {
        // xorshift32 (13, 17, 5) from seed 1, worked by hand:
        // x = 1; x ^= x << 13 -> 0x2001; x ^= x >> 17 -> 0x2001; x ^= x << 5 -> 0x42021.
        var generator = XorShift32(seed: 1)
        #expect(generator.next() == 0x0004_2021)
        #expect(XorShift32(seed: 0).state == XorShift32.zeroSeedReplacement)
    }
}

@Suite struct HarnessInputErrorTests {
    @Test func shapeParsing() throws {
        #expect(try Conv1dShape.parse("IC=4,OC=16,N=16,W=4") == .caseStudy)
        #expect(try Conv1dShape.parse("n=64 oc=32 ic=8 w=4") == Conv1dShape(ic: 8, oc: 32, n: 64, w: 4))
        #expect(throws: HarnessError.self) { try Conv1dShape.parse("IC=4,OC=16,N=16") }
        #expect(throws: HarnessError.self) { try Conv1dShape.parse("IC=4,OC=16,N=16,W=x") }
        #expect(throws: HarnessError.self) { try Conv1dShape.parse("IC=4,OC=16,N=16,W=4,Q=1") }
        #expect(throws: HarnessError.self) { try Conv1dShape.parse("IC=0,OC=16,N=16,W=4") }
    }

    @Test func badEntryPointsAreRefused() {
        for name in ["", "1conv", "conv-1d", "rvm_bench_main"] {
            let harness = Conv1dHarness(shape: .caseStudy, pattern: .caseStudy,
                                        entryPoint: KernelEntryPoint(functionName: name, arguments: []), platform: .qemuVirt)
            #expect(throws: HarnessError.self) { try harness.mainSource() }
        }
        let multiline = KernelEntryPoint(functionName: "f", arguments: ["a\nb"])
        #expect(throws: HarnessError.self) {
            try Conv1dHarness(shape: .caseStudy, pattern: .caseStudy, entryPoint: multiline, platform: .qemuVirt).mainSource()
        }
    }

    @Test func tensorsMustFitTheInterleavedBanks() throws {
        // N = 256, OC = 32, IC = 8 fits (44 KiB); N = 512 does not (88 KiB).
        let fits = Conv1dHarness(shape: Conv1dShape(ic: 8, oc: 32, n: 256, w: 4), pattern: .caseStudy,
                                 entryPoint: .handWritten(), platform: .xheep)
        #expect(throws: Never.self) { try fits.mainSource() }
        let tooBig = Conv1dHarness(shape: Conv1dShape(ic: 8, oc: 32, n: 512, w: 4), pattern: .caseStudy,
                                   entryPoint: .handWritten(), platform: .xheep)
        #expect(throws: HarnessError.self) { try tooBig.mainSource() }
    }

    @Test func decodeRefusesRunsThatDidNotFinish() {
        let faulted = RunOutcome(stopReason: .fault("illegal instruction at 0x200"), exitValue: nil)
        #expect(throws: HarnessError.programDidNotFinish("fault: illegal instruction at 0x200")) {
            try HarnessReport.decode(faulted, platform: .xheep)
        }
    }

    @Test func xheepExitValueConvention() throws {
        // Without a symbol read-back the exit value alone carries the verdict.
        let correct = try HarnessReport.decode(RunOutcome(stopReason: .exited, exitValue: 1234), platform: .xheep)
        #expect(correct.correct && correct.cycles == 1234)
        let wrong = try HarnessReport.decode(RunOutcome(stopReason: .exited, exitValue: 0x8000_0003), platform: .xheep)
        #expect(!wrong.correct && wrong.mismatches == 3 && wrong.cycles == nil)
        // A report in memory that disagrees with the exit value is refused.
        var words: [UInt32] = [HarnessReport.magic, 500, 100, 0, 0xFFFF_FFFF, 0, 0]
        let bytes = words.flatMap { w in (0..<4).map { UInt8(truncatingIfNeeded: w >> (8 * $0)) } }
        let contradicting = RunOutcome(stopReason: .exited, exitValue: 499, symbolContents: [HarnessSymbols.report: bytes])
        #expect(throws: HarnessError.self) { try HarnessReport.decode(contradicting, platform: .xheep) }
        words[0] = 0
        let noMagic = RunOutcome(stopReason: .exited, exitValue: 500,
                                 symbolContents: [HarnessSymbols.report: words.flatMap { w in (0..<4).map { UInt8(truncatingIfNeeded: w >> (8 * $0)) } }])
        #expect(throws: HarnessError.self) { try HarnessReport.decode(noMagic, platform: .xheep) }
    }
}
