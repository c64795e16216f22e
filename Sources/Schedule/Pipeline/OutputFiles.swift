/// Where `rvm compile` writes its C: `-o dir/conv1d.c` gives the source
/// `dir/conv1d.c` and the header `dir/conv1d.h`, which the source includes as
/// `"conv1d.h"` (library name `conv1d`). An output named without `.c` gets
/// it appended. Without `-o`, the kernel file's name with `.c` in the
/// current directory (`kernels/conv1d/conv1d.exo` -> `conv1d.c`, `conv1d.h`).
public struct OutputFiles: Sendable, Equatable {
    public var sourcePath: String
    public var headerPath: String
    /// The stem that names the header and its include guard.
    public var library: String

    public init(output: String?, kernelFile: String) throws(KernelError) {
        let chosen = output ?? (Self.stem(of: Self.lastComponent(kernelFile)) + ".c")
        let base = chosen.hasSuffix(".c") ? String(chosen.dropLast(2)) : chosen
        let library = Self.lastComponent(base)
        guard !library.isEmpty, library != ".", library != ".." else {
            throw KernelError(.codegen, "cannot name the C files after '\(chosen)': give -o a file name such as out/kernel.c")
        }
        sourcePath = base + ".c"
        headerPath = base + ".h"
        self.library = library
    }

    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }

    /// The name without its last extension (`conv1d.exo` -> `conv1d`).
    static func stem(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
