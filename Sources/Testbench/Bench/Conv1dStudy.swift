import Foundation

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

    public static func handWrittenVariants(directory: URL) -> [BenchVariant] {
        handWrittenFiles.map { .handWritten(name: $0.variant, file: directory.appendingPathComponent($0.file)) }
    }

    /// The X-HEEP target with the project's runtime (kernels/runtime).
    public static func xheepTarget(packageRoot: URL) -> LinkTarget {
        .xheep(XHeepRuntime(directory: packageRoot.appendingPathComponent("kernels/runtime", isDirectory: true)))
    }

    /// A driver with the located toolchain and the package's build cache.
    public static func driver(packageRoot: URL, runner: any KernelRunner,
                              progress: @escaping @Sendable (String) -> Void = BenchDriver.printToStandardError) throws(ToolchainError) -> BenchDriver {
        BenchDriver(builder: ProgramBuilder(toolchain: try CrossToolchain.locate(), cache: .standard(packageRoot: packageRoot)),
                    runner: runner, progress: progress)
    }
}
