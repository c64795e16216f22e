import Testing
@testable import Schedule
import TestSupport

/// print -> parse -> print gives the same text, and the reparsed procs are the
/// parsed ones up to renaming.
@Suite struct RoundTripTests {
    /// Strips the leading comment block of a kernel file.
    private func withoutComments(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0.hasPrefix("#") || $0.isEmpty }
            .joined(separator: "\n")
    }

    private func roundTrip(_ source: String, predefined: [Proc] = []) throws -> (KernelModule, String) {
        let module = try KernelParser.parse(source, predefined: predefined)
        let printed = ExoPrinter.print(module)
        let reparsed = try KernelParser.parse(printed, predefined: predefined)
        #expect(ExoPrinter.print(reparsed) == printed)
        #expect(reparsed.procs.count == module.procs.count)
        for (a, b) in zip(module.procs, reparsed.procs) {
            #expect(AlphaEquivalence.equivalent(a, b), "proc \(a.name) changed on reparse")
        }
        return (module, printed)
    }

    @Test func conv1dFilePrintsBackAsWritten() throws {
        let source = try Repository.text(Repository.conv1d)
        let (module, printed) = try roundTrip(source)
        #expect(module.procs.map(\.name) == ["generic_conv1d", "conv1d"])
        // The file is written by hand in the canonical form the printer documents.
        #expect(printed == withoutComments(source))
    }

    @Test func rvmInstructionProcsRoundTrip() throws {
        let (module, printed) = try roundTrip(KernelFixtures.rvmInstructions)
        #expect(module.procs.count == 11)
        #expect(printed == KernelFixtures.rvmInstructions)
        let mld = try #require(module.proc(named: "rvm_mld"))
        #expect(mld.instructionTemplate ==
            #"asm volatile("mld.w "{dst_int}", (%1), %0" :: "r"(4*({src}.strides[0])), "r"(&{src_data}) : "memory");"#)
    }

    @Test func procCallingInstructionsRoundTrips() throws {
        let library = try KernelParser.parse(KernelFixtures.rvmInstructions).procs
        let (module, printed) = try roundTrip(KernelFixtures.tileMatmul, predefined: library)
        #expect(printed == KernelFixtures.tileMatmul)
        // Printed with its callees, the proc parses on its own.
        let standalone = ExoPrinter.printWithCallees(try #require(module.procs.first))
        let alone = try KernelParser.parse(standalone)
        #expect(alone.procs.map(\.name) == ["rvm_mzero", "rvm_mld", "rvm_mmasa", "rvm_mst", "tile_matmul"])
        #expect(ExoPrinter.print(alone) == standalone)
    }

    @Test func everySurfaceFormRoundTrips() throws {
        let (_, printed) = try roundTrip(KernelFixtures.features)
        #expect(printed == KernelFixtures.features)
    }

    @Test func nonCanonicalInputPrintsCanonically() throws {
        let source = """
            from __future__ import annotations
            from exo import proc
            N = 8
            @proc
            def f(x: i32[N], y: [i32][N,]):   # no memories written
              for i in seq(0, N):
                if i < 4:
                  x[i] = ((y[i]))
                else:
                  if i < 6:
                    x[i] = -(-2)
                  else:
                    x[i] = 0.0
              w = x[2:]
              v = x[:4]

            """
        let (_, printed) = try roundTrip(source)
        #expect(printed == """
            @proc
            def f(x: i32[8] @ DRAM, y: [i32][8] @ DRAM):
                for i in seq(0, 8):
                    if i < 4:
                        x[i] = y[i]
                    elif i < 6:
                        x[i] = --2
                    else:
                        x[i] = 0.0
                w = x[2:8]
                v = x[0:4]

            """)
    }

    @Test func templatesWithQuotesAndEscapesRoundTrip() throws {
        let source = #"""
            @instr("it's " 'a "b"\t\\x' "\n{x_data}")
            def odd(x: [i32][1] @ DRAM):
                pass

            """#
        let module = try KernelParser.parse(source)
        let template = try #require(module.procs.first?.instructionTemplate)
        #expect(template == "it's a \"b\"\t\\x\n{x_data}")
        let printed = ExoPrinter.print(module)
        #expect(printed.hasPrefix(#"@instr('it\'s a "b"\t\\x\n{x_data}')"#))
        #expect(try KernelParser.parse(printed).procs.first?.instructionTemplate == template)
    }
}
