import Testing
import Schedule
import RVMTarget
import TestSupport

/// kernels/conv1d/conv1d.exo through the text pipeline (`rvm compile`), built
/// with host gcc -Wall -Wextra -Werror, run on random inputs: both procs equal
/// the reference interpreter and the hand-written scalar C of
/// kernels/conv1d/hand/scalar.c, at the case study's sizes and (for the
/// symbolic `generic_conv1d`) at other sizes.
@Suite struct PipelineHostTests {
    struct Shape: Sendable, CustomStringConvertible {
        var ic: Int, oc: Int, n: Int, w: Int
        var description: String { "IC=\(ic) OC=\(oc) N=\(n) W=\(w)" }
        var defines: [String] { ["-DIC=\(ic)", "-DOC=\(oc)", "-DN=\(n)", "-DW=\(w)"] }
    }

    /// The case study, then sizes meeting generic_conv1d's preconditions
    /// (N and OC multiples of 4) with W > N - 1 edge padding and IC = 1.
    static let shapes = [Shape(ic: 4, oc: 16, n: 16, w: 4), Shape(ic: 3, oc: 8, n: 12, w: 5), Shape(ic: 1, oc: 4, n: 4, w: 7)]

    @Test(.enabled(if: CToolchain.available("gcc")), arguments: [(UInt64(7), 1000), (UInt64(8), Int(Int32.max))])
    func generatedCEqualsInterpreterAndHandWrittenC(seed: UInt64, magnitude: Int) throws {
        let compiled = try RVMPipeline.compile(try Repository.text(Repository.conv1d), file: "conv1d.exo", library: "conv1d")
        #expect(compiled.compiled.map(\.name) == ["generic_conv1d", "conv1d"])
        let generic = try #require(compiled.module.proc(named: "generic_conv1d"))
        let fixed = try #require(compiled.module.proc(named: "conv1d"))

        let tc = try CToolchain()
        defer { tc.cleanUp() }
        try tc.write(compiled.output.headerName, compiled.output.header)
        try tc.write("conv1d.c", compiled.output.source)
        try tc.write("conv1d_hand.h", try Repository.text("kernels/conv1d/hand/conv1d.h"))
        try tc.write("scalar.c", try Repository.text("kernels/conv1d/hand/scalar.c")
            .replacingOccurrences(of: "#include \"conv1d.h\"", with: "#include \"conv1d_hand.h\""))
        // -fwrapv: products of full-range inputs overflow; the kernel language wraps.
        let flags = ["-std=c11", "-O2", "-fwrapv", "-Wall", "-Wextra", "-Werror"]
        var objects = ["conv1d.o"]
        try tc.run("gcc", flags + ["-c", "-o", "conv1d.o", "conv1d.c"])

        var rng = SeededGenerator(seed: seed)
        var calls: [String] = []
        var expected: [[Int]] = []
        for (k, s) in Self.shapes.enumerated() {
            // The hand-written reference at this size, renamed so all sizes link together.
            try tc.run("gcc", flags + s.defines + ["-Dconv1d=reference_\(k)", "-c", "-o", "scalar_\(k).o", "scalar.c"])
            objects.append("scalar_\(k).o")

            let data = (0..<(s.ic * s.n)).map { _ in Int.random(in: -magnitude...magnitude, using: &rng) }
            let kernels = (0..<(s.oc * s.ic * s.w)).map { _ in Int.random(in: -magnitude...magnitude, using: &rng) }
            let out = Tensor(.i32, shape: [s.oc, s.n])
            let tensors: [Argument] = [.tensor(Tensor(.i32, shape: [s.ic, s.n], values: data)),
                                       .tensor(Tensor(.i32, shape: [s.oc, s.ic, s.w], values: kernels)), .tensor(out)]
            try Interpreter.run(generic, [.int(s.ic), .int(s.oc), .int(s.n), .int(s.w)] + tensors)
            expected.append(out.intValues)
            #expect(out.intValues.contains { $0 != 0 })
            var call = """
                {
                  static const int32_t data[] = \(data.cList);
                  static const int32_t kernels[] = \(kernels.cList);
                  static int32_t out[\(s.oc * s.n)], ref[\(s.oc * s.n)];
                  void reference_\(k)(const int32_t *, const int32_t *, int32_t *);
                  generic_conv1d(\(s.ic), \(s.oc), \(s.n), \(s.w), data, kernels, out);
                  reference_\(k)(data, kernels, ref);
                  report("generic \(s)", out, ref, \(s.oc * s.n));
                """
            if k == 0 {
                // The fixed-size proc on the same inputs.
                call += "\n  conv1d(data, kernels, out);\n  report(\"conv1d\", out, ref, \(s.oc * s.n));"
                try Interpreter.run(fixed, tensors)
                #expect(out.intValues == expected[0])
                expected.append(out.intValues)
            }
            calls.append(call + "\n}")
        }
        try tc.write("main.c", """
            #include <stdio.h>
            #include <stdint.h>
            #include "conv1d.h"
            /* Prints the generated kernel's output, then how many elements differ from the reference. */
            static void report(const char *what, const int32_t *out, const int32_t *ref, int count) {
              int mismatches = 0;
              printf("%s:", what);
              for (int k = 0; k < count; k++) { printf(" %d", (int)out[k]); mismatches += out[k] != ref[k]; }
              printf("\\nmismatches %d\\n", mismatches);
            }
            int main(void) {
            \(calls.joined(separator: "\n"))
              return 0;
            }
            """)
        try tc.run("gcc", flags + ["-c", "-o", "main.o", "main.c"])
        try tc.run("gcc", ["-o", "conv1d"] + ["main.o"] + objects)
        let lines = try tc.run(tc.path("conv1d"), []).split(separator: "\n")
        #expect(lines.count == 2 * expected.count)
        for (k, want) in expected.enumerated() where 2 * k + 1 < lines.count {
            let produced = lines[2 * k].split(separator: ":").last.map { $0.split(separator: " ").compactMap { Int($0) } } ?? []
            #expect(produced == want, "\(lines[2 * k].prefix(40))")
            #expect(lines[2 * k + 1] == "mismatches 0", "\(lines[2 * k].prefix(40))")
        }
    }
}
