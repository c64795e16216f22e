import Foundation
import RISCV

/// The cycle model of cv32e40px + Quadrilatero on X-HEEP: a `TimingObserver`
/// the functional core calls once per retired instruction. It never touches
/// architectural state; it only advances `cycles` (what mcycle reads).
///
/// CPU: in-order, one instruction per cycle plus the cv32e40p per-class
/// penalties (TimingConfig.cpu). `cycles` after an instruction is the cycle in
/// which the next one issues.
///
/// Offload: an RVM instruction is offered to the coprocessor in its issue
/// cycle; the CPU stalls only until the input buffer has room, then spends
/// `offloadIssue` cycles. The accelerator schedule is computed right then (see `Accelerator`).
///
/// Memory: one access per bank per cycle. The LSU's accesses are fixed when it
/// is offloaded (ahead of the CPU in time), which keeps the schedule causal and
/// cheap; a CPU access finding its bank reserved waits (stall cause
/// bank-conflict) for its round-robin turn at the crossbar: until the LSU row
/// holding the bank has been granted (MemoryConfig.busArbitration).
///
/// Speed: the model is split in two. `fastPath` (a `CPUPipeline`) holds what
/// every instruction touches (the cycle counter, the previous load's and
/// write's destinations, the cycle from which the accelerator's memory traffic
/// is behind the CPU, the fetch-conflict watch) and costs the common
/// instructions; the core keeps it in a local so these live in registers. The
/// rest (accelerator, banks, hazard detector, errata, statistics) is touched
/// only by `retireInFull`: RVM instructions, CSRs, traps, jalr dependencies,
/// misaligned accesses, memory accesses while the accelerator may hold a bank
/// or have an access pending, accesses from code outside the cached code bank.
/// Both read and write the fetch-conflict state in `fastPath.fetch`. Nothing is done per
/// cycle (unit busy and overlap statistics are kept as intervals, bank
/// reservations in a ring that is never cleared).
///
/// Integration: `var model = TimingModel(config:functions:timeline:)`, pass it
/// as the core's observer, implement mcycle with `HardwareCounter` over
/// `model.cycles`, check `model.failure` (nil unless `--errata error` or
/// `--strict-hazards` found something), and call `finish()` at exit.
public struct TimingModel: TimingObserver {
    public let config: TimingConfig
    /// The per-instruction state and the common cases' costing (see `CPUPipeline`).
    /// The core keeps a copy in a local while it runs; set only by the core.
    public var fastPath: CPUPipeline
    /// The cycle in which the next instruction issues (what mcycle reads).
    public var cycles: UInt64 { fastPath.cycles }
    /// Instructions seen (trapping ones included).
    public var instret: UInt64 { fastPath.instret }
    private var cost: CPUCosts { fastPath.cost }
    private let loadsWaitForStores: Bool
    private let cpuStoreDelay: UInt64
    /// A CPU store landing at most this many cycles after its issue can never be
    /// missed by a later `mld.w` (whose first read is at least this far after
    /// its own issue), so such stores need not be remembered.
    private let storeNeverLate: UInt64
    private let roundRobinBanks: Bool

    private var accelerator: Accelerator
    private let bankMap: BankMap
    private let table = OpcodeTable.pointer
    private let slowCSR: [Bool]
    private var detector = HazardDetector()

    private var stallCycles = StallTally()
    private var unitInstructions: (UInt64, UInt64, UInt64) = (0, 0, 0)

    public private(set) var hazards: [MemoryHazard] = []
    public private(set) var hazardCount: UInt64 = 0
    public private(set) var errata: [Erratum] = []
    public private(set) var errataCount: UInt64 = 0
    /// Set by the first erratum under `errata: error` or hazard under `hazards: strict`.
    public private(set) var failure: TimingFailure?

    private var functions: FunctionTable
    private var functionCycles: [UInt64]
    private var functionInstret: [UInt64]
    private let profiling: Bool
    /// Profiling or a timeline: every instruction takes the full path.
    private let detailed: Bool
    private let fetchConflicts: Bool

    private var timeline: TimelineRecorder?
    private var spanFunction = -1
    private var spanStart: UInt64 = 0

    /// - Parameters:
    ///   - functions: ELF function ranges for cycles per function and timeline spans (may be empty).
    ///   - timeline: record a timeline of this cycle window (nil: no timeline, no cost).
    public init(config: TimingConfig = TimingConfig(), functions: [FunctionRange] = [], timeline: CycleWindow? = nil) {
        self.config = config
        loadsWaitForStores = config.checks.cpuLoadsWaitForAcceleratorStores
        cpuStoreDelay = config.memory.cpuStoreDelay
        storeNeverLate = 1 + config.offload.acceptToDispatch + config.accelerator.lsuDispatchToStart
        roundRobinBanks = config.memory.busArbitration == .roundRobin
        accelerator = Accelerator(config: config.accelerator, offload: config.offload, banks: config.memory.bankRegions)
        bankMap = BankMap(config.memory.bankRegions)
        var slow = [Bool](repeating: false, count: 4096)
        for csr in config.cpu.slowCSRs where csr < 4096 { slow[Int(csr)] = true }
        slowCSR = slow
        self.functions = FunctionTable(functions)
        profiling = !functions.isEmpty
        detailed = profiling || timeline != nil
        fetchConflicts = config.memory.fetchConflicts
        fastPath = CPUPipeline(cost: CPUCosts(config.cpu), enabled: !detailed,
                               storesLandInTime: 1 + config.memory.cpuStoreDelay <= storeNeverLate,
                               fetchConflicts: config.memory.fetchConflicts)
        functionCycles = [UInt64](repeating: 0, count: self.functions.ranges.count + 1)
        functionInstret = functionCycles
        self.timeline = timeline.map { TimelineRecorder(window: $0) }
    }

    // MARK: per instruction

    /// The common instructions are costed by `fastPath` (inlined into the
    /// core's loop, which calls this only when `fastPath` declines); everything
    /// else, and every instruction when profiling or recording a timeline, takes
    /// `retireInFull`, which gives the same cycles for the common cases
    /// (checked against the fast path by Tests/SimulatorTests/Timing).
    @inline(__always)
    public mutating func retire(_ r: RetireRecord) {
        let info = table[Int(r.instruction.opcode.rawValue)]
        if !fastPath.retireIfCommon(r, as: info.klass) {
            retireInFull(r, info)
        }
    }

    @inline(never)
    private mutating func retireInFull(_ r: RetireRecord, _ info: OpcodeInfo) {
        let inst = r.instruction
        let klass = info.klass
        let issue = fastPath.clock
        var t = issue
        let lastLoadRd = fastPath.lastLoadRd, lastWrittenRd = fastPath.lastWrittenRd
        let watching = fastPath.fetch.watching
        if watching { stall(.fetchConflict, fastPath.fetch.bubble(before: r.pc), &t) }
        var delaying = false

        // Dependencies on the immediately preceding instruction.
        if lastLoadRd != 0 {
            let src = info.sources
            if (src & 1 != 0 && inst.rs1 == lastLoadRd) || (src & 2 != 0 && inst.rs2 == lastLoadRd) {
                stall(.loadUse, cost.loadUseStall, &t)
                // jalr takes no forwarded target: held while the load is in EX and again in WB.
                if klass == .jalr { stall(.jalrDependency, cost.jalrDependencyStall, &t) }
            }
        } else if klass == .jalr && lastWrittenRd != 0 && inst.rs1 == lastWrittenRd {
            stall(.jalrDependency, cost.jalrDependencyStall, &t)
        }

        if r.trapped {
            t += 1
            stall(.trap, cost.trap - 1, &t)
        } else {
            switch klass {
            case .alu, .illegal: t += cost.alu
            case .mul: t += cost.mul
            case .mulh: t += 1; stall(.multiply, cost.mulh - 1, &t)
            case .div:
                var divisor = r.operand2
                if inst.opcode == .div || inst.opcode == .rem { divisor = Int32(bitPattern: divisor).magnitude }
                t += 1
                stall(.divide, max(cost.divBase + UInt64(divisor.leadingZeroBitCount), 1) - 1, &t)
            case .load: cpuLoad(r, &t, &delaying)
            case .store: cpuStore(r, &t, &delaying)
            case .branch:
                t += 1
                if r.nextPC != r.pc &+ 4 { stall(.takenBranch, cost.branchTaken - 1, &t) }
                else if cost.branchNotTaken > 1 { stall(.takenBranch, cost.branchNotTaken - 1, &t) }
            case .jal, .jalr: t += 1; stall(.jump, cost.jump - 1, &t)
            case .mret: t += 1; stall(.jump, cost.mret - 1, &t)
            case .csr:
                t += 1
                let csrCost = slowCSR[Int(inst.imm) & 0xFFF] ? cost.csrSlow : cost.csrFast
                stall(.csr, csrCost - 1, &t)
            case .fence: t += cost.fence
            case .fenceI: t += 1; stall(.fenceI, cost.fenceI - 1, &t)
            case .wfi: t += cost.wfi
            case .system: t += 1; stall(.trap, cost.trap - 1, &t)   // ecall/ebreak always trap
            case .rvmLoad, .rvmStore, .rvmZero, .rvmMatmul: offload(r, klass, &t)
            }
        }

        if watching || delaying { fastPath.fetch.retired(pc: r.pc, delaying: delaying, cycles: t - issue) }
        fastPath.lastLoadRd = (klass == .load && !r.trapped) ? inst.rd : 0
        fastPath.lastWrittenRd = (klass.writesRd && !r.trapped) ? inst.rd : 0
        fastPath.instret += 1
        fastPath.clock = t
        if detailed { attribute(pc: r.pc, from: issue, to: t) }
    }

    @inline(__always) private mutating func stall(_ cause: StallCause, _ n: UInt64, _ t: inout UInt64) {
        guard n > 0 else { return }
        stallCycles.add(cause, n)
        if detailed { recordStall(cause, from: t, to: t + n) }
        t += n
    }

    @inline(never) private mutating func recordStall(_ cause: StallCause, from: UInt64, to: UInt64) {
        if timeline != nil { timeline!.add(.cpu, cause.name, "stall", from: from, to: to) }
    }

    /// Waits while the accelerator holds the bank of `address` in cycle `t`.
    /// Nothing to look up when no bank is reserved at or after `t` (the LSU is idle or behind).
    @inline(__always) private mutating func arbitrate(_ address: UInt32, _ t: inout UInt64) {
        guard t < accelerator.slots.bankHorizon else { return }
        let bank = bankMap.bank(of: address)
        guard bank != BankMap.none else { return }
        var c = t
        if roundRobinBanks {
            // The CPU's turn comes once the LSU row holding the bank has its words (MemoryConfig.busArbitration).
            if accelerator.slots.bankBusy(bank, at: c) {
                let row = accelerator.slots.row(at: c)
                c += 1
                while accelerator.slots.bankBusy(bank, at: c) && accelerator.slots.row(at: c) == row { c += 1 }
            }
        } else {
            while accelerator.slots.bankBusy(bank, at: c) { c += 1 }
        }
        if c > t {
            accelerator.busy.cpuWaited(from: t, to: c)
            stall(.bankConflict, c - t, &t)
        }
    }

    /// Whether a load or store, granted in cycle `t`, delays the fetch of a later
    /// instruction (only one granted in its first cycle can).
    @inline(__always) private mutating func delaysFetch(_ r: RetireRecord, _ t: UInt64) -> Bool {
        guard fetchConflicts else { return false }
        if !fastPath.fetch.covers(pc: r.pc) { fastPath.fetch.refresh(pc: r.pc, banks: bankMap) }
        return t == cycles && fastPath.fetch.delaysFetch(pc: r.pc, address: r.address)
    }

    private mutating func cpuLoad(_ r: RetireRecord, _ t: inout UInt64, _ delaying: inout Bool) {
        let size = accessSize(r.instruction.opcode)
        arbitrate(r.address, &t)
        delaying = delaysFetch(r, t)
        if let (hazard, ready) = detector.checkCPULoad(address: r.address, size: size, cycle: t,
                                                       pc: r.pc, word: r.instruction.word) {
            report(hazard)
            if loadsWaitForStores && ready > t {
                let seen = ready + config.checks.storeWaitExtra
                accelerator.busy.cpuWaited(from: t, to: seen)
                stall(.acceleratorStoreWait, seen - t, &t)
            }
        }
        memoryCost(r.address, size, &t)
    }

    private mutating func cpuStore(_ r: RetireRecord, _ t: inout UInt64, _ delaying: inout Bool) {
        let size = accessSize(r.instruction.opcode)
        arbitrate(r.address, &t)
        delaying = delaysFetch(r, t)
        let lands = t + 1 + cpuStoreDelay
        if let hazard = detector.checkCPUStore(address: r.address, size: size, cycle: t, lands: lands,
                                               pc: r.pc, word: r.instruction.word) {
            report(hazard)
        }
        if lands - t > storeNeverLate {
            detector.noteCPUStore(address: r.address, size: size, lands: lands, pc: r.pc, word: r.instruction.word)
        }
        memoryCost(r.address, size, &t)
    }

    @inline(__always) private mutating func memoryCost(_ address: UInt32, _ size: UInt32, _ t: inout UInt64) {
        t += cost.loadStore
        if address & (size - 1) != 0 {
            stall(.misaligned, cost.misalignedLoadStore - cost.loadStore, &t)
        }
    }

    private mutating func offload(_ r: RetireRecord, _ klass: InstructionClass, _ t: inout UInt64) {
        let inst = r.instruction
        if config.checks.errata != .off, let e = Erratum.check(inst, pc: r.pc) {
            errataCount += 1
            if errata.count < config.checks.maxReported { errata.append(e) }
            if config.checks.errata == .error && failure == nil { failure = .erratum(e) }
        }
        let s = accelerator.offer(inst, klass: klass, base: r.address, stride: r.operand2, issue: t)
        if s.accept > t {
            accelerator.busy.cpuWaited(from: t, to: s.accept)
            stall(.offloadBufferFull, s.accept - t, &t)
        }
        t += cost.offloadIssue
        switch s.unit {
        case .systolicArray: unitInstructions.0 += 1
        case .lsu: unitInstructions.1 += 1
        case .permutationUnit: unitInstructions.2 += 1
        }

        defer { fastPath.memoryQuietFrom = max(accelerator.slots.bankHorizon, detector.quietFrom) }
        if klass == .rvmLoad {
            if let h = detector.checkAcceleratorLoad(base: r.address, stride: r.operand2, schedule: s,
                                                     pc: r.pc, word: inst.word) {
                report(h)
            }
            detector.noteAcceleratorLoad(base: r.address, stride: r.operand2, schedule: s, pc: r.pc, word: inst.word)
        } else if klass == .rvmStore {
            detector.noteAcceleratorStore(base: r.address, stride: r.operand2, schedule: s, pc: r.pc, word: inst.word)
        }

        if timeline != nil {
            let name = mnemonic(inst.opcode)
            timeline!.add(.offloadQueue, name, "offload", from: s.accept, to: s.dispatch)
            let track: TimelineEvent.Track
            switch s.unit {
            case .systolicArray: track = .systolicArray
            case .lsu: track = .lsu
            case .permutationUnit: track = .permutationUnit
            }
            timeline!.add(track, name, "unit", from: s.start, to: s.busyEnd)
        }
    }

    private mutating func report(_ hazard: MemoryHazard) {
        guard config.checks.hazards != .off else { return }
        hazardCount += 1
        if hazards.count < config.checks.maxReported { hazards.append(hazard) }
        if config.checks.hazards == .strict && failure == nil { failure = .hazard(hazard) }
    }

    /// Charges [from, to) to the function holding `pc`; emits a timeline span when the function changes.
    private mutating func attribute(pc: UInt32, from: UInt64, to: UInt64) {
        let f = functions.index(of: pc)
        functionCycles[f] += to - from
        functionInstret[f] += 1
        if f != spanFunction {
            closeSpan(at: from)
            spanFunction = f
            spanStart = from
        }
    }

    private mutating func closeSpan(at end: UInt64) {
        if spanFunction >= 0, timeline != nil {
            timeline!.add(.cpu, functions.name(spanFunction), "function", from: spanStart, to: end)
        }
    }

    // MARK: exit

    /// Lets the accelerator drain and returns the statistics. Call once at exit
    /// (calling again returns the same figures).
    public mutating func finish() -> TimingReport {
        let exit = cycles
        let end = max(exit, accelerator.lastFinish)
        closeSpan(at: exit)
        spanFunction = -1

        let stallCycles = fastPath.stalls.added(to: self.stallCycles)
        var stalls: [String: UInt64] = [:]
        var stallTotal: UInt64 = 0
        for cause in StallCause.allCases where stallCycles[cause] > 0 {
            stalls[cause.name] = stallCycles[cause]
            stallTotal += stallCycles[cause]
        }
        let busy = accelerator.busy
        let counts = [unitInstructions.0, unitInstructions.1, unitInstructions.2]
        let units = AcceleratorUnit.allCases.map { u in
            let cycles = busy.unitBusy(u, before: end)
            return TimingReport.Unit(name: u.name, instructions: counts[u.rawValue], busyCycles: cycles,
                                     utilisation: end == 0 ? 0 : Double(cycles) / Double(end))
        }
        var perFunction: [TimingReport.Function] = []
        if profiling {
            for i in 0..<functionCycles.count where functionInstret[i] > 0 {
                perFunction.append(TimingReport.Function(name: functions.name(i), cycles: functionCycles[i],
                                                         instructions: functionInstret[i]))
            }
            perFunction.sort { $0.cycles > $1.cycles }
        }
        return TimingReport(
            cycles: exit, instret: instret, cpi: instret == 0 ? 0 : Double(exit) / Double(instret),
            drainCycles: end - exit, totalCycles: end, stalls: stalls, stallCycles: stallTotal,
            offloadedInstructions: accelerator.offloaded, units: units,
            acceleratorBusyCycles: busy.anyBusy(before: end), overlapCycles: busy.overlap(before: exit),
            hazardCount: hazardCount, hazards: hazards, errataCount: errataCount, errata: errata,
            functions: perFunction)
    }

    /// The recorded timeline as Chrome/Perfetto trace-event JSON (nil when none
    /// was requested). Call after `finish()` so the last function span is closed.
    public func timelineJSON() -> Data? {
        timeline.map { TraceEventWriter.json($0.events) }
    }

    /// The recorded timeline events (empty when none was requested).
    public var timelineEvents: [TimelineEvent] { timeline?.events ?? [] }
}
