import Testing
@testable import Schedule
@testable import RVMTarget
import TestSupport

/// `Conv1dVariant` (what `rvm schedule` and the testbench name the conv1d
/// schedules by), its sizes, and the step-by-step text of a short schedule.
@Suite struct Conv1dVariantTests {
    @Test func variantsAreFoundByTheirNames() throws {
        #expect(try Conv1dVariant(named: "scalar") == .scalar)
        #expect(try Conv1dVariant(named: "im2col-cpu") == .im2colCPU)
        #expect(try Conv1dVariant(named: "rvm-1acc") == .rvm1acc)
        #expect(try Conv1dVariant(named: "rvm-4acc") == .rvm4acc)
        let e = #expect(throws: KernelError.self) { try Conv1dVariant(named: "rvm4acc") }
        #expect(e?.phase == .schedule)
        #expect(e?.message == "unknown conv1d variant 'rvm4acc'; the variants are scalar, im2col-cpu, rvm-1acc, rvm-4acc")
    }

    @Test func sizesParseFromTheCommandLineForm() throws {
        #expect(try Conv1dSchedules.Sizes(parsing: "8,32,64,4") == Conv1dSchedules.Sizes(ic: 8, oc: 32, n: 64, w: 4))
        for bad in ["8,32,64", "8,32,64,4,1", "8,32,0,4", "8,-32,64,4", "8,,64,4", "a,b,c,d", "", "8, 32, 64, 4"] {
            let e = #expect(throws: KernelError.self, "\(bad)") { try Conv1dSchedules.Sizes(parsing: bad) }
            #expect(e?.message == "conv1d sizes are four positive integers IC,OC,N,W (such as 8,32,64,4); got '\(bad)'")
        }
    }

    /// Without sizes the schedule starts from `conv1d`, the case study; the
    /// variant applies exactly the case study's schedule.
    @Test func rvm4accIsTheCaseStudySchedule() throws {
        let viaVariant = try Conv1dVariant.rvm4acc.schedule(Conv1dVariant.algorithm(in: Repository.text(Repository.conv1d)))
        let direct = try Conv1dSchedules.rvm4acc(Conv1dAlgorithm.procedure())
        #expect(ExoPrinter.print(viaVariant.ir) == ExoPrinter.print(direct.ir))
        #expect(viaVariant.history == direct.history)
        #expect(viaVariant.name == Conv1dVariant.rvm4acc.procName)
    }

    /// Each variant at sizes other than the case study's computes the
    /// algorithm's formula in the interpreter, under its own name.
    @Test func everyVariantComputesTheFormulaAtGivenSizes() throws {
        let s = Conv1dSchedules.Sizes(ic: 2, oc: 16, n: 8, w: 4)
        let algorithm = try Conv1dVariant.algorithm(in: Repository.text(Repository.conv1d), sizes: s)
        var rng = SeededGenerator(seed: 5)
        let data = (0..<(s.ic * s.n)).map { _ in Int.random(in: -50_000...50_000, using: &rng) }
        let kernels = (0..<(s.oc * s.ic * s.w)).map { _ in Int.random(in: -50_000...50_000, using: &rng) }
        let expected = Conv1dAlgorithm.reference(s, data: data, kernels: kernels)
        for v in Conv1dVariant.allCases {
            let p = try v.schedule(algorithm)
            #expect(p.name == v.procName)
            #expect(try Conv1dAlgorithm.run(p.ir, s, data: data, kernels: kernels) == expected, "\(v)")
            // The RVM variants replace loop nests by instructions; the others do not.
            #expect(p.history.contains("replace") == (v == .rvm1acc || v == .rvm4acc), "\(v)")
        }
    }

    @Test func sizesTheTilingCannotFitAreRefused() throws {
        let file = try Repository.text(Repository.conv1d)
        let oc8 = try Conv1dVariant.algorithm(in: file, sizes: Conv1dSchedules.Sizes(ic: 4, oc: 8, n: 16, w: 4))
        let e = #expect(throws: KernelError.self) { try Conv1dVariant.rvm4acc.schedule(oc8) }
        #expect(e?.message == "rvm4acc: needs OC a multiple of 16, N a multiple of 4 and W = 4; got OC = 8, N = 16, W = 4")
        // generic_conv1d itself asserts N % 4 == 0.
        let n10 = #expect(throws: KernelError.self) {
            try Conv1dVariant.algorithm(in: file, sizes: Conv1dSchedules.Sizes(ic: 4, oc: 16, n: 10, w: 4))
        }
        #expect(n10?.message == "partialEval: the precondition `N % 4 == 0` fails for these values")
    }

    /// The scalar variant at given sizes is a two-rewrite schedule: its
    /// step-by-step text has the original, then one section per rewrite in
    /// order, each headed by the call. Expected text written by hand.
    @Test func stepByStepOfAShortScheduleHasOneSectionPerRewrite() throws {
        let s = Conv1dSchedules.Sizes(ic: 2, oc: 16, n: 8, w: 4)
        let p = try Conv1dVariant.scalar.schedule(Conv1dVariant.algorithm(in: Repository.text(Repository.conv1d), sizes: s))
        #expect(p.stepByStep() == ScheduleCommandExpectations.scalarSteps)
        #expect(p.stepByStep(changedOnly: true) == ScheduleCommandExpectations.scalarSteps)
    }

    /// A longer schedule: one section per recorded rewrite, numbered in
    /// order and named as in `history`, each holding the proc after it; an
    /// unchanged step prints only its header with --changed-only.
    @Test func stepByStepOfTheCaseStudyFollowsItsHistory() throws {
        let p = try Conv1dVariant.rvm4acc.schedule(Conv1dVariant.algorithm(in: Repository.text(Repository.conv1d)))
        for changedOnly in [false, true] {
            let sections = ScheduleCommandExpectations.sections(p.stepByStep(changedOnly: changedOnly))
            try #require(sections.count == p.history.count + 1)
            #expect(sections[0].header == "# original")
            #expect(sections[0].body == ExoPrinter.print(p.original))
            var previous = ExoPrinter.print(p.original)
            for (k, step) in p.steps.enumerated() {
                let (header, body) = sections[k + 1]
                #expect(header.hasPrefix("# \(k + 1). \(p.history[k])("), "\(header)")
                let text = ExoPrinter.print(step.proc)
                #expect(body == (changedOnly && text == previous ? "# (unchanged)\n" : text), "\(header)")
                previous = text
            }
            #expect(sections.last?.body == ExoPrinter.print(p.ir))
        }
        // The case study's schedule has a simplify that changes nothing (after staging the kernel rows).
        #expect(p.stepByStep(changedOnly: true).contains(". simplify()\n# (unchanged)\n"))
    }
}
