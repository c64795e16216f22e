import Testing
import TestSupport
@testable import Simulator

/// RVM semantics (RVM-SPEC.md §1) against the independent reference in
/// TestSupport/RVMReference.swift. Tiles are loaded with `mld.w`, computed, and
/// stored back with `mst.w`; the test reads memory.
@Suite struct RVMInstructionTests {
    /// A 4x4 matrix laid out with `stride` bytes per row; gaps hold a sentinel.
    static func rows(_ name: String, _ tile: [UInt32], stride: Int) -> String {
        var words: [String] = []
        for i in 0..<4 {
            words += tile[(i * 4)..<(i * 4 + 4)].map { "0x" + String($0, radix: 16) }
            words += Array(repeating: "0xa5a5a5a5", count: (stride - 16) / 4)
        }
        return "\(name): .word " + words.joined(separator: ", ")
    }

    static func readRows(_ machine: Machine, at address: UInt32, stride: Int) throws -> [UInt32] {
        var tile: [UInt32] = []
        for i in 0..<4 {
            for j in 0..<4 { tile.append(try #require(machine.readWord(address + UInt32(i * stride + 4 * j)))) }
        }
        return tile
    }

    static func random(_ generator: inout SeededGenerator) -> [UInt32] {
        (0..<16).map { _ in UInt32(truncatingIfNeeded: generator.next()) }
    }

    /// Loads ms1 into m1, ms2 into m5 and md into m2 (row stride 32), runs
    /// `word`, stores m2 with row stride 24 and returns it.
    static func compute(_ word: UInt32, md: [UInt32], ms1: [UInt32], ms2: [UInt32]) throws -> [UInt32] {
        let run = try AssemblyHarness.run("""
            li s1, 32
            la s0, matrixA
            .word \(RVMReference.mldW(md: 1, rs1: 8, rs2: 9))
            la s0, matrixB
            .word \(RVMReference.mldW(md: 5, rs1: 8, rs2: 9))
            la s0, matrixC
            .word \(RVMReference.mldW(md: 2, rs1: 8, rs2: 9))
            .word \(word)
            la s0, output
            li s1, 24
            .word \(RVMReference.mstW(ms: 2, rs1: 8, rs2: 9))
            """, data: [rows("matrixA", ms1, stride: 32), rows("matrixB", ms2, stride: 32),
                        rows("matrixC", md, stride: 32),
                        rows("output", Array(repeating: 0xDEAD_BEEF, count: 16), stride: 24)].joined(separator: "\n"))
        #expect(run.stop == .exited(code: 0, via: .socCtrl))
        let output = try #require(run.machine.symbols.address(of: "output"))
        // The gaps between rows stay untouched: stride 24 leaves 8 bytes per row.
        for i in 0..<4 {
            #expect(run.machine.readWord(output + UInt32(i * 24 + 16)) == 0xA5A5_A5A5)
        }
        return try readRows(run.machine, at: output, stride: 24)
    }

    @Test func mmasaWUsesTheEncodingFieldsOnNonSymmetricMatrices() throws {
        // ms1 = rows 0..15, ms2 = identity with a twist: results differ under any
        // operand swap or transpose.
        let a: [UInt32] = (0..<16).map { UInt32($0 + 1) }
        let b: [UInt32] = [1, 2, 0, 0,  0, 1, 0, 0,  0, 0, 3, 0,  0, 0, 0, 1]
        let c: [UInt32] = Array(repeating: 100, count: 16)
        // Worked by hand: C[i][j] = 100 + sum_k A[i][k] * B[j][k];
        // row 0 of A = 1 2 3 4 -> against B rows: 1*1+2*2=5, 2, 9, 4.
        let result = try Self.compute(RVMReference.mmasaW(md: 2, ms1: 1, ms2: 5), md: c, ms1: a, ms2: b)
        #expect(Array(result[0..<4]) == [105, 102, 109, 104])
        #expect(result == RVMReference.multiplyAccumulate(c, a, b, .int32))
        #expect(result != RVMReference.multiplyAccumulate(c, b, a, .int32))
    }

    @Test func assemblyTextOrderIsMdMs2Ms1() throws {
        // Text `mmasa.w m1, m0, m5` is the known-good word 0xF014882B: it
        // computes m1 += m5 * transpose(m0).
        let word: UInt32 = 0xF014_882B
        #expect(word == RVMReference.mmasaW(md: 1, ms1: 5, ms2: 0))
        let run = try AssemblyHarness.run("""
            li s1, 16
            la s0, first
            .word \(RVMReference.mldW(md: 0, rs1: 8, rs2: 9))
            la s0, second
            .word \(RVMReference.mldW(md: 5, rs1: 8, rs2: 9))
            .word \(RVMReference.mzero(md: 1))
            .word \(word)
            """, data: [Self.rows("first", (0..<16).map { UInt32($0) }, stride: 16),
                        Self.rows("second", (0..<16).map { UInt32(2 * $0 + 1) }, stride: 16)].joined(separator: "\n"))
        let m0: [UInt32] = (0..<16).map { UInt32($0) }
        let m5: [UInt32] = (0..<16).map { UInt32(2 * $0 + 1) }
        let zero = [UInt32](repeating: 0, count: 16)
        #expect(run.machine.tile(1) == RVMReference.multiplyAccumulate(zero, m5, m0, .int32))
        #expect(run.machine.tile(1) != RVMReference.multiplyAccumulate(zero, m0, m5, .int32))
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func mmasaWWrapsOnRandomData(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let a = Self.random(&generator), b = Self.random(&generator), c = Self.random(&generator)
        let result = try Self.compute(RVMReference.mmasaW(md: 2, ms1: 1, ms2: 5), md: c, ms1: a, ms2: b)
        #expect(result == RVMReference.multiplyAccumulate(c, a, b, .int32))
    }

    @Test func mmadaHMultipliesPackedInt16() throws {
        var generator = SeededGenerator(seed: 16)
        var a = Self.random(&generator), b = Self.random(&generator)
        a[0] = 0x8000_7FFF    // extremes: 32767 and -32768
        b[0] = 0x8000_8000
        let c = Self.random(&generator)
        let result = try Self.compute(RVMReference.mmadaH(md: 2, ms1: 1, ms2: 5), md: c, ms1: a, ms2: b)
        #expect(result == RVMReference.multiplyAccumulate(c, a, b, .int16))
        #expect(result != RVMReference.multiplyAccumulate(c, a, b, .int32))
    }

    @Test func mmadaHSmallValuesByHand() throws {
        // Row 0 of ms1: halves (1, -1, 2, 0, 0, 0, 0, 3); row 0 of ms2: (5, 7, 1, 0, 0, 0, 0, -2).
        // Dot product: 5 - 7 + 2 - 6 = -6.
        var a = [UInt32](repeating: 0, count: 16), b = [UInt32](repeating: 0, count: 16)
        a[0] = 0xFFFF_0001; a[1] = 0x0000_0002; a[3] = 0x0003_0000
        b[0] = 0x0007_0005; b[1] = 0x0000_0001; b[3] = 0xFFFE_0000
        let result = try Self.compute(RVMReference.mmadaH(md: 2, ms1: 1, ms2: 5), md: [UInt32](repeating: 0, count: 16), ms1: a, ms2: b)
        #expect(Int32(bitPattern: result[0]) == -6)
    }

    @Test func mmaqaBMultipliesPackedInt8() throws {
        var generator = SeededGenerator(seed: 8)
        var a = Self.random(&generator), b = Self.random(&generator)
        a[5] = 0x807F_8001
        b[1] = 0x8080_7F7F
        let c = Self.random(&generator)
        let result = try Self.compute(RVMReference.mmaqaB(md: 2, ms1: 1, ms2: 5), md: c, ms1: a, ms2: b)
        #expect(result == RVMReference.multiplyAccumulate(c, a, b, .int8))
    }

    @Test func mmaqaBSmallValuesByHand() throws {
        // Row 0 of ms1: bytes (1, -2, 3, 0, ..., 0, 4 at k = 15); row 0 of ms2: (2, 2, 2, 0, ..., 0, -1).
        // Dot product: 2 - 4 + 6 - 4 = 0; plus md = 10.
        var a = [UInt32](repeating: 0, count: 16), b = [UInt32](repeating: 0, count: 16)
        a[0] = 0x0003_FE01; a[3] = 0x0400_0000
        b[0] = 0x0002_0202; b[3] = 0xFF00_0000
        var c = [UInt32](repeating: 0, count: 16)
        c[0] = 10
        let result = try Self.compute(RVMReference.mmaqaB(md: 2, ms1: 1, ms2: 5), md: c, ms1: a, ms2: b)
        #expect(result[0] == 10)
    }

    @Test func fmmaccSAccumulatesInFP32InOrder() throws {
        var generator = SeededGenerator(seed: 32)
        func randomFloat() -> UInt32 {
            let magnitude = Float(Int(generator.next() % 2001) - 1000) / 7
            let scale = [Float(1), 1e-4, 1e4, 3e7][Int(generator.next() % 4)]
            return (magnitude * scale).bitPattern
        }
        let a = (0..<16).map { _ in randomFloat() }, b = (0..<16).map { _ in randomFloat() }
        let c = (0..<16).map { _ in randomFloat() }
        let result = try Self.compute(RVMReference.fmmaccS(md: 2, ms1: 1, ms2: 5), md: c, ms1: a, ms2: b)
        #expect(result == RVMReference.multiplyAccumulate(c, a, b, .float32))
        // By hand on one element: 1.5 + (2 * 0.25) + (-1 * 3) = -1.
        var x = [UInt32](repeating: 0, count: 16), y = [UInt32](repeating: 0, count: 16), z = [UInt32](repeating: 0, count: 16)
        x[0] = Float(2).bitPattern; x[1] = Float(-1).bitPattern
        y[0] = Float(0.25).bitPattern; y[1] = Float(3).bitPattern
        z[0] = Float(1.5).bitPattern
        let small = try Self.compute(RVMReference.fmmaccS(md: 2, ms1: 1, ms2: 5), md: z, ms1: x, ms2: y)
        #expect(Float(bitPattern: small[0]) == -1)
    }

    @Test func mldAndMstHonourStridesIncludingNegative() throws {
        // Rows at stride -20 from the last row upwards, stored back at stride 40.
        let run = try AssemblyHarness.run("""
            la s0, lastRow
            li s1, -20
            .word \(RVMReference.mldW(md: 3, rs1: 8, rs2: 9))
            la s2, output
            li s3, 40
            .word \(RVMReference.mstW(ms: 3, rs1: 18, rs2: 19))
            .word \(RVMReference.mzero(md: 4))
            """, data: """
            rows: .word 30, 31, 32, 33, 0
                  .word 20, 21, 22, 23, 0
                  .word 10, 11, 12, 13, 0
            lastRow: .word 0, 1, 2, 3, 0
            output: .fill 40, 4, 0xffffffff
            """)
        #expect(run.machine.tile(3) == [0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23, 30, 31, 32, 33])
        #expect(run.machine.tile(4) == [UInt32](repeating: 0, count: 16))
        let output = try #require(run.machine.symbols.address(of: "output"))
        #expect(try Self.readRows(run.machine, at: output, stride: 40) == run.machine.tile(3))
        #expect(run.machine.readWord(output + 16) == 0xFFFF_FFFF)
    }

    @Test func destinationMayAliasASource() throws {
        // md = ms2 = m5: the sum uses the values from before the instruction.
        let a: [UInt32] = (0..<16).map { UInt32($0 % 5) }
        let b: [UInt32] = (0..<16).map { UInt32(3 * $0 + 1) }
        let run = try AssemblyHarness.run("""
            li s1, 16
            la s0, matrixA
            .word \(RVMReference.mldW(md: 1, rs1: 8, rs2: 9))
            la s0, matrixB
            .word \(RVMReference.mldW(md: 5, rs1: 8, rs2: 9))
            .word \(RVMReference.mmasaW(md: 5, ms1: 1, ms2: 5))
            """, data: [Self.rows("matrixA", a, stride: 16), Self.rows("matrixB", b, stride: 16)].joined(separator: "\n"))
        #expect(run.machine.tile(5) == RVMReference.multiplyAccumulate(b, a, b, .int32))
    }
}
