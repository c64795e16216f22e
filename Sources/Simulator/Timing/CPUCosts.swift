/// The scalar fields of `CPUTimingConfig` (everything but the CSR list), for
/// the per-instruction path: no array inside, so no retain/release per copy.
@usableFromInline struct CPUCosts: Sendable {
    @usableFromInline let alu, mul, mulh, divBase, loadStore, misalignedLoadStore, loadUseStall, jump, jalrDependencyStall: UInt64
    @usableFromInline let branchTaken, branchNotTaken, csrSlow, csrFast, fenceI, fence, mret, trap, wfi, offloadIssue: UInt64

    init(_ c: CPUTimingConfig) {
        alu = c.alu; mul = c.mul; mulh = c.mulh; divBase = c.divBase; loadStore = c.loadStore
        misalignedLoadStore = c.misalignedLoadStore; loadUseStall = c.loadUseStall; jump = c.jump
        jalrDependencyStall = c.jalrDependencyStall; branchTaken = c.branchTaken; branchNotTaken = c.branchNotTaken
        csrSlow = c.csrSlow; csrFast = c.csrFast; fenceI = c.fenceI; fence = c.fence; mret = c.mret
        trap = c.trap; wfi = c.wfi; offloadIssue = c.offloadIssue
    }
}
