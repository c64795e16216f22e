import Testing
import RISCV
@testable import Simulator

/// Checks a stop reason against the machine it stopped, independently of the
/// run loop: the message is one line naming PC and instruction word, the PC
/// and word are the machine's, and the cause follows from the instruction and
/// the registers (a faulting instruction changes nothing, so they still hold
/// its operands). Used by the fuzzers, where nothing else is known in advance.
enum StopReasonOracle {
    static func check(_ stop: StopReason, machine: Machine, maxCycles: UInt64, context: String) {
        let text = stop.description
        #expect(!text.isEmpty && !text.contains("\n"), "\(context): message not one line: \(text)")
        switch stop {
        case .exited:
            break
        case .cycleLimit(let cycles):
            #expect(cycles >= maxCycles, "\(context): stopped at \(cycles) cycles before the limit \(maxCycles)")
        case .fault(let fault):
            checkFault(fault, text: text, machine: machine, context: context)
        }
    }

    private static func checkFault(_ fault: Fault, text: String, machine: Machine, context: String) {
        let map = machine.platform.memoryMap
        #expect(fault.pc == machine.pc, "\(context): fault pc \(fault.pc) but the machine is at \(machine.pc)")
        #expect(text.contains("at pc 0x\(hex(fault.pc))"), "\(context): message does not name the pc: \(text)")
        #expect(fault.mtvec == machine.readCSR(0x305), "\(context): message names a stale mtvec")
        guard map.ramContains(fault.pc, count: 4) else {
            #expect(fault.kind == .fetchOutsideMemory && fault.word == nil, "\(context): pc outside RAM but \(fault.kind)")
            return
        }
        guard let word = fault.word else {
            Issue.record("\(context): fault inside RAM without an instruction word")
            return
        }
        #expect(text.contains("instruction 0x\(hex(word))"), "\(context): message does not name the word: \(text)")
        let instruction = decode(word)
        let x = { (index: UInt8) in machine.register(Int(index)) }
        // The word is the one that ran; memory still holds it unless an mst.w
        // overwrote itself with a row before faulting on a later one.
        if machine.readWord(fault.pc) != word {
            let stride = x(instruction.rs2), base = x(instruction.rs1)
            let rows = (0..<4).map { base &+ UInt32($0) &* stride }
            #expect(instruction.opcode == .mstW && rows.contains { fault.pc &- $0 < 16 },
                    "\(context): fault word \(hex(word)) is not the word at pc")
        }
        let handlerInstalled = fault.mtvec != 0 && map.ramContains(fault.mtvec & ~3, count: 4)
        switch fault.kind {
        case .illegalInstruction:
            #expect(!handlerInstalled, "\(context): illegal-instruction fault although a handler is installed")
            #expect(instruction.opcode == .illegal || isCSR(instruction.opcode), "\(context): \(hex(word)) is legal")
        case .unhandledTrap(let cause):
            #expect(!handlerInstalled, "\(context): trap fault although a handler is installed")
            let expected: Opcode = cause == TrapCause.environmentCall ? .ecall : .ebreak
            #expect(instruction.opcode == expected, "\(context): trap cause \(cause) from \(instruction.opcode)")
        case .misalignedJump(let target):
            #expect(!handlerInstalled, "\(context): jump fault although a handler is installed")
            let imm = UInt32(bitPattern: instruction.imm)
            let expected: UInt32?
            switch instruction.opcode {
            case .jal, .beq, .bne, .blt, .bge, .bltu, .bgeu: expected = fault.pc &+ imm
            case .jalr: expected = (x(instruction.rs1) &+ imm) & ~1
            default: expected = nil
            }
            #expect(expected == target && target & 3 != 0, "\(context): misaligned jump to \(hex(target)) from \(instruction)")
        case .fetchOutsideMemory:
            Issue.record("\(context): fetch fault at a pc inside RAM")
        case .loadOutsideMemory(let address), .storeOutsideMemory(let address):
            let store = { if case .storeOutsideMemory = fault.kind { return true } else { return false } }()
            checkAddress(address, size: 1, store: store, instruction, x, context)
            #expect(!map.ramContains(address) && machine.platform.devices.allSatisfy { !$0.contains(address) },
                    "\(context): \(hex(address)) is mapped")
        case .accessPastEndOfRAM(let address, let size, let store, let end):
            checkAddress(address, size: size, store: store, instruction, x, context)
            #expect(map.ramContains(address) && !map.ramContains(address, count: UInt32(size)), "\(context): \(hex(address)) fits")
            #expect(end == map.ramBase &+ map.ramSize)
        case .misalignedDeviceAccess(let address, let size, let store, let device):
            checkAddress(address, size: size, store: store, instruction, x, context)
            let region = machine.platform.devices.first { $0.contains(address) }
            #expect(region?.kind.deviceName == device && address % UInt32(size) != 0,
                    "\(context): \(hex(address)) is not a misaligned access to \(device)")
        }
    }

    /// The faulting address must be the instruction's own: rs1 + imm for
    /// scalar accesses (of the opcode's size), one of the 16 elements
    /// base + i*stride + 4j for mld.w/mst.w (wrapping, as the hardware adds).
    private static func checkAddress(_ address: UInt32, size: Int, store: Bool, _ instruction: Instruction,
                                     _ x: (UInt8) -> UInt32, _ context: String) {
        let base = x(instruction.rs1)
        switch instruction.opcode {
        case .lb, .lbu, .lh, .lhu, .lw, .sb, .sh, .sw:
            let isStore = [.sb, .sh, .sw].contains(instruction.opcode)
            #expect(isStore == store, "\(context): \(instruction.opcode) reported as \(store ? "store" : "load")")
            #expect(address == base &+ UInt32(bitPattern: instruction.imm), "\(context): wrong address \(hex(address))")
            let width = [.lw, .sw].contains(instruction.opcode) ? 4 : ([.lh, .lhu, .sh].contains(instruction.opcode) ? 2 : 1)
            #expect(size == 1 || size == width, "\(context): size \(size) for \(instruction.opcode)")
        case .mldW, .mstW:
            #expect((instruction.opcode == .mstW) == store, "\(context): \(instruction.opcode) reported as \(store ? "store" : "load")")
            let stride = x(instruction.rs2)
            let elements = (0..<4).flatMap { i in (0..<4).map { j in base &+ UInt32(i) &* stride &+ UInt32(4 * j) } }
            #expect(elements.contains(address), "\(context): \(hex(address)) is no element of the tile access")
            #expect(size == 1 || size == 4)
        default:
            Issue.record("\(context): access fault from \(instruction.opcode)")
        }
    }

    private static func isCSR(_ opcode: Opcode) -> Bool {
        [.csrrw, .csrrs, .csrrc, .csrrwi, .csrrsi, .csrrci].contains(opcode)
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
