import RISCV

/// The hot half of `TimingModel`: the few values every instruction reads or
/// writes, and the costing of the common instructions. The core keeps a copy
/// in a local for the whole run (`TimingObserver.fastPath`), so in the
/// interpreter loop these fields live in registers or the loop's own stack
/// frame (never in the model), and the common case is a
/// handful of host instructions with no call and no store to the model.
///
/// `retireIfCommon` handles an ALU op, mul/mulh/div, a branch, jal, a jalr not
/// reading the previous result, and an aligned load/store while the
/// accelerator has no memory traffic ahead, each with or without a load-use
/// stall, and the instruction-fetch conflicts these cause or suffer
/// (`FetchConflict`, whose state lives here for both paths). Anything else
/// returns false having changed nothing, and the model's full path
/// (`TimingModel.retireInFull`) takes the instruction: it gives the same
/// cycles for the cases above (checked by the fast/full differential tests in
/// Tests/SimulatorTests/Timing: SeededStreamTests, FastPathProgramTests).
public struct CPUPipeline: RetireFastPath {
    // Fields are @usableFromInline because `retireIfCommon` is @_transparent.

    /// The cycle in which the next instruction issues (what mcycle reads).
    public var cycles: UInt64 {
        @inline(__always) get { clock }     // the core's loop is too large for the inliner's heuristics
    }
    @usableFromInline var clock: UInt64 = 0
    /// Instructions seen by the model (trapping ones included).
    @usableFromInline var instret: UInt64 = 0
    /// The previous instruction's destination if it was a load / any GPR write (0: none).
    @usableFromInline var lastLoadRd: UInt8 = 0
    @usableFromInline var lastWrittenRd: UInt8 = 0
    /// From this cycle on the accelerator holds no bank and has no memory access
    /// pending (no conflict, no hazard possible): a CPU access then costs exactly
    /// its pipeline cost. Set by the full path after each offload.
    @usableFromInline var memoryQuietFrom: UInt64 = 0
    /// Stall cycles charged here; `TimingModel.finish` adds them to the full path's tally.
    @usableFromInline var stalls = FastPathStalls()

    /// False when profiling or recording a timeline: every instruction then takes the full path.
    @usableFromInline var enabled: Bool
    /// Instruction-fetch conflicts with the CPU's own data accesses (when modelled).
    @usableFromInline let fetchConflicts: Bool
    @usableFromInline var fetch = FetchConflict()
    /// CPU stores never need remembering for the hazard detector (TimingModel.storeNeverLate).
    @usableFromInline let storesLandInTime: Bool
    @usableFromInline let cost: CPUCosts
    @usableFromInline let table: UnsafePointer<OpcodeInfo>

    init(cost: CPUCosts, enabled: Bool, storesLandInTime: Bool, fetchConflicts: Bool) {
        self.cost = cost
        self.enabled = enabled
        self.fetchConflicts = fetchConflicts
        self.storesLandInTime = storesLandInTime
        table = OpcodeTable.pointer
    }

    /// Whether `inst` reads the register the previous instruction loaded.
    @usableFromInline @inline(__always) func readsLoadedRegister(_ inst: Instruction, _ info: OpcodeInfo) -> Bool {
        lastLoadRd != 0
            && ((info.sources & 1 != 0 && inst.rs1 == lastLoadRd) || (info.sources & 2 != 0 && inst.rs2 == lastLoadRd))
    }

    /// Transparent, not just `@inline(__always)`: once the caller is large (the
    /// core's loop is), the SIL inliner honours `@inline(__always)` only for
    /// callees of at most 64 blocks (PerformanceInliner.cpp,
    /// isInlineAlwaysCallSite), and this one is above that; the core would
    /// then call it, with the state in memory.
    @_transparent
    public mutating func retireIfCommon(_ r: RetireRecord, as klass: InstructionClass) -> Bool {
        guard enabled && !r.trapped else { return false }
        let info = table[Int(r.instruction.opcode.rawValue)]
        assert(klass == info.klass, "the core's class for \(r.instruction.opcode) differs from OpcodeTable's")
        // The commonest case gets its own copy with the checks folded away: the
        // previous instruction left nothing to check (no loaded register, no delayed fetch).
        if fetch.delayed | UInt32(lastLoadRd) == 0 {
            return retireAfterStalls(r, as: klass, info, watching: false, bubble: 0, loadUse: 0)
        }
        let watching = fetch.watching
        let bubble: UInt64 = watching ? fetch.bubble(before: r.pc) : 0
        let loadUse: UInt64 = readsLoadedRegister(r.instruction, info) ? cost.loadUseStall : 0
        return retireAfterStalls(r, as: klass, info, watching: watching, bubble: bubble, loadUse: loadUse)
    }

    /// `retireIfCommon` once the stalls the previous instructions left are known.
    /// Nothing is written before the switch has accepted the instruction.
    @_transparent
    @usableFromInline mutating func retireAfterStalls(_ r: RetireRecord, as klass: InstructionClass, _ info: OpcodeInfo,
                                                      watching: Bool, bubble: UInt64, loadUse: UInt64) -> Bool {
        let inst = r.instruction
        var t = clock &+ bubble &+ loadUse
        var delaying = false
        switch klass {
        case .alu:
            t &+= cost.alu
        case .load, .store:
            guard t >= memoryQuietFrom && r.address & UInt32(info.size &- 1) == 0
                    && (klass == .load || storesLandInTime)
            else { return false }
            if fetchConflicts {
                // Code outside the cached region: the full path looks its bank up.
                guard fetch.covers(pc: r.pc) else { return false }
                delaying = t == clock && fetch.delaysFetch(pc: r.pc, address: r.address)
            }
            t &+= cost.loadStore
        case .branch:
            let taken = r.nextPC != r.pc &+ 4
            let total = taken ? cost.branchTaken : cost.branchNotTaken
            t &+= total
            stalls.takenBranch &+= total - 1
        case .mul:
            t &+= cost.mul
        case .mulh:
            t &+= cost.mulh
            stalls.multiply &+= cost.mulh - 1
        case .div:
            var divisor = r.operand2
            if inst.opcode == .div || inst.opcode == .rem { divisor = Int32(bitPattern: divisor).magnitude }
            let total = max(cost.divBase + UInt64(divisor.leadingZeroBitCount), 1)
            t &+= total
            stalls.divide &+= total - 1
        case .jal:
            t &+= cost.jump
            stalls.jump &+= cost.jump - 1
        case .jalr:
            // Reading the previous instruction's result: the jalr-dependency stall, on the full path.
            guard lastWrittenRd == 0 || inst.rs1 != lastWrittenRd else { return false }
            t &+= cost.jump
            stalls.jump &+= cost.jump - 1
        default:
            return false
        }
        if watching || delaying {
            fetch.retired(pc: r.pc, delaying: delaying, cycles: t &- clock)
            stalls.fetchConflict &+= bubble
        }
        if loadUse != 0 { stalls.loadUse &+= loadUse }
        clock = t
        instret &+= 1
        lastLoadRd = klass == .load ? inst.rd : 0
        lastWrittenRd = klass.writesRd ? inst.rd : 0
        return true
    }
}

/// Stall cycles by the causes the fast path can charge, kept apart from the
/// full path's `StallTally` so they stay plain scalars in the core's loop.
@usableFromInline struct FastPathStalls {
    @usableFromInline var loadUse: UInt64 = 0
    @usableFromInline var takenBranch: UInt64 = 0
    @usableFromInline var jump: UInt64 = 0
    @usableFromInline var multiply: UInt64 = 0
    @usableFromInline var divide: UInt64 = 0
    @usableFromInline var fetchConflict: UInt64 = 0

    /// `tally` plus these.
    func added(to tally: StallTally) -> StallTally {
        var all = tally
        all.add(.loadUse, loadUse)
        all.add(.takenBranch, takenBranch)
        all.add(.jump, jump)
        all.add(.multiply, multiply)
        all.add(.divide, divide)
        all.add(.fetchConflict, fetchConflict)
        return all
    }
}
