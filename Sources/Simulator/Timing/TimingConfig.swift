import Foundation

/// Every parameter of the cycle model in one place (issue 3, DESIGN.md "Timing
/// parameters live in one documented, overridable configuration").
///
/// JSON via Codable; any field left out of a file keeps its built-in default,
/// so `--config FILE` only has to name what it changes. Each default names its
/// source: "RTL <file>" (pulp-platform/quadrilatero @c130a77/b576dfe or
/// esl-epfl/cv32e40px), "SPEC §n" (../shared/RVM-SPEC.md), or "calibrated"
/// when it is a pipeline latency fixed so the structural model reproduces the
/// measured figures of SPEC §2 (the derivation is in TimingModel.md-style doc
/// comments next to each field and in Tests/SimulatorTests/Timing).
public struct TimingConfig: Codable, Sendable, Equatable {
    public var cpu = CPUTimingConfig()
    public var offload = OffloadConfig()
    public var accelerator = AcceleratorConfig()
    public var memory = MemoryConfig()
    public var checks = CheckConfig()

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = TimingConfig()
        cpu = try c.value(.cpu, or: d.cpu)
        offload = try c.value(.offload, or: d.offload)
        accelerator = try c.value(.accelerator, or: d.accelerator)
        memory = try c.value(.memory, or: d.memory)
        checks = try c.value(.checks, or: d.checks)
    }

    /// Reads a (possibly partial) JSON configuration and validates it.
    public static func load(json data: Data) throws -> TimingConfig {
        let config: TimingConfig
        do {
            config = try JSONDecoder().decode(TimingConfig.self, from: data)
        } catch {
            throw TimingConfigError.malformed(String(describing: error))
        }
        try config.validate()
        return config
    }

    /// Pretty JSON of this configuration (the defaults when unchanged).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    /// Rejects values the model cannot honour, with a message naming the field.
    public func validate() throws {
        func check(_ ok: Bool, _ field: String, _ why: String) throws {
            if !ok { throw TimingConfigError.invalid(field: field, reason: why) }
        }
        try check((1...64).contains(offload.inputBufferDepth), "offload.inputBufferDepth", "must be 1...64")
        try check((1...8).contains(accelerator.unitQueueSlots), "accelerator.unitQueueSlots", "must be 1...8")
        try check((1...8).contains(accelerator.rowTokenDepth), "accelerator.rowTokenDepth", "must be 1...8")
        try check((2...LoadRowWindow.capacity).contains(accelerator.lsuLoadFifoRows), "accelerator.lsuLoadFifoRows",
                  "must be 2...\(LoadRowWindow.capacity)")
        try check(memory.bankRegions.reduce(0) { $0 + $1.bankCount } <= 64, "memory.banks", "at most 64 banks in total")
        for (i, region) in (memory.banks ?? []).enumerated() {
            try check(region.bankCount >= 1, "memory.banks[\(i)].bankCount", "must be at least 1")
            try check(region.bankSize >= 4 && region.bankSize % 4 == 0, "memory.banks[\(i)].bankSize",
                      "must be a positive multiple of 4")
            try check(UInt64(region.base) + region.byteSize <= 1 << 32, "memory.banks[\(i)]", "ends beyond 4 GiB")
        }
        // An address lives in one bank (BankMap and FetchConflict rely on it).
        let spans = (memory.banks ?? []).enumerated()
            .map { (index: $0.offset, start: UInt64($0.element.base), end: UInt64($0.element.base) + $0.element.byteSize) }
            .sorted { $0.start < $1.start }
        for (a, b) in zip(spans, spans.dropFirst()) {
            try check(a.end <= b.start, "memory.banks[\(b.index)]", "overlaps memory.banks[\(a.index)]")
        }
        let cpuCosts = [cpu.alu, cpu.mul, cpu.mulh, cpu.loadStore, cpu.misalignedLoadStore, cpu.jump,
                        cpu.branchTaken, cpu.branchNotTaken, cpu.csrSlow, cpu.csrFast, cpu.fenceI,
                        cpu.fence, cpu.mret, cpu.trap, cpu.wfi, cpu.offloadIssue]
        try check(cpuCosts.allSatisfy { $0 >= 1 && $0 <= 1000 }, "cpu", "instruction costs must be 1...1000 cycles")
        // Every other number (latencies, delays, counts) is bounded too, so no
        // cycle arithmetic can overflow on a hostile configuration file.
        let sections: [(String, Any)] = [("cpu", cpu), ("offload", offload), ("accelerator", accelerator),
                                         ("memory", memory), ("checks", checks)]
        for (section, value) in sections {
            for child in Mirror(reflecting: value).children {
                guard let name = child.label else { continue }
                let number: Int64? = (child.value as? UInt64).map { $0 > UInt64(Int64.max) ? Int64.max : Int64($0) }
                    ?? (child.value as? Int).map(Int64.init)
                guard let number else { continue }
                try check((0...Self.maximumParameter).contains(number), "\(section).\(name)",
                          "must be 0...\(Self.maximumParameter)")
            }
        }
    }

    /// The largest value any integer parameter may take (cycles or counts).
    public static let maximumParameter: Int64 = 1_000_000
}

public enum TimingConfigError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case invalid(field: String, reason: String)

    public var description: String {
        switch self {
        case .malformed(let why): return "timing configuration is not valid JSON for the model: \(why)"
        case .invalid(let field, let reason): return "timing configuration: \(field) \(reason)"
        }
    }
}

/// cv32e40p per-class costs (SPEC §2 table; openhwgroup/cv32e40p docs/source/pipeline.rst).
public struct CPUTimingConfig: Codable, Sendable, Equatable {
    /// ALU, lui/auipc. Source: SPEC §2, pipeline.rst.
    public var alu: UInt64 = 1
    /// mul. Source: SPEC §2 (measured 1 on the RTL).
    public var mul: UInt64 = 1
    /// mulh, mulhsu, mulhu. Source: SPEC §2 (measured 5).
    public var mulh: UInt64 = 5
    /// div/rem cost = divBase + leading zeros of the divisor (|divisor| for the
    /// signed forms); a zero divisor has 32 leading zeros, giving 35.
    /// Source: SPEC §2 (GVSoC, cv32e40x manual).
    public var divBase: UInt64 = 3
    /// Aligned load or store. Source: SPEC §2.
    public var loadStore: UInt64 = 1
    /// Misaligned load or store (two bus transactions). Source: SPEC §2.
    public var misalignedLoadStore: UInt64 = 2
    /// Stall when the next instruction reads the register a load writes. Source: SPEC §2 (measured 3 per lw+use pair).
    public var loadUseStall: UInt64 = 1
    /// jal and jalr (jumps are taken in ID). Source: SPEC §2, pipeline.rst.
    public var jump: UInt64 = 2
    /// Extra cycle when jalr's rs1 is written by the immediately preceding
    /// instruction (its target operand is read in ID). Source: SPEC §2. When that
    /// producer is a load, jalr waits for it in EX and again in WB: the load-use
    /// stall plus this (esl-epfl/cv32e40px rtl/cv32e40px_controller.sv `jr_stall_o`
    /// checks `regfile_we_ex_i` and `regfile_we_wb_i`; there is no forwarding to the jump target).
    public var jalrDependencyStall: UInt64 = 1
    /// Taken / not-taken branch (decided in EX). Source: SPEC §2 (taken measured 3).
    public var branchTaken: UInt64 = 3
    public var branchNotTaken: UInt64 = 1
    /// CSRs listed in `slowCSRs`. Source: SPEC §2 (csrr mcycle measured 4).
    public var csrSlow: UInt64 = 4
    /// Every other CSR. Source: SPEC §2.
    public var csrFast: UInt64 = 1
    /// The CSRs whose access costs `csrSlow`. Source: SPEC §2: mstatus, mepc,
    /// mtvec, mcause, mcycle(h), minstret(h), mhpmcounter3..31(h), mcountinhibit,
    /// mhpmevent3..31, dcsr, dpc, dscratch0/1.
    public var slowCSRs: [UInt16] = CPUTimingConfig.defaultSlowCSRs
    /// fence.i. Source: SPEC §2.
    public var fenceI: UInt64 = 2
    /// fence (no caches, nothing to order in the core). Derived: 1.
    public var fence: UInt64 = 1
    /// mret (a jump to mepc taken in ID, like jal). Derived: same as `jump`.
    public var mret: UInt64 = 2
    /// A trapping instruction (ecall, ebreak, illegal): pipeline flush and jump to
    /// mtvec. Derived (not measured): 4 = decode + flush of IF/ID + vector fetch.
    public var trap: UInt64 = 4
    /// wfi (the simulator never sleeps). Derived: 1.
    public var wfi: UInt64 = 1
    /// Cycles the CPU spends issuing one RVM instruction over CORE-V-XIF when the
    /// coprocessor accepts it at once. Source: SPEC §2 ("committed at issue");
    /// checked in esl-epfl/cv32e40px rtl/cv32e40px_x_disp.sv: the ID stage stalls
    /// only on `x_if_not_ready = x_issue_valid_o & ~x_issue_ready_i`, commit is
    /// signalled with the issue (`x_commit_valid_o = x_issue_valid_o`), and
    /// Quadrilatero answers in the same cycle (rtl/quadrilatero.sv
    /// `x_issue_ready_o = in_buf_push_ready`, accept from the combinational
    /// quadrilatero_xif_decoder.sv, loadstore = 0 so no memory-counter stall):
    /// an offered instruction with buffer room costs exactly 1 cycle.
    public var offloadIssue: UInt64 = 1

    public init() {}

    public static let defaultSlowCSRs: [UInt16] = {
        var list: [UInt16] = [0x300, 0x341, 0x305, 0x342, 0xB00, 0xB80, 0xB02, 0xB82, 0x320,
                              0x7B0, 0x7B1, 0x7B2, 0x7B3]
        list += (3...31).map { 0xB00 + UInt16($0) }   // mhpmcounter3..31
        list += (3...31).map { 0xB80 + UInt16($0) }   // mhpmcounter3h..31h
        list += (3...31).map { 0x320 + UInt16($0) }   // mhpmevent3..31
        return list
    }()

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CPUTimingConfig()
        alu = try c.value(.alu, or: d.alu)
        mul = try c.value(.mul, or: d.mul)
        mulh = try c.value(.mulh, or: d.mulh)
        divBase = try c.value(.divBase, or: d.divBase)
        loadStore = try c.value(.loadStore, or: d.loadStore)
        misalignedLoadStore = try c.value(.misalignedLoadStore, or: d.misalignedLoadStore)
        loadUseStall = try c.value(.loadUseStall, or: d.loadUseStall)
        jump = try c.value(.jump, or: d.jump)
        jalrDependencyStall = try c.value(.jalrDependencyStall, or: d.jalrDependencyStall)
        branchTaken = try c.value(.branchTaken, or: d.branchTaken)
        branchNotTaken = try c.value(.branchNotTaken, or: d.branchNotTaken)
        csrSlow = try c.value(.csrSlow, or: d.csrSlow)
        csrFast = try c.value(.csrFast, or: d.csrFast)
        slowCSRs = try c.value(.slowCSRs, or: d.slowCSRs)
        fenceI = try c.value(.fenceI, or: d.fenceI)
        fence = try c.value(.fence, or: d.fence)
        mret = try c.value(.mret, or: d.mret)
        trap = try c.value(.trap, or: d.trap)
        wfi = try c.value(.wfi, or: d.wfi)
        offloadIssue = try c.value(.offloadIssue, or: d.offloadIssue)
    }
}

/// The CORE-V-XIF issue path into Quadrilatero's input buffer.
public struct OffloadConfig: Codable, Sendable, Equatable {
    /// Entries of the coprocessor's input buffer (stream_fifo, FALL_THROUGH=1).
    /// Source: SPEC §2 (1 in the X-HEEP test harness, Camma2001/x-heep
    /// tb/testharness.sv; 4 is the RTL default in rtl/quadrilatero.sv).
    public var inputBufferDepth: Int = 1
    /// Cycles from acceptance into the input buffer until the dispatcher can pop
    /// it. RTL rtl/quadrilatero.sv: the commit arrives with the issue
    /// (cv32e40px_x_disp.sv `x_commit_valid_o = x_issue_valid_o`, counted as
    /// case 2'b11 of `uncommited_instr_d`), `head_instr_committed` compares with
    /// the FIFO's registered `usage_o`, and the decoder is combinational: the
    /// pop can come the cycle after the push, at any buffer depth. (An earlier
    /// calibration used 3, which made an `mld.w` read memory 6 cycles after
    /// acceptance and see CPU stores the RTL does not see, RVM-SPEC §1.)
    public var acceptToDispatch: UInt64 = 1
    /// A popped slot can take a new instruction this many cycles later
    /// (stream_fifo's ready_o is "not full" of the registered count). RTL rtl/quadrilatero.sv.
    public var slotReuse: UInt64 = 1

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = OffloadConfig()
        inputBufferDepth = try c.value(.inputBufferDepth, or: d.inputBufferDepth)
        acceptToDispatch = try c.value(.acceptToDispatch, or: d.acceptToDispatch)
        slotReuse = try c.value(.slotReuse, or: d.slotReuse)
    }
}

/// Quadrilatero's dispatcher, register-file sequencer and three units. A tile
/// has 4 rows (quadrilatero_pkg N_ROWS = MESH_WIDTH = 4); units stream one row per cycle.
public struct AcceleratorConfig: Codable, Sendable, Equatable {
    /// The dispatcher pops at most one instruction per this many cycles (IDLE ->
    /// PUSH_OPERANDS, `done` the next cycle). RTL rtl/quadrilatero_dispatcher.sv.
    public var dispatchInterval: UInt64 = 1
    /// WAW: a writer is dispatched only this many cycles after the previous
    /// writer of its destination wrote its last row (the scoreboard token is
    /// popped on the write and read back registered). RTL
    /// rtl/quadrilatero_dispatcher.sv (`is_waw`), rtl/quadrilatero_rf_sequencer.sv.
    public var scoreboardClearDelay: UInt64 = 1
    /// Accesses a register row can have outstanding: the token FIFO (N_ENTRIES = 2,
    /// rtl/quadrilatero.sv rf_seq_inst) plus the head held in `scoreboard_q`
    /// (rtl/quadrilatero_rf_sequencer.sv pops the FIFO into it whenever the head is
    /// free). Pushing one more waits until the oldest is released; the instruction
    /// is dispatched anyway and the dispatcher's next pop waits for the push.
    public var rowTokenDepth: Int = 3
    /// RAW: a row can be read this many cycles after it is written (0 = the
    /// sequencer forwards the write). Calibrated: the `mmasa.w` + `mst.w` latency 26.
    public var rawRowDelay: UInt64 = 0
    /// WAR: a row can be overwritten this many cycles after its last read. RTL
    /// rtl/quadrilatero_rf_sequencer.sv (token popped on the read).
    public var warRowDelay: UInt64 = 1
    /// Instructions the systolic-array and LSU controllers can hold waiting. RTL:
    /// N_SLOTS = 2 (rtl/quadrilatero.sv), but both controllers report full when
    /// almost full (`issue_queue_full_o = issue_queue_almost_full | issue_queue_full`,
    /// almost full = usage N_SLOTS - 1), so the dispatcher only dispatches to an
    /// empty queue: 1 (rtl/quadrilatero_systolic_array_controller.sv,
    /// rtl/quadrilatero_register_lsu_controller.sv).
    public var unitQueueSlots: Int = 1
    /// A queued instruction leaves its controller's queue this many cycles after
    /// it starts; the dispatcher sees the room the cycle after it leaves (fifo_v3
    /// usage is registered). Systolic array: `start_o = pop_instr` (it leaves at
    /// start): 1. LSU: `start_o` is registered one cycle after `pop_instr`: 0.
    public var saQueueFreeDelay: UInt64 = 1
    public var lsuQueueFreeDelay: UInt64 = 0
    /// Systolic array: dispatch -> start (dispatch_q register + controller queue
    /// + start). Calibrated: in a dependent `mmasa.w` chain the last row is
    /// written at start + 11, the WAW clears at + 12 (dispatch), so the next
    /// start is at + 14: the measured 14 (SPEC §2).
    public var saDispatchToStart: UInt64 = 2
    /// Systolic array stage lengths, in cycles after start: FF (feed, reads row
    /// r at start + saFeedOffset + r), FS (4 cycles of skewed compute), DR (drain,
    /// writes row r at start + saDrainOffset + r; DR starts in FS's last cycle),
    /// and the next start (sa_ready_o needs FF, FS and DR idle). RTL rtl/quadrilatero_systolic_array.sv
    /// (ff/fs/dr counters, set_dr_active at fs_counter 2 -> 3). Together: 12 per
    /// independent `mmasa.w`, SPEC §2.
    public var saFeedOffset: UInt64 = 1
    public var saDrainOffset: UInt64 = 8
    public var saRestart: UInt64 = 12
    /// LSU: dispatch -> first bus request (dispatch_q + controller queue +
    /// start_q in quadrilatero_register_lsu.sv). Calibrated: `mld.w` with WAW 9.
    public var lsuDispatchToStart: UInt64 = 3
    /// Load: a row granted in cycle g is written to the tile at g + this (SRAM
    /// rvalid + rd_head register). RTL rtl/quadrilatero_lsu.sv.
    public var lsuLoadWriteback: UInt64 = 2
    /// Load: the LSU starts its next instruction this many cycles after the last
    /// grant (last rvalid + registered controller start). Calibrated: `mld.w` 5.
    public var lsuLoadRestart: UInt64 = 2
    /// Store: a row read from the tile in cycle r is requested on the bus at
    /// r + this: it is pushed into the store FIFO in the read cycle (register
    /// file read data is combinational) and fifo_v3 FALL_THROUGH=0 shows it the
    /// next cycle. RTL rtl/quadrilatero_register_lsu.sv (`store_fifo_push =
    /// rdata_ready_o && rdata_valid_i`), rtl/quadrilatero_lsu.sv.
    public var lsuStoreReadToRequest: UInt64 = 1
    /// Store: the LSU starts its next instruction this many cycles after reading
    /// the last row (rlast clears busy, controller start), and not before the
    /// store FIFO issued its last row. Calibrated: `mst.w` 5. An `mld.w` after an
    /// `mst.w` shares the one bus port: its first request comes the cycle after
    /// the store's last grant (rtl/quadrilatero_register_lsu.sv `lsu_ready =
    /// store_fifo_empty | ...`; rtl/quadrilatero_lsu.sv `obi_channel_signals`
    /// drives the port from the store FIFO until it is empty), as modelled.
    public var lsuStoreRestart: UInt64 = 2
    /// Rows the LSU can hold between memory and the tile (rd_head + a fifo_v3
    /// of FIFO_DEPTH - 1 = 3 entries): memory reads run ahead of the (WAR-held)
    /// tile writes, a new row being requested only while at most this minus 2
    /// rows are held (`load_fifo_alm_full`), see `LoadRowWindow`. One tile always
    /// fits; the next `mld.w` may start once the previous one wrote its row 0
    /// (rtl/quadrilatero_register_lsu.sv `busy_o`) and then finds the FIFO
    /// still holding that load's rows 1-3. RTL rtl/quadrilatero_register_lsu.sv
    /// (FIFO_DEPTH 4), rtl/quadrilatero_lsu.sv.
    public var lsuLoadFifoRows: Int = 4
    /// Permutation unit (`mzero`): dispatch -> first row write; one row per
    /// cycle; busy (blocking dispatch to it) until its last row. RTL rtl/quadrilatero_perm_unit.sv.
    public var puDispatchToStart: UInt64 = 1

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = AcceleratorConfig()
        dispatchInterval = try c.value(.dispatchInterval, or: d.dispatchInterval)
        scoreboardClearDelay = try c.value(.scoreboardClearDelay, or: d.scoreboardClearDelay)
        rowTokenDepth = try c.value(.rowTokenDepth, or: d.rowTokenDepth)
        rawRowDelay = try c.value(.rawRowDelay, or: d.rawRowDelay)
        warRowDelay = try c.value(.warRowDelay, or: d.warRowDelay)
        unitQueueSlots = try c.value(.unitQueueSlots, or: d.unitQueueSlots)
        saQueueFreeDelay = try c.value(.saQueueFreeDelay, or: d.saQueueFreeDelay)
        lsuQueueFreeDelay = try c.value(.lsuQueueFreeDelay, or: d.lsuQueueFreeDelay)
        saDispatchToStart = try c.value(.saDispatchToStart, or: d.saDispatchToStart)
        saFeedOffset = try c.value(.saFeedOffset, or: d.saFeedOffset)
        saDrainOffset = try c.value(.saDrainOffset, or: d.saDrainOffset)
        saRestart = try c.value(.saRestart, or: d.saRestart)
        lsuDispatchToStart = try c.value(.lsuDispatchToStart, or: d.lsuDispatchToStart)
        lsuLoadWriteback = try c.value(.lsuLoadWriteback, or: d.lsuLoadWriteback)
        lsuLoadRestart = try c.value(.lsuLoadRestart, or: d.lsuLoadRestart)
        lsuStoreReadToRequest = try c.value(.lsuStoreReadToRequest, or: d.lsuStoreReadToRequest)
        lsuStoreRestart = try c.value(.lsuStoreRestart, or: d.lsuStoreRestart)
        lsuLoadFifoRows = try c.value(.lsuLoadFifoRows, or: d.lsuLoadFifoRows)
        puDispatchToStart = try c.value(.puDispatchToStart, or: d.puDispatchToStart)
    }
}

/// SRAM banks and how writes become visible.
public struct MemoryConfig: Codable, Sendable, Equatable {
    /// Bank regions. nil (the default): the platform's banks
    /// (`MemoryMap.bankGroups`, which `Simulation` fills in), or X-HEEP's when
    /// the model runs on its own. Source: SPEC §3 (X-HEEP interleaved
    /// configuration: 2 x 32 KiB contiguous at 0x0-0xFFFF, 4 x 16 KiB
    /// word-interleaved at 0x1_0000-0x1_FFFF). Addresses outside every region
    /// (peripherals) take part in no arbitration.
    public var banks: [BankRegion]?
    /// The regions the model uses.
    public var bankRegions: [BankRegion] { banks ?? BankRegion.xheepInterleavedDefault }
    /// Cycles after its EX cycle before a CPU store is visible to the
    /// accelerator (a write buffer; cv32e40p has none). Source: SPEC §3 (SRAM
    /// grants in the same cycle): 0.
    public var cpuStoreDelay: UInt64 = 0
    /// Who gets a bank when the CPU's data port and an LSU channel want it in the
    /// same cycle. Source: X-HEEP hw/core-v-mini-mcu/system_xbar.sv instantiates
    /// `xbar_varlat` (ExtPrio = 0, `rr_i('0)`), which has one `rr_arb_tree` per
    /// slave (bank): round robin. The CPU (master CORE_DATA) then gets the bank
    /// after the LSU words of the row holding it were granted: one cycle for a
    /// row spread over 4 interleaved banks, up to 4 when a row's words share one
    /// contiguous bank. (The cycle the LSU then loses is not modelled: its
    /// schedule is fixed at offload.) `acceleratorFirst` makes the CPU wait for
    /// every reserved cycle of the bank (the model before this was checked).
    public var busArbitration: BusArbitration = .roundRobin
    /// Whether a CPU load or store to the bank the code is fetched from delays
    /// that fetch (see FetchConflict). Source: X-HEEP system_xbar.sv (one grant
    /// per bank per cycle, instruction and data ports are separate masters),
    /// cv32e40p prefetch buffer (no fetch slack after a taken branch).
    public var fetchConflicts: Bool = true

    public enum BusArbitration: String, Codable, Sendable {
        case roundRobin, acceleratorFirst
    }

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = MemoryConfig()
        banks = try c.decodeIfPresent([BankRegion].self, forKey: .banks)
        cpuStoreDelay = try c.value(.cpuStoreDelay, or: d.cpuStoreDelay)
        busArbitration = try c.value(.busArbitration, or: d.busArbitration)
        fetchConflicts = try c.value(.fetchConflicts, or: d.fetchConflicts)
    }
}

/// What to do about RTL errata and CPU/accelerator memory races.
public struct CheckConfig: Codable, Sendable, Equatable {
    public enum ErrataMode: String, Codable, Sendable { case off, warn, error }
    public enum HazardMode: String, Codable, Sendable { case off, report, strict }

    /// `--errata warn|error|off`, warn by default (issue 3).
    public var errata: ErrataMode = .warn
    /// `--strict-hazards` selects `.strict` (issue 3).
    public var hazards: HazardMode = .report
    /// The functional core is sequentially consistent, so a CPU load of a word an
    /// in-flight `mst.w` has not written already returns the new value. When true
    /// the load is charged the wait until the word lands (the time a polling loop
    /// on hardware spends), keeping mcycle-timed latencies right; it is reported
    /// as a hazard either way. Derived (SPEC §2 latency methodology).
    public var cpuLoadsWaitForAcceleratorStores: Bool = true
    /// Cycles added to that wait: on hardware the load returns stale data and a
    /// polling loop sees the word only on a later iteration, so a poll ends up
    /// to one loop period after the word lands. Calibrated: 3 gives the two
    /// measured latencies of SPEC §2 (lone `mst.w` 19, `mmasa.w` + `mst.w` 26)
    /// with the RTL-derived accelerator timings (the store's last row is
    /// written 9 cycles after acceptance). Both figures fit a poll loop of
    /// period 5 (lw, load-use, taken branch) if each offload costs the CPU 2
    /// cycles, which the cv32e40px source does not show; this parameter is the
    /// model's single place for that unexplained difference, and it only
    /// affects loads racing with an in-flight `mst.w`.
    public var storeWaitExtra: UInt64 = 3
    /// Hazards and errata kept in full in the report (the counts are always exact).
    public var maxReported: Int = 100

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CheckConfig()
        errata = try c.value(.errata, or: d.errata)
        hazards = try c.value(.hazards, or: d.hazards)
        cpuLoadsWaitForAcceleratorStores = try c.value(.cpuLoadsWaitForAcceleratorStores,
                                                       or: d.cpuLoadsWaitForAcceleratorStores)
        storeWaitExtra = try c.value(.storeWaitExtra, or: d.storeWaitExtra)
        maxReported = try c.value(.maxReported, or: d.maxReported)
    }
}

extension KeyedDecodingContainer {
    /// The decoded value of `key`, or `fallback` when the key is absent.
    func value<T: Decodable>(_ key: Key, or fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback
    }
}
