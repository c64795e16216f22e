import Testing
@testable import Schedule
import TestSupport

/// Expression layout and name disambiguation on IR built directly (as rewrites build it).
@Suite struct PrinterTests {
    let a = Sym("a"), b = Sym("b"), c = Sym("c")

    private func v(_ s: Sym) -> Expr { .variable(s) }
    private func bin(_ op: BinaryOp, _ x: Expr, _ y: Expr) -> Expr { Expr(.binary(op, x, y)) }

    @Test func parenthesesOnlyWherePrecedenceNeedsThem() {
        #expect(bin(.sub, v(a), bin(.sub, v(b), v(c))).exoText == "a - (b - c)")
        #expect(bin(.sub, bin(.sub, v(a), v(b)), v(c)).exoText == "a - b - c")
        #expect(bin(.mul, bin(.add, v(a), v(b)), v(c)).exoText == "(a + b) * c")
        #expect(bin(.add, v(a), bin(.mul, v(b), v(c))).exoText == "a + b * c")
        #expect(bin(.div, v(a), bin(.mul, v(b), .int(4))).exoText == "a / (b * 4)")
        #expect(Expr(.unary(.neg, bin(.add, v(a), v(b)))).exoText == "-(a + b)")
        #expect(bin(.mul, Expr(.unary(.neg, v(a))), v(b)).exoText == "-a * b")
        #expect(bin(.sub, v(a), .int(-3)).exoText == "a - -3")
        let cmp = bin(.lt, v(a), v(b))
        #expect(Expr(.unary(.not, cmp)).exoText == "not a < b")
        #expect(bin(.eq, Expr(.unary(.not, v(a))), v(b)).exoText == "(not a) == b")
        #expect(bin(.and, bin(.or, v(a), v(b)), v(c)).exoText == "(a or b) and c")
        #expect(bin(.or, v(a), bin(.and, v(b), v(c))).exoText == "a or b and c")
        #expect(bin(.eq, cmp, Expr(.bool(true))).exoText == "(a < b) == True")
    }

    @Test func parsedExpressionsPrintCanonically() throws {
        let cases: [(String, String)] = [
            ("a - (b - c)", "a - (b - c)"), ("(a - b) - c", "a - b - c"), ("(a + b) * c", "(a + b) * c"),
            ("-(a + b) * c", "-(a + b) * c"), ("(a % 4) + (b / 2)", "a % 4 + b / 2"),
            ("not (a < b) and (b == c or c >= 2)", "not a < b and (b == c or c >= 2)"),
            ("- - a", "--a"), ("- -3", "--3"), ("-(3)", "-3"), ("a*-2", "a * -2"),
        ]
        func source(_ e: String) -> String { "@proc\ndef f(a: size, b: size, c: size):\n    assert \(e)\n" }
        for (text, canonical) in cases {
            let p = try KernelParser.parseProc(source(text))
            let printed = try #require(p.preconditions.first).exoText
            #expect(printed == canonical)
            let again = try KernelParser.parseProc(source(printed))
            #expect(AlphaEquivalence.equivalent(p, again) == (text != "-(3)"), "\(text) -> \(printed)")
        }
    }

    @Test func sameNamedSymbolsAreDisambiguated() throws {
        let x = Sym("x")
        let y1 = Sym("y"), y2 = Sym("y"), yFixed = Sym("y_1"), i = Sym("i"), i2 = Sym("i"), i3 = Sym("i")
        let body: [Stmt] = [
            Stmt(.alloc(y1, .scalar(.i32), .dram)),
            Stmt(.alloc(yFixed, .scalar(.i32), .dram)),
            Stmt(.alloc(y2, .scalar(.i32), .dram)),
            Stmt(.assign(y1, [], .int(1))),
            Stmt(.assign(y2, [], .read(y1, []))),
            Stmt(.assign(yFixed, [], .read(y2, []))),
            Stmt(.loop(i, .int(0), .int(4), [
                Stmt(.loop(i2, .int(0), .read(i, []), [
                    Stmt(.assign(x, [.read(i2, [])], .read(y2, []))),
                ])),
            ])),
            Stmt(.loop(i3, .int(0), .int(4), [Stmt(.assign(x, [.read(i3, [])], .int(0)))])),
        ]
        let proc = Proc(name: "shadow", params: [Param(name: x, type: .tensor(.i32, shape: [.int(4)], isWindow: false), memory: .dram)], body: body)
        let printed = ExoPrinter.print(proc)
        #expect(printed == """
            @proc
            def shadow(x: i32[4] @ DRAM):
                y: i32 @ DRAM
                y_1: i32 @ DRAM
                y_2: i32 @ DRAM
                y = 1
                y_2 = y
                y_1 = y_2
                for i in seq(0, 4):
                    for i_1 in seq(0, i):
                        x[i_1] = y_2
                for i in seq(0, 4):
                    x[i] = 0

            """)
        let reparsed = try KernelParser.parseProc(printed)
        #expect(AlphaEquivalence.equivalent(proc, reparsed))
        #expect(ExoPrinter.print(reparsed) == printed)
    }

    @Test func emptyBodiesPrintAsPass() throws {
        let n = Sym("n")
        let proc = Proc(name: "nothing", params: [Param(name: n, type: .size)],
                        body: [Stmt(.ifElse(Expr(.bool(true)), [], []))])
        let printed = ExoPrinter.print(proc)
        #expect(printed == "@proc\ndef nothing(n: size):\n    if True:\n        pass\n")
        #expect(ExoPrinter.print(try KernelParser.parseProc(printed)) == printed)
    }

    @Test func procDescriptionIsItsText() throws {
        let p = try KernelParser.parseProc(try Repository.text(Repository.conv1d), named: "conv1d")
        #expect(p.description == ExoPrinter.print(p))
        #expect(p.description.hasPrefix("@proc\ndef conv1d(data: i32[4, 16] @ DRAM, "))
    }
}
