/// Why an ELF file cannot be run. Each case reads as one line naming the cause.
public enum ELFError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notELF
    case truncated(String)
    case not32Bit
    case bigEndian
    case notRISCV(machine: UInt16)
    case notExecutable(type: UInt16)
    case noLoadableSegment
    case malformed(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
        case .notELF: return "not an ELF file"
        case .truncated(let what): return "truncated ELF file: \(what)"
        case .not32Bit: return "64-bit ELF file: the simulator runs RV32 (ELFCLASS32) programs only"
        case .bigEndian: return "big-endian ELF file: RISC-V programs are little-endian"
        case .notRISCV(let machine): return "not a RISC-V ELF file (e_machine = \(machine), expected 243)"
        case .notExecutable(let type): return "not an executable ELF file (e_type = \(type), expected 2 = ET_EXEC)"
        case .noLoadableSegment: return "ELF file has no loadable (PT_LOAD) segment"
        case .malformed(let what): return "malformed ELF file: \(what)"
        }
    }
}
