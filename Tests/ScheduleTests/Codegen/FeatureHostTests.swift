import Testing
import Schedule
import TestSupport

/// A proc using most of what codegen supports (symbolic sizes, malloc'd and
/// static buffers, window parameters and definitions, a call, i8/i16/f32,
/// negative floor division, a bool), compiled with gcc -Wall -Wextra -Werror
/// and compared with the interpreter on random inputs.
@Suite struct FeatureHostTests {
    static func procs() -> Proc {
        var a = ProcBuilder("add_row")
        let n = a.size("n")
        let dst = a.window("dst", .i32, [n])
        let src = a.window("src", .i8, [n])
        let addRow = a.build { forLoop("k", 0, n) { k in reduce(dst[k], src[k]) } }

        var b = ProcBuilder("features")
        let rows = b.size("rows")
        let cols = b.size("cols")
        let flag = b.bool("flag")
        let x = b.tensor("x", .i32, [rows, cols])
        let s = b.tensor("s", .i8, [cols])
        let out = b.tensor("out", .i32, [rows, cols])
        let acc = b.scalar("acc", .i32)
        let q = b.tensor("q", .i32, [8])
        let f = b.tensor("f", .f32, [4])
        let fo = b.tensor("fo", .i32, [4])
        b.assert(cols % 2 == 0)
        b.assert(cols >= 4)
        return b.build {
            let tmp = Term.variable("tmp")
            let st = Term.variable("st")
            alloc(tmp, .i32, [rows, cols])
            alloc(st, .i16, [4], "DRAM_STATIC")
            forLoop("i", 0, rows) { i in
                forLoop("j", 0, cols) { j in assign(tmp[i, j], x[i, j] * 3 - j) }
            }
            forLoop("i", 0, rows) { i in call(addRow, cols, tmp[.at(i), 0 ..< cols], s[0 ..< cols]) }
            forLoop("k", 0, 4) { k in assign(st[k], x[0, k] * 1000) }
            forLoop("i", 0, rows) { i in
                forLoop("j", 0, cols) { j in assign(out[i, j], tmp[i, j] + st[j % 4]) }
            }
            reduce(acc, out[rows - 1, cols - 1])
            forLoop("k", 0, 8) { k in assign(q[k], (k - 4) / 3 * 10 + (k - 4) % 3) }
            let (def, w) = windowDef("w", out[.at(0), 1 ..< cols])
            def
            ifThen(flag) { assign(w[0], 7) } orElse: { assign(w[0], -7) }
            forLoop("k", 0, 4) { k in assign(fo[k], f[k] * 2.5 + 0.25) }
        }
    }

    @Test(.enabled(if: CToolchain.available("gcc")), arguments: [UInt64(7), 8])
    func compiledFeaturesMatchTheInterpreter(seed: UInt64) throws {
        let proc = Self.procs()
        let c = try CCodegen.compile([proc], library: "features")
        #expect(c.source.contains("static int16_t st[4];"))
        #expect(c.source.contains("malloc("))
        #expect(c.source.contains("exo_floor_div"))
        #expect(c.source.contains("static void add_row("))

        let rows = 3, cols = 6
        var rng = SeededGenerator(seed: seed)
        let x = (0..<(rows * cols)).map { _ in Int.random(in: Int(Int32.min)...Int(Int32.max), using: &rng) }
        let s = (0..<cols).map { _ in Int.random(in: -128...127, using: &rng) }
        let acc = Int.random(in: -1000...1000, using: &rng)
        let f = (0..<4).map { _ in Float(Int.random(in: -4000...4000, using: &rng)) / 8 }
        let flag = seed % 2 == 0

        let tx = Tensor(.i32, shape: [rows, cols], values: x), ts = Tensor(.i8, shape: [cols], values: s)
        let tout = Tensor(.i32, shape: [rows, cols]), tacc = Tensor(.i32, shape: [], values: [acc])
        let tq = Tensor(.i32, shape: [8]), tf = Tensor(shape: [4], floats: f), tfo = Tensor(.i32, shape: [4])
        try Interpreter.run(proc, [.int(rows), .int(cols), .bool(flag), .tensor(tx), .tensor(ts), .tensor(tout),
                                   .tensor(tacc), .tensor(tq), .tensor(tf), .tensor(tfo)])

        let tc = try CToolchain()
        defer { tc.cleanUp() }
        try tc.write(c.headerName, c.header)
        try tc.write("features.c", c.source)
        let fList = "{" + f.map { "\($0)f" }.joined(separator: ", ") + "}"
        try tc.write("main.c", """
        #include <stdio.h>
        #include "features.h"
        static const int32_t x[\(rows * cols)] = \(x.cList);
        static const int8_t s[\(cols)] = \(s.cList);
        static const float f[4] = \(fList);
        static void show(const int32_t *v, int n) { for (int k = 0; k < n; k++) printf("%d ", (int)v[k]); printf("\\n"); }
        int main(void) {
          int32_t out[\(rows * cols)] = {0}, q[8] = {0}, fo[4] = {0};
          int32_t acc = \(acc);
          features(\(rows), \(cols), \(flag ? "true" : "false"), x, s, out, &acc, q, f, fo);
          show(out, \(rows * cols)); show(&acc, 1); show(q, 8); show(fo, 4);
          return 0;
        }
        """)
        try tc.run("gcc", ["-std=c11", "-O2", "-fwrapv", "-Wall", "-Wextra", "-Werror", "-o", "features", "main.c", "features.c"])
        let lines = try tc.run(tc.path("features"), []).split(separator: "\n").map { $0.split(separator: " ").compactMap { Int($0) } }
        #expect(lines.count == 4)
        #expect(lines[0] == tout.intValues)
        #expect(lines[1] == tacc.intValues)
        #expect(lines[2] == tq.intValues)
        #expect(lines[3] == tfo.intValues)
        // Python: (k-4)//3*10 + (k-4)%3 for k = 0..7
        #expect(tq.intValues == [-18, -10, -9, -8, 0, 1, 2, 10])
    }
}
