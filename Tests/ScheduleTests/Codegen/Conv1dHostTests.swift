import Testing
import Schedule
import TestSupport

/// The conv1d algorithm (kernels/conv1d/conv1d.exo) compiled to C, built with host gcc -Wall -Wextra
/// -Werror, run on random inputs: equal to the interpreter and to a
/// hand-written C reference.
@Suite struct Conv1dHostTests {
    /// Hand-written reference, independent of the code generator.
    static let reference = """
    static void ref_conv1d(const int32_t *data, const int32_t *kernels, int32_t *out) {
      for (int o = 0; o < 16; o++)
        for (int j = 0; j < 16; j++) {
          int32_t acc = 0;
          for (int c = 0; c < 4; c++)
            for (int r = 0; r < 4; r++)
              if (j + r < 16) acc += kernels[(o * 4 + c) * 4 + r] * data[c * 16 + j + r];
          out[o * 16 + j] = acc;
        }
    }
    """

    @Test(.enabled(if: CToolchain.available("gcc")), arguments: [(UInt64(1), 1000), (UInt64(2), Int(Int32.max))])
    func generatedCEqualsInterpreterAndReference(seed: UInt64, magnitude: Int) throws {
        let proc = try KernelFixtures.caseStudyConv1d()
        let c = try CCodegen.compile([proc], library: "conv1d")

        var rng = SeededGenerator(seed: seed)
        let data = (0..<(4 * 16)).map { _ in Int.random(in: -magnitude...magnitude, using: &rng) }
        let kernels = (0..<(16 * 4 * 4)).map { _ in Int.random(in: -magnitude...magnitude, using: &rng) }

        let tData = Tensor(.i32, shape: [4, 16], values: data)
        let tKernels = Tensor(.i32, shape: [16, 4, 4], values: kernels)
        let tOut = Tensor(.i32, shape: [16, 16])
        try Interpreter.run(proc, [.tensor(tData), .tensor(tKernels), .tensor(tOut)])

        let tc = try CToolchain()
        defer { tc.cleanUp() }
        try tc.write(c.headerName, c.header)
        try tc.write("conv1d.c", c.source)
        try tc.write("main.c", """
        #include <stdio.h>
        #include <stdint.h>
        #include "conv1d.h"
        \(Self.reference)
        static const int32_t data[64] = \(data.cList);
        static const int32_t kernels[256] = \(kernels.cList);
        int main(void) {
          int32_t out[256], ref[256];
          conv1d(data, kernels, out);
          ref_conv1d(data, kernels, ref);
          int mismatches = 0;
          for (int k = 0; k < 256; k++) { printf("%d ", (int)out[k]); mismatches += out[k] != ref[k]; }
          printf("\\nmismatches %d\\n", mismatches);
          return 0;
        }
        """)
        // -fwrapv: products of full-range inputs overflow; the kernel language wraps.
        let flags = ["-std=c11", "-O2", "-fwrapv", "-Wall", "-Wextra", "-Werror"]
        try tc.run("gcc", flags + ["-o", "conv1d", "main.c", "conv1d.c"])
        let lines = try tc.run(tc.path("conv1d"), []).split(separator: "\n")
        let produced = lines[0].split(separator: " ").compactMap { Int($0) }
        #expect(produced.count == 256)
        #expect(produced == tOut.intValues)
        #expect(lines[1] == "mismatches 0")
        #expect(tOut.intValues.contains { $0 != 0 })
    }
}
