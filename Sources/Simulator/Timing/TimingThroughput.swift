import Foundation
import RISCV

/// Cost of the timing model per retired instruction, for `rvm bench-sim`:
/// feeds a fixed synthetic mix (ALU, loads/stores, taken branches, mul, RVM
/// tile work) through `retire` and reports records per second. Predicts the
/// timed-mode slowdown over the functional mode.
public enum TimingThroughput {
    /// A loop-like mix of 76 records: ALU (52), loads (8, half followed by a
    /// use), stores (4), branches (4, 3 taken), mul (4), RVM (6: mld.w, mmasa.w, mst.w twice).
    public static func mix() -> [RetireRecord] {
        var records: [RetireRecord] = []
        var pc: UInt32 = 0x180
        func add(_ word: UInt32, address: UInt32 = 0, operand2: UInt32 = 0, taken: Bool = false) {
            var r = RetireRecord()
            r.pc = pc
            r.instruction = RISCV.decode(word)
            r.address = address
            r.operand2 = operand2
            r.nextPC = taken ? 0x180 : pc &+ 4
            records.append(r)
            pc = r.nextPC
        }
        for block in 0..<4 {
            for i in 0..<10 { add(0x0010_0293 | UInt32(i % 8) << 7) }              // addi
            add(0x0005_2283, address: 0x100 + UInt32(8 * block))                   // lw t0, 0(a0)
            add(0x0012_8313)                                                        // addi t1, t0, 1 (load-use)
            add(0x0065_2023, address: 0x200 + UInt32(4 * block))                   // sw t1, 0(a0)
            add(0x0005_2383, address: 0x300)                                        // lw t2, 0(a0)
            add(0x02B5_0533)                                                        // mul a0, a0, a1
            if block % 2 == 0 {
                add(0x04B5_082B | 1 << 7, address: 0x1_0000, operand2: 16)          // mld.w m1, (a0), a1
                add(0xF000_082B | 0 << 21 | 1 << 18 | UInt32(2 + block / 2) << 15)  // mmasa.w
                add(0x0CB5_082B | UInt32(2 + block / 2) << 7, address: 0x1_0800, operand2: 16)  // mst.w
            } else {
                for _ in 0..<3 { add(0x0010_0293) }
            }
            add(0xFE03_1EE3, taken: block != 3)                                     // bne t1, zero
        }
        return records
    }

    /// Records per second through `TimingModel.retire` for `count` records.
    public static func recordsPerSecond(count: Int = 20_000_000, config: TimingConfig = TimingConfig()) -> Double {
        let records = mix()
        var model = TimingModel(config: config)
        let start = DispatchTime.now().uptimeNanoseconds
        var i = 0
        while i < count {
            for r in records { model.retire(r) }
            i += records.count
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        _ = model.finish()
        return Double(i) / seconds
    }
}
