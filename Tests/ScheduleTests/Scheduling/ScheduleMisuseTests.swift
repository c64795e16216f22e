import Testing
@testable import Schedule

/// Misuse of the scheduling API: each case is a schedule error that names
/// the rewrite and the problem, never a crash, a hang or a silent no-op.
@Suite struct ScheduleMisuseTests {
    static let text = """
        @proc
        def f(n: size, x: i32[16] @ DRAM, y: i32[16, 16] @ DRAM):
            for i in seq(0, 16):
                x[i] = 1
                for j in seq(0, 16):
                    y[i, j] = x[i]
            for k in seq(0, n):
                pass
        """

    func proc() throws -> Procedure { try ExoText.procedure(Self.text) }

    @Test func findWithoutANameIsRefused() throws {
        let p = try proc()
        // These used to trap on an empty split.
        #expect(scheduleError { _ = try p.findLoop("") }
            == "findLoop: expected the name of a loop variable, optionally followed by `#n`, got ``")
        #expect(scheduleError { _ = try p.findAlloc("") }
            == "findAlloc: expected the name of a buffer, optionally followed by `#n`, got ``")
        #expect(scheduleError { _ = try p.findLoop("#1") }
            == "findLoop: expected the name of a loop variable, optionally followed by `#n`, got `#1`")
        #expect(try p.findLoop("_ #1").isLoop)
        #expect(scheduleError { _ = try p.findLoop("j #3") } == "find: pattern `for j in _: _ #3` asks for match #3, but f has 1 match (#0 to #0)")
        #expect(scheduleError { _ = try p.find("y[_] = _ #1") } == "find: pattern `y[_] = _ #1` asks for match #1, but f has 1 match (#0 to #0)")
        #expect(scheduleError { _ = try p.findLoop("zz") } == "find: no match for pattern `for zz in _: _` in f")
        #expect(try p.findLoop("j #0").isLoop)
    }

    @Test func cursorErrorsNameTheRewrite() throws {
        let p = try proc(), other = try proc()
        let msg = scheduleError { _ = try p.divideLoop(other.findLoop("i"), by: 4, newNames: ("io", "ii")) }
        #expect(msg.hasPrefix("divideLoop: cursor "))
        #expect(msg.hasSuffix("does not come from `f` or a version it was derived from"))
    }

    @Test func newNamesMustBeIdentifiersAndDistinct() throws {
        let p = try proc()
        let i = try p.findLoop("i")
        #expect(scheduleError { _ = try p.divideLoop(i, by: 4, newNames: ("", "ii")) }
            == "divideLoop: `` is not a valid name for the outer loop variable (an identifier: a letter or `_`, then letters, digits or `_`; not a keyword)")
        #expect(scheduleError { _ = try p.divideLoop(i, by: 4, newNames: ("io", "1x")) }.hasPrefix(
            "divideLoop: `1x` is not a valid name for the inner loop variable"))
        #expect(scheduleError { _ = try p.divideLoop(i, by: 4, newNames: ("j", "j")) }.hasPrefix(
            "divideLoop: the outer and inner loops need two different names, got `j` twice"))
        #expect(scheduleError { _ = try p.stageMem(p.findLoop("j"), window: "y[i, 0:16]", name: "for") }.hasPrefix(
            "stageMem: `for` is not a valid name for the staging buffer"))
        #expect(scheduleError { _ = try p.bindExpr(p.find("x[_] = _").rhs(), newName: "a b") }.hasPrefix(
            "bindExpr: `a b` is not a valid name for the new scalar"))
        #expect(scheduleError { _ = try p.rename("if") }.hasPrefix("rename: `if` is not a valid name for a proc"))
    }

    @Test func aHugeDivisorIsRefusedNotWrapped() throws {
        let p = try proc()
        // `16 + (c - 1)` used to wrap in the simplifier, giving `seq(0, -1)`: a loop that never ran.
        let msg = scheduleError { _ = try p.divideLoop(p.findLoop("i"), by: Int.max, newNames: ("io", "ii")) }
        #expect(msg.hasPrefix("divideLoop: the divisor 9223372036854775807 does not fit in 32 bits"))
    }

    @Test func unrollingIsBounded() throws {
        let big = try ExoText.procedure("@proc\ndef g(x: i32[4] @ DRAM):\n    for i in seq(0, 1000000):\n        x[0] = 1\n")
        #expect(scheduleError { _ = try big.unrollLoop(big.findLoop("i")) }.hasPrefix(
            "unrollLoop: the loop runs 1000000 iterations: unrolled, its body of 1 statement would become 1000000 statements, more than the limit of 65536"))
        // Used to loop for ever building copies.
        let huge = Procedure(try KernelParser.parseProc(
            "@proc\ndef g(n: size, x: i32[4] @ DRAM):\n    for i in seq(0, 2147483647):\n        for j in seq(0, n):\n            x[0] = 1\n"))
        #expect(scheduleError { _ = try huge.unrollLoop(huge.findLoop("i")) }.hasPrefix(
            "unrollLoop: the loop runs 2147483647 iterations: unrolled, its body of 2 statements would become 4294967294 statements"))
        let p = try proc()
        #expect(scheduleError { _ = try p.unrollLoop(p.findLoop("k")) }.hasPrefix("unrollLoop: the loop bounds are not constants"))
    }

    @Test func liftAndFissionCountsMustBePositive() throws {
        let p = try proc()
        // A negative count used to return the proc unchanged, even on a cursor that is no allocation.
        #expect(scheduleError { _ = try p.liftAlloc(p.findLoop("i"), nLifts: -2) } == "liftAlloc: nLifts must be at least 1, got -2")
        // nLifts: 0 used to fission once.
        #expect(scheduleError { _ = try p.fission(p.find("x[_] = _").after(), nLifts: 0) } == "fission: nLifts must be at least 1, got 0")
        #expect(scheduleError { _ = try p.liftScope(p.findLoop("j"), n: -1) } == "liftScope: n must not be negative, got -1")
        #expect(scheduleError { _ = try p.removeRedundantLoops(p.findLoop("j"), num: -1) }
            == "removeRedundantLoops: num must not be negative, got -1")
    }

    @Test func expressionArgumentsThatDoNotParseNameTheRewrite() throws {
        let p = try proc()
        #expect(scheduleError { _ = try p.stageMem(p.findLoop("j"), window: "y[i, ", name: "t") }
            == "stageMem: cannot read the expression `y[i, `: expected an expression, found end of the expression")
        #expect(scheduleError { _ = try p.cutLoop(p.findLoop("i"), at: "((") }.hasPrefix("cutLoop: cannot read the expression `((`"))
        #expect(scheduleError { _ = try p.specialize(p.findLoop("i"), conditions: ["n <"]) }.hasPrefix(
            "specialize: cannot read the expression `n <`"))
    }

    @Test func onlyInstructionsReplaceStatements() throws {
        let p = try proc()
        let plain = try KernelParser.parseProc("@proc\ndef set1(x: [i32][16] @ DRAM):\n    for i in seq(0, 16):\n        x[i] = 1\n")
        #expect(scheduleError { _ = try p.replace(p.findLoop("i"), with: plain) }
            == "replace: set1 is a @proc, not an @instr: only an instruction proc (its body its meaning, its C template its code) can replace statements")
        // replaceAll tries every site and skips mismatches: a plain proc would be ignored silently.
        #expect(scheduleError { _ = try p.replaceAll([plain]) }.hasPrefix("replaceAll: set1 is a @proc, not an @instr"))
    }

    @Test func wrongKindsOfTargetsAreNamed() throws {
        let p = try proc()
        #expect(scheduleError { _ = try p.divideLoop(p.find("x[_] = _"), by: 4, newNames: ("a", "b")) }.hasPrefix("divideLoop: expected a loop"))
        #expect(scheduleError { _ = try p.divideLoop(p.findLoop("i"), by: 0, newNames: ("a", "b")) }.hasPrefix("divideLoop: the divisor must be positive, got 0"))
        #expect(scheduleError { _ = try p.stageMem(p.findLoop("j"), window: "y[i, 0:16, 0]", name: "t") }.hasPrefix(
            "stageMem: the window y[i, 0:16, 0] has 3 dimensions, y has 2"))
    }

    /// Found by fuzzing: specializing an allocation put each copy in a branch
    /// of the `if`, so the statements after it read a buffer out of scope.
    @Test func specializeRefusesToEndTheScopeOfAName() throws {
        let p = try ExoText.procedure("""
            @proc
            def f(n: size, x: i32[4] @ DRAM):
                t: i32 @ DRAM
                t = 3
                x[0] = t
            """)
        let msg = scheduleError { _ = try p.specialize(p.findAlloc("t"), conditions: ["n > 3"]) }
        #expect(msg.hasPrefix("specialize: t is defined in the block and used after it; the copies would each end its scope (lift its allocation first)"))
        // The whole block, the allocation with its uses, may be specialized.
        let q = try p.specialize(p.findAlloc("t").expand(0, 2), conditions: ["n > 3"])
        #expect(try InterpreterEquivalence.equal(p, q, sizes: ["n": 5]))
    }

    /// Found by fuzzing: autoStageMem of a block whose accesses sit in an
    /// empty loop inferred an empty window and allocated a zero dimension.
    @Test func stagingAnEmptyWindowIsRefused() throws {
        let p = try ExoText.procedure("""
            @proc
            def f(x: i32[4] @ DRAM):
                for i in seq(2, 2):
                    x[i] = 1
            """)
        let msg = scheduleError { _ = try p.stageMem(p.findLoop("i"), window: "x[2:2]", name: "t") }
        #expect(msg.hasPrefix("stageMem: the window x[2:2] is empty in the dimension 2:2"), "\(msg)")
        #expect(scheduleError { _ = try p.autoStageMem(p.findLoop("i"), "x", name: "t") }.hasPrefix("stageMem: the window"))
    }
}
