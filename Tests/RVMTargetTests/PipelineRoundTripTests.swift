import Testing
@testable import Schedule
import RVMTarget
import TestSupport

/// print -> parse -> print is the identity on text, and parsing gives back
/// the proc up to symbol identity, for the official RVM instruction procs and
/// for kernel files read through the pipeline with those procs predefined.
@Suite struct PipelineRoundTripTests {
    /// Prints `procs`, parses the text back (with `predefined` callable), and
    /// checks the second print and the procs; returns the reparsed module.
    @discardableResult
    static func roundTrip(_ procs: [Proc], predefined: [Proc]) throws -> KernelModule {
        let printed = ExoPrinter.print(KernelModule(procs: procs))
        let reparsed = try KernelParser.parse(printed, predefined: predefined)
        #expect(ExoPrinter.print(reparsed) == printed)
        #expect(reparsed.procs.map(\.name) == procs.map(\.name))
        for (original, again) in zip(procs, reparsed.procs) {
            #expect(AlphaEquivalence.equivalent(original, again), "\(original.name) changed on reparse:\n\(ExoPrinter.print(again))")
        }
        return reparsed
    }

    @Test(arguments: RVMInstructions.all)
    func officialInstructionProcRoundTrips(_ instruction: Proc) throws {
        // Built in Swift, never parsed before: the printer must write text the
        // parser reads back to the same proc (template included).
        let again = try Self.roundTrip([instruction], predefined: [])
        #expect(again.procs.first?.instructionTemplate == instruction.instructionTemplate)
        #expect(again.procs.first?.isInstruction == true)
    }

    @Test func allInstructionProcsRoundTripAsOneLibraryFile() throws {
        // What `rvm check --library` prints is itself a valid kernel file.
        let library = try Self.roundTrip(RVMInstructions.all, predefined: [])
        #expect(library.procs.count == 12)
    }

    @Test(arguments: [Repository.conv1d, Repository.rvmTiles])
    func kernelFileRoundTripsThroughThePipeline(_ path: String) throws {
        let pipeline = try KernelPipeline(target: RVMTarget.kernelTarget)
        let module = try pipeline.verify(try Repository.text(path), file: path)
        let again = try Self.roundTrip(module.procs, predefined: RVMTarget.kernelTarget.predefined)
        // The reprinted text passes the same checks.
        try pipeline.check(again, file: path)
    }

    @Test func callsInAKernelFileResolveToTheOfficialInstructionProcs() throws {
        let module = try KernelParser.parse(try Repository.text(Repository.rvmTiles),
                                            predefined: RVMTarget.kernelTarget.predefined)
        var called: [String: Proc] = [:]
        for p in module.procs {
            for s in p.body { s.forEach { t in if case .call(let c, _) = t.node { called[c.name] = c } } }
        }
        // Every official instruction is used by the example file, and each
        // call site holds that very proc (same symbols), not a copy.
        #expect(Set(called.keys) == Set(RVMInstructions.all.map(\.name)))
        for official in RVMInstructions.all {
            #expect(called[official.name] == official)
        }
    }
}
