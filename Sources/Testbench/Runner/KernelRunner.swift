import Foundation

/// Runs a built program and reports what happened. The simulator implements
/// this for X-HEEP; tests implement it with QEMU for CPU-only programs.
///
/// A runner throws only when it cannot run at all (the ELF is unreadable, a
/// tool is missing); a program that faults or runs away is a normal outcome
/// with `stopReason` saying so.
public protocol KernelRunner: Sendable {
    func run(_ request: RunRequest) throws -> RunOutcome
}

/// A global to read back from memory after the run, by ELF symbol name.
public struct SymbolRead: Sendable, Hashable {
    public var name: String
    public var byteCount: Int

    public init(name: String, byteCount: Int) {
        self.name = name
        self.byteCount = byteCount
    }
}

public struct RunRequest: Sendable, Hashable {
    public var elf: URL
    /// The kernel's output buffer (`rvm_bench_out`), read back so the host can
    /// check it against its own reference.
    public var outputSymbol: SymbolRead
    /// Further globals to read back (the harness report `rvm_bench_report`,
    /// the inputs).
    public var otherSymbols: [SymbolRead]
    /// Stop a runaway program after this many cycles (nil: runner's default).
    public var cycleLimit: UInt64?
    /// When set, the runner writes its commit log and timeline here.
    public var traceDirectory: URL?

    public init(elf: URL, outputSymbol: SymbolRead, otherSymbols: [SymbolRead] = [],
                cycleLimit: UInt64? = nil, traceDirectory: URL? = nil) {
        self.elf = elf
        self.outputSymbol = outputSymbol
        self.otherSymbols = otherSymbols
        self.cycleLimit = cycleLimit
        self.traceDirectory = traceDirectory
    }

    public var allSymbols: [SymbolRead] { [outputSymbol] + otherSymbols }
}

public struct RunOutcome: Sendable, Hashable {
    public enum StopReason: Sendable, Hashable, CustomStringConvertible {
        /// The program exited through the platform's exit device.
        case exited
        /// Illegal instruction, bad access, ...: the message names PC, instruction and cause.
        case fault(String)
        case cycleLimit(UInt64)
        /// Wall-clock limit of a host tool (QEMU).
        case timedOut

        public var description: String {
            switch self {
            case .exited: return "exited"
            case .fault(let message): return "fault: \(message)"
            case .cycleLimit(let limit): return "stopped at the cycle limit (\(limit))"
            case .timedOut: return "timed out"
            }
        }
    }

    public var stopReason: StopReason
    /// The whole exit value (X-HEEP's EXIT_VALUE is 32 bits; QEMU's status 8).
    public var exitValue: UInt32?
    public var console: String
    /// Bytes of each requested symbol the runner could read, by name.
    public var symbolContents: [String: [UInt8]]

    // Statistics: nil when the runner has no timing model (QEMU).
    /// Cycles and retired instructions of the whole run.
    public var cycles: UInt64?
    public var instret: UInt64?
    /// Stall cycles by cause (e.g. "load-use", "offload-queue-full").
    public var stallCycles: [String: UInt64]
    /// Busy fraction per unit (e.g. "systolic-array", "lsu", "permutation").
    public var unitUtilisation: [String: Double]
    /// Busy fraction of the systolic array over the run.
    public var systolicArrayUtilisation: Double?
    /// Fraction of cycles where CPU and accelerator both do useful work.
    public var overlap: Double?
    /// The same two as cycle counts, so the driver can relate them to the
    /// kernel's own mcycle window instead of the whole program.
    public var systolicArrayBusyCycles: UInt64?
    public var overlapCycles: UInt64?
    /// Timing-model warnings that make code unusable on the real chip (RTL
    /// errata: the coprocessor would hang), one message each.
    public var errata: [String] = []
    /// Memory-ordering hazards seen (CPU/accelerator races), one message each.
    public var hazards: [String]
    /// What the reader of these numbers must know about how they were made
    /// (e.g. that cycles are instructions because no timing model ran).
    public var notes: [String] = []
    /// True when the runner looks for hazards at all; an empty `hazards` then
    /// means "none", otherwise "unknown".
    public var detectsHazards = false
    /// How many hazards were seen when `hazards` lists only the first ones.
    public var hazardCount: Int?

    public init(stopReason: StopReason, exitValue: UInt32?, console: String = "",
                symbolContents: [String: [UInt8]] = [:], cycles: UInt64? = nil, instret: UInt64? = nil,
                stallCycles: [String: UInt64] = [:], unitUtilisation: [String: Double] = [:],
                systolicArrayUtilisation: Double? = nil, overlap: Double? = nil, hazards: [String] = []) {
        self.stopReason = stopReason
        self.exitValue = exitValue
        self.console = console
        self.symbolContents = symbolContents
        self.cycles = cycles
        self.instret = instret
        self.stallCycles = stallCycles
        self.unitUtilisation = unitUtilisation
        self.systolicArrayUtilisation = systolicArrayUtilisation
        self.overlap = overlap
        self.hazards = hazards
    }

    /// A symbol's bytes as little-endian 32-bit words (RV32 is little-endian).
    public func words(of symbol: String) -> [UInt32]? {
        symbolContents[symbol].map(RunOutcome.littleEndianWords)
    }

    static func littleEndianWords(_ bytes: [UInt8]) -> [UInt32] {
        stride(from: 0, to: bytes.count - bytes.count % 4, by: 4).map { i in
            UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
        }
    }
}
