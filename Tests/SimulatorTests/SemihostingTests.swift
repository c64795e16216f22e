import Foundation
import Testing
@testable import Simulator

/// Semihosting calls made directly from assembly (a0 = operation, a1 =
/// parameter), results checked by hand from the semihosting specification.
@Suite struct SemihostingTests {
    static func run(_ body: String, data: String = "") throws -> (machine: Machine, stop: StopReason) {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = """
                .option norvc
                .text
                .globl _start
            _start:
            \(body)
            1:  j 1b
            call:
                .balign 16
                slli x0, x0, 0x1f
                ebreak
                srai x0, x0, 7
                ret
                .data
                .balign 4
            \(data)
            """
        let elf = try Toolchain.assemble(source, in: directory, linkerArguments: ["-n", "-Ttext=0x80000000", "-e", "_start"])
        let machine = try Machine(platform: .virt, image: ELFImage(contentsOf: elf.path))
        let stop = machine.run(maxCycles: 10_000)
        return (machine, stop)
    }

    @Test func consoleCallsAndHandles() throws {
        let (machine, stop) = try Self.run("""
                li a0, 4                 # SYS_WRITE0
                la a1, text
                jal call
                li a0, 3                 # SYS_WRITEC
                la a1, bang
                jal call
                li a0, 1                 # SYS_OPEN(":tt", mode 4 = "w")
                la a1, openBlock
                jal call
                mv s1, a0
                la t0, writeBlock
                sw s1, 0(t0)
                li a0, 5                 # SYS_WRITE(handle, "ok", 2) -> 0 bytes left
                la a1, writeBlock
                jal call
                mv s2, a0
                la t0, ttyBlock
                sw s1, 0(t0)
                li a0, 9                 # SYS_ISTTY
                la a1, ttyBlock
                jal call
                mv s3, a0
                li a0, 0x99              # unknown operation
                jal call
                mv s4, a0
                li a0, 0x18              # SYS_EXIT with a failure reason
                li a1, 0x20023
                jal call
            """, data: """
            text: .asciz "semi"
            bang: .byte 33
            tt: .asciz ":tt"
            ok: .ascii "ok"
                .balign 4
            openBlock: .word tt, 4, 3
            writeBlock: .word 0, ok, 2
            ttyBlock: .word 0
            """)
        #expect(machine.console.text == "semi!ok")
        #expect(machine.register(9) != UInt32.max)    // a handle
        #expect(machine.register(18) == 0)
        #expect(machine.register(19) == 1)
        #expect(machine.register(20) == UInt32.max)
        #expect(stop == .exited(code: 1, via: .semihosting))
    }

    @Test func exitReasons() throws {
        let success = try Self.run("""
                li a0, 0x18
                li a1, 0x20026           # ADP_Stopped_ApplicationExit
                jal call
            """)
        #expect(success.stop == .exited(code: 0, via: .semihosting))
        let extended = try Self.run("""
                li a0, 0x20              # SYS_EXIT_EXTENDED(ApplicationExit, 0x1234)
                la a1, block
                jal call
            """, data: "block: .word 0x20026, 0x1234")
        #expect(extended.stop == .exited(code: 0x1234, via: .semihosting))
    }

    @Test func featuresFileAdvertisesExitExtended() throws {
        let (machine, _) = try Self.run("""
                li a0, 1                 # SYS_OPEN(":semihosting-features", "rb")
                la a1, openBlock
                jal call
                mv s1, a0
                la t0, readBlock
                sw s1, 0(t0)
                li a0, 6                 # SYS_READ(handle, buffer, 8) -> 3 bytes not read
                la a1, readBlock
                jal call
                mv s2, a0
                li a0, 0x18
                li a1, 0x20026
                jal call
            """, data: """
            name: .asciz ":semihosting-features"
                .balign 4
            openBlock: .word name, 1, 21
            readBlock: .word 0, buffer, 8
            buffer: .space 8
            """)
        #expect(machine.register(18) == 3)
        let buffer = try #require(machine.symbols.address(of: "buffer"))
        #expect(machine.readMemory(buffer, count: 5) == Array("SHFB".utf8) + [0x03])
    }
}
