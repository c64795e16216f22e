import Testing
@testable import Simulator

// CPU loops. `measure` counts every instruction from the mcycle write
// (csrw mcycle: 4 cycles, a slow CSR) up to the mcycle read, so each expected
// value is 4 + the body's cycles, derived from TimingConfig.cpu defaults.

let scratch: UInt32 = 0x100   // contiguous bank 0, away from any accelerator traffic

@Test func testLoadUseStall() {
    // lw t0 (1) + addi t1, t0 (1 + 1 load-use) = 3 per pair (RVM-SPEC §2 measured 3).
    let dependent = (0..<16).flatMap { _ in
        [Step(word: Enc.lw(X.t0, X.a0, 0), address: scratch), Step(word: Enc.addi(X.t1, X.t0, 1))]
    }
    #expect(measure(dependent) == 4 + 16 * 3)
    // Using another register: no stall, 2 per pair.
    let independent = (0..<16).flatMap { _ in
        [Step(word: Enc.lw(X.t0, X.a0, 0), address: scratch), Step(word: Enc.addi(X.t1, X.t2, 1))]
    }
    #expect(measure(independent) == 4 + 16 * 2)
}

@Test func testTakenBranchLoop() {
    // loop: addi t0, t0, -1 (1); bne t0, zero, loop: taken 3, last iteration not taken 1.
    // 10 iterations: 9 x (1 + 3) + (1 + 1) = 38.
    let loopPC: UInt32 = 0x18C     // pc of the addi after csrrci, csrw (0x180, 0x184) and one addi
    var body = [Step(word: Enc.addi(X.t0, X.zero, 10))]   // 0x188: 1 cycle
    for iteration in 0..<10 {
        body.append(Step(word: Enc.addi(X.t0, X.t0, -1)))
        body.append(Step(word: Enc.bne(X.t0, X.zero, -4), target: iteration < 9 ? loopPC : nil))
    }
    #expect(measure(body) == 4 + 1 + 38)
}

@Test func testJalAndJalr() {
    // Call without dependency: jal ra, f (2); f: addi a0, a0, 1 (1); jalr x0, ra, 0 (2) = 5.
    let f: UInt32 = 0x400
    let plain = (0..<8).flatMap { _ in
        [Step(word: Enc.jal(X.ra, 0x200), target: f), Step(word: Enc.addi(X.a0, X.a0, 1)),
         Step(word: Enc.jalr(0, X.ra, 0), target: 0x190)]
    }
    #expect(measure(plain) == 4 + 8 * 5)
    // jalr whose rs1 the preceding addi wrote: 2 + 1 (jalr dependency): jal 2 + addi 1 + jalr 3 = 6.
    let dependent = (0..<8).flatMap { _ in
        [Step(word: Enc.jal(X.ra, 0x200), target: f), Step(word: Enc.addi(X.t1, X.ra, 0)),
         Step(word: Enc.jalr(0, X.t1, 0), target: 0x190)]
    }
    #expect(measure(dependent) == 4 + 8 * 6)
    // jalr right after a load of its target: jr_stall holds it while the load is in EX
    // and again in WB (cv32e40px_controller.sv: regfile_we_ex_i, regfile_we_wb_i), the
    // target is not forwarded: lw 1 + jalr 2 + 2 = 5.
    let afterLoad = (0..<8).flatMap { _ in
        [Step(word: Enc.lw(X.t1, X.a0, 0), address: scratch), Step(word: Enc.jalr(0, X.t1, 0), target: 0x190)]
    }
    #expect(measure(afterLoad) == 4 + 8 * 5)
}

@Test func testMulAndMulh() {
    let mulh = (0..<16).map { _ in Step(word: Enc.mulh(X.t0, X.a0, X.a1)) }
    #expect(measure(mulh) == 4 + 16 * 5)        // mulh 5 (measured)
    let mul = (0..<16).map { _ in Step(word: Enc.mul(X.t0, X.t0, X.a1)) }
    #expect(measure(mul) == 4 + 16 * 1)         // mul 1, dependent or not (measured)
}

/// (divisor, signed, cycles = 3 + leading zeros of |divisor|; 0 has 32 leading zeros).
struct DivideCase: Sendable, CustomStringConvertible {
    var divisor: UInt32
    var signed: Bool
    var cycles: UInt64
    var description: String { "divisor \(divisor) signed \(signed)" }
}
let divideCases: [DivideCase] = [
    DivideCase(divisor: 1, signed: false, cycles: 3 + 31),
    DivideCase(divisor: 0x8000_0000, signed: false, cycles: 3 + 0),
    DivideCase(divisor: 0x0001_0000, signed: false, cycles: 3 + 15),
    DivideCase(divisor: 0, signed: false, cycles: 35),
    DivideCase(divisor: UInt32(bitPattern: -1), signed: true, cycles: 3 + 31),      // |-1| = 1
    DivideCase(divisor: UInt32(bitPattern: -4096), signed: true, cycles: 3 + 19),   // |-4096| = 0x1000
]

@Test(arguments: divideCases)
func testDivideLatencyFromDivisor(_ c: DivideCase) {
    let word = c.signed ? Enc.div(X.t0, X.a0, X.a1) : Enc.divu(X.t0, X.a0, X.a1)
    let body = (0..<4).map { _ in Step(word: word, operand2: c.divisor) }
    #expect(measure(body) == 4 + 4 * c.cycles)
}

@Test func testMisalignedAccessCostsTwo() {
    let body = [Step(word: Enc.lw(X.t0, X.a0, 0), address: scratch + 2), Step(word: Enc.sw(X.t1, X.a0, 0), address: scratch + 1)]   // t1: no load-use
    #expect(measure(body) == 4 + 2 + 2)
}

@Test func testFastAndSlowCSRs() {
    // csrr of mscratch (0x340) is 1 cycle, of mstatus (0x300) 4 (RVM-SPEC §2 list).
    let body = [Step(word: Enc.csrrs(X.t0, 0x340, 0)), Step(word: Enc.csrrs(X.t0, 0x300, 0))]
    #expect(measure(body) == 4 + 1 + 4)
}
