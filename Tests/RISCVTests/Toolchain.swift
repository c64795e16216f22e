import Foundation
import TestSupport

/// The cross assembler for tests that check our output against GNU binutils.
/// Programs are built at test time in a temporary directory.
enum Toolchain {
    static let prefix = "riscv64-unknown-elf-"

    /// A fresh temporary directory, removed by the caller with `ScratchDirectory.remove`.
    static func temporaryDirectory() throws -> URL { try ScratchDirectory.make("riscv-tests") }

    /// Assembles `source` for RV32IM_Zicsr_Zifencei and returns the object's path.
    static func assemble(_ source: String, name: String = "test", in directory: URL,
                         extraFlags: [String] = []) throws -> String {
        let sourcePath = directory.appendingPathComponent("\(name).s").path
        try source.write(toFile: sourcePath, atomically: true, encoding: .utf8)
        let objectPath = directory.appendingPathComponent("\(name).o").path
        try Tool.run(prefix + "as", ["-march=rv32im_zicsr_zifencei"] + extraFlags + ["-o", objectPath, sourcePath],
                     in: directory)
        return objectPath
    }
}
