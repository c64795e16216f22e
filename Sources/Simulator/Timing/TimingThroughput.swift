import Foundation
import RISCV

/// Cost of the timing model per retired instruction, for `rvm bench-sim`: feeds
/// a fixed stream of retire records through `TimingModel.retire` and reports
/// nanoseconds per record: the time the timed mode adds to each instruction the
/// functional core executes (the `NoTiming` observer adds none; it compiles to
/// a counter increment).
///
///     let r = TimingThroughput.measure(.kernelLoop)
///     print(r.nanosecondsPerRecord)
public enum TimingThroughput {
    /// The streams measured.
    public enum Workload: String, CaseIterable, Sendable {
        /// A fixed loop of 76 records: ALU (52), loads (8, half followed by a
        /// use), stores (4), branches (4, 3 taken), mul (4), RVM (6: mld.w,
        /// mmasa.w, mst.w twice): 8% RVM, the accelerator never idle.
        case kernelLoop = "kernel-loop"
        /// 4096 records of `SyntheticStream.Mix.kernel` (seed 1), repeated (a
        /// loop body that stays in cache, as code does): about 8% RVM in bursts, the
        /// rest loads/stores, branches, mul/div and ALU.
        case kernelMix = "kernel-mix"
        /// 4096 records of `SyntheticStream.Mix.cpuOnly` (seed 1), repeated: no RVM at all.
        case cpuOnly = "cpu-only"
    }

    public struct Result: Sendable {
        public var workload: Workload
        public var records: Int
        public var seconds: Double
        /// Model cycles at the end (keeps the work observable; also a sanity figure).
        public var cycles: UInt64
        public var nanosecondsPerRecord: Double { records == 0 ? 0 : seconds * 1e9 / Double(records) }
        public var recordsPerSecond: Double { seconds == 0 ? 0 : Double(records) / seconds }
    }

    /// The records of `workload` (one pass; `measure` repeats them).
    public static func records(_ workload: Workload) -> [RetireRecord] {
        switch workload {
        case .kernelLoop: return mix()
        case .kernelMix: return SyntheticStream.records(count: 4096, mix: .kernel, seed: 1)
        case .cpuOnly: return SyntheticStream.records(count: 4096, mix: .cpuOnly, seed: 1)
        }
    }

    /// Runs at least `count` records of `workload` through a fresh `TimingModel`.
    public static func measure(_ workload: Workload, count: Int = 20_000_000,
                               config: TimingConfig = TimingConfig()) -> Result {
        let stream = records(workload)
        var model = TimingModel(config: config)
        let start = DispatchTime.now().uptimeNanoseconds
        var done = 0
        while done < count {
            for r in stream { model.retire(r) }
            done += stream.count
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let report = model.finish()
        return Result(workload: workload, records: done, seconds: seconds, cycles: report.cycles)
    }

    /// Records per second through `TimingModel.retire` on the kernel loop.
    public static func recordsPerSecond(count: Int = 20_000_000, config: TimingConfig = TimingConfig()) -> Double {
        measure(.kernelLoop, count: count, config: config).recordsPerSecond
    }

    /// The kernel loop's 76 records.
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
}
