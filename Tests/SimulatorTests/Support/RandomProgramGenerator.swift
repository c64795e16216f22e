import TestSupport

/// Generates random RV32IM programs (ALU, M, loads and stores including
/// misaligned ones, forward branches and jumps, short counted loops) for the
/// differential test against QEMU. Seeded: the same seed gives the same text.
///
/// Each program initialises every register, runs its body on a 256-byte data
/// area addressed through x27 (never written by the body), stores x1..x31
/// after the data area and prints the 96 words in hex through semihosting.
struct RandomProgramGenerator {
    static let dataWords = 64
    static let printedWords = dataWords + 32
    private var random: SeededGenerator
    private var labelCounter = 0

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    /// One ELF's worth of programs, linked at 0x8000_0000 for QEMU virt.
    mutating func batch(programs count: Int) -> String {
        var text: [String] = [".option norvc", ".text", ".globl _start", "_start:"]
        var data: [String] = [".data", ".balign 16"]
        for index in 0..<count {
            text += program(index)
            data.append("data_\(index): .word " + (0..<Self.dataWords).map { _ in hex(word()) }.joined(separator: ", "))
            data.append("    .space 128")
        }
        text += ["    li a0, 0x18", "    li a1, 0x20026"] + Self.semihostingCall + ["1:  j 1b"]
        return (text + Self.printRoutine + data + ["textbuf: .space \(Self.printedWords * 9 + 16)"]).joined(separator: "\n") + "\n"
    }

    static let semihostingCall = ["    .balign 16", "    slli x0, x0, 0x1f", "    ebreak", "    srai x0, x0, 7"]

    /// a0 = words, a1 = count: writes them as 8 hex digits per line, then WRITE0.
    static let printRoutine = [
        "print_words:",
        "    la t1, textbuf",
        "1:  beqz a1, 3f",
        "    lw t0, 0(a0)",
        "    li t2, 28",
        "2:  srl t3, t0, t2",
        "    andi t3, t3, 15",
        "    li t4, 10",
        "    blt t3, t4, 4f",
        "    addi t3, t3, 87",
        "    j 5f",
        "4:  addi t3, t3, 48",
        "5:  sb t3, 0(t1)",
        "    addi t1, t1, 1",
        "    addi t2, t2, -4",
        "    bgez t2, 2b",
        "    li t3, 10",
        "    sb t3, 0(t1)",
        "    addi t1, t1, 1",
        "    addi a0, a0, 4",
        "    addi a1, a1, -1",
        "    j 1b",
        "3:  sb zero, 0(t1)",
        "    li a0, 4",
        "    la a1, textbuf",
    ] + semihostingCall + ["    ret"]

    private static let base = 27
    private static let rType = ["add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and"]
    private static let mType = ["mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"]
    private static let iType = ["addi", "slti", "sltiu", "xori", "ori", "andi"]
    private static let shifts = ["slli", "srli", "srai"]
    private static let loads: [(String, Int)] = [("lb", 1), ("lbu", 1), ("lh", 2), ("lhu", 2), ("lw", 4)]
    private static let stores: [(String, Int)] = [("sb", 1), ("sh", 2), ("sw", 4)]
    private static let branches = ["beq", "bne", "blt", "bge", "bltu", "bgeu"]

    private mutating func program(_ index: Int) -> [String] {
        var lines = ["prog_\(index):", "    la x\(Self.base), data_\(index)"]
        for register in 1..<32 where register != Self.base {
            lines.append("    li x\(register), \(hex(interestingValue()))")
        }
        var remaining = 60
        while remaining > 0 {
            let roll = below(100)
            switch roll {
            case 0..<80:
                lines.append(simpleInstruction(avoiding: nil))
                remaining -= 1
            case 80..<88:
                // Forward branch over 1-4 instructions.
                let label = newLabel()
                lines.append("    \(pick(Self.branches)) \(anyRegister()), \(anyRegister()), \(label)")
                for _ in 0..<(1 + below(4)) { lines.append(simpleInstruction(avoiding: nil)) }
                lines.append("\(label):")
                remaining -= 3
            case 88..<92:
                // jal over 1-3 instructions, linking into a random register.
                let label = newLabel()
                lines.append("    jal \(destination()), \(label)")
                for _ in 0..<(1 + below(3)) { lines.append(simpleInstruction(avoiding: nil)) }
                lines.append("\(label):")
                remaining -= 3
            case 92..<95:
                // jalr through a register holding the target, with an odd offset
                // bit cleared by jalr.
                let label = newLabel(), via = destination(), link = destination()
                lines.append("    la \(via), \(label)")
                lines.append("    addi \(via), \(via), -3")
                lines.append("    jalr \(link), 4(\(via))")
                lines.append(simpleInstruction(avoiding: nil))
                lines.append("\(label):")
                remaining -= 4
            default:
                // A counted loop whose body never writes the counter.
                let label = newLabel(), counter = destinationNumber()
                lines.append("    li x\(counter), \(1 + below(4))")
                lines.append("\(label):")
                for _ in 0..<(2 + below(4)) { lines.append(simpleInstruction(avoiding: counter)) }
                lines.append("    addi x\(counter), x\(counter), -1")
                lines.append("    bnez x\(counter), \(label)")
                remaining -= 6
            }
        }
        for register in 1..<32 { lines.append("    sw x\(register), \(4 * Self.dataWords + 4 * register)(x\(Self.base))") }
        lines += ["    mv a0, x\(Self.base)", "    li a1, \(Self.printedWords)", "    jal ra, print_words"]
        return lines
    }

    /// ALU, M, lui/auipc, load or store; never writes x27 or `avoiding`.
    private mutating func simpleInstruction(avoiding reserved: Int?) -> String {
        func rd() -> String {
            while true {
                let register = destinationNumber()
                if register != reserved { return "x\(register)" }
            }
        }
        switch below(100) {
        case 0..<30: return "    \(pick(Self.rType)) \(rd()), \(anyRegister()), \(anyRegister())"
        case 30..<50: return "    \(pick(Self.mType)) \(rd()), \(anyRegister()), \(anyRegister())"
        case 50..<65: return "    \(pick(Self.iType)) \(rd()), \(anyRegister()), \(Int(below(4096)) - 2048)"
        case 65..<72: return "    \(pick(Self.shifts)) \(rd()), \(anyRegister()), \(below(32))"
        case 72..<75: return "    \(below(2) == 0 ? "lui" : "auipc") \(rd()), \(hex(UInt32(below(1 << 20))))"
        case 75..<88:
            let (name, size) = Self.loads[below(Self.loads.count)]
            return "    \(name) \(rd()), \(offset(size))(x\(Self.base))"
        default:
            let (name, size) = Self.stores[below(Self.stores.count)]
            return "    \(name) \(anyRegister()), \(offset(size))(x\(Self.base))"
        }
    }

    /// An offset inside the data area; misaligned one time in three.
    private mutating func offset(_ size: Int) -> Int {
        let limit = 4 * Self.dataWords - size
        if below(3) == 0 { return below(limit + 1) }
        return below(limit / size + 1) * size
    }

    private mutating func interestingValue() -> UInt32 {
        switch below(8) {
        case 0: return 0
        case 1: return 1
        case 2: return 0xFFFF_FFFF
        case 3: return 0x8000_0000
        case 4: return 0x7FFF_FFFF
        case 5: return UInt32(bitPattern: Int32(below(33)) - 16)
        default: return word()
        }
    }

    private mutating func newLabel() -> String {
        labelCounter += 1
        return "L\(labelCounter)"
    }
    private mutating func destinationNumber() -> Int {
        while true {
            let register = 1 + below(31)
            if register != Self.base { return register }
        }
    }
    private mutating func destination() -> String { "x\(destinationNumber())" }
    private mutating func anyRegister() -> String { "x\(below(32))" }
    private mutating func pick(_ names: [String]) -> String { names[below(names.count)] }
    private mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    private mutating func word() -> UInt32 { UInt32(truncatingIfNeeded: random.next()) }
    private func hex(_ value: UInt32) -> String { "0x" + String(value, radix: 16) }
}
