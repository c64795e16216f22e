/// Why the CPU spent more than one cycle on an instruction. Every cycle beyond
/// the first of each instruction is charged to exactly one cause.
public enum StallCause: Int, CaseIterable, Codable, Sendable {
    case loadUse, jalrDependency, takenBranch, jump, multiply, divide, csr, misaligned, fenceI, trap
    /// The coprocessor's input buffer was full.
    case offloadBufferFull
    /// An accelerator access held the SRAM bank.
    case bankConflict
    /// A load waited for an in-flight `mst.w` to write its word (CheckConfig.cpuLoadsWaitForAcceleratorStores).
    case acceleratorStoreWait
    /// An instruction fetch lost its bank to the CPU's own data access (FetchConflict).
    case fetchConflict

    public var name: String {
        switch self {
        case .loadUse: return "load-use"
        case .jalrDependency: return "jalr-dependency"
        case .takenBranch: return "taken-branch"
        case .jump: return "jump"
        case .multiply: return "mulh"
        case .divide: return "divide"
        case .csr: return "csr"
        case .misaligned: return "misaligned"
        case .fenceI: return "fence.i"
        case .trap: return "trap"
        case .offloadBufferFull: return "offload-buffer-full"
        case .bankConflict: return "bank-conflict"
        case .acceleratorStoreWait: return "accelerator-store-wait"
        case .fetchConflict: return "fetch-conflict"
        }
    }
}
