import Testing
@testable import Schedule

/// Hand-computed results for small procs built in Swift.
@Suite struct InterpreterTests {
    @Test func scalesAVector() throws {
        var b = ProcBuilder("scale")
        let n = b.size("n")
        let x = b.tensor("x", .i32, [n])
        let p = b.build { forLoop("i", 0, n) { i in assign(x[i], x[i] * 2 + i) } }
        let t = Tensor(.i32, shape: [5], values: [1, 2, 3, -4, 10])
        try Interpreter.run(p, [.int(5), .tensor(t)])
        #expect(t.intValues == [2, 5, 8, -5, 24])
    }

    @Test func writesThroughAWindowLandInTheCallersTensor() throws {
        var f = ProcBuilder("fill")
        let w = f.window("w", .i32, [2, 2])
        let fill = f.build {
            forLoop("i", 0, 2) { i in forLoop("j", 0, 2) { j in assign(w[i, j], i * 10 + j + 1) } }
        }
        var b = ProcBuilder("caller")
        let x = b.tensor("x", .i32, [4, 4])
        let p = b.build { call(fill, x[1 ..< 3, 2 ..< 4]) }
        let t = Tensor(.i32, shape: [4, 4])
        try Interpreter.run(p, [.tensor(t)])
        #expect(t.intValues == [0, 0, 0, 0,
                                0, 0, 1, 2,
                                0, 0, 11, 12,
                                0, 0, 0, 0])
    }

    @Test func windowDefinitionsAndPointDimensionsAreViews() throws {
        var b = ProcBuilder("row")
        let x = b.tensor("x", .i32, [3, 4])
        let (def, r) = windowDef("r", x[.at(2), 1 ..< 4])
        let p = b.build {
            def
            forLoop("j", 0, 3) { j in assign(r[j], j + 7) }
            reduce(x[0, 0], stride(x, 0) + stride(r, 0))   // 4 + 1
        }
        let t = Tensor(.i32, shape: [3, 4])
        try Interpreter.run(p, [.tensor(t)])
        #expect(t.intValues == [5, 0, 0, 0, 0, 0, 0, 0, 0, 7, 8, 9])
    }

    @Test func storesWrapToTheElementWidth() throws {
        var b = ProcBuilder("wrap")
        let a = b.tensor("a", .i8, [4])
        let h = b.tensor("h", .i16, [1])
        let w = b.tensor("w", .i32, [1])
        let p = b.build {
            assign(a[0], 100 + 100)          // 200 -> -56
            assign(a[1], 127)
            reduce(a[1], 1)                  // 128 -> -128
            assign(a[2], a[1] * a[1])        // 16384 = 0x4000 -> 0
            assign(a[3], a[1] * 3 - 1)       // -385 = 0x...7F -> 127
            assign(h[0], 300 * 300)          // 90000 - 65536 = 24464
            assign(w[0], 2_147_483_647)
            reduce(w[0], 1)                  // wraps to -2^31
        }
        let ta = Tensor(.i8, shape: [4]), th = Tensor(.i16, shape: [1]), tw = Tensor(.i32, shape: [1])
        try Interpreter.run(p, [.tensor(ta), .tensor(th), .tensor(tw)])
        #expect(ta.intValues == [-56, -128, 0, 127])
        #expect(th.intValues == [24464])
        #expect(tw.intValues == [-2_147_483_648])
    }

    @Test func i32ProductsWrapAtThirtyTwoBits() throws {
        var b = ProcBuilder("mul")
        let x = b.tensor("x", .i32, [3])
        let p = b.build { assign(x[2], x[0] * x[1]) }
        let t = Tensor(.i32, shape: [3], values: [65536, 65537, 0])   // 2^32 + 2^16 -> 65536
        try Interpreter.run(p, [.tensor(t)])
        #expect(t.intValues[2] == 65536)
    }

    @Test func indexDivisionAndModuloFloorLikePython() throws {
        var b = ProcBuilder("divmod")
        let q = b.tensor("q", .i32, [6])
        let r = b.tensor("r", .i32, [6])
        let p = b.build {
            forLoop("i", 0, 6) { i in
                assign(q[i], (i - 3) / 2)
                assign(r[i], (i - 3) % 2)
            }
        }
        let tq = Tensor(.i32, shape: [6]), tr = Tensor(.i32, shape: [6])
        try Interpreter.run(p, [.tensor(tq), .tensor(tr)])
        // i - 3 = -3 -2 -1 0 1 2
        #expect(tq.intValues == [-2, -1, -1, 0, 0, 1])
        #expect(tr.intValues == [1, 0, 1, 0, 1, 0])
        // A negative divisor: 7 // -2 == -4 and 7 % -2 == -1 in Python.
        #expect(FloorArithmetic.divide(7, -2) == -4)
        #expect(FloorArithmetic.modulo(7, -2) == -1)
    }

    @Test func dataDivisionTruncatesLikeC() throws {
        var b = ProcBuilder("ddiv")
        let x = b.tensor("x", .i32, [4])
        let p = b.build {
            assign(x[2], x[0] / x[1])
            assign(x[3], x[0] % x[1])
        }
        let t = Tensor(.i32, shape: [4], values: [-7, 2, 0, 0])
        try Interpreter.run(p, [.tensor(t)])
        #expect(t.intValues == [-7, 2, -3, -1])
    }

    @Test func floatArithmetic() throws {
        var b = ProcBuilder("axpy")
        let x = b.tensor("x", .f32, [2])
        let y = b.tensor("y", .f32, [2])
        let p = b.build { forLoop("i", 0, 2) { i in reduce(y[i], 0.5 * x[i]) } }
        let tx = Tensor(shape: [2], floats: [3, -1]), ty = Tensor(shape: [2], floats: [1, 1])
        try Interpreter.run(p, [.tensor(tx), .tensor(ty)])
        #expect(ty.floatValues == [2.5, 0.5])
    }

    @Test func aFailingPreconditionIsAnInterpreterError() throws {
        var b = ProcBuilder("quads")
        let n = b.size("n")
        let x = b.tensor("x", .i32, [n])
        b.assert(n % 4 == 0)
        var p = b.build { forLoop("i", 0, n) { i in assign(x[i], 1) } }
        p.loc = SourceLocation(line: 3, column: 1)
        let t = Tensor(.i32, shape: [6])
        let e = #expect(throws: KernelError.self) { try Interpreter.run(p, [.int(6), .tensor(t)]) }
        #expect(e?.phase == .interpreter)
        #expect(e?.message == "precondition of quads fails: assert n % 4 == 0")
        #expect(e?.location == SourceLocation(line: 3, column: 1))
        try Interpreter.run(p, [.int(8), .tensor(Tensor(.i32, shape: [8]))])
    }

    @Test func anInstructionPreconditionOnStridesIsCheckedAtTheCall() throws {
        var ib = ProcBuilder("load4", instruction: "load4({dst_data})")
        let dst = ib.window("dst", .i32, [2, 2])
        ib.assert(stride(dst, 0) == 4)
        let load4 = ib.build { pass() }
        var b = ProcBuilder("caller")
        let x = b.tensor("x", .i32, [4, 8])
        let callLoc = SourceLocation(line: 9, column: 5)
        var s = call(load4, x[0 ..< 2, 0 ..< 2])
        s.loc = callLoc
        let stmt = s
        let p = b.build { stmt }
        let e = #expect(throws: KernelError.self) { try Interpreter.run(p, [.tensor(Tensor(.i32, shape: [4, 8]))]) }
        #expect(e?.message == "precondition of load4 fails: assert stride(dst, 0) == 4")
        #expect(e?.location == callLoc)
    }

    @Test func outOfBoundsAccessIsReportedWithItsLocation() throws {
        var b = ProcBuilder("shift")
        let n = b.size("n")
        let x = b.tensor("x", .i32, [n])
        let loc = SourceLocation(line: 4, column: 9)
        let p = b.build {
            forLoop("i", 0, n) { i in
                Stmt(.assign(x.requiredSym, [i.expr], Expr(.read(x.requiredSym, [(i + 1).expr]), at: loc)), at: loc)
            }
        }
        let e = #expect(throws: KernelError.self) { try Interpreter.run(p, [.int(3), .tensor(Tensor(.i32, shape: [3]))]) }
        #expect(e?.phase == .interpreter)
        #expect(e?.message == "out-of-bounds access at index [3] of a tensor of shape [3]")
        #expect(e?.location == loc)
    }

    @Test func aWindowOutsideItsTensorIsRefused() throws {
        var f = ProcBuilder("touch")
        let w = f.window("w", .i32, [2])
        let touch = f.build { assign(w[0], 1) }
        var b = ProcBuilder("caller")
        let x = b.tensor("x", .i32, [4])
        let p = b.build { call(touch, x[3 ..< 5]) }
        let e = #expect(throws: KernelError.self) { try Interpreter.run(p, [.tensor(Tensor(.i32, shape: [4]))]) }
        #expect(e?.message.hasPrefix("window 3:5 out of bounds") == true)
    }

    @Test func wrongArgumentsAreErrorsNotCrashes() throws {
        var b = ProcBuilder("p")
        let n = b.size("n")
        let x = b.tensor("x", .i32, [n, 2])
        let p = b.build { forLoop("i", 0, n) { i in assign(x[i, 0], 1) } }
        #expect(throws: KernelError.self) { try Interpreter.run(p, [.int(2)]) }
        #expect(throws: KernelError.self) { try Interpreter.run(p, [.int(3), .tensor(Tensor(.i32, shape: [2, 2]))]) }
        #expect(throws: KernelError.self) { try Interpreter.run(p, [.int(2), .tensor(Tensor(.i8, shape: [2, 2]))]) }
        #expect(throws: KernelError.self) { try Interpreter.run(p, [.int(-1), .tensor(Tensor(.i32, shape: [0, 2]))]) }
    }

    @Test func anAllocationInALoopStartsFreshEachIteration() throws {
        var b = ProcBuilder("fresh")
        let out = b.tensor("out", .i32, [3])
        let p = b.build {
            forLoop("i", 0, 3) { i in
                let t = Term.variable("t")
                alloc(t, .i32, [1])
                reduce(t[0], i)
                assign(out[i], t[0])
            }
        }
        let t = Tensor(.i32, shape: [3])
        try Interpreter.run(p, [.tensor(t)])
        #expect(t.intValues == [0, 1, 2])
    }
}
