import Testing
import Schedule
@testable import RVMTarget
import TestSupport

/// The instruction procs' bodies against RVM-SPEC.md §1, computed here from
/// the spec's formula: md[i][j] += sum_k enc_ms1[i][k] * enc_ms2[j][k], where
/// text `mmasa.w md, X, Y` puts X in encoding field ms2 and Y in ms1.
@Suite struct RVMSemanticsTests {
    /// load a, load b, zero c, `<mma> c, ta, tb`, store c.
    static func tileProduct(_ mma: Proc, _ load: Proc, source: ScalarType, accumulator: ScalarType,
                            zero: Proc, store: Proc) -> Proc {
        let cols = Term(integerLiteral: RVMTile.columns(of: source))
        var b = ProcBuilder("tile_product")
        let a = b.tensor("a", source, [4, cols])
        let bb = b.tensor("b", source, [4, cols])
        let c = b.tensor("c", accumulator, [4, 4])
        return b.build {
            let ta = Term.variable("ta"), tb = Term.variable("tb"), tc = Term.variable("tc")
            alloc(tc, accumulator, [4, 4], RVMTile.name)
            call(zero, tc)
            alloc(ta, source, [4, cols], RVMTile.name)
            alloc(tb, source, [4, cols], RVMTile.name)
            call(load, ta, a[0 ..< 4, 0 ..< cols])
            call(load, tb, bb[0 ..< 4, 0 ..< cols])
            call(mma, tc, ta, tb)
            call(store, tc, c[0 ..< 4, 0 ..< 4])
        }
    }

    /// Spec formula for text `op c, ta, tb`: enc_ms2 = ta, enc_ms1 = tb.
    static func expected(a: [Int], b: [Int], k: Int) -> [Int] {
        (0..<16).map { ij in
            let i = ij / 4, j = ij % 4
            let sum = (0..<k).reduce(0) { $0 &+ b[i * k + $1] &* a[j * k + $1] }
            return Int(Int32(truncatingIfNeeded: sum))
        }
    }

    @Test(arguments: [
        (RVMInstructions.mmasa, RVMInstructions.mld, ScalarType.i32),
        (RVMInstructions.mmada, RVMInstructions.mldI16, ScalarType.i16),
        (RVMInstructions.mmaqa, RVMInstructions.mldI8, ScalarType.i8),
    ])
    func integerMultiplyAccumulateMatchesTheSpec(mma: Proc, load: Proc, type: ScalarType) throws {
        let k = RVMTile.columns(of: type)
        let limit = 1 << (type.bitWidth - 1)
        var rng = SeededGenerator(seed: UInt64(k))
        let a = (0..<(4 * k)).map { _ in Int.random(in: -limit..<limit, using: &rng) }
        let b = (0..<(4 * k)).map { _ in Int.random(in: -limit..<limit, using: &rng) }
        let p = Self.tileProduct(mma, load, source: type, accumulator: .i32, zero: RVMInstructions.mzero, store: RVMInstructions.mst)
        let tc = Tensor(.i32, shape: [4, 4])
        try Interpreter.run(p, [.tensor(Tensor(type, shape: [4, k], values: a)), .tensor(Tensor(type, shape: [4, k], values: b)), .tensor(tc)])
        #expect(tc.intValues == Self.expected(a: a, b: b, k: k))
    }

    @Test func asymmetricExampleByHand() throws {
        // a = identity rows shifted: a[j][k] = 1 iff k == (j + 1) % 4; b[i][k] = 10 * i + k.
        // c[i][j] = sum_k b[i][k] * a[j][k] = b[i][(j + 1) % 4] = 10 * i + (j + 1) % 4.
        let a = (0..<16).map { $0 % 4 == ($0 / 4 + 1) % 4 ? 1 : 0 }
        let b = (0..<16).map { 10 * ($0 / 4) + $0 % 4 }
        let p = Self.tileProduct(RVMInstructions.mmasa, RVMInstructions.mld, source: .i32, accumulator: .i32,
                                 zero: RVMInstructions.mzero, store: RVMInstructions.mst)
        let tc = Tensor(.i32, shape: [4, 4])
        try Interpreter.run(p, [.tensor(Tensor(.i32, shape: [4, 4], values: a)), .tensor(Tensor(.i32, shape: [4, 4], values: b)), .tensor(tc)])
        #expect(tc.intValues == [1, 2, 3, 0, 11, 12, 13, 10, 21, 22, 23, 20, 31, 32, 33, 30])
    }

    @Test func floatMultiplyAccumulateAddsInIncreasingK() throws {
        let a: [Float] = (0..<16).map { Float($0) * 0.5 - 3 }
        let b: [Float] = (0..<16).map { Float(15 - $0) * 0.25 }
        let p = Self.tileProduct(RVMInstructions.fmmacc, RVMInstructions.mldF32, source: .f32, accumulator: .f32,
                                 zero: RVMInstructions.mzeroF32, store: RVMInstructions.mstF32)
        let tc = Tensor(.f32, shape: [4, 4])
        try Interpreter.run(p, [.tensor(Tensor(shape: [4, 4], floats: a)), .tensor(Tensor(shape: [4, 4], floats: b)), .tensor(tc)])
        let expected: [Float] = (0..<16).map { ij in
            var s: Float = 0
            for k in 0..<4 { s += b[(ij / 4) * 4 + k] * a[(ij % 4) * 4 + k] }
            return s
        }
        #expect(tc.floatValues == expected)
    }

    @Test func loadsRefuseAWindowWhoseRowsAreNotContiguous() throws {
        var b = ProcBuilder("bad_load")
        let x = b.tensor("x", .i32, [4, 4, 2])
        let p = b.build {
            let t = Term.variable("t")
            alloc(t, .i32, [4, 4], RVMTile.name)
            // Every other element of each row: strides (8, 2), so stride(src, 1) != 1.
            call(RVMInstructions.mld, t, x[0 ..< 4, 0 ..< 4, .at(0)])
        }
        let e = #expect(throws: KernelError.self) { try Interpreter.run(p, [.tensor(Tensor(.i32, shape: [4, 4, 2]))]) }
        #expect(e?.phase == .interpreter)
        #expect(e?.message == "precondition of rvm_mld fails: assert stride(src, 1) == 1")
    }
}
