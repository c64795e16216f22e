import Foundation
import Testing
import TestSupport
@testable import Simulator

/// A seeded mutation fuzzer over valid ELF files built by the cross toolchain
/// (assembly with RVM, C with crt0, picolibc with semihosting). Every mutant
/// must end in a typed error with a one-line message, or load, list and run
/// (functionally and timed, a bounded number of cycles) to a stop the
/// StopReasonOracle accepts. A crash or hang fails the whole test run.
/// See FuzzSettings for deeper runs.
@Suite struct ELFMutationFuzzTests {
    static let cases = FuzzSettings.cases(default: 120)
    static let maxCycles: UInt64 = 2_000

    struct Seed {
        var name: String
        var bytes: [UInt8]
        var platform: Platform
    }

    /// QEMU virt's layout in 256 KiB, so a run allocates little.
    static let smallVirt = Platform(
        name: "virt-small",
        memoryMap: MemoryMap(ramBase: 0x8000_0000, ramSize: 0x4_0000, bankGroups: [
            BankGroup(name: "ram", base: 0x8000_0000, bankSize: 0x4_0000, bankCount: 1, interleaved: false),
        ]),
        devices: Platform.virt.devices)

    static func seeds(in directory: URL) throws -> [Seed] {
        let assembly = try Toolchain.assemble(AssemblyHarness.source("""
                la t0, buffer
                li t1, 16
                li s0, 8
            1:  .word \(RVMReference.mldW(md: 0, rs1: 5, rs2: 6))
                .word \(RVMReference.mmasaW(md: 1, ms1: 0, ms2: 2))
                .word \(RVMReference.mstW(ms: 1, rs1: 5, rs2: 6))
                sw s0, 0(t0)
                addi s0, s0, -1
                bnez s0, 1b
            """, data: "buffer: .zero 64"), in: directory,
            linkerArguments: ["-T", Toolchain.runtime.appendingPathComponent("xheep.ld").path], name: "rvm-loop")
        let c = try Toolchain.buildXHEEP(c: ["main.c": """
            int table[16] = {1, 2, 3};
            int scratch[64];
            static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
            int main(void) {
                int sum = 0;
                for (int i = 0; i < 16; i++) { scratch[i] = table[i] * 3; sum += scratch[i]; }
                return sum + fib(8);
            }
            """], in: directory, name: "c-crt0")
        let source = directory.appendingPathComponent("hello.c")
        try "#include <stdio.h>\nint main(void) { printf(\"hello %d\\n\", 42); return 0; }\n"
            .write(to: source, atomically: true, encoding: .utf8)
        let picolibc = directory.appendingPathComponent("hello.elf")
        try Toolchain.run(Toolchain.gcc, Toolchain.rv32 + [
            "-O2", "--specs=picolibc.specs", "--oslib=semihost",
            "-Wl,--defsym=__flash=0x80000000", "-Wl,--defsym=__flash_size=0x20000",
            "-Wl,--defsym=__ram=0x80020000", "-Wl,--defsym=__ram_size=0x20000", source.path, "-o", picolibc.path])
        return [
            Seed(name: "rvm-loop", bytes: Array(try Data(contentsOf: assembly)), platform: .xheep),
            Seed(name: "c-crt0", bytes: Array(try Data(contentsOf: c)), platform: .xheep),
            Seed(name: "picolibc", bytes: Array(try Data(contentsOf: picolibc)), platform: smallVirt),
        ]
    }

    static func expectOneLine(_ message: String, _ context: String) {
        #expect(!message.isEmpty && !message.contains("\n"), "\(context): message not one line: \(message)")
    }

    @Test func mutantsEndInAnErrorOrAStop() throws {
        let directory = try Toolchain.scratch()
        defer { ScratchDirectory.remove(directory) }
        var rejected = 0, ran = 0
        for (seedIndex, seed) in try Self.seeds(in: directory).enumerated() {
            // The unmutated seed must load and run: otherwise every mutant is rejected for nothing.
            _ = try Machine(platform: seed.platform, image: ELFImage(bytes: seed.bytes))
            var mutator = ELFMutator(seed: (0xE1F_0000 + UInt64(seedIndex)) ^ FuzzSettings.seed)
            for index in 0..<Self.cases {
                let (bytes, what) = mutator.mutate(seed.bytes)
                let context = "\(seed.name) mutant \(index) (\(what))"
                let image: ELFImage
                do { image = try ELFImage(bytes: bytes) } catch {
                    Self.expectOneLine(error.description, context)
                    rejected += 1
                    continue
                }
                _ = ProgramListing.text(image, path: "mutant.elf")
                for timed in [false, true] {
                    let machine: Machine
                    do { machine = try Machine(platform: seed.platform, image: image) } catch {
                        Self.expectOneLine(error.description, context)
                        rejected += 1
                        break
                    }
                    let stop: StopReason
                    if timed {
                        var model = TimingModel(config: TimingConfig(), functions: image.symbols.functionRanges)
                        stop = machine.run(observer: &model, maxCycles: Self.maxCycles)
                        _ = model.finish()
                    } else {
                        stop = machine.run(maxCycles: Self.maxCycles)
                    }
                    StopReasonOracle.check(stop, machine: machine, maxCycles: Self.maxCycles,
                                           context: "\(context), timed: \(timed)")
                    ran += 1
                }
            }
        }
        // Both outcomes must be exercised, or the mutator has gone blind.
        #expect(rejected > Self.cases / 2 && ran > Self.cases / 2, "rejected \(rejected), ran \(ran)")
    }

    /// GNU ld puts the section headers last: every strict prefix of its output
    /// loses them and must be called truncated (or not an ELF file at all).
    @Test func everyTruncationIsReported() throws {
        let directory = try Toolchain.scratch()
        defer { ScratchDirectory.remove(directory) }
        for seed in try Self.seeds(in: directory) {
            let step = max(1, seed.bytes.count / 150)
            for length in Set(stride(from: 0, to: seed.bytes.count, by: step)).union([seed.bytes.count - 1, 51, 52, 53]) {
                do {
                    _ = try ELFImage(bytes: Array(seed.bytes[0..<length]))
                    Issue.record("\(seed.name) cut to \(length) bytes was accepted")
                } catch {
                    let expected = length < 4 ? "not an ELF file" : "truncated ELF file: "
                    #expect(error.description.hasPrefix(expected), "\(seed.name) cut to \(length): \(error)")
                }
            }
        }
    }
}
