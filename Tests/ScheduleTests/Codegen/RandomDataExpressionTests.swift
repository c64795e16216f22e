import Testing
import Schedule
import TestSupport

/// Random data expressions over i8/i16/i32/f32 tensors and loop indices
/// (C promotion, wrap-around, narrowing stores, float mixing), compiled to C
/// and interpreted: both must agree element for element.
@Suite struct RandomDataExpressionTests {
    struct Gen {
        var rng: SeededGenerator
        let ints: [Term]     // int data reads and index terms
        let floats: [Term]   // f32 reads

        mutating func pick(_ n: Int) -> Int { Int.random(in: 0..<n, using: &rng) }

        /// An integer-valued data expression (no floats).
        mutating func integer(_ depth: Int) -> Term {
            if depth == 0 || pick(3) == 0 {
                return pick(4) == 0 ? Term(integerLiteral: Int.random(in: -300...300, using: &rng)) : ints[pick(ints.count)]
            }
            let a = integer(depth - 1), b = integer(depth - 1)
            switch pick(6) {
            case 0: return a + b
            case 1: return a - b
            case 2: return a * b
            case 3: return a / Term(integerLiteral: [-7, -3, 2, 5][pick(4)])
            case 4: return a % Term(integerLiteral: [-7, -3, 2, 5][pick(4)])
            default: return -a
            }
        }

        /// A float-valued expression (at least one f32 operand).
        mutating func float(_ depth: Int) -> Term {
            if depth == 0 || pick(3) == 0 {
                return pick(4) == 0 ? Term(floatLiteral: Double(Int.random(in: -40...40, using: &rng)) / 8) : floats[pick(floats.count)]
            }
            let a = float(depth - 1)
            let b = pick(2) == 0 ? float(depth - 1) : integer(1)
            switch pick(4) {
            case 0: return a + b
            case 1: return a - b
            case 2: return a * b
            default: return pick(2) == 0 ? -a : b - a
            }
        }
    }

    @Test(.enabled(if: CToolchain.available("gcc")), arguments: [UInt64(5), 6, 317])
    func compiledDataExpressionsAgreeWithTheInterpreter(seed: UInt64) throws {
        let n = 6, count = 12
        var b = ProcBuilder("data_exprs")
        let x = b.tensor("x", .i32, [Term(integerLiteral: n)])
        let a = b.tensor("a", .i8, [Term(integerLiteral: n)])
        let h = b.tensor("h", .i16, [Term(integerLiteral: n)])
        let f = b.tensor("f", .f32, [Term(integerLiteral: n)])
        let o8 = b.tensor("o8", .i8, [Term(integerLiteral: count), Term(integerLiteral: n)])
        let o16 = b.tensor("o16", .i16, [Term(integerLiteral: count), Term(integerLiteral: n)])
        let o32 = b.tensor("o32", .i32, [Term(integerLiteral: count), Term(integerLiteral: n)])
        let of = b.tensor("of", .f32, [Term(integerLiteral: count), Term(integerLiteral: n)])
        var rng = SeededGenerator(seed: seed)
        let p = b.build {
            forLoop("i", 0, Term(integerLiteral: n)) { i in
                let j = (i + 1) % Term(integerLiteral: n)
                var g = Gen(rng: SeededGenerator(seed: rng.next()), ints: [x[i], a[i], h[j], x[j], i - 2], floats: [f[i], f[j]])
                (0..<count).flatMap { k -> [Stmt] in
                    let kk = Term(integerLiteral: k)
                    return [
                        assign(o8[kk, i], g.integer(3)),
                        assign(o16[kk, i], g.integer(3)),
                        reduce(o32[kk, i], g.integer(3)),
                        assign(of[kk, i], k % 3 == 0 ? g.integer(2) : g.float(3)),
                    ]
                }
            }
        }
        var vr = SeededGenerator(seed: seed &+ 99)
        let xs = (0..<n).map { _ in Int.random(in: -100_000...100_000, using: &vr) }
        let as8 = (0..<n).map { _ in Int.random(in: -128...127, using: &vr) }
        let hs = (0..<n).map { _ in Int.random(in: -32768...32767, using: &vr) }
        let fs = (0..<n).map { _ in Float(Int.random(in: -800...800, using: &vr)) / 16 }
        let t8 = Tensor(.i8, shape: [count, n]), t16 = Tensor(.i16, shape: [count, n])
        let t32 = Tensor(.i32, shape: [count, n], values: Array(repeating: 7, count: count * n)), tf = Tensor(.f32, shape: [count, n])
        try Interpreter.run(p, [.tensor(Tensor(.i32, shape: [n], values: xs)), .tensor(Tensor(.i8, shape: [n], values: as8)),
                                .tensor(Tensor(.i16, shape: [n], values: hs)), .tensor(Tensor(shape: [n], floats: fs)),
                                .tensor(t8), .tensor(t16), .tensor(t32), .tensor(tf)])

        let c = try CCodegen.compile([p], library: "data_exprs")
        let tc = try CToolchain()
        defer { tc.cleanUp() }
        try tc.write(c.headerName, c.header)
        try tc.write("data_exprs.c", c.source)
        let m = count * n
        try tc.write("main.c", """
        #include <stdio.h>
        #include "data_exprs.h"
        static const int32_t x[\(n)] = \(xs.cList);
        static const int8_t a[\(n)] = \(as8.cList);
        static const int16_t h[\(n)] = \(hs.cList);
        static const float f[\(n)] = {\(fs.map { "\($0)f" }.joined(separator: ", "))};
        static int8_t o8[\(m)]; static int16_t o16[\(m)]; static int32_t o32[\(m)]; static float of[\(m)];
        int main(void) {
          for (int k = 0; k < \(m); k++) o32[k] = 7;
          data_exprs(x, a, h, f, o8, o16, o32, of);
          for (int k = 0; k < \(m); k++) printf("%d ", (int)o8[k]);
          printf("\\n");
          for (int k = 0; k < \(m); k++) printf("%d ", (int)o16[k]);
          printf("\\n");
          for (int k = 0; k < \(m); k++) printf("%d ", (int)o32[k]);
          printf("\\n");
          for (int k = 0; k < \(m); k++) printf("%a ", (double)of[k]);
          printf("\\n");
          return 0;
        }
        """)
        try tc.run("gcc", ["-std=c11", "-O1", "-fwrapv", "-Wall", "-Wextra", "-Werror", "-o", "d", "main.c", "data_exprs.c"])
        let lines = try tc.run(tc.path("d"), []).split(separator: "\n").map { $0.split(separator: " ") }
        #expect(lines[0].compactMap { Int($0) } == t8.intValues)
        #expect(lines[1].compactMap { Int($0) } == t16.intValues)
        #expect(lines[2].compactMap { Int($0) } == t32.intValues)
        #expect(lines[3].compactMap { Float(String($0)) } == tf.floatValues)
    }
}
