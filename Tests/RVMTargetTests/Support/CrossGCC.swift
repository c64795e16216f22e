import TestSupport

/// The RISC-V cross GCC as the generated RVM C is built with: warnings are errors.
enum CrossGCC {
    static let gcc = "riscv64-unknown-elf-gcc"
    static let objdump = "riscv64-unknown-elf-objdump"
    static let flags = ["-march=rv32im", "-mabi=ilp32", "--specs=picolibc.specs", "-O2", "-std=c11", "-Wall", "-Wextra", "-Werror"]

    /// The RVM instruction words (opcode CUSTOM-1) of `objdump -d` output, in order.
    static func rvmWords(inDisassembly dump: String) -> [UInt32] {
        Objdump.words(dump).filter { $0 & 0x7F == 0x2B }
    }
}
