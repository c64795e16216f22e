import Foundation
import Testbench

/// The conv1d study as the tests run it: this package's kernels and runtime,
/// the simulator, and one build cache shared by every test run (content
/// addressed, so sharing it is safe and later runs skip the compiler).
enum Study {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let algorithm = Conv1dStudy.loadAlgorithm(packageRoot: packageRoot)

    static var target: LinkTarget { Conv1dStudy.xheepTarget(packageRoot: packageRoot) }

    static func cache() -> BuildCache {
        BuildCache(directory: FileManager.default.temporaryDirectory.appendingPathComponent("rvm-testbench-study-cache", isDirectory: true))
    }

    static func driver(runner: any KernelRunner = SimulatorRunner()) throws -> BenchDriver {
        var driver = BenchDriver(builder: ProgramBuilder(toolchain: try Fixtures.toolchain(), cache: cache()),
                                 runner: runner, progress: { _ in })
        if case .success(let loaded) = algorithm { driver.reference = { try loaded.reference($0) } }
        return driver
    }

    static func variants() -> [BenchVariant] { Conv1dStudy.allVariants(packageRoot: packageRoot, algorithm: algorithm) }

    static func run(_ variants: [BenchVariant], shapes: [Conv1dShape], inputs: InputPattern) throws -> BenchRun {
        try driver().run(variants, configuration: BenchConfiguration(shapes: shapes, inputs: inputs, target: target))
    }
}
