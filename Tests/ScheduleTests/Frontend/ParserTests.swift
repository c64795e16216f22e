import Testing
@testable import Schedule
import TestSupport

@Suite struct ParserTests {
    @Test func conv1dStructure() throws {
        let module = try KernelParser.parse(try Repository.text(Repository.conv1d), file: "conv1d.exo")
        let p = try #require(module.proc(named: "generic_conv1d"))
        #expect(!p.isInstruction)
        #expect(p.params.map(\.name.name) == ["IC", "OC", "N", "W", "data", "kernels", "out"])
        #expect(p.params.prefix(4).allSatisfy { $0.type == .size && $0.memory == nil })
        let (ic, oc, n, w) = (p.params[0].name, p.params[1].name, p.params[2].name, p.params[3].name)
        #expect(p.params[5].type == .tensor(.i32, shape: [.variable(oc), .variable(ic), .variable(w)], isWindow: false))
        #expect(p.params[5].memory == .dram)
        #expect(p.preconditions == [
            Expr(.binary(.eq, Expr(.binary(.mod, .variable(n), .int(4))), .int(0))),
            Expr(.binary(.eq, Expr(.binary(.mod, .variable(oc), .int(4))), .int(0))),
        ])
        #expect(p.loc == Loc(line: 8, column: 1))

        // for i / for j / [out = 0, for c / for r / [y, if, +=]]
        guard case .loop(let i, .int(0), let hiI, let bodyI) = try #require(p.body.first).node,
              case .loop(let j, _, _, let bodyJ) = try #require(bodyI.first).node,
              bodyJ.count == 2, case .loop(let c, _, _, let bodyC) = bodyJ[1].node,
              case .loop(let r, _, let hiR, let bodyR) = try #require(bodyC.first).node,
              bodyR.count == 3,
              case .alloc(let y, .scalar(.i32), let mem) = bodyR[0].node,
              case .ifElse(let cond, let then, let orelse) = bodyR[1].node,
              case .reduce(let outSym, let outIdx, let rhs) = bodyR[2].node
        else {
            Issue.record("unexpected structure: \(p)")
            return
        }
        #expect(hiI == .variable(oc) && hiR == .variable(w) && mem == .dram)
        #expect(cond == Expr(.binary(.lt, .variable(j) + .variable(r), .variable(n))))
        #expect(then == [Stmt(.assign(y, [], .read(p.params[4].name, [.variable(c), .variable(j) + .variable(r)])))])
        #expect(orelse == [Stmt(.assign(y, [], .int(0)))])
        #expect(outSym == p.params[6].name && outIdx == [.variable(i), .variable(j)])
        #expect(rhs == .read(p.params[5].name, [.variable(i), .variable(c), .variable(r)]) * .variable(y))
        #expect(bodyR[2].loc == Loc(line: 21, column: 21))
        #expect(cond.loc == Loc(line: 17, column: 24))
        // Each proc gets its own symbols.
        let q = try #require(module.proc(named: "conv1d"))
        #expect(Set(q.params.map(\.name)).isDisjoint(with: p.params.map(\.name)))
    }

    /// DESIGN.md's example, with its sizes as Exo's Python globals, is the
    /// constant-size conv1d of the kernel file.
    @Test func designExampleWithConstantsIsConv1d() throws {
        let design = """
            N = 16
            IC = 4
            W = 4
            OC = 16

            @proc
            def conv1d(data: i32[IC, N] @ DRAM, kernels: i32[OC, IC, W] @ DRAM,
                               out: i32[OC, N] @ DRAM):
                for i in seq(0, OC):
                    for j in seq(0, N):
                        out[i, j] = 0
                        for c in seq(0, IC):
                            for r in seq(0, W):
                                y: i32
                                if j + r < N:
                                    y = data[c, j + r]
                                else:
                                    y = 0
                                out[i, j] += kernels[i, c, r] * y

            """
        let fromDesign = try KernelParser.parseProc(design)
        let fromFile = try KernelParser.parseProc(try Repository.text(Repository.conv1d), named: "conv1d")
        #expect(AlphaEquivalence.equivalent(fromDesign, fromFile))
    }

    @Test func callsResolveToProcsDefinedAbove() throws {
        let source = """
            @proc
            def zero(x: [i32][4] @ DRAM):
                for i in seq(0, 4):
                    x[i] = 0

            @proc
            def caller(m: i32[8, 4] @ DRAM):
                zero(m[3])
                zero(m[2, 0:4])
                w = m[5, :]
                zero(w)

            """
        let module = try KernelParser.parse(source)
        let zero = try #require(module.proc(named: "zero"))
        let caller = try #require(module.proc(named: "caller"))
        let m = caller.params[0].name
        guard case .call(let callee, let args) = caller.body[0].node else {
            Issue.record("expected a call")
            return
        }
        #expect(callee == zero)
        // m[3] on a 2-D tensor widens to the window m[3, 0:4], as in Exo.
        #expect(args == [Expr(.window(m, [.point(.int(3)), .interval(.int(0), .int(4))]))])
        #expect(caller.body[1].node == .call(zero, [Expr(.window(m, [.point(.int(2)), .interval(.int(0), .int(4))]))]))
        guard case .windowDef(let w, let rhs) = caller.body[2].node else {
            Issue.record("expected a window definition")
            return
        }
        #expect(rhs == Expr(.window(m, [.point(.int(5)), .interval(.int(0), .int(4))])))
        #expect(caller.body[3].node == .call(zero, [.variable(w)]))
    }

    @Test func predefinedProcsAreCallable() throws {
        let library = try KernelParser.parse(KernelFixtures.rvmInstructions).procs
        let p = try KernelParser.parseProc(KernelFixtures.tileMatmul, predefined: library)
        var called: [String] = []
        for s in p.body { s.forEach { if case .call(let f, _) = $0.node { called.append(f.name) } } }
        #expect(called == ["rvm_mzero", "rvm_mld", "rvm_mld", "rvm_mmasa", "rvm_mst"])
    }

    @Test func literalsAndOperators() throws {
        let p = try KernelParser.parseProc("""
            @proc
            def f(n: size, b: bool, x: f32[4] @ DRAM):
                assert not b or n != 0x10
                x[0] = -1.5e3 + 2.
                x[1] = -x[0] * .5

            """)
        let n = p.params[0].name, b = p.params[1].name, x = p.params[2].name
        #expect(p.preconditions == [Expr(.binary(.or, Expr(.unary(.not, .variable(b))), Expr(.binary(.ne, .variable(n), .int(16)))))])
        #expect(p.body[0].node == .assign(x, [.int(0)], Expr(.binary(.add, Expr(.float(-1500)), Expr(.float(2))))))
        #expect(p.body[1].node == .assign(x, [.int(1)], Expr(.binary(.mul, Expr(.unary(.neg, .read(x, [.int(0)]))), Expr(.float(0.5))))))
    }

    // MARK: errors, with message and line:column

    private func syntaxError(_ source: String, predefined: [Proc] = []) -> KernelError? {
        do {
            _ = try KernelParser.parse(source, file: "t.exo", predefined: predefined)
            return nil
        } catch {
            return error
        }
    }

    @Test func missingColonAfterLoopHeader() throws {
        let e = try #require(syntaxError("""
            @proc
            def f(x: i32[4] @ DRAM):
                for i in seq(0, 4)
                    x[i] = 0

            """))
        #expect(e.phase == .syntax)
        #expect(e.message == "expected ':' after loop header, found 'NEWLINE'")
        #expect(e.location == Loc(line: 3, column: 23))
        #expect(e.description == "t.exo:3:23: syntax error: expected ':' after loop header, found 'NEWLINE'")
    }

    @Test func undefinedName() throws {
        let e = try #require(syntaxError("""
            @proc
            def f(x: i32[4] @ DRAM):
                for i in seq(0, 4):
                    x[i] = x[j + 1]

            """))
        #expect(e.phase == .syntax)
        #expect(e.message == "undefined name 'j'")
        #expect(e.location == Loc(line: 4, column: 18))
    }

    @Test func loopVariableIsNotVisibleAfterItsLoop() throws {
        let e = try #require(syntaxError("""
            @proc
            def f(x: i32[4] @ DRAM):
                for i in seq(0, 4):
                    pass
                x[i] = 0

            """))
        #expect(e.message == "undefined name 'i'")
        #expect(e.location == Loc(line: 5, column: 7))
    }

    @Test func badIndentation() throws {
        let unindent = try #require(syntaxError("""
            @proc
            def f(x: i32[4] @ DRAM):
                for i in seq(0, 4):
                    x[i] = 0
                  x[0] = 1

            """))
        #expect(unindent.message == "unindent does not match any outer indentation level")
        #expect(unindent.location == Loc(line: 5, column: 7))

        let unexpected = try #require(syntaxError("""
            @proc
            def f(x: i32[4] @ DRAM):
                x[0] = 1
                    x[1] = 1

            """))
        #expect(unexpected.message == "unexpected indent")
        #expect(unexpected.location == Loc(line: 4, column: 9))

        let missingBlock = try #require(syntaxError("""
            @proc
            def f(x: i32[4] @ DRAM):
                for i in seq(0, 4):
                x[0] = 1

            """))
        #expect(missingBlock.message == "expected an indented block after loop header, found 'x'")
        #expect(missingBlock.location == Loc(line: 4, column: 5))
    }

    @Test func otherSyntaxErrors() throws {
        let cases: [(String, String, Loc)] = [
            ("@proc\ndef f(x: i32[4] @ DRAM):\n    x[0] = 'a\n", "unterminated string literal", Loc(line: 3, column: 12)),
            ("@proc\ndef f(x: i32[4] @ DRAM):\n    g(x)\n", "undefined proc 'g' (a proc can only call procs defined above it)", Loc(line: 3, column: 5)),
            ("@proc\ndef f(x: f64[4] @ DRAM):\n    pass\n",
             "unsupported type 'f64' for argument 'x'; expected size, index, bool, i8, i16, i32 or f32", Loc(line: 2, column: 10)),
            ("@proc\ndef f(n: size):\n    for i in range(0, n):\n        pass\n",
             "expected 'seq' after 'in' (loops are written 'for i in seq(lo, hi):'), found 'range'", Loc(line: 3, column: 14)),
            ("@proc\ndef f(n: size):\n    pass\n    assert n > 0\n",
             "'assert' is only allowed at the top of a proc body, before any other statement", Loc(line: 4, column: 5)),
            ("@proc\ndef f(n: size, n: index):\n    pass\n", "repeated argument name 'n'", Loc(line: 2, column: 16)),
            ("@proc\ndef f(x: i32[4] @ DRAM):\n    x[0] -= 1\n", "only '=' and '+=' are supported, found '-='", Loc(line: 3, column: 10)),
            ("@proc\ndef f(x: i32[4] @ DRAM):\n    y = x[0]\n",
             "undefined name 'y' (declare it first, e.g. 'y: i32', or bind a window, e.g. 'y = x[0:4, i]')", Loc(line: 3, column: 5)),
            ("@proc\ndef f(n: size):\n    assert 0 < n < 4\n",
             "chained comparisons are not supported; combine them with 'and'", Loc(line: 3, column: 18)),
            ("@proc\ndef f(x: i32[4] @ DRAM):\n    x[(0] = 1\n", "unmatched ']'", Loc(line: 3, column: 9)),
            ("def f(n: size):\n    pass\n", "expected '@proc' or '@instr(...)' before a proc definition, found 'def'", Loc(line: 1, column: 1)),
            ("@instr(42)\ndef f(n: size):\n    pass\n", "expected a string literal as the C template of '@instr', found '42'", Loc(line: 1, column: 8)),
            ("@proc\ndef f(n: size):\n\tpass\n", "tab in indentation; indent with spaces", Loc(line: 3, column: 1)),
            ("@proc\ndef f(n: size):\n    \"\"\"doc\"\"\"\n    pass\n",
             "docstrings are not supported (Exo rejects them too); use '#' comments", Loc(line: 3, column: 5)),
        ]
        for (source, message, loc) in cases {
            let e = try #require(syntaxError(source) as KernelError?, "no error for: \(source)")
            #expect(e.phase == .syntax)
            #expect(e.message == message)
            #expect(e.location == loc, "\(message)")
        }
    }
}
