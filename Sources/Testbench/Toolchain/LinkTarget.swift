import Foundation

/// Where a program runs, which decides its startup code and memory layout.
public enum LinkTarget: Sendable, Hashable {
    /// X-HEEP: the project's runtime (crt0, linker script, rvm.h), `_start` at 0x180.
    case xheep(XHeepRuntime)
    /// QEMU's `virt` board with picolibc's semihosting crt0, RAM at 0x8000_0000.
    /// For CPU-only programs (QEMU knows no RVM instructions); used by tests.
    case qemuVirt

    /// Link arguments after the common `-march`/`-mabi` ones, objects excluded.
    func linkFlags() -> (before: [String], after: [String]) {
        switch self {
        case .xheep(let runtime):
            return (["--specs=picolibc.specs", "-nostartfiles", "-T", runtime.linkerScriptURL.path] + XHeepRuntime.heap, ["-lgcc"])
        case .qemuVirt:
            return ([
                "--specs=picolibc.specs", "--oslib=semihost", "--crt0=semihost",
                "-Wl,--defsym=__flash=0x80000000", "-Wl,--defsym=__flash_size=0x00200000",
                "-Wl,--defsym=__ram=0x80200000", "-Wl,--defsym=__ram_size=0x00200000",
            ], [])
        }
    }

    var includeDirectories: [URL] {
        switch self {
        case .xheep(let runtime): return [runtime.directory]
        case .qemuVirt: return []
        }
    }
}

/// The runtime directory (kernels/runtime): startup sources compiled into
/// every program, a linker script, and headers such as rvm.h. The linker
/// script must define `__bss_end`, `__stack_top` and `__stack_size`, from
/// which the link places the heap (see `heap`).
public struct XHeepRuntime: Sendable, Hashable {
    public var directory: URL
    public var startupSources: [String]
    public var linkerScript: String

    public init(directory: URL, startupSources: [String] = ["crt0.S"], linkerScript: String = "xheep.ld") {
        self.directory = directory
        self.startupSources = startupSources
        self.linkerScript = linkerScript
    }

    var linkerScriptURL: URL { directory.appendingPathComponent(linkerScript) }

    /// picolibc's malloc (generated C allocates DRAM buffers with it) grows
    /// its heap between `__heap_start` and `__heap_end`, which xheep.ld does
    /// not define: the heap is what lies between the end of .bss and the
    /// bottom of the stack in the contiguous banks.
    static let heap = [
        "-Wl,--defsym=__heap_start=__bss_end",
        "-Wl,--defsym=__heap_end=__stack_top-__stack_size",
    ]

    /// Every regular file of the directory, sorted by name: a change to any
    /// of them (a header included by a kernel, say) must invalidate the cache.
    func files() throws(ToolchainError) -> [(name: String, contents: Data)] {
        let fileManager = FileManager.default
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            throw .runtimeFileMissing(path: directory.path)
        }
        var files: [(name: String, contents: Data)] = []
        for name in names {
            var isDirectory: ObjCBool = false
            let path = directory.appendingPathComponent(name).path
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = fileManager.contents(atPath: path) else { continue }
            files.append((name, data))
        }
        for required in startupSources + [linkerScript] where !files.contains(where: { $0.name == required }) {
            throw .runtimeFileMissing(path: directory.appendingPathComponent(required).path)
        }
        return files
    }
}
