import Foundation
import Testing
@testable import Schedule
import TestSupport

/// Random small kernels (RandomKernelGenerator) through the whole pipeline:
/// either it refuses one with located errors, or it accepts it, host gcc
/// compiles the C with -Wall -Wextra -Werror, and running the C on seeded
/// inputs leaves every data argument equal (bit for bit, floats included)
/// to what the reference interpreter computes. Never a crash.
@Suite struct RandomKernelTests {
    static let kernelsPerBatch = 40

    struct Accepted {
        var kernel: RandomKernelGenerator.Kernel
        var output: CCodegen.Output
        var library: String
        /// Every data argument's elements after the interpreter ran, as the C program prints them.
        var expected: [String]
    }

    @Test(.enabled(if: CToolchain.available("gcc")), arguments: [UInt64(1), 2, 3])
    func acceptedKernelsCompileCleanlyAndMatchTheInterpreter(batch: UInt64) throws {
        let pipeline = try KernelPipeline(target: .host)
        var accepted: [Accepted] = []
        var refusals: [KernelError.Phase: Int] = [:]
        for k in 0..<Self.kernelsPerBatch {
            let seed = batch * 1000 + UInt64(k)
            var generator = RandomKernelGenerator(seed: seed)
            let kernel = generator.kernel(named: "kernel_\(seed)")
            let file = "random_\(seed).exo"
            let compiled: KernelCompilation
            do {
                compiled = try pipeline.compile(kernel.text, file: file, selecting: .named([kernel.procName]), library: "k\(seed)")
            } catch {
                for e in error.errors {
                    #expect(e.location.isKnown && e.file == file, "refused without a location (seed \(seed)): \(e)\n\(kernel.text)")
                    #expect(e.phase != .codegen, "a checked kernel refused by code generation (seed \(seed)): \(e)\n\(kernel.text)")
                    refusals[e.phase, default: 0] += 1
                }
                continue
            }
            let proc = try #require(compiled.module.proc(named: kernel.procName))
            let tensors = Self.tensors(kernel)
            do {
                try Interpreter.run(proc, Self.arguments(kernel, tensors))
            } catch {
                Issue.record("the interpreter failed on an accepted kernel (seed \(seed)): \(error)\n\(kernel.text)")
                continue
            }
            let expected = zip(kernel.dataArguments, tensors).map { argument, tensor in
                argument.name + " " + Self.printed(tensor, argument.type)
            }
            accepted.append(Accepted(kernel: kernel, output: compiled.output, library: "k\(seed)", expected: expected))
        }
        // The generator must exercise both outcomes, mostly acceptance.
        #expect(accepted.count >= Self.kernelsPerBatch * 3 / 5, "only \(accepted.count) accepted; refusals: \(refusals)")
        #expect(!accepted.isEmpty)
        try Self.compileAndCompare(accepted)
    }

    /// Builds all accepted kernels and one driver into a single program and compares its output.
    static func compileAndCompare(_ accepted: [Accepted]) throws {
        let tc = try CToolchain(prefix: "random-kernels")
        defer { tc.cleanUp() }
        var driver = "#include <stdio.h>\n#include <string.h>\n#include <stdint.h>\n#include <stdbool.h>\n"
        var runs = ""
        for a in accepted {
            try tc.write(a.output.headerName, a.output.header)
            try tc.write(a.library + ".c", a.output.source)
            driver += "#include \"\(a.output.headerName)\"\n"
            runs += runner(a.kernel)
        }
        driver += """
            static void show_int(const char *name, const void *v, int n, int bytes) {
              printf(" | %s", name);
              for (int q = 0; q < n; q++) {
                long value = bytes == 1 ? ((const int8_t *)v)[q] : bytes == 2 ? ((const int16_t *)v)[q] : ((const int32_t *)v)[q];
                printf(" %ld", value);
              }
            }
            static void show_f32(const char *name, const float *v, int n) {
              printf(" | %s", name);
              for (int q = 0; q < n; q++) { uint32_t b; memcpy(&b, &v[q], 4); printf(" %08x", (unsigned)b); }
            }

            """ + runs + "int main(void) {\n" + accepted.map { "  run_\($0.kernel.procName)();\n" }.joined() + "  return 0;\n}\n"
        try tc.write("driver.c", driver)
        let flags = ["-std=gnu11", "-O2", "-fwrapv", "-Wall", "-Wextra", "-Werror"]
        do {
            try tc.run("gcc", flags + ["-o", "random", "driver.c"] + accepted.map { $0.library + ".c" })
        } catch {
            // Name the kernels whose C does not compile on its own.
            for a in accepted {
                do {
                    try tc.run("gcc", flags + ["-c", "-o", a.library + ".o", a.library + ".c"])
                } catch {
                    Issue.record("accepted kernel's C does not compile: \(error)\n\(a.kernel.text)\n\(a.output.source)")
                }
            }
            Issue.record("the random kernels do not build: \(error)")
            return
        }
        let lines = try tc.run(tc.path("random"), []).split(separator: "\n").map(String.init)
        #expect(lines.count == accepted.count)
        for (a, line) in zip(accepted, lines) {
            let want = a.kernel.procName + a.expected.map { " | " + $0 }.joined()
            #expect(line == want, "C and interpreter differ:\n\(a.kernel.text)\nC:           \(line)\ninterpreter: \(want)\n\(a.output.source)")
        }
    }

    // MARK: inputs and outputs

    static func tensors(_ kernel: RandomKernelGenerator.Kernel) -> [Tensor] {
        kernel.dataArguments.map { a in
            a.type == .f32 ? Tensor(shape: a.shape, floats: a.values.map(Float.init)) : Tensor(a.type, shape: a.shape, values: a.values)
        }
    }

    static func arguments(_ kernel: RandomKernelGenerator.Kernel, _ tensors: [Tensor]) -> [Argument] {
        var data = tensors.makeIterator()
        return kernel.arguments.compactMap { a in
            switch a {
            case .size(let v): .int(v)
            case .bool(let b): .bool(b)
            case .data: data.next().map { .tensor($0) }
            }
        }
    }

    /// Elements as the driver prints them: integers in decimal, f32 as their bits in hex.
    static func printed(_ t: Tensor, _ type: ScalarType) -> String {
        let values = type == .f32
            ? t.floatValues.map { v in let h = String(v.bitPattern, radix: 16); return String(repeating: "0", count: 8 - h.count) + h }
            : t.intValues.map(String.init)
        return values.joined(separator: " ")
    }

    /// `static void run_kernel_N(void)`: the inputs, the call, the printed outputs.
    static func runner(_ kernel: RandomKernelGenerator.Kernel) -> String {
        var declarations = "", callArguments: [String] = [], shows = ""
        for a in kernel.arguments {
            switch a {
            case .size(let v):
                callArguments.append("\(v)")
            case .bool(let b):
                callArguments.append(b ? "true" : "false")
            case .data(let name, let type, _, let values):
                let initial = type == .f32 ? values.map { "\($0).0f" } : values.map(String.init)
                declarations += "  \(type.cType) \(name)[\(max(values.count, 1))] = {\(initial.isEmpty ? "0" : initial.joined(separator: ", "))};\n"
                callArguments.append(name)
                shows += type == .f32
                    ? "  show_f32(\"\(name)\", \(name), \(values.count));\n"
                    : "  show_int(\"\(name)\", \(name), \(values.count), \(type.bitWidth / 8));\n"
            }
        }
        return """
            static void run_\(kernel.procName)(void) {
            \(declarations)  \(kernel.procName)(\(callArguments.joined(separator: ", ")));
              printf("\(kernel.procName)");
            \(shows)  printf("\\n");
            }

            """
    }
}

extension RandomKernelGenerator.Kernel {
    var dataArguments: [(name: String, type: ScalarType, shape: [Int], values: [Int])] {
        arguments.compactMap { a in
            if case .data(let name, let type, let shape, let values) = a { return (name, type, shape, values) }
            return nil
        }
    }
}
