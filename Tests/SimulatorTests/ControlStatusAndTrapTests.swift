import Testing
@testable import Simulator

/// Zicsr and machine-mode traps (privileged spec ch. 3); expected values by hand.
@Suite struct ControlStatusAndTrapTests {
    @Test func csrReadSetClearAndImmediateForms() throws {
        let run = try AssemblyHarness.run("""
            li t0, 0xf0f0
            csrrw a1, mscratch, t0      # old 0
            li t1, 0x0f00
            csrrs a2, mscratch, t1      # old 0xf0f0, new 0xfff0
            li t1, 0x00f0
            csrrc a3, mscratch, t1      # old 0xfff0, new 0xff00
            csrrsi a4, mscratch, 5      # old 0xff00, new 0xff05
            csrrci a5, mscratch, 1      # old 0xff05, new 0xff04
            csrrwi a6, mscratch, 31     # old 0xff04, new 31
            csrr a7, mscratch
            csrr s2, misa
            csrrs s3, mhartid, zero     # read-only CSR: reading is fine
            csrr s4, mcountinhibit
            """)
        #expect(run.x(11) == 0)
        #expect(run.x(12) == 0xF0F0)
        #expect(run.x(13) == 0xFFF0)
        #expect(run.x(14) == 0xFF00)
        #expect(run.x(15) == 0xFF05)
        #expect(run.x(16) == 0xFF04)
        #expect(run.x(17) == 31)
        #expect(run.x(18) == 0x4080_1100)       // RV32, I, M, X
        #expect(run.x(19) == 0)
        #expect(run.x(20) == 0xD)               // cv32e40p reset value
    }

    @Test func countersCountOnlyWhenEnabledAndAcceptWrites() throws {
        let run = try AssemblyHarness.run("""
            csrr a1, minstret           # inhibited at reset: frozen at 0
            nop
            csrr a2, minstret
            csrci mcountinhibit, 5      # enable mcycle and minstret
            csrw minstret, zero         # the write replaces this instruction's increment
            nop
            nop
            csrr a3, minstret           # 2: the two nops
            csrw mcycle, zero
            nop
            csrr a4, mcycle             # 2: csrw and nop, one cycle each in functional mode
            csrsi mcountinhibit, 1
            csrr a5, mcycle
            nop
            csrr a6, mcycle             # frozen
            li t0, 7
            csrw mcycleh, t0
            csrr a7, mcycleh
            """)
        #expect(run.x(11) == 0)
        #expect(run.x(12) == 0)
        #expect(run.x(13) == 2)
        #expect(run.x(14) == 2)        // mcycle counts from the writing instruction (HardwareCounter)
        #expect(run.x(16) == run.x(15))
        #expect(run.x(17) == 7)
    }

    /// The handler records mcause, mepc, mtval and mstatus, then returns past
    /// the trapping instruction.
    static let handler = """
            .balign 4
        handler:
            csrr t3, mcause
            sw t3, 0(s0)
            csrr t3, mepc
            sw t3, 4(s0)
            csrr t3, mtval
            sw t3, 8(s0)
            csrr t3, mstatus
            sw t3, 12(s0)
            csrr t3, mepc
            addi t3, t3, 4
            csrw mepc, t3
            mret
        """

    @Test func illegalInstructionTrapsWithWordInMtval() throws {
        let run = try AssemblyHarness.run("""
            la s0, record
            la t0, handler
            csrw mtvec, t0
            csrsi mstatus, 8            # MIE = 1
            li a1, 1
            faulting:
                .word 0xffffffff
            li a2, 2                    # resumes here after mret
            csrr a3, mstatus
            la a4, faulting
            j __harness_exit
            \(Self.handler)
            """, data: "record: .word 0, 0, 0, 0")
        let machine = run.machine
        let base = try #require(machine.symbols.address(of: "record"))
        #expect(run.x(12) == 2)
        #expect(machine.readWord(base) == TrapCause.illegalInstruction)
        #expect(machine.readWord(base + 4) == run.x(14))
        #expect(machine.readWord(base + 8) == 0xFFFF_FFFF)
        #expect(machine.readWord(base + 12) == 0x1880)   // MPP = 3, MPIE = 1, MIE = 0 in the handler
        #expect(run.x(13) == 0x1888)                      // mret: MIE back from MPIE, MPIE = 1
        #expect(run.stop == .exited(code: 0, via: .socCtrl))
    }

    @Test func ecallAndEbreakTrapWithTheirCauses() throws {
        let run = try AssemblyHarness.run("""
            la s0, record
            la t0, handler
            csrw mtvec, t0
            ecall
            lw a1, 0(s0)
            lw a2, 8(s0)
            ebreaking:
                ebreak
            lw a3, 0(s0)
            lw a4, 4(s0)
            lw a5, 8(s0)
            la a6, ebreaking
            j __harness_exit
            \(Self.handler)
            """, data: "record: .word 0, 0, 0, 0")
        #expect(run.x(11) == TrapCause.environmentCall)
        #expect(run.x(12) == 0)
        #expect(run.x(13) == TrapCause.breakpoint)
        #expect(run.x(14) == run.x(16))
        #expect(run.x(15) == run.x(16))          // mtval = pc of the ebreak
    }

    @Test func writingAReadOnlyOrUnknownCSRIsIllegal() throws {
        let run = try AssemblyHarness.run("""
            la s0, record
            la t0, handler
            csrw mtvec, t0
            csrw mhartid, t0
            lw a1, 0(s0)
            lw a2, 8(s0)
            sw zero, 0(s0)
            csrr a3, 0x7c0              # not implemented
            lw a4, 0(s0)
            j __harness_exit
            \(Self.handler)
            """, data: "record: .word 0, 0, 0, 0")
        #expect(run.x(11) == TrapCause.illegalInstruction)
        #expect(run.x(12) == 0xF142_9073)        // csrw mhartid, t0 (csrrw x0, 0xf14, x5)
        #expect(run.x(14) == TrapCause.illegalInstruction)
    }

    @Test func misalignedJumpTargetTrapsAtTheJump() throws {
        let run = try AssemblyHarness.run("""
            la s0, record
            la t0, handler
            csrw mtvec, t0
            la t1, target
            addi t1, t1, 2
            jumping:
                jalr ra, 0(t1)
            la a1, jumping
            lw a2, 0(s0)
            lw a3, 4(s0)
            lw a4, 8(s0)
            mv a5, t1
            j __harness_exit
            target: nop
            \(Self.handler)
            """, data: "record: .word 0, 0, 0, 0")
        #expect(run.x(12) == TrapCause.instructionAddressMisaligned)
        #expect(run.x(13) == run.x(11))
        #expect(run.x(14) == run.x(15))
        #expect(run.x(1) == 0)                   // the jump did not link
    }
}
