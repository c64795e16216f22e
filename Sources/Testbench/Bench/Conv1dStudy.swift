import Foundation
import RVMTarget

/// The conv1d case study's fixed parts, so the `rvm bench` command stays thin.
public enum Conv1dStudy {
    /// Hand-written kernels: variant name and file in kernels/conv1d/hand/.
    public static let handWrittenFiles: [(variant: String, file: String)] = [
        ("scalar", "scalar.c"), ("rvm-1acc", "rvm_1acc.c"), ("rvm-4acc", "rvm_4acc.c"),
    ]

    /// Sizes beyond the case study for `--sizes` (issue 6: N = 64 and 256, OC = 32, IC = 8).
    public static let largerShapes = [
        Conv1dShape(ic: 8, oc: 32, n: 64, w: 4),
        Conv1dShape(ic: 8, oc: 32, n: 256, w: 4),
    ]

    /// The algorithm, relative to the package root.
    public static let algorithmPath = "kernels/conv1d/conv1d.exo"
    public static let handWrittenPath = "kernels/conv1d/hand"

    public static func loadAlgorithm(packageRoot: URL) -> Result<Conv1dAlgorithm, BenchError> {
        let file = packageRoot.appendingPathComponent(algorithmPath)
        do {
            return .success(try Conv1dAlgorithm.load(file))
        } catch let error as BenchError {
            return .failure(error)
        } catch {
            return .failure(.algorithmUnusable("\(file.path): \(error)"))
        }
    }

    /// The compiler variants in the order of the case study: scalar,
    /// im2col-cpu, rvm-1acc, rvm-4acc (RVMTarget's `Conv1dVariant`).
    public static func compilerVariants(algorithm: Result<Conv1dAlgorithm, BenchError>) -> [BenchVariant] {
        Conv1dVariant.allCases.map { .compiled($0, algorithm: algorithm) }
    }

    /// Compiler variants first, then the hand-written ones, as the table shows them.
    public static func allVariants(packageRoot: URL, algorithm: Result<Conv1dAlgorithm, BenchError>) -> [BenchVariant] {
        compilerVariants(algorithm: algorithm)
            + handWrittenVariants(directory: packageRoot.appendingPathComponent(handWrittenPath, isDirectory: true))
    }

    public static func handWrittenVariants(directory: URL) -> [BenchVariant] {
        handWrittenFiles.map { .handWritten(name: $0.variant, file: directory.appendingPathComponent($0.file)) }
    }

    /// The X-HEEP target with the project's runtime (kernels/runtime).
    public static func xheepTarget(packageRoot: URL) -> LinkTarget {
        .xheep(XHeepRuntime(directory: packageRoot.appendingPathComponent("kernels/runtime", isDirectory: true)))
    }

    /// A driver with the located toolchain and the package's build cache;
    /// the host re-checks against the reference interpreter running the
    /// algorithm, or against the plain Swift loop nest when the algorithm did
    /// not load or its preconditions exclude the sizes (a hand-written kernel
    /// may still run there).
    public static func driver(packageRoot: URL, runner: any KernelRunner, algorithm: Result<Conv1dAlgorithm, BenchError>,
                              progress: @escaping @Sendable (String) -> Void = BenchDriver.printToStandardError) throws(ToolchainError) -> BenchDriver {
        var driver = BenchDriver(builder: ProgramBuilder(toolchain: try CrossToolchain.locate(), cache: .standard(packageRoot: packageRoot)),
                                 runner: runner, progress: progress)
        if case .success(let loaded) = algorithm {
            driver.reference = { problem in try loaded.referenceOrLoopNest(problem) }
        }
        return driver
    }
}
