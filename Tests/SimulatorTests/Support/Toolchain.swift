import Foundation
import Simulator
import TestSupport

/// Drives Debian's RISC-V cross toolchain and QEMU from tests: every program
/// is built at test time into its own temporary directory.
enum Toolchain {
    typealias Output = ToolOutput

    static let runtime = Repository.runtime

    /// A fresh temporary directory.
    static func scratch() throws -> URL { try ScratchDirectory.make("rvm-sim-tests") }

    /// Runs a tool found on the PATH; `timeout` kills it after that many seconds.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], timeout: Double = 120, check: Bool = true) throws -> Output {
        try Tool.run(tool, arguments, timeout: timeout, check: check)
    }

    static let gcc = "riscv64-unknown-elf-gcc"
    static let rv32 = ["-march=rv32im", "-mabi=ilp32"]

    /// Builds C and assembly sources for the X-HEEP layout with kernels/runtime
    /// (crt0.S, xheep.ld, libc_min.c), as documented for users.
    static func buildXHEEP(c sources: [String: String], in directory: URL, name: String = "prog") throws -> URL {
        var files: [String] = []
        for (file, text) in sources.sorted(by: { $0.key < $1.key }) {
            let url = directory.appendingPathComponent(file)
            try text.write(to: url, atomically: true, encoding: .utf8)
            files.append(url.path)
        }
        let elf = directory.appendingPathComponent("\(name).elf")
        try run(gcc, rv32 + ["-O2", "-nostdlib", "-I", runtime.path, "-T", runtime.appendingPathComponent("xheep.ld").path,
                             runtime.appendingPathComponent("crt0.S").path] + files
                + [runtime.appendingPathComponent("libc_min.c").path, "-lgcc", "-o", elf.path])
        return elf
    }

    /// Builds a picolibc program using semihosting, linked for QEMU virt
    /// (RVM-SPEC.md §5: flash at 0x8000_0000, RAM at 0x8020_0000).
    static func buildPicolibc(c source: String, in directory: URL, extra: [String] = []) throws -> URL {
        let url = directory.appendingPathComponent("main.c")
        try source.write(to: url, atomically: true, encoding: .utf8)
        let elf = directory.appendingPathComponent("main.elf")
        try run(gcc, rv32 + ["-O2", "--specs=picolibc.specs", "--oslib=semihost",
                             "-Wl,--defsym=__flash=0x80000000", "-Wl,--defsym=__flash_size=0x200000",
                             "-Wl,--defsym=__ram=0x80200000", "-Wl,--defsym=__ram_size=0x200000"]
                + extra + [url.path, "-o", elf.path])
        return elf
    }

    /// Assembles `source` (with zicsr) and links it with `linkerArguments`,
    /// without relaxation (tests load gp with random values).
    static func assemble(_ source: String, in directory: URL, linkerArguments: [String], name: String = "prog") throws -> URL {
        let asm = directory.appendingPathComponent("\(name).S")
        let object = directory.appendingPathComponent("\(name).o")
        let elf = directory.appendingPathComponent("\(name).elf")
        try source.write(to: asm, atomically: true, encoding: .utf8)
        try run(gcc, ["-march=rv32im_zicsr_zifencei", "-mabi=ilp32", "-c", asm.path, "-o", object.path])
        try run("riscv64-unknown-elf-ld", ["-m", "elf32lriscv", "--no-warn-rwx-segments", "--no-relax"] + linkerArguments
                + [object.path, "-o", elf.path])
        return elf
    }

    /// Runs an ELF linked for virt on QEMU with semihosting; the semihosting
    /// console goes to a file (QEMU sends it to stderr otherwise) and is
    /// returned as `stdout`.
    static func qemu(_ elf: URL, timeout: Double = 60) throws -> Output {
        let console = elf.deletingPathExtension().appendingPathExtension("qemu-console.txt")
        var result = try run("qemu-system-riscv32", [
            "-M", "virt", "-bios", "none", "-display", "none", "-serial", "none", "-monitor", "none",
            "-chardev", "file,id=semihosting,path=\(console.path)",
            "-semihosting-config", "enable=on,target=native,chardev=semihosting", "-kernel", elf.path,
        ], timeout: timeout, check: false)
        result.stdout = (try? String(contentsOf: console, encoding: .utf8)) ?? ""
        return result
    }
}

extension Toolchain {
    static let micro = Repository.url("kernels/micro")

    /// Builds a kernels/micro program as its README says: compile with zicsr
    /// (the timed blocks use mcycle), link with rv32im, crt0.S and xheep.ld.
    static func buildMicro(_ file: String, defines: [String] = [], in directory: URL, name: String) throws -> URL {
        let object = directory.appendingPathComponent("\(name).o")
        let crt0 = directory.appendingPathComponent("crt0-\(name).o")
        let elf = directory.appendingPathComponent("\(name).elf")
        try run(gcc, ["-march=rv32im_zicsr", "-mabi=ilp32", "-O2", "-ffreestanding", "-I", micro.path]
                + defines.map { "-D" + $0 } + ["-c", micro.appendingPathComponent(file).path, "-o", object.path])
        try run(gcc, ["-march=rv32im_zicsr", "-mabi=ilp32", "-c", runtime.appendingPathComponent("crt0.S").path, "-o", crt0.path])
        try run(gcc, rv32 + ["-nostdlib", "-nostartfiles", "-T", runtime.appendingPathComponent("xheep.ld").path,
                             crt0.path, object.path, "-lgcc", "-o", elf.path])
        return elf
    }
}
