import Foundation
import Testbench

/// Test-only runner: QEMU's `virt` board with semihosting, for CPU-only
/// programs linked with `LinkTarget.qemuVirt`. QEMU has no memory read-back,
/// so symbols come from the harness's console dump; it has no timing model,
/// so every statistic stays nil.
struct QemuVirtRunner: KernelRunner {
    static let executableName = "qemu-system-riscv32"
    let qemu: URL
    var timeoutSeconds: Double = 60

    init() throws {
        guard let qemu = Subprocess.locate(QemuVirtRunner.executableName) else {
            throw ToolchainError.toolNotFound(tool: QemuVirtRunner.executableName, package: "qemu-system-misc")
        }
        self.qemu = qemu
    }

    func run(_ request: RunRequest) throws -> RunOutcome {
        let result = try Subprocess(
            executable: qemu,
            // Semihosting output to our stdout; QEMU's own messages stay on stderr.
            arguments: ["-M", "virt", "-bios", "none", "-display", "none", "-serial", "none", "-monitor", "none",
                        "-chardev", "stdio,id=semihost", "-semihosting-config", "enable=on,target=native,chardev=semihost",
                        "-kernel", request.elf.path],
            timeout: timeoutSeconds).run()
        if result.timedOut {
            return RunOutcome(stopReason: .timedOut, exitValue: nil, console: result.standardOutput)
        }
        let dumped = ConsoleSymbolDump.parse(result.standardOutput)
        var symbols: [String: [UInt8]] = [:]
        for read in request.allSymbols {
            if let bytes = dumped[read.name] { symbols[read.name] = Array(bytes.prefix(read.byteCount)) }
        }
        return RunOutcome(stopReason: .exited, exitValue: UInt32(truncatingIfNeeded: result.status),
                          console: result.standardOutput, symbolContents: symbols)
    }
}
