/// Why an `Instruction` cannot be encoded. Every case names the opcode and the
/// offending field so a caller can print it as is.
public enum EncodingError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Field: String, Sendable { case rd, rs1, rs2, imm }

    /// A register number past the last register (31 for GPRs, 7 for tiles).
    case registerOutOfRange(Opcode, Field, value: UInt8, max: UInt8)
    /// An immediate outside what the format can hold.
    case immediateOutOfRange(Opcode, value: Int32, range: ClosedRange<Int32>)
    /// A branch/jump offset that is not a multiple of 2, or a `lui`/`auipc`
    /// value with its low 12 bits set (`imm` holds the shifted value).
    case immediateMisaligned(Opcode, value: Int32, multipleOf: Int32)
    /// A field the format has no room for was set: it would be lost.
    case unusedFieldNotZero(Opcode, Field, value: Int32)
    /// An `.illegal` instruction whose word decodes to a real instruction.
    case wordIsNotIllegal(UInt32)
    /// `Asm.r` was given an opcode that is not register-register.
    case notRegisterRegister(Opcode)

    public var description: String {
        switch self {
        case let .registerOutOfRange(op, field, value, max):
            return "\(op.mnemonic): \(field.rawValue) = \(value) is out of range (0...\(max))"
        case let .immediateOutOfRange(op, value, range):
            return "\(op.mnemonic): immediate \(value) is out of range (\(range.lowerBound)...\(range.upperBound))"
        case let .immediateMisaligned(op, value, multipleOf):
            return "\(op.mnemonic): immediate \(value) is not a multiple of \(multipleOf)"
        case let .unusedFieldNotZero(op, field, value):
            return "\(op.mnemonic): field \(field.rawValue) = \(value) is not part of the format and must be 0"
        case let .wordIsNotIllegal(word):
            return ".illegal: word 0x\(hex8(word)) decodes to a valid instruction"
        case let .notRegisterRegister(op):
            return "\(op.mnemonic) is not a register-register instruction"
        }
    }
}

/// Eight lower-case hex digits, as objdump prints instruction words.
@inline(__always) func hex8(_ w: UInt32) -> String {
    let s = String(w, radix: 16)
    return String(repeating: "0", count: 8 - s.count) + s
}
