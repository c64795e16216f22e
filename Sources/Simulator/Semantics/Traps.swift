import RISCV

/// Synchronous traps and `mret` (privileged spec ch. 3.1.6-3.1.7, 3.3.2).
///
/// Rule for "no trap handler installed": `mtvec` is 0 (its reset value) or its
/// base (`mtvec & ~3`) is outside RAM. The simulator then stops with a fault
/// naming the cause, PC and instruction instead of jumping into nothing.
/// Exceptions always go to the base address, also in vectored mode.
extension Machine {
    var trapHandlerInstalled: Bool {
        csr.mtvec != 0 && platform.memoryMap.ramContains(csr.mtvec & ~3, count: 4)
    }

    /// Takes a trap at `pc`; returns the handler address, or nil when no
    /// handler is installed (the caller stops with a fault).
    @inline(never)
    func enterTrap(cause: UInt32, value: UInt32, pc: UInt32) -> UInt32? {
        guard trapHandlerInstalled else { return nil }
        csr.mepc = pc
        csr.mcause = cause
        csr.mtval = value
        let interruptsWereEnabled = csr.mstatus & CSRFile.mstatusMIE != 0
        csr.mstatus = (interruptsWereEnabled ? CSRFile.mstatusMPIE : 0) | CSRFile.mstatusMPP
        return csr.mtvec & ~3
    }

    /// `mret`: restores MIE from MPIE, sets MPIE, stays in M-mode; returns mepc.
    @inline(never)
    func returnFromTrap() -> UInt32 {
        let enable = csr.mstatus & CSRFile.mstatusMPIE != 0
        csr.mstatus = (enable ? CSRFile.mstatusMIE : 0) | CSRFile.mstatusMPIE | CSRFile.mstatusMPP
        return csr.mepc
    }

    /// Why a `size`-byte access at `address` failed (cold path): it ran past
    /// the end of RAM, hit a device misaligned, or nothing is there.
    @inline(never)
    func accessFault(_ address: UInt32, size: Int, store: Bool) -> Fault.Kind {
        let map = platform.memoryMap
        if map.ramContains(address) {
            return .accessPastEndOfRAM(address: address, size: size, store: store, ramEnd: map.ramBase &+ map.ramSize)
        }
        if let region = bus.region(containing: address) {
            return .misalignedDeviceAccess(address: address, size: size, store: store, device: region.kind.deviceName)
        }
        return store ? .storeOutsideMemory(address: address) : .loadOutsideMemory(address: address)
    }

    /// Bytes read by a scalar load.
    static func accessSize(_ opcode: Opcode) -> Int {
        switch opcode {
        case .lw: return 4
        case .lh, .lhu: return 2
        default: return 1
        }
    }

    /// The fault reported when a trap has no handler or an access fails.
    /// `word` is the instruction that ran: memory may no longer hold it (an
    /// `mst.w` can overwrite itself with the rows it wrote before faulting).
    @inline(never)
    func fault(_ kind: Fault.Kind, pc: UInt32, word: UInt32? = nil) -> StopReason {
        .fault(Fault(kind: kind, pc: pc, word: word ?? instructionWord(at: pc),
                     function: symbols.symbol(containing: pc)?.name, mtvec: csr.mtvec))
    }
}
