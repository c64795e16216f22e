import Foundation
import Testing
import TestSupport
@testable import Simulator

/// Programs that never stop doing something: the host's memory stays bounded
/// and the run ends at the cycle limit with what it produced.
@Suite struct RunawayProgramTests {
    /// Printing forever used to keep every byte (gigabytes by the default
    /// cycle limit, then again inside the JSON report).
    @Test func endlessOutputIsKeptUpToTheLimit() throws {
        let directory = try Toolchain.scratch()
        defer { ScratchDirectory.remove(directory) }
        let elf = try Toolchain.assemble(AssemblyHarness.source("""
                li t0, 0x20070000        # putchar
                li t1, 65
            1:  sb t1, 0(t0)
                j 1b
            """), in: directory, linkerArguments: ["-T", Toolchain.runtime.appendingPathComponent("xheep.ld").path])
        let console = Console(keptLimit: 100)
        let machine = try Machine(platform: .xheep, image: ELFImage(contentsOf: elf.path), console: console)
        let stop = machine.run(maxCycles: 10_000)
        #expect(stop == .cycleLimit(10_000))
        // 2 setup instructions (lui; li), then sb + j: 4999 stores.
        #expect(console.bytes == Array(repeating: 65, count: 100))
        #expect(console.droppedBytes == 4_999 - 100)
        #expect(console.text == String(repeating: "A", count: 100)
                + "\n[rvm: console output truncated: 4899 more bytes after the first 100 were not kept]\n")
    }

    /// Opening ":tt" in a loop used to grow the handle table without bound
    /// (and the handle counter would trap after 2^32 opens).
    @Test func semihostingHandlesAreBounded() throws {
        let (machine, stop) = try SemihostingTests.run("""
                li s0, 0
                li s1, 300
            2:  li a0, 1                 # SYS_OPEN(":tt", "r")
                la a1, openBlock
                jal call
                addi s0, s0, 1
                bltz a0, 3f              # -1: refused
                blt s0, s1, 2b
            3:  mv s2, a0
                li a0, 0x13              # SYS_ERRNO
                jal call
                mv s3, a0
                li a0, 0x18
                li a1, 0x20026           # SYS_EXIT, ApplicationExit
                jal call
            """, data: """
            tt: .asciz ":tt"
                .balign 4
            openBlock: .word tt, 0, 3
            """)
        #expect(stop == .exited(code: 0, via: .semihosting))
        #expect(machine.register(8) == UInt32(SemihostingState.maximumOpen + 1))   // the 257th open failed
        #expect(machine.register(18) == UInt32.max)
        #expect(machine.register(19) == 24)                                      // EMFILE
    }
}
