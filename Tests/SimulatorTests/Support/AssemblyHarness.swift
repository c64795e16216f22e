import Foundation
@testable import Simulator

/// Runs a snippet of assembly as a whole X-HEEP program: the snippet starts at
/// `_start` (0x180), then the harness exits through soc_ctrl with a0 as the
/// exit value. The exit sequence clobbers only t6 (x31).
enum AssemblyHarness {
    struct Run {
        var machine: Machine
        var stop: StopReason
        func x(_ index: Int) -> UInt32 { machine.register(index) }
        func signed(_ index: Int) -> Int32 { Int32(bitPattern: machine.register(index)) }
    }

    static func source(_ body: String, data: String = "") -> String {
        """
            .option norvc
            .section .text.start, "ax"
            .globl _start
        _start:
        \(body)
        __harness_exit:
            lui t6, 0x20000
            sw a0, 4(t6)
            addi t6, t6, 1
            sw t6, -1(t6)
        1:  j 1b
            .data
            .balign 16
        \(data)
        """
    }

    static func run(_ body: String, data: String = "", maxCycles: UInt64 = 100_000) throws -> Run {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let elf = try Toolchain.assemble(source(body, data: data), in: directory,
                                         linkerArguments: ["-T", Toolchain.runtime.appendingPathComponent("xheep.ld").path])
        let machine = try Machine(platform: .xheep, image: ELFImage(contentsOf: elf.path))
        let stop = machine.run(maxCycles: maxCycles)
        return Run(machine: machine, stop: stop)
    }
}
