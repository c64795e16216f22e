import RISCV

/// Zicsr instructions (unprivileged spec ch. 9): read the old value into rd,
/// then write unless the instruction is a csrrs/csrrc whose source is x0 (or a
/// zero immediate), which only reads.
extension Machine {
    /// The old CSR value, or nil when the access is illegal (unknown CSR, or a
    /// write to a read-only one).
    @inline(never)
    func executeCSR(_ instruction: Instruction, source rs1Value: UInt32, cycles: UInt64, instret: UInt64) -> UInt32? {
        let number = UInt16(truncatingIfNeeded: instruction.imm)
        let opcode = instruction.opcode
        let immediateForm = opcode == .csrrwi || opcode == .csrrsi || opcode == .csrrci
        let source = immediateForm ? UInt32(instruction.rs1) : rs1Value
        let writes = opcode == .csrrw || opcode == .csrrwi || instruction.rs1 != 0
        guard let old = csr.read(number, cycles: cycles, instret: instret) else { return nil }
        guard writes else { return old }
        let new: UInt32
        switch opcode {
        case .csrrw, .csrrwi: new = source
        case .csrrs, .csrrsi: new = old | source
        default: new = old & ~source
        }
        guard csr.write(number, new, cycles: cycles, instret: instret) else { return nil }
        lastCSRWrite = (number, csr.valueAfterWrite(number, written: new, cycles: cycles, instret: instret) ?? new)
        return old
    }
}
