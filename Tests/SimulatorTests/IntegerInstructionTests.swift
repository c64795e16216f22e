import Testing
@testable import Simulator

/// RV32I/M semantics on edge cases; expected values worked out by hand from
/// the unprivileged spec (chapters 2 and 7).
@Suite struct IntegerInstructionTests {
    @Test func shiftsUseFiveBitsAndSignExtendArithmetically() throws {
        let run = try AssemblyHarness.run("""
            li t0, 0x80000000
            srai a1, t0, 31
            srli a2, t0, 31
            li t1, 1
            slli a3, t1, 31
            li t2, 33
            sll a4, t1, t2          # shift by 33 & 31 = 1
            li t2, 63
            sra a5, t0, t2          # shift by 31
            srl a6, t0, t2
            li t2, 32
            srl a7, t0, t2          # shift by 0
            """)
        #expect(run.x(11) == 0xFFFF_FFFF)
        #expect(run.x(12) == 1)
        #expect(run.x(13) == 0x8000_0000)
        #expect(run.x(14) == 2)
        #expect(run.x(15) == 0xFFFF_FFFF)
        #expect(run.x(16) == 1)
        #expect(run.x(17) == 0x8000_0000)
    }

    @Test func comparisonsAndLogicSignedAndUnsigned() throws {
        let run = try AssemblyHarness.run("""
            li t0, -1
            li t1, 1
            slt a1, t0, t1          # -1 < 1
            sltu a2, t0, t1         # 0xffffffff < 1: no
            sltiu a3, t1, -1        # 1 < 0xffffffff: yes (immediate sign-extended)
            slti a4, t0, 0
            xori a5, t0, -1         # not
            ori a6, zero, -2048
            andi a7, t0, 0x7ff
            sub s2, zero, t1
            add s3, t0, t1          # wraps to 0
            lui s4, 0xfffff
            """)
        #expect(run.x(11) == 1)
        #expect(run.x(12) == 0)
        #expect(run.x(13) == 1)
        #expect(run.x(14) == 1)
        #expect(run.x(15) == 0)
        #expect(run.x(16) == 0xFFFF_F800)
        #expect(run.x(17) == 0x7FF)
        #expect(run.x(18) == 0xFFFF_FFFF)
        #expect(run.x(19) == 0)
        #expect(run.x(20) == 0xFFFF_F000)
    }

    @Test func divisionByZeroAndOverflowFollowTheSpec() throws {
        let run = try AssemblyHarness.run("""
            li t0, 0x80000000
            li t1, -1
            li t2, 7
            div a1, t2, zero        # -1
            divu a2, t2, zero       # 0xffffffff
            rem a3, t2, zero        # 7
            remu a4, t2, zero       # 7
            div a5, t0, t1          # INT_MIN / -1 = INT_MIN
            rem a6, t0, t1          # 0
            li t3, -7
            li t4, 2
            div a7, t3, t4          # -3 (truncates toward zero)
            rem s2, t3, t4          # -1 (sign of the dividend)
            divu s3, t3, t4         # 0xfffffff9 / 2 = 0x7ffffffc
            remu s4, t3, t4         # 1
            """)
        #expect(run.signed(11) == -1)
        #expect(run.x(12) == 0xFFFF_FFFF)
        #expect(run.x(13) == 7)
        #expect(run.x(14) == 7)
        #expect(run.x(15) == 0x8000_0000)
        #expect(run.x(16) == 0)
        #expect(run.signed(17) == -3)
        #expect(run.signed(18) == -1)
        #expect(run.x(19) == 0x7FFF_FFFC)
        #expect(run.x(20) == 1)
    }

    @Test func multiplyHighHalvesSignedUnsignedAndMixed() throws {
        let run = try AssemblyHarness.run("""
            li t0, -1
            li t1, 0x80000000
            mulh a1, t0, t0         # (-1)(-1) = 1: high 0
            mulhu a2, t0, t0        # (2^32-1)^2: high 0xfffffffe
            mulhsu a3, t0, t0       # -1 * (2^32-1): high 0xffffffff
            mulh a4, t1, t1         # 2^62: high 0x40000000
            mulhsu a5, t1, t0       # -2^31 * (2^32-1): high 0x80000000
            mul a6, t1, t0          # low half of -2^31 * -1 = 0x80000000
            li t2, 3
            mulhu a7, t1, t2        # 3 * 2^31 = 0x1_8000_0000: high 1
            """)
        #expect(run.x(11) == 0)
        #expect(run.x(12) == 0xFFFF_FFFE)
        #expect(run.x(13) == 0xFFFF_FFFF)
        #expect(run.x(14) == 0x4000_0000)
        #expect(run.x(15) == 0x8000_0000)
        #expect(run.x(16) == 0x8000_0000)
        #expect(run.x(17) == 1)
    }

    @Test func loadsSignAndZeroExtend() throws {
        let run = try AssemblyHarness.run("""
            la s0, bytes
            lb a1, 0(s0)            # 0x80
            lbu a2, 0(s0)
            lb a3, 1(s0)            # 0x7f
            lh a4, 2(s0)            # 0x8001
            lhu a5, 2(s0)
            lw a6, 4(s0)            # 0xdeadbeef
            lh a7, 4(s0)            # 0xbeef
            """, data: """
            bytes: .byte 0x80, 0x7f, 0x01, 0x80
                   .word 0xdeadbeef
            """)
        #expect(run.x(11) == 0xFFFF_FF80)
        #expect(run.x(12) == 0x80)
        #expect(run.x(13) == 0x7F)
        #expect(run.x(14) == 0xFFFF_8001)
        #expect(run.x(15) == 0x8001)
        #expect(run.x(16) == 0xDEAD_BEEF)
        #expect(run.x(17) == 0xFFFF_BEEF)
    }

    @Test func storesWriteOnlyTheirWidth() throws {
        let run = try AssemblyHarness.run("""
            la s0, buffer
            li t0, 0x11223344
            sw t0, 0(s0)
            li t1, 0xaabbccdd
            sb t1, 1(s0)
            sh t1, 6(s0)
            lw a1, 0(s0)
            lw a2, 4(s0)
            """, data: "buffer: .word 0, 0")
        #expect(run.x(11) == 0x1122_DD44)
        #expect(run.x(12) == 0xCCDD_0000)
    }

    @Test func misalignedAccessesAreAllowed() throws {
        let run = try AssemblyHarness.run("""
            la s0, buffer
            lw a1, 1(s0)            # bytes 1..4
            lh a2, 3(s0)            # bytes 3..4, sign-extended
            lhu a3, 5(s0)
            li t0, 0xcafef00d
            sw t0, 9(s0)            # crosses a word boundary
            lw a4, 8(s0)
            lw a5, 12(s0)
            """, data: """
            buffer: .byte 0x00, 0x11, 0x22, 0x33, 0x84, 0x55, 0x66, 0x77
                    .word 0, 0
            """)
        #expect(run.x(11) == 0x8433_2211)
        #expect(run.x(12) == 0xFFFF_8433)
        #expect(run.x(13) == 0x6655)
        #expect(run.x(14) == 0xFEF0_0D00)
        #expect(run.x(15) == 0x0000_00CA)
    }

    @Test func writesToX0AreDiscarded() throws {
        let run = try AssemblyHarness.run("""
            la s0, word
            li x0, 5
            addi x0, x0, 1
            lw x0, 0(s0)
            lui x0, 0x12345
            jal x0, 1f
            1:  add a1, x0, x0
            mv a2, zero
            """, data: "word: .word 0x12345678")
        #expect(run.x(0) == 0)
        #expect(run.x(11) == 0)
        #expect(run.x(12) == 0)
    }

    @Test func jumpsLinkAndBranchesCompareCorrectly() throws {
        let run = try AssemblyHarness.run("""
            auipc a1, 0             # at 0x180
            jal ra, 1f              # at 0x184: ra = 0x188
            li a2, 99               # skipped
            1:  la t0, 2f
            addi t0, t0, 1          # jalr clears bit 0
            jalr a3, 0(t0)
            li a4, 99               # skipped
            2:  li t1, -1
            li t2, 1
            li a5, 0
            blt t1, t2, 3f          # taken (signed)
            ori a5, a5, 1
            3:  bltu t1, t2, 4f         # not taken (unsigned)
            ori a5, a5, 2
            4:  bge t2, t1, 5f          # taken
            ori a5, a5, 4
            5:  bgeu t2, t1, 6f         # not taken
            ori a5, a5, 8
            6:  beq t1, t1, 7f
            ori a5, a5, 16
            7:  bne t1, t1, 8f
            ori a5, a5, 32
            8:
            """)
        #expect(run.x(11) == 0x180)
        #expect(run.x(1) == 0x188)
        #expect(run.x(12) == 0)
        #expect(run.x(14) == 0)
        #expect(run.x(13) != 0)
        #expect(run.x(15) == 2 | 8 | 32)
    }

    @Test func storesOverExecutedCodeDropTheCachedDecode() throws {
        // The patched instruction runs once before the store (so it is in the
        // pre-decode cache), then again after it: the second run must see the
        // new word, addi a1, a1, 42 (0x02a58593).
        let run = try AssemblyHarness.run("""
            li a1, 0
            li s1, 0
            again:
            patch:
                addi a1, a1, 1
                bnez s1, done
                li s1, 1
                la t0, patch
                li t1, 0x02a58593
                sw t1, 0(t0)
                fence.i
                j again
            done:
            """)
        #expect(run.x(11) == 43)
    }

    @Test func fenceAndWfiAreNoOperations() throws {
        let run = try AssemblyHarness.run("""
            li a1, 7
            fence
            fence.i
            wfi
            addi a1, a1, 1
            """)
        #expect(run.x(11) == 8)
        #expect(run.stop == .exited(code: 0, via: .socCtrl))
    }
}
