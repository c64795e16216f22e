import Testing
@testable import Schedule
import TestSupport

@Suite struct TypeCheckerTests {
    let library: [Proc]

    init() throws {
        library = try KernelParser.parse(KernelFixtures.rvmInstructions).procs
    }

    private func typeError(_ source: String) throws -> KernelError? {
        let module = try KernelParser.parse(source, predefined: library)
        do {
            try TypeChecker().check(module)
            return nil
        } catch {
            return error
        }
    }

    @Test func corpusTypeChecks() throws {
        let conv = try KernelParser.parse(try Repository.text(Repository.conv1d))
        let tables = try TypeChecker().check(conv)
        try TypeChecker().check(KernelModule(procs: library))
        try TypeChecker().check(KernelParser.parse(KernelFixtures.tileMatmul, predefined: library))
        try TypeChecker().check(KernelParser.parse(KernelFixtures.features))

        let p = try #require(conv.proc(named: "generic_conv1d"))
        let table = try #require(tables["generic_conv1d"])
        var allocs: [Sym] = []
        var loops: [Sym] = []
        for s in p.body {
            s.forEach {
                if case .alloc(let y, _, _) = $0.node { allocs.append(y) }
                if case .loop(let i, _, _, _) = $0.node { loops.append(i) }
            }
        }
        #expect(allocs.count == 1 && loops.count == 4)
        #expect(table[allocs[0]] == SymbolInfo(type: .scalar(.i32), memory: .dram, role: .allocation, loc: Loc(line: 16, column: 21)))
        #expect(loops.allSatisfy { table[$0]?.role == .loopVariable && table[$0]?.type == .index })
        #expect(table[p.params[0].name]?.type == .size && table[p.params[0].name]?.memory == nil)
    }

    @Test func expressionKindsInAnEnvironment() throws {
        let p = try KernelParser.parseProc(KernelFixtures.tileMatmul, predefined: library)
        let table = try TypeChecker().check(p)
        #expect(table.symbols.values.filter { $0.role == .allocation }.allSatisfy { $0.memory == "RVM_TILE" })
        guard case .loop(let i, _, let hi, let body) = p.body[0].node,
              case .call(_, let mldArgs) = body[4].node else {
            Issue.record("unexpected structure")
            return
        }
        let env = TypeEnvironment(parametersOf: p)
        #expect(try env.kind(of: hi) == .size)
        #expect(try env.kind(of: .variable(p.params[1].name)) == .tensor(.i32, shape: [.variable(p.params[0].name), .int(4)], isWindow: false))
        // A[4 * i:4 * i + 4, 0:4] has the constant shape [4, 4]; it mentions i,
        // so classify it where i is defined.
        var inner = env
        inner.define(i, SymbolInfo(type: .index, memory: nil, role: .loopVariable, loc: .unknown))
        #expect(try inner.kind(of: mldArgs[1]) == .tensor(.i32, shape: [.int(4), .int(4)], isWindow: true))
        #expect(try inner.kind(of: .variable(i) * .int(4) + .int(1)) == .index)
        #expect(try inner.kind(of: .read(p.params[1].name, [.variable(i), .int(0)])) == .scalar(.i32))
    }

    @Test func dataValueUsedAsIndex() throws {
        let e = try #require(try typeError("""
            @proc
            def f(x: i32[4] @ DRAM, y: i32 @ DRAM):
                for i in seq(0, 4):
                    x[y] = 0

            """))
        #expect(e.phase == .type)
        #expect(e.message == "data value 'y' cannot be used in an index expression; indices, loop bounds and conditions are built from sizes, loop variables and literals")
        #expect(e.location == Loc(line: 4, column: 11))
    }

    @Test func wrongNumberOfIndices() throws {
        let e = try #require(try typeError("""
            @proc
            def f(n: size, x: i32[n, 4] @ DRAM, y: i32 @ DRAM):
                y = x[0]

            """))
        #expect(e.message == "expected 2 indices for 'x' (i32[n, 4]), found 1")
        #expect(e.location == Loc(line: 3, column: 9))
    }

    @Test func callArgumentMismatches() throws {
        func call(_ args: String, decls: String = "") throws -> KernelError? {
            try typeError("""
                @proc
                def f(A: i32[8, 8] @ DRAM, B: i16[4, 4] @ DRAM, n: size):
                    t: i32[4, 4] @ RVM_TILE
                \(decls.isEmpty ? "" : "    " + decls + "\n")    rvm_mld(\(args))

                """)
        }
        let extent = try #require(try call("t, A[0:4, 0:8]"))
        #expect(extent.message == "argument 'src' of 'rvm_mld': dimension 1 must have extent 4, found 8")
        #expect(extent.location == Loc(line: 4, column: 16))

        let element = try #require(try call("t, B[0:4, 0:4]"))
        #expect(element.message == "argument 'src' of 'rvm_mld' expects elements of type i32, found i16")

        let rank = try #require(try call("t, A[0, 0:4]"))
        #expect(rank.message == "argument 'src' of 'rvm_mld' expects 2 dimensions ([i32][4, 4]), found 1")

        let count = try #require(try call("t"))
        #expect(count.message == "'rvm_mld' takes 2 arguments, found 1")
        #expect(count.location == Loc(line: 4, column: 5))

        let memory = try #require(try call("u, A[0:4, 0:4]", decls: "u: i32[4, 4] @ DRAM"))
        #expect(memory.message == "argument 'dst' of 'rvm_mld' must live in RVM_TILE, but 'u' lives in DRAM")
        #expect(memory.location == Loc(line: 5, column: 13))

        let scalar = try #require(try call("t, n"))
        #expect(scalar.message == "argument 'src' of 'rvm_mld' expects [i32][4, 4], found a size expression")

        // DRAM_STATIC may stand where DRAM is expected, as in Exo.
        #expect(try call("t, s[0:4, 0:4]", decls: "s: i32[4, 4] @ DRAM_STATIC") == nil)
        // A custom rule can refuse it.
        let strict = TypeChecker(memoryAccepts: { $0 == $1 })
        let module = try KernelParser.parse("""
            @proc
            def g(A: i32[4, 4] @ DRAM):
                s: i32[4, 4] @ DRAM_STATIC
                t: i32[4, 4] @ RVM_TILE
                rvm_mld(t, s)

            """, predefined: library)
        #expect(throws: KernelError.self) { try strict.check(module) }
    }

    @Test func sizeArgumentsFixCalleeShapes() throws {
        let source = """
            @proc
            def fill(n: size, x: [i32][n] @ DRAM):
                for i in seq(0, n):
                    x[i] = 0

            @proc
            def g(A: i32[8] @ DRAM):
                fill(4, A[0:4])
                fill(4, A[0:5])

            """
        let e = try #require(try typeError(source))
        #expect(e.message == "argument 'x' of 'fill': dimension 0 must have extent 4, found 5")
        #expect(e.location == Loc(line: 9, column: 13))
    }

    @Test func otherTypeErrors() throws {
        let header = "@proc\ndef f(n: size, x: i32[n] @ DRAM, y: i32 @ DRAM, b: bool):\n"
        let cases: [(String, String, Loc)] = [
            ("    for i in seq(0, n):\n        i = 2\n", "cannot assign to 'i', a loop variable; only data can be written", Loc(line: 4, column: 9)),
            ("    n = 2\n", "cannot assign to 'n', a size argument; only data can be written", Loc(line: 3, column: 5)),
            ("    for i in seq(0, n):\n        x[i] = i\n",
             "'i' (a loop variable) cannot be used as a data value; data expressions read tensors and scalars", Loc(line: 4, column: 16)),
            ("    for i in seq(0, y):\n        pass\n", "data value 'y' cannot be used in an index expression; indices, loop bounds and conditions are built from sizes, loop variables and literals", Loc(line: 3, column: 21)),
            ("    if n:\n        pass\n", "an 'if' condition must be a bool expression, found a size expression", Loc(line: 3, column: 8)),
            ("    if y < 3:\n        pass\n", "data value 'y' cannot be used in an index expression; indices, loop bounds and conditions are built from sizes, loop variables and literals", Loc(line: 3, column: 8)),
            ("    assert n + 1\n    pass\n", "a precondition must be a bool expression, found a size expression", Loc(line: 3, column: 12)),
            ("    for i in seq(0, n):\n        x[i * i] = 0\n", "cannot multiply two non-constant index expressions (the result would not be affine)", Loc(line: 4, column: 11)),
            ("    for i in seq(0, n):\n        x[i / n] = 0\n", "cannot divide or take the modulo by a non-constant value", Loc(line: 4, column: 15)),
            ("    x[n % 0] = 0\n", "cannot divide or take the modulo by zero or a negative value", Loc(line: 3, column: 11)),
            ("    y = x[0:2]\n", "a window expression is only allowed as a call argument or in a window definition 'w = x[0:4, i]'", Loc(line: 3, column: 9)),
            ("    assert stride(x, 1) == 1\n    pass\n", "stride(x, 1): dimension 1 is out of range for 'x' (i32[n])", Loc(line: 3, column: 12)),
            ("    assert stride(x, 0) < 2\n    pass\n", "'<' compares integer index expressions, found a stride", Loc(line: 3, column: 12)),
            ("    y = y % 2\n", "cannot compute the modulo of data values", Loc(line: 3, column: 9)),
            ("    y = b\n", "'b' (a bool argument) cannot be used as a data value; data expressions read tensors and scalars", Loc(line: 3, column: 9)),
            ("    y = x\n", "expected 1 index for 'x' (i32[n]), found 0", Loc(line: 3, column: 9)),
            ("    y[0] = 1\n", "'y' is a scalar and cannot be indexed", Loc(line: 3, column: 5)),
            ("    x[1.5] = 1\n", "float literal 1.5 in an index expression; indices, bounds and conditions are integers", Loc(line: 3, column: 7)),
            ("    z: i32[y] @ DRAM\n", "data value 'y' cannot be used in an index expression; indices, loop bounds and conditions are built from sizes, loop variables and literals", Loc(line: 3, column: 12)),
        ]
        for (body, message, loc) in cases {
            let e = try #require(try typeError(header + body + "\n"), "no error for: \(body)")
            #expect(e.phase == .type)
            #expect(e.message == message)
            #expect(e.location == loc, "\(message)")
        }
    }

    @Test func symbolsBuiltByRewritesMustBeInScope() throws {
        // IR made by hand: a read of a loop variable after its loop.
        let x = Sym("x"), i = Sym("i")
        let p = Proc(name: "bad", params: [Param(name: x, type: .tensor(.i32, shape: [.int(4)], isWindow: false), memory: .dram)],
                     body: [Stmt(.loop(i, .int(0), .int(4), [Stmt(.pass)])),
                            Stmt(.assign(x, [Expr(.read(i, []), at: Loc(line: 9, column: 3))], .int(0)))])
        #expect(throws: KernelError(.type, "'i' is used outside the scope that defines it", at: Loc(line: 9, column: 3))) {
            try TypeChecker().check(p)
        }
    }
}
