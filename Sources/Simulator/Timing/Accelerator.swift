import RISCV

/// Quadrilatero as a structural timing model: the input buffer, the in-order
/// dispatcher (WAW stall, token FIFOs, unit issue queues), and the three units
/// running concurrently (systolic array, LSU, permutation unit), each streaming
/// one tile row per cycle with RAW/WAR tracked per row.
///
/// Each offloaded instruction is scheduled once, when the CPU offers it: every
/// constraint it depends on comes from instructions offloaded before it, so its
/// timestamps are final. Bank accesses of the LSU are reserved in `slots`, where
/// the CPU's data port then finds them (see TimingModel), and unit busy
/// intervals go to `busy`.
struct Accelerator: Sendable {
    let config: AcceleratorConfig
    let offload: OffloadConfig
    let bankMap: BankMap

    var slots = CycleSlots()
    var busy = BusyAccounting()
    var scoreboard: TileScoreboard

    /// Dispatch (pop) cycle of the last `inputBufferDepth` offloaded instructions.
    private var bufferPops: WordArray
    private(set) var offloaded: UInt64 = 0
    /// The dispatcher can pop the next instruction from this cycle: the previous
    /// pop plus `dispatchInterval`, and not before the previous instruction's
    /// operand tokens were all pushed (it stays in PUSH_OPERANDS until `done`,
    /// rtl/quadrilatero_dispatcher.sv).
    private var dispatcherFree: UInt64 = 0

    /// Unit state: the cycle each can start its next instruction, and the start
    /// cycles of the last `unitQueueSlots` instructions (an issue-queue slot frees
    /// when its instruction starts, see `AcceleratorConfig.unitQueueSlots`).
    private var saFree: UInt64 = 0
    private var lsuFree: UInt64 = 0
    /// The LSU has one bus port: a row request waits for the previous instruction's last grant.
    private var lsuPortFree: UInt64 = 0
    private var puFree: UInt64 = 0
    private var saStarts: WordArray
    private var lsuStarts: WordArray
    private var saCount = 0
    private var lsuCount = 0
    /// The LSU's load FIFO (rd_head + fifo_v3): grant and register-file write
    /// cycles of the last loaded rows, oldest first, and the last row write.
    private var loadRows = LoadRowWindow()
    private var lsuLastWrite: UInt64 = 0

    /// Numbers the LSU's rows (from 1), so a CPU access can tell where one row's words end.
    private var rowSerial: UInt64 = 0

    /// The latest finish of any instruction (drain end).
    private(set) var lastFinish: UInt64 = 0

    init(config: AcceleratorConfig, offload: OffloadConfig, banks: [BankRegion]) {
        self.config = config
        self.offload = offload
        self.bankMap = BankMap(banks)
        scoreboard = TileScoreboard(tokenDepth: config.rowTokenDepth)
        bufferPops = WordArray(count: offload.inputBufferDepth)
        saStarts = WordArray(count: config.unitQueueSlots)
        lsuStarts = WordArray(count: config.unitQueueSlots)
    }

    /// Schedules one RVM instruction that the CPU offers at cycle `issue`.
    /// `base`/`stride` are the GPR operands of mld.w/mst.w.
    mutating func offer(_ inst: Instruction, klass: InstructionClass, base: UInt32, stride: UInt32,
                        issue: UInt64) -> AcceleratorSchedule {
        var s = AcceleratorSchedule()
        slots.begin(present: issue)
        scoreboard.makeUnique()
        bufferPops.makeUnique()
        saStarts.makeUnique()
        lsuStarts.makeUnique()
        busy.settle(before: issue)
        let depth = bufferPops.count
        let slot = Int(offloaded % UInt64(depth))
        // Input buffer: a slot is free once the instruction `depth` back was popped.
        s.accept = offloaded >= UInt64(depth) ? max(issue, bufferPops[slot] + offload.slotReuse) : issue
        // In-order dispatcher.
        var pop = max(s.accept + offload.acceptToDispatch, dispatcherFree)

        let pushed: UInt64
        switch klass {
        case .rvmMatmul:
            pushed = scheduleMatmul(inst, pop: &pop, into: &s)
        case .rvmLoad:
            pushed = scheduleLoad(inst, base: base, stride: stride, pop: &pop, into: &s)
        case .rvmStore:
            pushed = scheduleStore(inst, base: base, stride: stride, pop: &pop, into: &s)
        default:
            pushed = scheduleZero(inst, pop: &pop, into: &s)
        }
        s.dispatch = pop
        bufferPops[slot] = pop
        dispatcherFree = max(pop + config.dispatchInterval, pushed)
        offloaded += 1
        busy.add(s.unit, from: s.start, to: s.busyEnd)
        let port = slots.claimResultPort(from: s.finish, unit: s.unit)
        s.finish = port.cycle
        lastFinish = max(lastFinish, s.finish, port.moved)
        return s
    }

    /// The cycle the dispatcher has pushed the token of `register` for an
    /// instruction popped at `pop`: from the next cycle, once the register's
    /// token FIFO has room. A full FIFO does not hold the instruction back (it
    /// is already on its way to its unit); it holds the next pop (the dispatcher
    /// retries the push in PUSH_OPERANDS, rtl/quadrilatero_dispatcher.sv `back_push_op*`).
    @inline(__always) private func tokenPush(_ register: Int, pop: UInt64) -> UInt64 {
        max(pop + 1, scoreboard.tokenFree(register))
    }

    /// Earliest pop for an instruction of a unit whose issue queue holds
    /// `unitQueueSlots` instructions, each leaving it `delay` cycles after its start.
    @inline(__always) private static func queueFree(_ starts: WordArray, _ count: Int, delay: UInt64) -> UInt64 {
        count >= starts.count ? starts[count % starts.count] + delay : 0
    }

    // MARK: systolic array (mmasa.w, mmada.h, mmaqa.b, fmmacc.s)

    private mutating func scheduleMatmul(_ inst: Instruction, pop: inout UInt64,
                                         into s: inout AcceleratorSchedule) -> UInt64 {
        let md = Int(inst.rd & 7), ms1 = Int(inst.rs1 & 7), ms2 = Int(inst.rs2 & 7)
        pop = max(pop, scoreboard.writeClear(md))                               // WAW
        pop = max(pop, Self.queueFree(saStarts, saCount, delay: config.saQueueFreeDelay))
        let pushed = max(tokenPush(md, pop: pop), tokenPush(ms1, pop: pop), tokenPush(ms2, pop: pop))

        var start = max(pop + config.saDispatchToStart, saFree)
        // RAW: row r of ms1, ms2 and the accumulator (md) is fed at start + feed + r.
        // WAR: row r of md is drained (written) at start + drain + r.
        for r in 0..<TileScoreboard.rows {
            let raw = max(scoreboard.written(ms1, r), scoreboard.written(ms2, r), scoreboard.written(md, r))
                + config.rawRowDelay
            let feed = config.saFeedOffset + UInt64(r)
            if raw > start + feed { start = raw - feed }
            let war = scoreboard.read(md, r) + config.warRowDelay
            let drain = config.saDrainOffset + UInt64(r)
            if war > start + drain { start = war - drain }
        }
        for r in 0..<TileScoreboard.rows {
            let feed = start + config.saFeedOffset + UInt64(r)
            scoreboard.noteRead(ms1, r, at: feed)
            scoreboard.noteRead(ms2, r, at: feed)
            scoreboard.noteRead(md, r, at: feed)
            scoreboard.noteWrite(md, r, at: start + config.saDrainOffset + UInt64(r))
        }
        let lastRead = start + config.saFeedOffset + 3
        let lastWrite = start + config.saDrainOffset + 3
        scoreboard.setWriteClear(md, lastWrite + config.scoreboardClearDelay)
        // Tokens: one per distinct register, released when the unit is done with it.
        scoreboard.pushToken(md, releasedAt: lastWrite)
        if ms1 != md { scoreboard.pushToken(ms1, releasedAt: lastRead) }
        if ms2 != md && ms2 != ms1 { scoreboard.pushToken(ms2, releasedAt: lastRead) }

        saStarts[saCount % saStarts.count] = start
        saCount += 1
        saFree = start + config.saRestart
        s.unit = .systolicArray
        s.start = start
        s.busyEnd = saFree
        s.finish = lastWrite + 1
        return pushed
    }

    // MARK: LSU

    /// Reserves the banks of the 4 words of one row from cycle `request`;
    /// returns the cycle the last word is granted (all 4 channels in parallel,
    /// words in the same bank one per cycle).
    private mutating func accessRow(_ address: UInt32, from request: UInt64) -> UInt64 {
        rowSerial += 1
        // Fast path: four distinct banks, all free at the request.
        let row = bankMap.distinctRowBanks(address)
        if row != 0 && slots.banks(at: request) & row == 0 {
            return slots.reserve(banks: row, from: request, row: rowSerial)
        }
        var granted = request
        for w in 0..<4 {
            let bank = bankMap.bank(of: address &+ UInt32(4 * w))
            if bank == BankMap.none { continue }
            let g = slots.reserve(banks: 1 &<< UInt64(bank), from: request, row: rowSerial)
            if g > granted { granted = g }
        }
        return granted
    }

    private mutating func lsuStarted(_ start: UInt64) {
        lsuStarts[lsuCount % lsuStarts.count] = start
        lsuCount += 1
    }

    private mutating func scheduleLoad(_ inst: Instruction, base: UInt32, stride: UInt32,
                                       pop: inout UInt64, into s: inout AcceleratorSchedule) -> UInt64 {
        let md = Int(inst.rd & 7)
        pop = max(pop, scoreboard.writeClear(md))                               // WAW
        pop = max(pop, Self.queueFree(lsuStarts, lsuCount, delay: config.lsuQueueFreeDelay))
        let pushed = tokenPush(md, pop: pop)
        let start = max(pop + config.lsuDispatchToStart, lsuFree, lsuPortFree)
        // Memory reads run ahead into the load FIFO while the register-file
        // writes wait (WAR on the destination, or rows of the previous load
        // still queued): a row is requested only while the FIFO has room.
        var request = start
        var lastGrant = start
        var firstWrite: UInt64 = 0
        var write = lsuLastWrite
        for r in 0..<TileScoreboard.rows {
            request = loadRows.firstRequest(from: request, maxHeld: config.lsuLoadFifoRows)
            let grant = accessRow(base &+ UInt32(r) &* stride, from: request)
            s.setRow(r, grant)
            lastGrant = grant
            request = grant + 1
            // One register-file write per cycle, in FIFO order; WAR per row.
            var w = max(grant + config.lsuLoadWriteback, write + 1)
            w = max(w, scoreboard.read(md, r) + config.warRowDelay)
            write = w
            if r == 0 { firstWrite = w }
            loadRows.append(grant: grant, write: w)
            scoreboard.noteWrite(md, r, at: w)
        }
        lsuLastWrite = write
        scoreboard.setWriteClear(md, write + config.scoreboardClearDelay)
        scoreboard.pushToken(md, releasedAt: write)
        lsuStarted(start)
        // The LSU takes its next instruction once its requests are done (last
        // rvalid + registered controller start) and row 0 is in the tile
        // (rtl/quadrilatero_register_lsu.sv: busy_o = busy | (load_fifo_data_available
        // & counter_d == '0)); later rows may still wait in the load FIFO.
        lsuFree = max(lastGrant + config.lsuLoadRestart, firstWrite + 1)
        lsuPortFree = lastGrant + 1
        s.unit = .lsu
        s.start = start
        s.busyEnd = max(lsuFree, write + 1)
        s.finish = write + 1
        return pushed
    }

    private mutating func scheduleStore(_ inst: Instruction, base: UInt32, stride: UInt32,
                                        pop: inout UInt64, into s: inout AcceleratorSchedule) -> UInt64 {
        let ms = Int(inst.rd & 7)
        pop = max(pop, Self.queueFree(lsuStarts, lsuCount, delay: config.lsuQueueFreeDelay))
        let pushed = tokenPush(ms, pop: pop)
        let start = max(pop + config.lsuDispatchToStart, lsuFree)
        var read = start
        var request = lsuPortFree
        var lastGrant = start
        for r in 0..<TileScoreboard.rows {
            // RAW on the source row; no tile read while load rows are still queued
            // (rdata_ready_o needs ~load_fifo_data_available); then the row goes
            // through the store FIFO to the bus.
            read = max(start + UInt64(r), scoreboard.written(ms, r) + config.rawRowDelay,
                       r > 0 ? read + 1 : lsuLastWrite + 1)
            scoreboard.noteRead(ms, r, at: read)
            request = max(request, read + config.lsuStoreReadToRequest)
            let grant = accessRow(base &+ UInt32(r) &* stride, from: request)
            s.setRow(r, grant + 1)          // visible to other masters from the next cycle
            lastGrant = grant
            request = grant + 1
        }
        scoreboard.pushToken(ms, releasedAt: read)
        lsuStarted(start)
        // The next instruction starts once the rows are read and the store FIFO
        // has issued its last row (lsu_ready needs store_fifo_empty).
        lsuFree = max(read + config.lsuStoreRestart, lastGrant)
        lsuPortFree = lastGrant + 1
        s.unit = .lsu
        s.start = start
        s.busyEnd = max(lsuFree, lastGrant + 1)
        s.finish = lastGrant + 2             // terminate on the last rvalid, finished_o registered
        return pushed
    }

    // MARK: permutation unit (mzero)

    private mutating func scheduleZero(_ inst: Instruction, pop: inout UInt64,
                                       into s: inout AcceleratorSchedule) -> UInt64 {
        let md = Int(inst.rd & 7)
        pop = max(pop, scoreboard.writeClear(md), puFree)
        let pushed = tokenPush(md, pop: pop)
        let start = pop + config.puDispatchToStart
        var write: UInt64 = 0
        for r in 0..<TileScoreboard.rows {
            var w = start + UInt64(r)
            if r > 0 { w = max(w, write + 1) }
            w = max(w, scoreboard.read(md, r) + config.warRowDelay)
            write = w
            scoreboard.noteWrite(md, r, at: w)
        }
        scoreboard.setWriteClear(md, write + config.scoreboardClearDelay)
        scoreboard.pushToken(md, releasedAt: write)
        puFree = write
        s.unit = .permutationUnit
        s.start = start
        s.busyEnd = write + 1
        s.finish = write + 1
        return pushed
    }
}
