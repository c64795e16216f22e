import RISCV
#if canImport(Glibc)
import Glibc
#endif

/// Writes Spike's `--log-commits` format (riscv-isa-sim riscv/execute.cc,
/// commit_log_print_insn, current master: `" %c%-2d "` and `0x%02x` bytes; older
/// Spike printed `x 5` and `0x5`), one line per retired instruction:
///
///     core   0: 3 0x00000180 (0x00000297) x5  0x00000180
///     core   0: 3 0x00000190 (0x0002a503) x10 0x00000007 mem 0x00000200
///     core   0: 3 0x00000194 (0x00a2a023) mem 0x00000204 0x00000007
///
/// i.e. privilege 3 (M), the PC and the instruction word; then ` x<rd, left-justified
/// in 2 columns> <value>` for a GPR write (never x0), ` c<number>_<name> <value>` for a CSR
/// write, ` mem <address>` per load and ` mem <address> <data>` per store (data
/// printed as Spike does: 0x%02x for bytes, 0x%04x for halves, 0x%08x for words).
/// Trapping instructions print no line, as in Spike. RVM loads and stores log
/// their 16 word accesses; tile-register writes are not logged.
public struct CommitLogObserver<Inner: TimingObserver>: TimingObserver {
    public private(set) var inner: Inner
    private let writer: CommitLogWriter
    private unowned let machine: Machine

    public init(inner: Inner, writer: CommitLogWriter, machine: Machine) {
        self.inner = inner
        self.writer = writer
        self.machine = machine
    }

    public var cycles: UInt64 { inner.cycles }

    /// Every instruction comes to `retire` (each one logs a line).
    public var fastPath: NoFastPath {
        get { NoFastPath(cycles: inner.cycles) }
        set {}
    }

    public mutating func retire(_ record: RetireRecord) {
        inner.retire(record)
        let csrWrite = machine.lastCSRWrite
        machine.lastCSRWrite = nil
        guard !record.trapped else { return }
        writer.line(record, machine: machine, csrWrite: csrWrite)
    }
}

/// A buffered commit-log file.
public final class CommitLogWriter {
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []

    /// Opens (truncates) `path`.
    public init(path: String) throws(CommitLogError) {
        guard let file = fopen(path, "w") else {
            throw CommitLogError(path: path, reason: String(cString: strerror(errno)))
        }
        self.file = file
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        flush()
        fclose(file)
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, file) }
        buffer.removeAll(keepingCapacity: true)
    }

    func line(_ record: RetireRecord, machine: Machine, csrWrite: (number: UInt16, value: UInt32)?) {
        let instruction = record.instruction
        append("core   0: 3 0x")
        appendHex(record.pc, digits: 8)
        append(" (0x")
        appendHex(instruction.word, digits: 8)
        append(")")
        if Self.writesRD(instruction.opcode) && instruction.rd != 0 {
            // Spike's `" %c%-2d "`: the number left-justified in two columns.
            append(" x")
            append(String(instruction.rd))
            append(instruction.rd < 10 ? "  0x" : " 0x")
            appendHex(machine.register(Int(instruction.rd)), digits: 8)
        }
        if let csrWrite {
            append(" c\(csrWrite.number)_\(CSRFile.name(csrWrite.number)) 0x")
            appendHex(csrWrite.value, digits: 8)
        }
        switch instruction.opcode {
        case .lb, .lh, .lw, .lbu, .lhu:
            append(" mem 0x")
            appendHex(record.address, digits: 8)
        case .sb, .sh, .sw:
            append(" mem 0x")
            appendHex(record.address, digits: 8)
            append(" 0x")
            switch instruction.opcode {
            case .sb: appendHex(record.operand2 & 0xFF, digits: 2)
            case .sh: appendHex(record.operand2 & 0xFFFF, digits: 4)
            default: appendHex(record.operand2, digits: 8)
            }
        case .mldW, .mstW:
            let tile = machine.tile(Int(instruction.rd))
            for i in 0..<4 {
                for j in 0..<4 {
                    append(" mem 0x")
                    appendHex(record.address &+ UInt32(i) &* record.operand2 &+ UInt32(4 * j), digits: 8)
                    if instruction.opcode == .mstW {
                        append(" 0x")
                        appendHex(tile[i * 4 + j], digits: 8)
                    }
                }
            }
        default:
            break
        }
        buffer.append(10)
        if buffer.count >= 1 << 20 { flush() }
    }

    static func writesRD(_ opcode: Opcode) -> Bool {
        switch opcode {
        case .beq, .bne, .blt, .bge, .bltu, .bgeu, .sb, .sh, .sw, .fence, .fenceI, .ecall, .ebreak, .mret, .wfi,
             .mldW, .mstW, .mzero, .mmasaW, .mmadaH, .mmaqaB, .fmmaccS, .illegal:
            return false
        default:
            return true
        }
    }

    private func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// At least `digits` hex digits, more if the value needs them (printf %0Nx).
    private func appendHex(_ value: UInt32, digits: Int) {
        var needed = 1
        while needed < 8 && value >> (4 * UInt32(needed)) != 0 { needed += 1 }
        for position in stride(from: max(needed, digits) - 1, through: 0, by: -1) {
            buffer.append(Self.hexDigits[Int((value >> (4 * UInt32(position))) & 0xF)])
        }
    }
}

public struct CommitLogError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write commit log \(path): \(reason)" }
}
