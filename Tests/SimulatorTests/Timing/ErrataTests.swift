import Testing
@testable import Simulator

@Test func testErrataWarnedWithPCAndInstruction() {
    var h = Harness()
    h.run([mmasa(md: 2, ms1: 0, ms2: 1), mst(0), mmasa(md: 3, ms1: 1, ms2: 1)])
    let report = h.model.finish()
    #expect(report.errataCount == 2)
    #expect(report.errata.map(\.kind) == [.storeOfM0, .sameSourceRegisters])
    #expect(report.errata.map(\.pc) == [0x184, 0x188])
    #expect(report.errata.first?.instruction == Enc.mst(0, X.a0, X.a1))
    #expect(h.model.failure == nil)
}

@Test func testErrataErrorModeFailsAndOffModeIsSilent() {
    var strict = TimingConfig()
    strict.checks.errata = .error
    var h = Harness(strict)
    h.run([mmasa(md: 3, ms1: 1, ms2: 1)])
    #expect(h.model.failure == .erratum(Erratum(kind: .sameSourceRegisters, pc: 0x180,
                                                instruction: Enc.mmasa(md: 3, ms1: 1, ms2: 1))))
    var off = TimingConfig()
    off.checks.errata = .off
    var quiet = Harness(off)
    quiet.run([mst(0)])
    #expect(quiet.model.finish().errataCount == 0)
    // Other matrix instructions with distinct sources and stores of m1..m7 are fine.
    var clean = Harness()
    clean.run([mmasa(md: 2, ms1: 0, ms2: 1), mst(7)])
    #expect(clean.model.finish().errataCount == 0)
}
