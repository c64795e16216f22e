import RISCV

/// The interpreter: fetch a pre-decoded instruction, dispatch on its opcode,
/// apply the semantics of its family (Semantics/), report it to the timing
/// observer. Generic over the observer so the functional mode (`NoTiming`)
/// compiles to a loop with no timing code at all.
extension Machine {
    /// Runs until the program exits, faults, or the observer's cycle count
    /// reaches `maxCycles`. Can be called again to continue after a cycle limit.
    public func run<Observer: TimingObserver>(observer: inout Observer, maxCycles: UInt64) -> StopReason {
        interpret(&observer, maxCycles: maxCycles)
    }

    /// Functional run (one cycle per instruction).
    public func run(maxCycles: UInt64) -> StopReason {
        var observer = NoTiming()
        return interpret(&observer, maxCycles: maxCycles)
    }

    @inline(__always)
    func interpret<Observer: TimingObserver>(_ observer: inout Observer, maxCycles: UInt64) -> StopReason {
        let x = gpr
        let ram = storage.view
        let tohost = tohostWord
        var pc = self.pc
        var instret = self.instret
        var limit = maxCycles
        var trapRecord = RetireRecord()
        // The observer's per-instruction state, in registers for the whole run
        // (written back before every call into the observer and at the end).
        var fast = observer.fastPath
        defer {
            observer.fastPath = fast
            self.pc = pc
            self.instret = instret
        }
        pendingStop = nil

        while true {
            if fast.cycles >= limit {
                if let stop = pendingStop { return stop }
                return .cycleLimit(fast.cycles)
            }
            let fetchOffset = pc &- ram.base
            guard fetchOffset < ram.size else { return fault(.fetchOutsideMemory, pc: pc) }
            let instruction = ram.slots[Int(fetchOffset >> 2)]
            let rd = Int(instruction.rd)
            let a = x[Int(instruction.rs1)]
            let b = x[Int(instruction.rs2)]
            let imm = UInt32(bitPattern: instruction.imm)
            var next = pc &+ 4

            switch instruction.opcode {
            // Upper immediates and jumps
            case .lui: x[rd] = imm; retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .auipc: x[rd] = pc &+ imm; retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .jal:
                let target = pc &+ imm
                if target & 3 != 0 {
                    guard let handler = enterTrap(cause: TrapCause.instructionAddressMisaligned, value: target, pc: pc)
                    else { return fault(.misalignedJump(target: target), pc: pc, word: instruction.word) }
                    retireTrap(&observer, &fast, &trapRecord, instruction, pc: pc, handler: handler, b: b)
                    pc = handler
                    continue
                }
                x[rd] = next
                next = target
                retired(.jal, &observer, &fast, pc, instruction, next, b)
            case .jalr:
                let target = (a &+ imm) & ~1
                if target & 3 != 0 {
                    guard let handler = enterTrap(cause: TrapCause.instructionAddressMisaligned, value: target, pc: pc)
                    else { return fault(.misalignedJump(target: target), pc: pc, word: instruction.word) }
                    retireTrap(&observer, &fast, &trapRecord, instruction, pc: pc, handler: handler, b: b)
                    pc = handler
                    continue
                }
                x[rd] = next
                next = target
                retired(.jalr, &observer, &fast, pc, instruction, next, b)

            // Branches
            case .beq, .bne, .blt, .bge, .bltu, .bgeu:
                let taken: Bool
                switch instruction.opcode {
                case .beq: taken = Branches.beq(a, b)
                case .bne: taken = Branches.bne(a, b)
                case .blt: taken = Branches.blt(a, b)
                case .bge: taken = Branches.bge(a, b)
                case .bltu: taken = Branches.bltu(a, b)
                default: taken = Branches.bgeu(a, b)
                }
                if taken {
                    let target = pc &+ imm
                    if target & 3 != 0 {
                        guard let handler = enterTrap(cause: TrapCause.instructionAddressMisaligned, value: target, pc: pc)
                        else { return fault(.misalignedJump(target: target), pc: pc, word: instruction.word) }
                        retireTrap(&observer, &fast, &trapRecord, instruction, pc: pc, handler: handler, b: b)
                        pc = handler
                        continue
                    }
                    next = target
                }
                retired(.branch, &observer, &fast, pc, instruction, next, b)

            // Loads
            case .lb, .lh, .lw, .lbu, .lhu:
                let address = a &+ imm
                let value: UInt32?
                switch instruction.opcode {
                case .lw: value = load(ram, address, size: 4)
                case .lh: value = load(ram, address, size: 2).map(LoadExtension.half)
                case .lhu: value = load(ram, address, size: 2)
                case .lb: value = load(ram, address, size: 1).map(LoadExtension.byte)
                default: value = load(ram, address, size: 1)
                }
                guard let value else {
                    let kind = accessFault(address, size: Self.accessSize(instruction.opcode), store: false)
                    return fault(kind, pc: pc, word: instruction.word)
                }
                x[rd] = value
                retired(.load, &observer, &fast, pc, instruction, next, b, address: address)

            // Stores
            case .sb, .sh, .sw:
                let address = a &+ imm
                let size: UInt32 = instruction.opcode == .sw ? 4 : (instruction.opcode == .sh ? 2 : 1)
                switch store(ram, address, size: size, value: b, tohostWord: tohost) {
                case .done: break
                case .stop: limit = 0
                case .fault: return fault(accessFault(address, size: Int(size), store: true), pc: pc, word: instruction.word)
                }
                retired(.store, &observer, &fast, pc, instruction, next, b, address: address)

            // Register-immediate
            case .addi: x[rd] = IntegerArithmetic.add(a, imm); retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .slti: x[rd] = IntegerArithmetic.slt(a, imm); retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .sltiu: x[rd] = IntegerArithmetic.sltu(a, imm); retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .xori: x[rd] = IntegerArithmetic.xor(a, imm); retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .ori: x[rd] = IntegerArithmetic.or(a, imm); retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .andi: x[rd] = IntegerArithmetic.and(a, imm); retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .slli: x[rd] = IntegerArithmetic.sll(a, imm); retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .srli: x[rd] = IntegerArithmetic.srl(a, imm); retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .srai: x[rd] = IntegerArithmetic.sra(a, imm); retired(.alu, &observer, &fast, pc, instruction, next, b)

            // Register-register
            case .add: x[rd] = IntegerArithmetic.add(a, b); retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .sub: x[rd] = IntegerArithmetic.sub(a, b); retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .sll: x[rd] = IntegerArithmetic.sll(a, b); retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .slt: x[rd] = IntegerArithmetic.slt(a, b); retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .sltu: x[rd] = IntegerArithmetic.sltu(a, b); retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .xor: x[rd] = IntegerArithmetic.xor(a, b); retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .srl: x[rd] = IntegerArithmetic.srl(a, b); retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .sra: x[rd] = IntegerArithmetic.sra(a, b); retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .or: x[rd] = IntegerArithmetic.or(a, b); retired(.alu, &observer, &fast, pc, instruction, next, b)
            case .and: x[rd] = IntegerArithmetic.and(a, b); retired(.alu, &observer, &fast, pc, instruction, next, b)

            // M extension
            case .mul: x[rd] = MultiplyDivide.mul(a, b); retired(.mul, &observer, &fast, pc, instruction, next, b)
            case .mulh: x[rd] = MultiplyDivide.mulh(a, b); retired(.mulh, &observer, &fast, pc, instruction, next, b)
            case .mulhsu: x[rd] = MultiplyDivide.mulhsu(a, b); retired(.mulh, &observer, &fast, pc, instruction, next, b)
            case .mulhu: x[rd] = MultiplyDivide.mulhu(a, b); retired(.mulh, &observer, &fast, pc, instruction, next, b)
            case .div: x[rd] = MultiplyDivide.div(a, b); retired(.div, &observer, &fast, pc, instruction, next, b)
            case .divu: x[rd] = MultiplyDivide.divu(a, b); retired(.div, &observer, &fast, pc, instruction, next, b)
            case .rem: x[rd] = MultiplyDivide.rem(a, b); retired(.div, &observer, &fast, pc, instruction, next, b)
            case .remu: x[rd] = MultiplyDivide.remu(a, b); retired(.div, &observer, &fast, pc, instruction, next, b)

            // Ordering and hints: nothing to do in a sequential model (stores
            // already drop stale decoded instructions, so fence.i is free too).
            case .fence: retired(.fence, &observer, &fast, pc, instruction, next, b)
            case .fenceI: retired(.fenceI, &observer, &fast, pc, instruction, next, b)
            case .wfi: retired(.wfi, &observer, &fast, pc, instruction, next, b)

            // Zicsr
            case .csrrw, .csrrs, .csrrc, .csrrwi, .csrrsi, .csrrci:
                guard let old = executeCSR(instruction, source: a, cycles: fast.cycles, instret: instret) else {
                    guard let handler = enterTrap(cause: TrapCause.illegalInstruction, value: instruction.word, pc: pc)
                    else { return fault(.illegalInstruction, pc: pc, word: instruction.word) }
                    retireTrap(&observer, &fast, &trapRecord, instruction, pc: pc, handler: handler, b: b)
                    pc = handler
                    continue
                }
                x[rd] = old
                retired(.csr, &observer, &fast, pc, instruction, next, b)

            // Privileged
            case .mret:
                next = returnFromTrap()
                retired(.mret, &observer, &fast, pc, instruction, next, b)
            case .ecall:
                guard let handler = enterTrap(cause: TrapCause.environmentCall, value: 0, pc: pc)
                else { return fault(.unhandledTrap(cause: TrapCause.environmentCall), pc: pc, word: instruction.word) }
                retireTrap(&observer, &fast, &trapRecord, instruction, pc: pc, handler: handler, b: b)
                pc = handler
                continue
            case .ebreak:
                if isSemihostingCall(at: pc) {
                    if semihostingCall(cycles: fast.cycles) { limit = 0 }
                    retired(.system, &observer, &fast, pc, instruction, next, b)
                } else {
                    guard let handler = enterTrap(cause: TrapCause.breakpoint, value: pc, pc: pc)
                    else { return fault(.unhandledTrap(cause: TrapCause.breakpoint), pc: pc, word: instruction.word) }
                    retireTrap(&observer, &fast, &trapRecord, instruction, pc: pc, handler: handler, b: b)
                    pc = handler
                    continue
                }

            // RVM
            case .mldW, .mstW:
                let outcome = instruction.opcode == .mldW
                    ? matrixLoad(tile: rd, base: a, stride: b)
                    : matrixStore(tile: rd, base: a, stride: b)
                switch outcome {
                case .done: break
                case .stop: limit = 0
                case .fault(let address):
                    return fault(accessFault(address, size: 4, store: instruction.opcode == .mstW), pc: pc, word: instruction.word)
                }
                retired(instruction.opcode == .mldW ? .rvmLoad : .rvmStore, &observer, &fast, pc, instruction, next, b, address: a)
            case .mzero:
                matrixZero(tile: rd)
                retired(.rvmZero, &observer, &fast, pc, instruction, next, b)
            case .mmasaW:
                MatrixMultiply.int32(tiles, md: rd, ms1: Int(instruction.rs1), ms2: Int(instruction.rs2))
                retired(.rvmMatmul, &observer, &fast, pc, instruction, next, b)
            case .mmadaH:
                MatrixMultiply.int16(tiles, md: rd, ms1: Int(instruction.rs1), ms2: Int(instruction.rs2))
                retired(.rvmMatmul, &observer, &fast, pc, instruction, next, b)
            case .mmaqaB:
                MatrixMultiply.int8(tiles, md: rd, ms1: Int(instruction.rs1), ms2: Int(instruction.rs2))
                retired(.rvmMatmul, &observer, &fast, pc, instruction, next, b)
            case .fmmaccS:
                MatrixMultiply.float32(tiles, md: rd, ms1: Int(instruction.rs1), ms2: Int(instruction.rs2))
                retired(.rvmMatmul, &observer, &fast, pc, instruction, next, b)

            case .illegal:
                // Either a slot not decoded yet (see RAM) or a real illegal word.
                let word = ram.load32(fetchOffset)
                let decoded = decode(word)
                if decoded.opcode != .illegal {
                    ram.slots[Int(fetchOffset >> 2)] = decoded
                    continue
                }
                guard let handler = enterTrap(cause: TrapCause.illegalInstruction, value: word, pc: pc)
                else { return fault(.illegalInstruction, pc: pc, word: word) }
                retireTrap(&observer, &fast, &trapRecord, decoded, pc: pc, handler: handler, b: b)
                pc = handler
                continue
            }

            // Every case that gets here has called `retired`.
            instret &+= 1
            pc = next
        }
    }

    /// Hands an instruction that retired to the observer. `klass` is its timing
    /// class, a constant at every call: the fast path, inlined there, dispatches
    /// on it for free. Transparent so that it and the fast path inline into the
    /// loop whatever its size (see CPUPipeline.retireIfCommon).
    @_transparent
    func retired<Observer: TimingObserver>(_ klass: InstructionClass, _ observer: inout Observer,
                                           _ fast: inout Observer.FastPath, _ pc: UInt32, _ instruction: Instruction,
                                           _ next: UInt32, _ b: UInt32, address: UInt32 = 0) {
        gpr[0] = 0
        var record = RetireRecord()
        record.pc = pc
        record.instruction = instruction
        record.nextPC = next
        record.address = address
        record.operand2 = b
        if !fast.retireIfCommon(record, as: klass) {
            observer.fastPath = fast
            observer.retire(record)
            fast = observer.fastPath
        }
    }

    /// Reports an instruction that trapped (it does not retire: minstret
    /// does not count it, but the observer sees the time it took).
    @inline(__always)
    private func retireTrap<Observer: TimingObserver>(_ observer: inout Observer, _ fast: inout Observer.FastPath,
                                                      _ record: inout RetireRecord,
                                                      _ instruction: Instruction, pc: UInt32, handler: UInt32, b: UInt32) {
        gpr[0] = 0
        record.pc = pc
        record.instruction = instruction
        record.nextPC = handler
        record.operand2 = b
        record.trapped = true
        observer.fastPath = fast
        observer.retire(record)
        fast = observer.fastPath
    }
}
