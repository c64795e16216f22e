/// The CPU's instruction fetch competing with its own data port for an SRAM bank.
///
/// X-HEEP's system crossbar (hw/core-v-mini-mcu/system_xbar.sv, `xbar_varlat`
/// with one round-robin `rr_arb_tree` per bank) serves one master per bank per
/// cycle; the core's instruction port (CORE_INSTR_IDX 0) and data port
/// (CORE_DATA_IDX 1) are separate masters. After a taken branch the cv32e40p
/// prefetcher (cv32e40p_prefetch_controller.sv) fetches exactly as fast as the
/// core consumes, one word per cycle with nothing buffered, so a load or store in
/// EX that takes the bank of the code is granted first (the arbiter's pointer
/// sits past the instruction port, which requested every cycle before) and the
/// fetch issued in that cycle, for the instruction three after the access,
/// arrives one cycle late: a one-cycle bubble before that instruction. When one
/// of the two instructions after the access redirects the fetch (a taken branch
/// or jump), the late word was on the wrong path and nothing is lost. When the
/// access or an instruction between it and the late one holds the ID stage for
/// a cycle or more, the prefetcher buffers a word meanwhile (its request
/// condition `fifo_cnt_i + cnt_q < DEPTH`, DEPTH 2, allows one buffered word
/// beside one in flight) and the delay is hidden.
///
/// This matters for code and static buffers in the same contiguous bank (e.g.
/// an im2col buffer in .bss next to .text): each CPU store to it costs a cycle.
struct FetchConflict: Sendable {
    /// The bytes of the bank (or interleaved region) holding the code last seen,
    /// for the cheap test on the fast path: accesses outside never conflict.
    private(set) var codeBase: UInt32 = 0
    private(set) var codeSize: UInt32 = 0
    private var bankless = false
    /// Watching for the instruction whose fetch was delayed: the PC expected next
    /// and the delayed one (0: not watching).
    private var expected: UInt32 = 0
    private var delayed: UInt32 = 0
    /// Delays of earlier accesses still pending in the straight-line fetch
    /// stream (each access takes one more cycle from it).
    private var earlier: UInt64 = 0

    var watching: Bool { delayed != 0 }

    /// Whether a data access at `address` by the instruction at `pc` may meet the
    /// fetch (same bank region as the code); refreshes the cached code region.
    @inline(__always) mutating func mayConflict(pc: UInt32, address: UInt32, banks: BankMap) -> Bool {
        if pc &- codeBase >= codeSize {
            let region = banks.bankRange(containing: pc)
            // Code outside every bank (e.g. another platform's RAM) meets no bank:
            // cache a 64 KiB window around it so its accesses keep the fast path.
            bankless = region.size == 0
            (codeBase, codeSize) = bankless ? (pc & 0xFFFF_0000, 0x1_0000) : (region.base, region.size)
        }
        return !bankless && address &- codeBase < codeSize
    }

    /// A data access granted without stalling at `pc`: the fetch for pc + 12 is
    /// delayed when it targets the same bank.
    mutating func dataAccess(pc: UInt32, address: UInt32, banks: BankMap) {
        let target = pc &+ 12
        let bank = banks.bank(of: address)
        guard bank != BankMap.none && banks.bank(of: target) == bank else { return }
        earlier = delayed != 0 ? earlier + 1 : 0
        expected = pc &+ 4
        delayed = target
    }

    /// The instruction at `pc`, retired while watching, took `cycles` in all: a
    /// stall between the access and the late fetch hides the delay.
    mutating func settle(pc: UInt32, cycles: UInt64) {
        if cycles > 1 && pc &+ 4 == expected && pc != delayed &- 12 { delayed = 0; earlier = 0 }
    }

    /// Called for each instruction retired while watching: the bubble (0 or 1
    /// cycle) to charge before it issues.
    mutating func next(pc: UInt32) -> UInt64 {
        guard pc == expected else {          // the path changed: the late word was not used
            delayed = 0
            earlier = 0
            return 0
        }
        if pc == delayed {
            delayed = 0
            defer { earlier = 0 }
            return 1 + earlier
        }
        expected = pc &+ 4
        return 0
    }
}
