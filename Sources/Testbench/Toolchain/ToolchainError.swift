/// Everything that can go wrong between C sources and an ELF file.
public enum ToolchainError: Error, Equatable, CustomStringConvertible {
    /// A tool or toolchain file is missing; `package` is the Debian package providing it.
    case toolNotFound(tool: String, package: String)
    case toolFailedToRun(tool: String, reason: String)
    /// The compiler rejected a source; `diagnostics` is its own message.
    case compileFailed(source: String, diagnostics: String)
    case linkFailed(diagnostics: String)
    case runtimeFileMissing(path: String)
    case invalidSourceName(String)
    case cacheUnavailable(path: String, reason: String)

    public var description: String {
        switch self {
        case .toolNotFound(let tool, let package):
            return "\(tool) not found: install the Debian package \(package) (scripts/setup.sh does it)"
        case .toolFailedToRun(let tool, let reason):
            return "\(tool) failed to run: \(reason)"
        case .compileFailed(let source, let diagnostics):
            return "compiling \(source) failed:\n\(diagnostics)"
        case .linkFailed(let diagnostics):
            return "linking failed:\n\(diagnostics)"
        case .runtimeFileMissing(let path):
            return "runtime file missing: \(path)"
        case .invalidSourceName(let name):
            return "invalid source file name '\(name)': use a plain file name ending in .c, .S, .s or .h"
        case .cacheUnavailable(let path, let reason):
            return "build cache at \(path) unusable: \(reason)"
        }
    }
}
