import Foundation
import Testing
import Testbench

/// `rvm bench` as a user runs it (the binary built next to the test bundle by
/// `swift build --build-tests`): stdout table or JSON, progress on stderr,
/// report folder, traces, and the exit status.
@Suite struct BenchCommandTests {
    static var tool: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("rvm")
    }

    static func bench(_ arguments: [String]) throws -> Subprocess.Result {
        #expect(FileManager.default.isExecutableFile(atPath: tool.path), "build the rvm tool first: swift build --build-tests")
        // The child inherits this: builds go to the tests' shared cache, not the package's.
        setenv(BuildCache.environmentOverride, Study.cache().directory.path, 1)
        return try Subprocess(executable: tool, arguments: ["bench", "--root", Study.packageRoot.path] + arguments,
                              timeout: 600).run()
    }

    @Test func jsonReportFolderAndTraces() throws {
        let folder = try Fixtures.temporaryDirectory("bench-command")
        let result = try Self.bench(["--variant", "scalar", "--json", "--report", folder.path, "--traces"])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["source"] as? String } == ["compiler", "hand"])
        #expect(rows.allSatisfy { $0["variant"] as? String == "scalar" && ($0["correct"] as? Bool) == true && $0["error"] is NSNull })
        #expect(rows.allSatisfy { ($0["speedup"] as? NSNumber)?.doubleValue == 1.0 && $0["cycles"] is NSNumber })
        for file in ["bench.md", "bench.csv", "bench.json", "cycles.svg"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file) missing")
        }
        let trace = folder.appendingPathComponent("traces/scalar-compiler-ic4-oc16-n16-w4/\(SimulatorRunner.commitLogName)")
        #expect(FileManager.default.fileExists(atPath: trace.path))
        #expect(FileManager.default.fileExists(atPath: trace.deletingLastPathComponent().appendingPathComponent(SimulatorRunner.timelineName).path))
        // Progress went to stderr, one "building" and one result line per row.
        #expect(result.standardError.contains("[1/2] scalar (compiler) IC=4 OC=16 N=16 W=4: building and running"))
        #expect(result.standardError.contains("[2/2] scalar (hand) IC=4 OC=16 N=16 W=4: "))
    }

    @Test func aFailingVariantFailsTheCommandButNotTheOthers() throws {
        // N = 10 breaks the algorithm's `assert N % 4 == 0` and rvm_4acc.c's #error;
        // the hand-written scalar kernel still runs and is right.
        let result = try Self.bench(["--sizes", "2,16,10,4", "--variant", "scalar"])
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("scalar") && $0.contains("compiler") && $0.contains("NO") && $0.contains("N % 4 == 0") })
        #expect(lines.contains { $0.hasPrefix("scalar") && $0.contains("hand") && $0.contains("yes") })
        #expect(result.standardOutput.contains("1 of 2 rows FAILED"))
    }

    @Test func badArgumentsAreRefusedWithAMessage() throws {
        let sizes = try Self.bench(["--sizes", "IC=4,OC=16,N=16"])
        #expect(sizes.status != 0 && sizes.status != 1)
        #expect(sizes.standardError.contains("must give all of IC, OC, N and W"))
        let variant = try Self.bench(["--variant", "rvm-8acc"])
        #expect(variant.status != 0 && variant.status != 1)
        #expect(variant.standardError.contains("unknown variant 'rvm-8acc'"))
        let inputs = try Self.bench(["--inputs", "random:x"])
        #expect(inputs.standardError.contains("--inputs must be"))
    }
}
