/// Disassembly in GNU objdump's style: mnemonic, a tab, comma-separated
/// operands without spaces, ABI register names, CSR names, decimal immediates,
/// hex shift amounts and `lui`/`auipc` values, absolute branch targets.
///
/// `.aliases` prints what `riscv64-unknown-elf-objdump -d` (binutils 2.40)
/// prints (`li`, `mv`, `ret`, `j`, `beqz`, `csrr`, ...), with one deliberate
/// difference: objdump 2.40 names the immediate forms after their register
/// forms (`add a0,a0,1`, `sll a0,a0,0x1f`, `csrrw a0,mie,8`, `csrw mie,8`: an
/// alias-table ordering quirk); we print their real names (`addi`, `slli`,
/// `csrrwi`, `csrwi`), the ones GNU as and the ISA manual use. `.noAliases` matches
/// `objdump -d -M no-aliases`. Neither prints objdump's `# address` comments
/// (they need state across instructions). RVM prints in the vendor's text
/// order, `mmasa.w md,ms2,ms1`. Words that are no instruction print as
/// `.word 0x%08x` (objdump prints `.4byte 0x%x` inside code).
public struct Disassembler: Sendable {
    public enum Style: Sendable { case aliases, noAliases }

    public var style: Style
    /// Names an address for branch and jump targets, e.g. `main+0x10`. With a
    /// name the target prints as `1c <main+0x10>`, without as `0x1c`: the two
    /// ways objdump prints them (with symbols, and for raw binaries).
    public var symbolizer: (@Sendable (UInt32) -> String?)?

    public init(style: Style = .aliases, symbolizer: (@Sendable (UInt32) -> String?)? = nil) {
        self.style = style
        self.symbolizer = symbolizer
    }

    public func text(word: UInt32, pc: UInt32 = 0) -> String { text(decode(word), pc: pc) }

    public func text(_ inst: Instruction, pc: UInt32 = 0) -> String {
        let (mnemonic, operands) = parts(inst, pc: pc)
        return operands.isEmpty ? mnemonic : mnemonic + "\t" + operands
    }

    /// The mnemonic and the operand text, separately.
    public func parts(_ inst: Instruction, pc: UInt32 = 0) -> (mnemonic: String, operands: String) {
        let aliases = style == .aliases
        let op = inst.opcode
        let rd = reg(inst.rd), rs1 = reg(inst.rs1), rs2 = reg(inst.rs2)
        let imm = inst.imm
        switch op.format {
        case .r:
            if aliases {
                if op == .sub && inst.rs1 == 0 { return ("neg", "\(rd),\(rs2)") }
                if op == .sltu && inst.rs1 == 0 { return ("snez", "\(rd),\(rs2)") }
                if op == .slt && inst.rs2 == 0 { return ("sltz", "\(rd),\(rs1)") }
                if op == .slt && inst.rs1 == 0 { return ("sgtz", "\(rd),\(rs2)") }
            }
            return (op.mnemonic, "\(rd),\(rs1),\(rs2)")
        case .i:
            switch op {
            case .lb, .lh, .lw, .lbu, .lhu:
                return (op.mnemonic, "\(rd),\(imm)(\(rs1))")
            case .jalr:
                return jalr(inst, aliases: aliases)
            default:
                if aliases, let alias = immediateAlias(inst) { return alias }
                return (op.mnemonic, "\(rd),\(rs1),\(imm)")
            }
        case .shift:
            return (op.mnemonic, "\(rd),\(rs1),0x\(String(imm, radix: 16))")
        case .s:
            return (op.mnemonic, "\(rs2),\(imm)(\(rs1))")
        case .b:
            let target = self.target(pc, imm)
            if aliases {
                switch op {
                case .beq where inst.rs2 == 0: return ("beqz", "\(rs1),\(target)")
                case .bne where inst.rs2 == 0: return ("bnez", "\(rs1),\(target)")
                case .bge where inst.rs1 == 0: return ("blez", "\(rs2),\(target)")
                case .bge where inst.rs2 == 0: return ("bgez", "\(rs1),\(target)")
                case .blt where inst.rs2 == 0: return ("bltz", "\(rs1),\(target)")
                case .blt where inst.rs1 == 0: return ("bgtz", "\(rs2),\(target)")
                default: break
                }
            }
            return (op.mnemonic, "\(rs1),\(rs2),\(target)")
        case .u:
            return (op.mnemonic, "\(rd),0x\(String(UInt32(bitPattern: imm) >> 12, radix: 16))")
        case .j:
            let target = self.target(pc, imm)
            if aliases && inst.rd == 0 { return ("j", target) }
            if aliases && inst.rd == 1 { return ("jal", target) }
            return ("jal", "\(rd),\(target)")
        case .csr, .csrImm:
            return csr(inst, aliases: aliases)
        case .fence:
            return fence(inst, aliases: aliases)
        case .fixed:
            return (op.mnemonic, "")
        case .rvmMemory:
            return (op.mnemonic, "\(RegisterNames.tile(inst.rd)),(\(rs1)),\(rs2)")
        case .rvmZero:
            return (op.mnemonic, RegisterNames.tile(inst.rd))
        case .rvmMultiply:
            let md = RegisterNames.tile(inst.rd), ms1 = RegisterNames.tile(inst.rs1), ms2 = RegisterNames.tile(inst.rs2)
            return (op.mnemonic, "\(md),\(ms2),\(ms1)")
        case .illegal:
            return rawWord(inst.word)
        }
    }

    private func reg(_ n: UInt8) -> String { RegisterNames.gpr(n) }

    private func rawWord(_ w: UInt32) -> (String, String) { (".word", "0x" + hex8(w)) }

    private func target(_ pc: UInt32, _ offset: Int32) -> String {
        let address = pc &+ UInt32(bitPattern: offset)
        let hex = String(address, radix: 16)
        if let symbolizer, let name = symbolizer(address) { return "\(hex) <\(name)>" }
        return "0x" + hex
    }

    /// objdump's aliases of the register-immediate ALU instructions.
    private func immediateAlias(_ inst: Instruction) -> (String, String)? {
        let rd = reg(inst.rd), rs1 = reg(inst.rs1)
        switch inst.opcode {
        case .addi:
            if inst.rd == 0 && inst.rs1 == 0 && inst.imm == 0 { return ("nop", "") }
            if inst.rs1 == 0 { return ("li", "\(rd),\(inst.imm)") }
            if inst.imm == 0 { return ("mv", "\(rd),\(rs1)") }
        case .andi where inst.imm == 255: return ("zext.b", "\(rd),\(rs1)")
        case .xori where inst.imm == -1: return ("not", "\(rd),\(rs1)")
        case .sltiu where inst.imm == 1: return ("seqz", "\(rd),\(rs1)")
        default: break
        }
        return nil
    }

    private func jalr(_ inst: Instruction, aliases: Bool) -> (String, String) {
        let rd = reg(inst.rd), rs1 = reg(inst.rs1), imm = inst.imm
        guard aliases else { return ("jalr", "\(rd),\(imm)(\(rs1))") }
        switch inst.rd {
        case 0:
            if inst.rs1 == 1 && imm == 0 { return ("ret", "") }
            return ("jr", imm == 0 ? rs1 : "\(imm)(\(rs1))")
        case 1:
            return ("jalr", imm == 0 ? rs1 : "\(imm)(\(rs1))")
        default:
            return ("jalr", imm == 0 ? "\(rd),\(rs1)" : "\(rd),\(imm)(\(rs1))")
        }
    }

    private func csr(_ inst: Instruction, aliases: Bool) -> (String, String) {
        let op = inst.opcode
        let number = UInt16(truncatingIfNeeded: inst.imm)
        let name = CSRNames.name(number) ?? "0x" + String(number, radix: 16)
        let rd = reg(inst.rd)
        let source = op.format == .csrImm ? "\(inst.rs1)" : reg(inst.rs1)
        // `unimp` is csrw cycle,zero; objdump prints it even without aliases.
        if op == .csrrw && inst.rd == 0 && inst.rs1 == 0 && number == 0xC00 { return ("unimp", "") }
        if aliases {
            if op == .csrrs && inst.rs1 == 0 {
                let counters: [UInt16: String] = [0xC00: "rdcycle", 0xC01: "rdtime", 0xC02: "rdinstret",
                                                  0xC80: "rdcycleh", 0xC81: "rdtimeh", 0xC82: "rdinstreth"]
                if let counter = counters[number] { return (counter, rd) }
                return ("csrr", "\(rd),\(name)")
            }
            if inst.rd == 0 {
                let short: [Opcode: String] = [.csrrw: "csrw", .csrrs: "csrs", .csrrc: "csrc",
                                               .csrrwi: "csrwi", .csrrsi: "csrsi", .csrrci: "csrci"]
                return (short[op] ?? op.mnemonic, "\(name),\(source)")
            }
        }
        return (op.mnemonic, "\(rd),\(name),\(source)")
    }

    /// objdump only names the canonical encodings (reserved fields zero);
    /// anything else prints as a raw word, though a core executes it.
    private func fence(_ inst: Instruction, aliases: Bool) -> (String, String) {
        let bits = UInt32(bitPattern: inst.imm) & 0xFFF
        let encoded = (try? encode(inst)) ?? inst.word
        guard inst.rd == 0 && inst.rs1 == 0 else { return rawWord(encoded) }
        if inst.opcode == .fenceI { return bits == 0 ? ("fence.i", "") : rawWord(encoded) }
        if bits == 0x833 { return ("fence.tso", "") }
        guard bits >> 8 == 0 else { return rawWord(encoded) }
        let pred = bits >> 4, succ = bits & 0xF
        if aliases && pred == 0xF && succ == 0xF { return ("fence", "") }
        return ("fence", "\(fenceSet(pred)),\(fenceSet(succ))")
    }

    private func fenceSet(_ set: UInt32) -> String {
        if set == 0 { return "unknown" }
        var s = ""
        for (bit, letter) in [(8, "i"), (4, "o"), (2, "r"), (1, "w")] where set & UInt32(bit) != 0 { s += letter }
        return s
    }
}
