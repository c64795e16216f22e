/// Why a run ended.
public enum StopReason: Sendable, Equatable, CustomStringConvertible {
    /// The program asked to stop; `code` is the full 32-bit exit value.
    case exited(code: UInt32, via: ExitMechanism)
    /// The cycle limit was reached before the program exited.
    case cycleLimit(UInt64)
    /// The program did something the machine cannot continue from.
    case fault(Fault)

    /// Short machine-readable name (JSON `stop_reason`).
    public var name: String {
        switch self {
        case .exited: return "exit"
        case .cycleLimit: return "cycle_limit"
        case .fault(let fault): return fault.kind.name
        }
    }

    public var description: String {
        switch self {
        case .exited(let code, let via): return "program exited with \(Int32(bitPattern: code)) (0x\(hex8(code))) through \(via.rawValue)"
        case .cycleLimit(let cycles): return "stopped at the cycle limit (\(cycles) cycles): the program did not exit"
        case .fault(let fault): return fault.description
        }
    }
}

/// A program fault: names the cause, the PC and, when there is one, the instruction word.
public struct Fault: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// An illegal instruction with no trap handler installed.
        case illegalInstruction
        /// An ecall, ebreak or misaligned jump with no trap handler installed.
        case unhandledTrap(cause: UInt32)
        /// The PC left RAM.
        case fetchOutsideMemory
        /// A load from an address that is neither RAM nor a device.
        case loadOutsideMemory(address: UInt32)
        /// A store to an address that is neither RAM nor a device.
        case storeOutsideMemory(address: UInt32)
        /// A `size`-byte access that starts in RAM and runs past its end.
        case accessPastEndOfRAM(address: UInt32, size: Int, store: Bool, ramEnd: UInt32)
        /// A device access that is not naturally aligned: cv32e40p would split
        /// it into two bus transactions with byte enables, which the device
        /// models do not merge, so it stops the run instead of misbehaving quietly.
        case misalignedDeviceAccess(address: UInt32, size: Int, store: Bool, device: String)
        /// A jump or taken branch to an address that is not 4-byte aligned, with no trap handler.
        case misalignedJump(target: UInt32)

        public var name: String {
            switch self {
            case .illegalInstruction: return "illegal_instruction"
            case .unhandledTrap, .misalignedJump: return "unhandled_trap"
            case .fetchOutsideMemory: return "fetch_fault"
            case .loadOutsideMemory: return "load_fault"
            case .storeOutsideMemory: return "store_fault"
            case .accessPastEndOfRAM(_, _, let store, _), .misalignedDeviceAccess(_, _, let store, _):
                return store ? "store_fault" : "load_fault"
            }
        }
    }

    public var kind: Kind
    public var pc: UInt32
    /// The instruction word, when the PC was inside RAM.
    public var word: UInt32?
    /// The function holding `pc`, when the ELF has symbols.
    public var function: String?
    /// The trap vector in use (for trap faults: why no handler ran).
    public var mtvec: UInt32

    public init(kind: Kind, pc: UInt32, word: UInt32?, function: String? = nil, mtvec: UInt32 = 0) {
        self.kind = kind
        self.pc = pc
        self.word = word
        self.function = function
        self.mtvec = mtvec
    }

    public var description: String {
        let cause: String
        switch kind {
        case .illegalInstruction:
            cause = "illegal instruction (no trap handler: mtvec = 0x\(hex8(mtvec)))"
        case .unhandledTrap(let code):
            cause = "\(trapName(code)) (no trap handler: mtvec = 0x\(hex8(mtvec)))"
        case .fetchOutsideMemory:
            cause = "instruction fetch outside RAM"
        case .loadOutsideMemory(let address):
            cause = "load from unmapped address 0x\(hex8(address))"
        case .storeOutsideMemory(let address):
            cause = "store to unmapped address 0x\(hex8(address))"
        case .accessPastEndOfRAM(let address, let size, let store, let end):
            cause = "\(size)-byte \(store ? "store" : "load") at 0x\(hex8(address)) runs past the end of RAM (0x\(hex8(end)))"
        case .misalignedDeviceAccess(let address, let size, let store, let device):
            cause = "misaligned \(size)-byte \(store ? "store to" : "load from") device \(device) at 0x\(hex8(address))"
                + " (device registers need naturally aligned accesses)"
        case .misalignedJump(let target):
            cause = "jump to misaligned address 0x\(hex8(target)) (no trap handler: mtvec = 0x\(hex8(mtvec)))"
        }
        var place = "pc 0x\(hex8(pc))"
        if let function { place += " <\(function)>" }
        if let word { place += ", instruction 0x\(hex8(word))" }
        return "\(cause) at \(place)"
    }

    private func trapName(_ cause: UInt32) -> String {
        switch cause {
        case TrapCause.instructionAddressMisaligned: return "jump to a misaligned address"
        case TrapCause.breakpoint: return "ebreak"
        case TrapCause.environmentCall: return "ecall"
        default: return "trap (mcause \(cause))"
        }
    }
}

/// 8 lower-case hex digits, zero-padded.
@inline(__always)
func hex8(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
}
