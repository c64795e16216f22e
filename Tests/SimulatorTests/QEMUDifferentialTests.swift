import Foundation
import Testing
@testable import Simulator

/// 200 random RV32IM programs (20 ELFs of 10), each run on QEMU and on the
/// simulator: the printed final registers and data areas must be identical.
@Suite struct QEMUDifferentialTests {
    static let programsPerELF = 10

    @Test(arguments: 0..<20)
    func randomProgramsMatchQEMU(batch: Int) throws {
        var generator = RandomProgramGenerator(seed: 0x5EED_0000 + UInt64(batch))
        let source = generator.batch(programs: Self.programsPerELF)
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let elf = try Toolchain.assemble(source, in: directory,
                                         linkerArguments: ["-n", "-Ttext=0x80000000", "-e", "_start"])

        let qemu = try Toolchain.qemu(elf)
        #expect(qemu.status == 0, "qemu failed: \(qemu.stderr)")
        let expected = qemu.stdout.replacingOccurrences(of: "\r", with: "")

        let machine = try Machine(platform: .virt, image: ELFImage(contentsOf: elf.path))
        let stop = machine.run(maxCycles: 10_000_000)
        #expect(stop == .exited(code: 0, via: .semihosting))
        let actual = machine.console.text

        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(expectedLines.count == Self.programsPerELF * RandomProgramGenerator.printedWords + 1)
        #expect(actualLines.count == expectedLines.count)
        for (line, (want, got)) in zip(expectedLines, actualLines).enumerated() where want != got {
            let program = line / RandomProgramGenerator.printedWords
            let word = line % RandomProgramGenerator.printedWords
            let what = word < RandomProgramGenerator.dataWords ? "data word \(word)" : "x\(word - RandomProgramGenerator.dataWords)"
            Issue.record("batch \(batch) program \(program) \(what): qemu \(want), simulator \(got) (source in \(directory.path))")
            break
        }
    }
}
