import Foundation
import Testing
import TestSupport
@testable import Simulator

/// Loads, stores and tile accesses at the edges of RAM and of the devices
/// (X-HEEP: RAM 0x0-0x1FFFF, soc_ctrl 0x2000_0000, UART 0x200A_0000), run
/// functionally and through the cycle model: the same stop either way, and
/// every fault message names the access, the PC and the instruction word.
@Suite struct MemoryEdgeTests {
    // PCs and instruction words in the expected messages: riscv64-unknown-elf-objdump -d
    // of the same snippets (li of a 17-bit value is lui + addi).

    /// Both stop reasons (functional, timed) of a harness program.
    static func stops(_ body: String, data: String = "") throws -> (functional: StopReason, timed: StopReason) {
        let directory = try Toolchain.scratch()
        defer { ScratchDirectory.remove(directory) }
        let elf = try Toolchain.assemble(AssemblyHarness.source(body, data: data), in: directory,
                                         linkerArguments: ["-T", Toolchain.runtime.appendingPathComponent("xheep.ld").path])
        let image = try ELFImage(contentsOf: elf.path)
        let functional = try Simulation.run(image: image, platform: .xheep, options: RunOptions(maxCycles: 100_000))
        let timed = try Simulation.run(image: image, platform: .xheep,
                                       options: RunOptions(maxCycles: 1_000_000, timing: TimingOptions()))
        return (functional.stopReason, timed.stopReason)
    }

    /// The program's stop when functional and timed runs agree on it.
    static func stop(_ body: String, data: String = "") throws -> StopReason {
        let (functional, timed) = try stops(body, data: data)
        #expect(functional == timed, "functional \(functional) but timed \(timed)")
        return functional
    }

    static func exitValue(_ stop: StopReason) -> UInt32? {
        if case .exited(let code, _) = stop { return code }
        return nil
    }

    @Test func lastBytesOfRAMAreUsable() throws {
        let stop = try Self.stop("""
            li t0, 0x1fffc
            li t1, 0x11223344
            sw t1, 0(t0)             # the last word
            li t2, 0x1ffff
            lbu a0, 0(t2)            # its last byte: 0x11
            lhu a1, -1(t2)           # the last half-word: 0x1122
            add a0, a0, a1
            """)
        #expect(Self.exitValue(stop) == UInt32(0x11 + 0x1122), "\(stop)")
    }

    @Test func accessesRunningPastTheEndOfRAMNameSizeAddressAndEnd() throws {
        let load = try Self.stop("""
            li t0, 0x1fffe
            lw a0, 0(t0)
            """)
        #expect(load.description == "4-byte load at 0x0001fffe runs past the end of RAM (0x00020000) at pc 0x00000188 <_start>, instruction 0x0002a503")
        #expect(load.name == "load_fault")
        let store = try Self.stop("""
            li t0, 0x1ffff
            sh t0, 0(t0)
            """)
        #expect(store.description == "2-byte store at 0x0001ffff runs past the end of RAM (0x00020000) at pc 0x00000188 <_start>, instruction 0x00529023")
        #expect(store.name == "store_fault")
    }

    /// rs1 + imm wraps around 2^32 as on the hardware (no trap in the simulator's own arithmetic).
    @Test func addressArithmeticWraps() throws {
        let wrapped = try Self.stop("""
            li t0, 0x11223344
            sw t0, 8(zero)
            li t1, -4
            lw a0, 12(t1)            # -4 + 12 = 8
            """)
        #expect(Self.exitValue(wrapped) == 0x1122_3344)
        let beyond = try Self.stop("""
            li t1, -2
            lw a0, 0(t1)
            """)
        #expect(beyond.description == "load from unmapped address 0xfffffffe at pc 0x00000184 <_start>, instruction 0x00032503")
    }

    @Test func misalignedDeviceAccessesStopWithTheDeviceNamed() throws {
        let store = try Self.stop("""
            li t0, 0x20000005
            li a0, 7
            sw a0, 0(t0)             # EXIT_VALUE is at +4
            """)
        #expect(store.description == "misaligned 4-byte store to device soc_ctrl at 0x20000005 (device registers need naturally aligned accesses) at pc 0x0000018c <_start>, instruction 0x00a2a023")
        let load = try Self.stop("""
            li t0, 0x200a0011
            lh a0, 0(t0)
            """)
        #expect(load.description.hasPrefix("misaligned 2-byte load from device UART at 0x200a0011 "))
        #expect(load.name == "load_fault")
    }

    /// Offsets inside a device window that hold no modelled register read 0 and
    /// ignore writes, as on X-HEEP (cv32e40p has no bus-error exception); the
    /// gap between two windows is unmapped.
    @Test func deviceRegistersAndGaps() throws {
        let unknownRegister = try Self.stop("""
            li t0, 0x200a0100
            li t1, 5
            sw t1, 0(t0)
            lw a0, 0(t0)
            addi a0, a0, 3
            """)
        #expect(Self.exitValue(unknownRegister) == 3)
        let gap = try Self.stop("""
            li t0, 0x20010000
            lw a0, 0(t0)
            """)
        #expect(gap.description == "load from unmapped address 0x20010000 at pc 0x00000184 <_start>, instruction 0x0002a503")
    }

    /// mld.w rows at base + i*stride: the last row may end exactly at the end
    /// of RAM; one word further is a fault naming the first address outside.
    @Test func tileRowsAtTheEndOfRAM() throws {
        let fits = try Self.stop("""
            li t0, 0x1ffc0
            li t1, 16
            .word \(RVMReference.mldW(md: 2, rs1: 5, rs2: 6))
            .word \(RVMReference.mstW(ms: 2, rs1: 5, rs2: 6))
            li a0, 1
            """)
        #expect(Self.exitValue(fits) == 1)
        let load = try Self.stop("""
            li t0, 0x1ffd0
            li t1, 16
            .word \(RVMReference.mldW(md: 2, rs1: 5, rs2: 6))
            """)
        #expect(load.description == "load from unmapped address 0x00020000 at pc 0x0000018c <_start>, instruction 0x0462892b")
        let store = try Self.stop("""
            li t0, 0x1fff0
            li t1, 16
            .word \(RVMReference.mstW(ms: 1, rs1: 5, rs2: 6))
            """)
        #expect(store.description == "store to unmapped address 0x00020000 at pc 0x0000018c <_start>, instruction 0x0c6288ab")
        let straddle = try Self.stop("""
            li t0, 0x1fffe
            li t1, 16
            .word \(RVMReference.mldW(md: 0, rs1: 5, rs2: 6))
            """)
        #expect(straddle.description == "4-byte load at 0x0001fffe runs past the end of RAM (0x00020000) at pc 0x0000018c <_start>, instruction 0x0462882b")
    }

    /// Negative, zero and huge strides wrap like the hardware's adder.
    @Test func hugeAndNegativeStrides() throws {
        // Rows at 0x40, 0x30, 0x20, 0x10 (stride -16): row i of the tile is the word 0x100 + i,
        // stored back with stride 16 at 0x400 and summed.
        let negative = try Self.stop("""
            li t0, 0x100
            sw t0, 0x40(zero)
            addi t0, t0, 1
            sw t0, 0x30(zero)
            addi t0, t0, 1
            sw t0, 0x20(zero)
            addi t0, t0, 1
            sw t0, 0x10(zero)
            li t0, 0x40
            li t1, -16
            .word \(RVMReference.mldW(md: 3, rs1: 5, rs2: 6))
            li t0, 0x400
            li t1, 16
            .word \(RVMReference.mstW(ms: 3, rs1: 5, rs2: 6))
            lw a0, 0x400(zero)
            lw a1, 0x410(zero)
            lw a2, 0x420(zero)
            lw a3, 0x430(zero)
            slli a1, a1, 8
            slli a2, a2, 16
            slli a3, a3, 24
            add a0, a0, a1
            add a0, a0, a2
            add a0, a0, a3
            """)
        #expect(Self.exitValue(negative) == 0x100 &+ (0x101 << 8) &+ (0x102 << 16) &+ (0x103 << 24))
        let belowZero = try Self.stop("""
            li t0, 0x10
            li t1, -16
            .word \(RVMReference.mldW(md: 0, rs1: 5, rs2: 6))
            """)
        #expect(belowZero.description == "load from unmapped address 0xfffffff0 at pc 0x00000188 <_start>, instruction 0x0462882b")
        let huge = try Self.stop("""
            li t0, 0x100
            li t1, 0x7fffffff
            .word \(RVMReference.mstW(ms: 0, rs1: 5, rs2: 6))
            """)
        #expect(huge.description == "store to unmapped address 0x800000ff at pc 0x0000018c <_start>, instruction 0x0c62882b")
    }

    /// An mst.w whose first row overwrites the mst.w itself and whose second
    /// row faults: the message names the instruction that ran, not the row data
    /// now in memory at its PC (it used to read the word back from memory).
    @Test func selfOverwritingTileStoreNamesItsOwnWord() throws {
        let stop = try Self.stop("""
                la t0, 1f
                li t1, 0x20000
            1:  .word \(RVMReference.mstW(ms: 3, rs1: 5, rs2: 6))
            """)
        #expect(stop.description == "store to unmapped address 0x0002018c at pc 0x0000018c <_start>, instruction 0x0c6289ab")
    }

    @Test func misalignedJumpTargetsAreNamed() throws {
        let stop = try Self.stop("""
            li t0, 0x183
            jalr t0                  # bit 0 is cleared: 0x182
            """)
        #expect(stop.description == "jump to misaligned address 0x00000182 (no trap handler: mtvec = 0x00000000) at pc 0x00000184 <_start>, instruction 0x000280e7")
        #expect(stop.name == "unhandled_trap")
    }
}
