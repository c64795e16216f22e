import RISCV

/// Seeded synthetic streams of retire records, standing in for the functional
/// core: for the throughput benchmark (`TimingThroughput`) and for tests that
/// compare model outputs on many different streams. Every record is one the
/// core could report: operands, addresses, branch outcomes and RVM row
/// strides are consistent with the instruction.
public struct SyntheticStream: Sendable {
    /// What share of the stream is what. `rvmPercent` RVM instructions come in
    /// short bursts (as in a kernel's inner loop); the rest is CPU code.
    public struct Mix: Sendable, Equatable {
        public var rvmPercent: Int
        /// Percent of CPU instructions that are loads/stores, branches, mul/div, CSR.
        public var memoryPercent: Int
        public var branchPercent: Int
        public var mulDivPercent: Int
        public var csrPercent: Int
        /// Percent of memory accesses going to the accelerator's interleaved banks.
        public var interleavedPercent: Int

        public init(rvmPercent: Int, memoryPercent: Int = 25, branchPercent: Int = 12, mulDivPercent: Int = 3,
                    csrPercent: Int = 1, interleavedPercent: Int = 30) {
            self.rvmPercent = rvmPercent
            self.memoryPercent = memoryPercent
            self.branchPercent = branchPercent
            self.mulDivPercent = mulDivPercent
            self.csrPercent = csrPercent
            self.interleavedPercent = interleavedPercent
        }

        /// An RVM kernel: about 8% RVM instructions, the rest im2col/loop code.
        public static let kernel = Mix(rvmPercent: 8)
        /// Plain CPU code, no RVM instruction.
        public static let cpuOnly = Mix(rvmPercent: 0, interleavedPercent: 0)
    }

    /// SplitMix64: tiny, fast, and the same sequence on every platform.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func percent(_ p: Int) -> Bool { below(100) < p }
    }

    public static func records(count: Int, mix: Mix, seed: UInt64) -> [RetireRecord] {
        var g = Generator(state: seed)
        var out: [RetireRecord] = []
        out.reserveCapacity(count)
        var pc: UInt32 = 0x180
        var burst = 0
        /// Base of the latest mld.w/mst.w: CPU code now and then touches it (im2col
        /// rewrites, polling), which exercises the hazard detector.
        var lastTile: UInt32 = 0x1_0000
        func emit(_ inst: Instruction, address: UInt32 = 0, operand2: UInt32 = 0, next: UInt32? = nil,
                  trapped: Bool = false) {
            var full = inst
            full.word = inst.opcode == .illegal ? inst.word : ((try? encode(inst)) ?? 0)
            var r = RetireRecord()
            r.pc = pc
            r.instruction = full
            r.address = address
            r.operand2 = operand2
            r.nextPC = next ?? pc &+ 4
            r.trapped = trapped
            out.append(r)
            pc = r.nextPC & 0xFFFC
        }
        func gpr() -> UInt8 { UInt8(1 + g.below(15)) }
        func dataAddress(_ size: UInt32) -> UInt32 {
            let roll = g.below(100)
            var a: UInt32
            if mix.rvmPercent > 0 && g.percent(3) { a = lastTile &+ UInt32(g.below(16)) * 4 }
            else if roll < mix.interleavedPercent { a = 0x1_0000 + UInt32(g.below(0x1000)) * 4 }
            else if roll < 97 { a = UInt32(g.below(0x4000)) * 4 }      // both contiguous banks
            else { a = 0x2000_0000 + UInt32(g.below(16)) * 4 }         // a peripheral: no bank
            a &= ~(size - 1)
            if size > 1 && g.percent(2) { a &+= 1 }                    // now and then misaligned
            return a
        }

        while out.count < count {
            if burst > 0 || (mix.rvmPercent > 0 && g.percent(mix.rvmPercent / 4)) {
                if burst == 0 { burst = 2 + g.below(7) }
                burst -= 1
                let roll = g.below(100)
                let tile = UInt8(g.below(8))
                if roll < 35 {
                    let base: UInt32 = g.percent(85) ? 0x1_0000 + UInt32(g.below(0x100)) * 64
                                                     : 0x8000 + UInt32(g.below(0x100)) * 64
                    let stride: UInt32 = [16, 16, 64, 256, 20][g.below(5)]
                    let store = roll < 10
                    lastTile = base
                    let op: Opcode = store ? .mstW : .mldW
                    let t = store && g.percent(95) ? UInt8(1 + g.below(7)) : tile
                    emit(Instruction(opcode: op, rd: t, rs1: gpr(), rs2: gpr(), word: 0), address: base, operand2: stride)
                } else if roll < 45 {
                    emit(Instruction(opcode: .mzero, rd: tile, word: 0))
                } else {
                    let ops: [Opcode] = [.mmasaW, .mmasaW, .mmasaW, .mmadaH, .mmaqaB, .fmmaccS]
                    var ms2 = UInt8(g.below(8))
                    let ms1 = UInt8(g.below(8))
                    if ms1 == ms2 && g.percent(90) { ms2 = (ms2 + 1) & 7 }
                    emit(Instruction(opcode: ops[g.below(ops.count)], rd: tile, rs1: ms1, rs2: ms2, word: 0))
                }
                continue
            }
            var roll = g.below(100)
            if roll < mix.memoryPercent {
                let loads: [Opcode] = [.lw, .lw, .lw, .lh, .lhu, .lb, .lbu]
                let stores: [Opcode] = [.sw, .sw, .sh, .sb]
                if g.percent(65) {
                    let op = loads[g.below(loads.count)]
                    emit(Instruction(opcode: op, rd: gpr(), rs1: gpr(), word: 0), address: dataAddress(accessSize(op)))
                } else {
                    let op = stores[g.below(stores.count)]
                    emit(Instruction(opcode: op, rs1: gpr(), rs2: gpr(), word: 0), address: dataAddress(accessSize(op)))
                }
                continue
            }
            roll -= mix.memoryPercent
            if roll < mix.branchPercent {
                let kind = g.below(10)
                if kind < 7 {
                    let ops: [Opcode] = [.beq, .bne, .blt, .bge, .bltu, .bgeu]
                    let taken = g.percent(60)
                    let target: UInt32 = 0x180 + UInt32(g.below(0x800)) * 4
                    emit(Instruction(opcode: ops[g.below(ops.count)], rs1: gpr(), rs2: gpr(), imm: 8, word: 0),
                         next: taken ? target : nil)
                } else if kind < 9 {
                    emit(Instruction(opcode: .jal, rd: g.percent(50) ? 1 : 0, imm: 16, word: 0),
                         next: 0x180 + UInt32(g.below(0x800)) * 4)
                } else {
                    emit(Instruction(opcode: .jalr, rd: 0, rs1: gpr(), word: 0), next: 0x180 + UInt32(g.below(0x800)) * 4)
                }
                continue
            }
            roll -= mix.branchPercent
            if roll < mix.mulDivPercent {
                let ops: [Opcode] = [.mul, .mul, .mul, .mul, .mul, .mulh, .mulhu, .div, .divu, .remu]
                let divisor: UInt32 = [0, 1, 3, 0x8000_0000, 0xFFFF_FFFF, 0x1234, UInt32(truncatingIfNeeded: g.next())][g.below(7)]
                emit(Instruction(opcode: ops[g.below(ops.count)], rd: gpr(), rs1: gpr(), rs2: gpr(), word: 0),
                     operand2: divisor)
                continue
            }
            roll -= mix.mulDivPercent
            if roll < mix.csrPercent {
                let csr: Int32 = [0xB00, 0x340, 0x300, 0xC00][g.below(4)]
                emit(Instruction(opcode: .csrrs, rd: gpr(), rs1: 0, imm: csr, word: 0))
                continue
            }
            if g.below(2000) == 0 {
                emit(Instruction(opcode: .ecall, word: 0), next: 0x0, trapped: true)
                continue
            }
            let ops: [Opcode] = [.addi, .addi, .addi, .add, .sub, .slli, .andi, .xor, .lui, .auipc, .sltu]
            let op = ops[g.below(ops.count)]
            switch op {
            case .lui, .auipc: emit(Instruction(opcode: op, rd: gpr(), imm: 0x1000, word: 0))
            case .slli: emit(Instruction(opcode: op, rd: gpr(), rs1: gpr(), imm: 2, word: 0))
            case .addi, .andi: emit(Instruction(opcode: op, rd: gpr(), rs1: gpr(), imm: 1, word: 0))
            default: emit(Instruction(opcode: op, rd: gpr(), rs1: gpr(), rs2: gpr(), word: 0))
            }
        }
        return out
    }
}
