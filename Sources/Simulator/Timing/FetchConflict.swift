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
///
/// A few words of state, kept inside `CPUPipeline` so that both the fast path
/// (code-bank accesses granted at once, and the instructions after them) and
/// the full path apply these same rules to the same state. Per instruction:
/// `bubble(before:)` while watching, `delaysFetch` for an access granted at
/// once, then `retired` when either applies. The first two only read, so the
/// fast path can still decline the instruction after asking. Each is a compare
/// or two on cached values; `refresh` (the full path's only) looks the code's
/// bank up when the code leaves the cached region.
@usableFromInline struct FetchConflict: Sendable {
    // Fields are @usableFromInline because `CPUPipeline.retireIfCommon` is @_transparent.

    /// The bytes of the bank (or interleaved region) holding the code last seen:
    /// only accesses there can conflict.
    @usableFromInline var codeBase: UInt32 = 0
    @usableFromInline var codeSize: UInt32 = 0
    /// The code's region interleaves words over this many banks (0: one contiguous bank).
    @usableFromInline var interleave: UInt32 = 0
    /// The code lies outside every bank: no access conflicts with its fetch.
    @usableFromInline var bankless = false
    /// Watching for the instruction whose fetch was delayed: the PC expected next
    /// and the delayed one (0: not watching).
    @usableFromInline var expected: UInt32 = 0
    @usableFromInline var delayed: UInt32 = 0
    /// Delays of earlier accesses still pending in the straight-line fetch
    /// stream (each access takes one more cycle from it).
    @usableFromInline var earlier: UInt64 = 0

    init() {}

    @inlinable var watching: Bool {
        @inline(__always) get { delayed != 0 }
    }

    /// Whether the cached code region holds `pc` (else `refresh` first).
    @inlinable @inline(__always) func covers(pc: UInt32) -> Bool {
        pc &- codeBase < codeSize
    }

    /// Caches the bank region holding `pc`.
    mutating func refresh(pc: UInt32, banks: BankMap) {
        let region = banks.bankRange(containing: pc)
        // Code outside every bank (e.g. another platform's RAM) meets no bank:
        // cache a 64 KiB window around it so its accesses keep the fast path.
        bankless = region.size == 0
        (codeBase, codeSize) = bankless ? (pc & 0xFFFF_0000, 0x1_0000) : (region.base, region.size)
        interleave = bankless ? 0 : banks.interleave(at: pc)
    }

    /// The bubble (0 or 1 cycle, more when several accesses delayed the same
    /// word) to charge before the instruction at `pc` issues; 0 unless `watching`.
    @inlinable @inline(__always) func bubble(before pc: UInt32) -> UInt64 {
        pc == delayed && pc == expected ? 1 &+ earlier : 0
    }

    /// Whether a data access at `address` by the instruction at `pc` (which
    /// `covers`), granted without stalling, delays the fetch for pc + 12: it
    /// does when that fetch targets the same bank. (Bank regions do not overlap,
    /// TimingConfig.validate, so the same bank means the code's region and, when
    /// it interleaves, the same word lane.)
    @inlinable @inline(__always) func delaysFetch(pc: UInt32, address: UInt32) -> Bool {
        let target = pc &+ 12
        return !bankless && address &- codeBase < codeSize && target &- codeBase < codeSize
            && (interleave == 0 || sameLane(address, target))
    }

    @usableFromInline func sameLane(_ a: UInt32, _ b: UInt32) -> Bool {
        ((a &- codeBase) >> 2) % interleave == ((b &- codeBase) >> 2) % interleave
    }

    /// The instruction at `pc` retired, `cycles` after it issued (its bubble
    /// included), after a data access that `delaysFetch` when `delaying`.
    /// Nothing to do unless `watching` or `delaying`.
    @inlinable @inline(__always) mutating func retired(pc: UInt32, delaying: Bool, cycles: UInt64) {
        if delayed != 0 { advance(pc: pc) }
        if delaying {
            earlier = delayed != 0 ? earlier &+ 1 : 0
            expected = pc &+ 4
            delayed = pc &+ 12
        }
        // A stall between the access and the late fetch hides the delay.
        if delayed != 0 && cycles > 1 && pc &+ 4 == expected && pc != delayed &- 12 { delayed = 0; earlier = 0 }
    }

    /// Past the instruction at `pc` while watching (its bubble, if any, charged).
    @inlinable @inline(__always) mutating func advance(pc: UInt32) {
        if pc != expected || pc == delayed {
            // The path changed (the late word was not used), or the late word arrived.
            delayed = 0
            earlier = 0
        } else {
            expected = pc &+ 4
        }
    }
}
