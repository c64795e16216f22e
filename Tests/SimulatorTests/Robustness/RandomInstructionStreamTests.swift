import Foundation
import Testing
import RISCV
import TestSupport
@testable import Simulator

/// Random instruction streams executed from `_start`, with and without a trap
/// handler, functionally and through the cycle model: the simulator must never
/// crash, and every stop must be one the StopReasonOracle accepts (one line,
/// PC and word, a cause that follows from the instruction and its operands).
/// Seeded: a failure names its case (see FuzzSettings for deeper runs).
@Suite struct RandomInstructionStreamTests {
    static let cases = FuzzSettings.cases(default: 150)
    static let maxCycles: UInt64 = 1_500

    /// `_start` optionally installs a handler that skips the trapping
    /// instruction, then jumps to `stream`, 1 KiB the test fills with words.
    static func template(handler: Bool, in directory: URL) throws -> ELFImage {
        let install = handler ? "la t0, handler\n    csrw mtvec, t0" : ""
        let source = """
                .option norvc
                .section .text.start, "ax"
                .globl _start
            _start:
                \(install)
                j stream
            handler:
                csrr t0, mepc
                addi t0, t0, 4
                csrw mepc, t0
                mret
                .balign 64
                .globl stream
            stream:
                .space 1024
            """
        let elf = try Toolchain.assemble(source, in: directory,
                                         linkerArguments: ["-T", Toolchain.runtime.appendingPathComponent("xheep.ld").path],
                                         name: handler ? "with-handler" : "bare")
        return try ELFImage(contentsOf: elf.path)
    }

    @Test(arguments: [false, true])
    func randomStreamsStopCleanly(handler: Bool) throws {
        let directory = try Toolchain.scratch()
        defer { ScratchDirectory.remove(directory) }
        let image = try Self.template(handler: handler, in: directory)
        let stream = try #require(image.symbols.address(of: "stream"))
        var generator = SeededGenerator(seed: (handler ? 0x5EED_0001 : 0x5EED_0002) ^ FuzzSettings.seed)
        var faults = 0
        for index in 0..<Self.cases {
            let words = (0..<256).map { _ in RandomWords.word(&generator) }
            let registers = (0..<32).map { _ in RandomWords.register(&generator, map: Platform.xheep.memoryMap) }
            for timed in [false, true] {
                let context = "case \(index) (handler: \(handler), timed: \(timed))"
                let machine = try Machine(platform: .xheep, image: image)
                #expect(machine.writeMemory(stream, words.flatMap { RandomWords.bytes($0) }))
                for register in 1..<32 { machine.setRegister(register, registers[register]) }
                let stop: StopReason
                if timed {
                    var model = TimingModel(config: TimingConfig())
                    stop = machine.run(observer: &model, maxCycles: Self.maxCycles)
                    _ = model.finish()
                } else {
                    stop = machine.run(maxCycles: Self.maxCycles)
                }
                StopReasonOracle.check(stop, machine: machine, maxCycles: Self.maxCycles, context: context)
                if case .fault = stop { faults += 1 }
            }
        }
        // The generator must reach the fault paths (not only run into the limit).
        #expect(faults > Self.cases / 4, "only \(faults) faults in \(2 * Self.cases) runs")
    }
}

/// Instruction words and register values biased towards what breaks simulators.
enum RandomWords {
    /// Major opcodes of RV32I/M, Zicsr and CUSTOM-1 (RVM).
    static let majors: [UInt32] = [0x03, 0x23, 0x13, 0x33, 0x37, 0x17, 0x63, 0x6F, 0x67, 0x73, 0x0F, 0x2B]
    /// The seven RVM patterns (RVM-SPEC.md §1): fixed bits and the mask of the fields.
    static let rvm: [(fixed: UInt32, fields: UInt32)] = [
        (0x0800_082B, 0x00FF_8000), (0xF000_082B, 0x00FF_8000), (0xE000_042B, 0x00FF_8000),
        (0x1000_002B, 0x00FF_8000), (0xF800_002B, 0x0003_8000), (0x0400_082B, 0x01FF_8380),
        (0x0C00_082B, 0x01FF_8380),
    ]
    /// CSRs that exist, some of which change control flow (mtvec, mepc).
    static let csrs: [UInt32] = [0x300, 0x301, 0x305, 0x340, 0x341, 0x342, 0x343, 0x320, 0xB00, 0xB80, 0xC00, 0xF14]

    static func word(_ g: inout SeededGenerator) -> UInt32 {
        let random = UInt32(truncatingIfNeeded: g.next())
        switch g.next() % 8 {
        case 0:
            return random                                            // anything at all
        case 1:
            let pattern = rvm[Int(g.next() % UInt64(rvm.count))]
            return pattern.fixed | (random & pattern.fields)
        case 2:
            let csr = csrs[Int(g.next() % UInt64(csrs.count))]
            return csr << 20 | (random & 0x000F_FF80) | 0x73         // csrrw..csrrci (funct3 from random)
        default:
            return (random & ~0x7F) | majors[Int(g.next() % UInt64(majors.count))]
        }
    }

    /// Register values: RAM addresses (often near its end), device windows,
    /// strides, and anything at all.
    static func register(_ g: inout SeededGenerator, map: MemoryMap) -> UInt32 {
        let random = UInt32(truncatingIfNeeded: g.next())
        switch g.next() % 6 {
        case 0: return random
        case 1: return map.ramBase &+ random % map.ramSize
        case 2: return map.ramBase &+ map.ramSize &- UInt32(g.next() % 80)
        case 3: return [0x2000_0000, 0x2000_0004, 0x2007_0000, 0x200A_0010, 0x200A_0018, 0x3008_0000][Int(g.next() % 6)]
                    &+ UInt32(g.next() % 8)
        case 4: return [0, 4, 16, 64, 0xFFFF_FFF0, 0x7FFF_FFFF, 0x8000_0000][Int(g.next() % 7)]
        default: return random % 64
        }
    }

    static func bytes(_ word: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }
}
