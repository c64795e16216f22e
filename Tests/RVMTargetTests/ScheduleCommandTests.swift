import Foundation
import Testing
@testable import Schedule
@testable import RVMTarget
import TestSupport

/// `rvm schedule`, run as a user would (the built binary): what it prints,
/// what it writes, and how it fails.
@Suite struct ScheduleCommandTests {
    /// The printed case-study proc, which Conv1dCaseStudyTests checks line by
    /// line against the case study's description.
    @Test func rvm4accPrintsTheCaseStudyProc() throws {
        let r = try RVMExecutable.run(["schedule", "rvm-4acc"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == ExoPrinter.print(try Conv1dSchedules.rvm4acc(Conv1dAlgorithm.procedure()).ir))
    }

    @Test func stepsPrintOneSectionPerRewrite() throws {
        let r = try RVMExecutable.run(["schedule", "scalar", "--sizes", "2,16,8,4", "--steps"])
        #expect(r.status == 0)
        #expect(r.stdout == ScheduleCommandExpectations.scalarSteps)
        // --changed-only implies --steps; no step of this schedule leaves the proc unchanged.
        let changed = try RVMExecutable.run(["schedule", "scalar", "--sizes", "2,16,8,4", "--changed-only"])
        #expect(changed.stdout == ScheduleCommandExpectations.scalarSteps)
    }

    /// -o writes what the pipeline generates for the scheduled proc.
    @Test func outputWritesTheCAndHeader() throws {
        let dir = try CToolchain()
        defer { dir.cleanUp() }
        let r = try RVMExecutable.run(["schedule", "rvm-1acc", "-o", dir.path("tiles.c")])
        #expect(r.status == 0, "\(r.stderr)")
        let p = try Conv1dSchedules.rvm1acc(Conv1dAlgorithm.procedure())
        let c = try CCodegen.compile([p.ir], library: "tiles", options: RVMTarget.codegenOptions)
        #expect(try String(contentsOfFile: dir.path("tiles.c"), encoding: .utf8) == c.source)
        #expect(try String(contentsOfFile: dir.path("tiles.h"), encoding: .utf8) == c.header)
        #expect(c.source.contains("void conv1d_rvm_1acc("))
    }

    /// Sizes whose strides need more than 32 bits: the C would have wrapped on
    /// RV32; the error names the access and its place in the kernel file.
    @Test func sizesOverflowingTheCIndexTypeAreAnError() throws {
        let dir = try CToolchain()
        defer { dir.cleanUp() }
        let r = try RVMExecutable.run(["schedule", "scalar", "--sizes", "100000,100000,100000,100000", "-o", dir.path("big.c")])
        #expect(r.status == 1)
        #expect(r.stderr == "kernels/conv1d/conv1d.exo:21:34: codegen error: kernels[i, c, r]: the index constant 10000000000 does not fit in 32 bits, the width of the C index type int_fast32_t on RV32\n")
    }

    @Test func anUnknownVariantIsAnError() throws {
        let r = try RVMExecutable.run(["schedule", "rvm-2acc"])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == "schedule error: unknown conv1d variant 'rvm-2acc'; the variants are scalar, im2col-cpu, rvm-1acc, rvm-4acc\n")
    }

    @Test func sizesTheScheduleCannotTileAreAnError() throws {
        let r = try RVMExecutable.run(["schedule", "rvm-4acc", "--sizes", "4,8,16,4"])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == "schedule error: rvm4acc: needs OC a multiple of 16, N a multiple of 4 and W = 4; got OC = 8, N = 16, W = 4\n")
        let malformed = try RVMExecutable.run(["schedule", "rvm-4acc", "--sizes", "4x16"])
        #expect(malformed.status == 1)
        #expect(malformed.stderr == "schedule error: conv1d sizes are four positive integers IC,OC,N,W (such as 8,32,64,4); got '4x16'\n")
    }

    /// An algorithm whose accumulation also reads out[0, j]: staging `out`
    /// into a tile then needs every row up to i, so a later rewrite of the
    /// schedule is refused. The command prints the rewrite's error, located
    /// in the kernel file and showing the statement in its surroundings
    /// (`>` marks it), and exits with status 1 without printing a proc.
    @Test func aRefusedRewritePrintsItsErrorAndFails() throws {
        let dir = try CToolchain()
        defer { dir.cleanUp() }
        let original = "out[i, j] += kernels[i, c, r] * y\n"
        let text = try Repository.text(Repository.conv1d)
        try #require(text.contains(original))
        try dir.write("bad.exo", text.replacingOccurrences(of: original, with: "out[i, j] += kernels[i, c, r] * y + out[0, j]\n"))
        for steps in [[], ["--steps"]] {
            let r = try RVMExecutable.run(["schedule", "rvm-4acc", "--kernel-file", "bad.exo"] + steps, in: dir.directory)
            #expect(r.status == 1)
            #expect(r.stdout == "")
            let lines = r.stderr.split(separator: "\n").map(String.init)
            try #require(lines.count > 3)
            #expect(lines[0].hasPrefix("bad.exo:"))
            #expect(lines[0].contains(": schedule error: "))
            #expect(lines[1] == "  applied to:")
            #expect(lines.contains { $0.hasPrefix("    > ") })
        }
    }

    @Test func aMissingKernelFileIsAnError() throws {
        let r = try RVMExecutable.run(["schedule", "scalar", "--kernel-file", "no/such.exo"])
        #expect(r.status == 1)
        #expect(r.stderr == "no/such.exo: error: cannot read the kernel file (No such file or directory)\n")
    }
}
