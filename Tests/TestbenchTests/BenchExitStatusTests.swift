import Foundation
import Testing
import Testbench

/// `rvm bench`'s exit statuses as kernels/conv1d/README.md states them: 64
/// (the argument parser's usage status) for every bad argument, 2 when the
/// cross toolchain is missing; each with a message on stderr.
@Suite struct BenchExitStatusTests {
    static func bench(_ arguments: [String], environment: [String] = []) throws -> Subprocess.Result {
        try Subprocess(executable: URL(fileURLWithPath: "/usr/bin/env"),
                       arguments: environment + [BenchCommandTests.tool.path, "bench", "--root", Study.packageRoot.path] + arguments,
                       timeout: 120).run()
    }

    @Test func everyBadArgumentIsAUsageError() throws {
        let timing = try Self.bench(["--timing", "fast"])
        #expect(timing.status == 64)
        #expect(timing.standardError.contains("--timing must be 'cycle' or 'none', got 'fast'"))
        let sizes = try Self.bench(["--sizes", "IC=4"])
        #expect(sizes.status == 64)
        #expect(sizes.standardError.contains("must give all of IC, OC, N and W"))
        let variant = try Self.bench(["--variant", "rvm-8acc"])
        #expect(variant.status == 64)
        let inputs = try Self.bench(["--inputs", "random:x"])
        #expect(inputs.status == 64)
    }

    @Test func aMissingToolchainExitsWithTwoAndNamesThePackage() throws {
        let result = try Self.bench(["--variant", "scalar"], environment: ["RVM_CROSS_GCC=/nonexistent/riscv64-unknown-elf-gcc"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("gcc-riscv64-unknown-elf"), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }
}
