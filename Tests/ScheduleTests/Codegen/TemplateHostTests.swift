import Testing
import Schedule
import TestSupport

/// Instruction templates expanded with Exo's placeholder meanings, checked by
/// running the C: "instructions" whose templates are plain C, so the host
/// can execute them and the interpreter (running their bodies) must agree.
@Suite struct TemplateHostTests {
    static func procs() -> (Proc, [Proc]) {
        // {dst}: window struct literal; {dst_data}: lvalue of the first element.
        var a = ProcBuilder("add4", instruction:
            "{{ for (int k = 0; k < 4; k++) (&{dst_data})[k * {dst}.strides[0]] += (&{src_data})[k * {src}.strides[0]]; }}")
        let dst = a.window("dst", .i32, [4])
        let src = a.window("src", .i32, [4])
        let add4 = a.build { forLoop("k", 0, 4) { k in reduce(dst[k], src[k]) } }

        // A data scalar by reference ({x} is a pointer) and an index value ({n_int}).
        var b = ProcBuilder("bump", instruction: "*{x} += {n_int} * 2;")
        let x = b.scalar("x", .i32)
        let n = b.index("n")
        let bump = b.build { reduce(x, n * 2) }

        var p = ProcBuilder("use_templates")
        let m = p.tensor("m", .i32, [3, 8])
        let total = p.scalar("total", .i32)
        let main = p.build {
            forLoop("i", 0, 2) { i in call(add4, m[.at(i + 1), 2 ..< 6], m[.at(0), 0 ..< 4]) }
            forLoop("j", 0, 3) { j in call(bump, total, j - 1) }
            let s = Term.variable("s")
            alloc(s, .i32)
            assign(s, 10)
            call(bump, s, 5)
            reduce(total, s)
        }
        return (main, [add4, bump])
    }

    @Test(.enabled(if: CToolchain.available("gcc")))
    func templatesExpandAsExoDoesAndRunLikeTheirBodies() throws {
        let (p, _) = Self.procs()
        let c = try CCodegen.compile([p], library: "templates")
        #expect(c.source.contains("*(&*total) += (j - 1) * 2;"))
        #expect(c.source.contains("*(&s) += (5) * 2;"))
        #expect(c.source.contains("{ for (int k = 0; k < 4; k++) (&m[(i + 1) * 8 + 2])[k * ((struct exo_win_1i32){ &m[(i + 1) * 8 + 2], { 1 } }).strides[0]]"))
        let values = (0..<24).map { $0 * 3 - 20 }
        let tm = Tensor(.i32, shape: [3, 8], values: values), tt = Tensor(.i32, shape: [], values: [100])
        try Interpreter.run(p, [.tensor(tm), .tensor(tt)])

        let tc = try CToolchain()
        defer { tc.cleanUp() }
        try tc.write(c.headerName, c.header)
        try tc.write("templates.c", c.source)
        try tc.write("main.c", """
        #include <stdio.h>
        #include "templates.h"
        int main(void) {
          int32_t m[24] = \(values.cList);
          int32_t total = 100;
          use_templates(m, &total);
          for (int k = 0; k < 24; k++) printf("%d ", (int)m[k]);
          printf("\\n%d\\n", (int)total);
          return 0;
        }
        """)
        try tc.run("gcc", ["-std=c11", "-Wall", "-Wextra", "-Werror", "-o", "t", "main.c", "templates.c"])
        let lines = try tc.run(tc.path("t"), []).split(separator: "\n")
        #expect(lines[0].split(separator: " ").compactMap { Int($0) } == tm.intValues)
        #expect(Int(lines[1]) == tt.intValues[0])
        // total = 100 + 2*(-1 + 0 + 1) + (10 + 5*2) = 120
        #expect(tt.intValues == [120])
    }
}
