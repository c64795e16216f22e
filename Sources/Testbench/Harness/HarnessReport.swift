/// What a harness program found, decoded from its run.
///
/// In memory, `uint32_t rvm_bench_report[7]` holds, in order: the magic
/// `0x52564D42` ("RVMB", written last, so it proves the check ran), the
/// mcycle count, the minstret count (`0xFFFF_FFFF` if not measured), the
/// number of wrong outputs, and for the first wrong one its flat index
/// (`o*N + j`; `0xFFFF_FFFF` if none), the value found and the value expected.
public struct HarnessReport: Sendable, Hashable {
    public static let magic: UInt32 = 0x5256_4D42
    public static let wordCount = 7
    static let notMeasured: UInt32 = 0xFFFF_FFFF
    /// Exit values with this bit set mean "wrong result" on X-HEEP.
    public static let failureFlag: UInt32 = 0x8000_0000

    public struct Mismatch: Sendable, Hashable {
        public var index: Int
        public var found: Int32
        public var expected: Int32
    }

    /// The kernel's mcycle count; nil only when a wrong result was reported
    /// through the exit value alone.
    public var cycles: UInt32?
    public var instret: UInt32?
    public var mismatches: UInt32
    public var firstMismatch: Mismatch?

    public var correct: Bool { mismatches == 0 }

    /// Reads the report symbol if the runner returned it, else falls back on
    /// the platform's exit convention (and the console line on QEMU).
    public static func decode(_ outcome: RunOutcome, platform: HarnessPlatform) throws(HarnessError) -> HarnessReport {
        guard outcome.stopReason == .exited else {
            throw .programDidNotFinish(outcome.stopReason.description)
        }
        guard let exitValue = outcome.exitValue else {
            throw .programDidNotFinish("the run ended without an exit value")
        }
        let report: HarnessReport
        if let words = outcome.words(of: HarnessSymbols.report) {
            report = try fromMemory(words)
        } else if platform == .qemuVirt {
            report = try fromConsole(outcome.console)
        } else {
            report = fromExitValue(exitValue)
        }
        try report.checkAgrees(withExitValue: exitValue, platform: platform)
        return report
    }

    static func fromMemory(_ words: [UInt32]) throws(HarnessError) -> HarnessReport {
        guard words.count >= wordCount else {
            throw .unreadableReport("\(HarnessSymbols.report) has \(words.count) words, expected \(wordCount)")
        }
        guard words[0] == magic else {
            throw .unreadableReport("\(HarnessSymbols.report) lacks its magic word (found 0x\(String(words[0], radix: 16))): the check never completed")
        }
        var mismatch: Mismatch?
        if words[4] != notMeasured {
            mismatch = Mismatch(index: Int(words[4]), found: Int32(bitPattern: words[5]), expected: Int32(bitPattern: words[6]))
        }
        return HarnessReport(cycles: words[1], instret: words[2] == notMeasured ? nil : words[2],
                             mismatches: words[3], firstMismatch: mismatch)
    }

    static func fromExitValue(_ value: UInt32) -> HarnessReport {
        if value & failureFlag != 0 {
            return HarnessReport(cycles: nil, instret: nil, mismatches: value & ~failureFlag, firstMismatch: nil)
        }
        return HarnessReport(cycles: value, instret: nil, mismatches: 0, firstMismatch: nil)
    }

    /// QEMU prints the report symbol like every other one.
    static func fromConsole(_ console: String) throws(HarnessError) -> HarnessReport {
        guard let bytes = ConsoleSymbolDump.parse(console)[HarnessSymbols.report] else {
            throw .unreadableReport("no \(HarnessSymbols.report) line on the console")
        }
        return try fromMemory(RunOutcome.littleEndianWords(bytes))
    }

    func checkAgrees(withExitValue value: UInt32, platform: HarnessPlatform) throws(HarnessError) {
        let expected: UInt32
        switch platform {
        case .qemuVirt:
            expected = correct ? 0 : 1
        case .xheep:
            expected = correct ? min(cycles ?? 0, ~HarnessReport.failureFlag)
                : HarnessReport.failureFlag | min(mismatches, ~HarnessReport.failureFlag)
        }
        guard value == expected else {
            throw .unreadableReport("exit value 0x\(String(value, radix: 16)) contradicts the report (expected 0x\(String(expected, radix: 16)))")
        }
    }
}

/// The QEMU harness's `rvm-bench-symbol NAME WORD...` console lines.
public enum ConsoleSymbolDump {
    public static let linePrefix = "rvm-bench-symbol "

    /// Bytes of every dumped symbol, little-endian like RV32 memory.
    public static func parse(_ console: String) -> [String: [UInt8]] {
        var symbols: [String: [UInt8]] = [:]
        for line in console.split(whereSeparator: \.isNewline) where line.hasPrefix(linePrefix) {
            let fields = line.dropFirst(linePrefix.count).split(separator: " ")
            guard let name = fields.first else { continue }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(4 * (fields.count - 1))
            for field in fields.dropFirst() {
                guard let word = UInt32(field, radix: 16) else { break }
                for shift in [0, 8, 16, 24] as [UInt32] { bytes.append(UInt8(truncatingIfNeeded: word >> shift)) }
            }
            symbols[String(name)] = bytes
        }
        return symbols
    }
}
