import Testing
import Schedule
import TestSupport

/// Random index expressions and conditions (negative operands, floor
/// division and modulo, precedence, short-circuit logic), compiled to C and
/// interpreted: both must agree on every point of the iteration space.
@Suite struct RandomExpressionTests {
    struct Gen {
        var rng: SeededGenerator
        let vars: [Term]

        mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }

        mutating func index(_ depth: Int) -> Term {
            if depth == 0 || int(0...3) == 0 {
                return int(0...2) == 0 ? Term(integerLiteral: int(-7...7)) : vars[int(0...(vars.count - 1))]
            }
            let a = index(depth - 1)
            switch int(0...6) {
            case 0: return a + index(depth - 1)
            case 1: return a - index(depth - 1)
            case 2: return a * index(depth - 1)
            case 3: return a / Term(integerLiteral: [-5, -3, -2, 2, 3, 4, 7][int(0...6)])
            case 4: return a % Term(integerLiteral: [-5, -3, -2, 2, 3, 4, 7][int(0...6)])
            case 5: return -a
            default: return a - Term(integerLiteral: int(1...9))
            }
        }

        mutating func condition(_ depth: Int) -> Term {
            if depth == 0 || int(0...2) == 0 {
                let a = index(2), b = index(2)
                switch int(0...5) {
                case 0: return a < b
                case 1: return a <= b
                case 2: return a > b
                case 3: return a >= b
                case 4: return a == b
                default: return a != b
                }
            }
            switch int(0...2) {
            case 0: return condition(depth - 1) && condition(depth - 1)
            case 1: return condition(depth - 1) || condition(depth - 1)
            default: return !condition(depth - 1)
            }
        }
    }

    @Test(.enabled(if: CToolchain.available("gcc")), arguments: [UInt64(11), 12, 13, 111])
    func compiledExpressionsAgreeWithTheInterpreter(seed: UInt64) throws {
        let count = 30
        var b = ProcBuilder("exprs")
        let out = b.tensor("out", .i32, [Term(integerLiteral: count), 6, 5])
        let cond = b.tensor("cond", .i32, [Term(integerLiteral: count), 6, 5])
        var rng = SeededGenerator(seed: seed)
        let p = b.build {
            forLoop("i", -2, 4) { i in
                forLoop("j", 0, 5) { j in
                    let start = Int.random(in: 0...1000, using: &rng)
                    let gen = Gen(rng: SeededGenerator(seed: UInt64(start)), vars: [i, j])
                    (0..<count).flatMap { k -> [Stmt] in
                        var g = gen
                        g.rng.state &+= UInt64(k) &* 0x9E37
                        let e = g.index(4)
                        let c = g.condition(2)
                        return [
                            assign(out[Term(integerLiteral: k), i + 2, j], e),
                            ifThen(c) { assign(cond[Term(integerLiteral: k), i + 2, j], 1) }
                                orElse: { assign(cond[Term(integerLiteral: k), i + 2, j], 0) },
                        ]
                    }
                }
            }
        }
        let tOut = Tensor(.i32, shape: [count, 6, 5]), tCond = Tensor(.i32, shape: [count, 6, 5])
        try Interpreter.run(p, [.tensor(tOut), .tensor(tCond)])

        let c = try CCodegen.compile([p], library: "exprs")
        let tc = try CToolchain()
        defer { tc.cleanUp() }
        try tc.write(c.headerName, c.header)
        try tc.write("exprs.c", c.source)
        try tc.write("main.c", """
        #include <stdio.h>
        #include "exprs.h"
        static int32_t out[\(count * 30)], cond[\(count * 30)];
        int main(void) {
          exprs(out, cond);
          for (int k = 0; k < \(count * 30); k++) printf("%d ", (int)out[k]);
          printf("\\n");
          for (int k = 0; k < \(count * 30); k++) printf("%d ", (int)cond[k]);
          printf("\\n");
          return 0;
        }
        """)
        try tc.run("gcc", ["-std=c11", "-O1", "-fwrapv", "-Wall", "-Wextra", "-Werror", "-o", "e", "main.c", "exprs.c"])
        let lines = try tc.run(tc.path("e"), []).split(separator: "\n").map { $0.split(separator: " ").compactMap { Int($0) } }
        #expect(lines[0] == tOut.intValues)
        if let bad = zip(lines[0], tOut.intValues).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            let k = bad.offset / 30
            let src = c.source.split(separator: "\n").filter { $0.contains("out[\(k * 30) +") || $0.contains("out[\(k * 30)]") }
            Issue.record("k=\(k) C=\(bad.element.0) interp=\(bad.element.1) pos=\(bad.offset % 30): \(src)")
        }
        #expect(lines[1] == tCond.intValues)
        #expect(Set(tCond.intValues).count == 2)
    }
}
