import Foundation

/// The stock RISC-V cross compiler (Debian's gcc-riscv64-unknown-elf) and
/// picolibc, which provides the headers and memset/memcpy for both platforms.
public struct CrossToolchain: Sendable, Hashable {
    public static let compilerName = "riscv64-unknown-elf-gcc"
    public static let compilerPackage = "gcc-riscv64-unknown-elf"
    public static let picolibcPackage = "picolibc-riscv64-unknown-elf"
    /// Overrides the compiler's location (absolute path or a name on PATH).
    public static let environmentOverride = "RVM_CROSS_GCC"

    public let compiler: URL
    /// `gcc --version` text: part of every cache key, so an upgrade rebuilds.
    public let versionText: String

    public init(compiler: URL, versionText: String) {
        self.compiler = compiler
        self.versionText = versionText
    }

    /// Finds the compiler and checks that picolibc is installed next to it.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ToolchainError) -> CrossToolchain {
        let name = environment[environmentOverride] ?? compilerName
        guard let compiler = Subprocess.locate(name, environment: environment) else {
            throw .toolNotFound(tool: name, package: compilerPackage)
        }
        let version = try query(compiler, ["--version"])
        // gcc echoes the bare name back when it cannot find the file.
        let specs = try query(compiler, ["-print-file-name=picolibc.specs"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard specs.hasPrefix("/") else {
            throw .toolNotFound(tool: "picolibc.specs", package: picolibcPackage)
        }
        return CrossToolchain(compiler: compiler, versionText: version)
    }

    private static func query(_ compiler: URL, _ arguments: [String]) throws(ToolchainError) -> String {
        let result: Subprocess.Result
        do {
            result = try Subprocess(executable: compiler, arguments: arguments, timeout: 60).run()
        } catch {
            throw .toolFailedToRun(tool: compiler.path, reason: error.description)
        }
        guard result.status == 0 else {
            throw .toolFailedToRun(tool: compiler.path, reason: result.combinedOutput)
        }
        return result.standardOutput
    }
}
