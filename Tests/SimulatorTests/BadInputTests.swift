import Foundation
import Testing
@testable import Simulator

/// Every kind of bad input ends with a typed error or fault whose one-line
/// message names the cause (and PC and instruction word where there is one).
@Suite struct BadInputTests {
    static func xheepELF(_ body: String, in directory: URL) throws -> URL {
        try Toolchain.assemble(AssemblyHarness.source(body), in: directory,
                               linkerArguments: ["-T", Toolchain.runtime.appendingPathComponent("xheep.ld").path])
    }

    static func loadError(_ bytes: [UInt8]) -> ELFError? {
        do {
            _ = try ELFImage(bytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func nonELFFileIsRejected() throws {
        let error = Self.loadError(Array("#!/bin/sh\necho not a program\n".utf8))
        #expect(error == .notELF)
        #expect(error?.description == "not an ELF file")
        #expect(Self.loadError([]) == .notELF)
    }

    @Test func missingFileIsReported() {
        #expect(throws: ELFError.unreadable(path: "/nonexistent/prog.elf", reason: "No such file or directory")) {
            _ = try ELFImage(contentsOf: "/nonexistent/prog.elf")
        }
    }

    @Test func truncatedELFIsRejected() throws {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let elf = try Self.xheepELF("li a0, 1", in: directory)
        let bytes = Array(try Data(contentsOf: elf))
        for length in [30, 100, bytes.count / 2] {
            let error = Self.loadError(Array(bytes[0..<length]))
            guard case .truncated? = error else {
                Issue.record("length \(length): expected a truncation error, got \(String(describing: error))")
                continue
            }
            #expect(error?.description.hasPrefix("truncated ELF file: ") == true)
        }
    }

    @Test func sixtyFourBitELFIsRejected() throws {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("p64.S")
        try ".globl _start\n_start: j _start\n".write(to: source, atomically: true, encoding: .utf8)
        let elf = directory.appendingPathComponent("p64.elf")
        try Toolchain.run(Toolchain.gcc, ["-march=rv64i", "-mabi=lp64", "-nostdlib", source.path, "-o", elf.path])
        #expect(throws: ELFError.not32Bit) { _ = try ELFImage(contentsOf: elf.path) }
        #expect(ELFError.not32Bit.description.contains("64-bit"))
    }

    @Test func nonRISCVELFIsRejected() throws {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        var bytes = Array(try Data(contentsOf: try Self.xheepELF("li a0, 1", in: directory)))
        bytes[18] = 3; bytes[19] = 0     // e_machine = EM_386
        let error = Self.loadError(bytes)
        #expect(error == .notRISCV(machine: 3))
        #expect(error?.description == "not a RISC-V ELF file (e_machine = 3, expected 243)")
    }

    @Test func segmentOutsideMemoryIsRejected() throws {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let elf = try Toolchain.assemble(".globl _start\n_start: j _start\n", in: directory,
                                         linkerArguments: ["-n", "-Ttext=0x40000000", "-e", "_start"])
        let image = try ELFImage(contentsOf: elf.path)
        #expect(throws: LoadError.self) { _ = try Machine(platform: .xheep, image: image) }
        do {
            _ = try Machine(platform: .xheep, image: image)
        } catch {
            #expect(error.description.hasPrefix("segment 0x40000000..0x40000004 (4 bytes) lies outside RAM 0x00000000..0x00020000"))
        }
        // The same file fits nowhere on virt either.
        #expect(throws: LoadError.self) { _ = try Machine(platform: .virt, image: image) }
    }

    static func run(_ body: String, maxCycles: UInt64 = 10_000) throws -> StopReason {
        try AssemblyHarness.run(body, maxCycles: maxCycles).stop
    }

    @Test func illegalInstructionWithoutHandlerStops() throws {
        let stop = try Self.run("""
            li a0, 1
            .word 0xffffffff
            """)
        let expected = Fault(kind: .illegalInstruction, pc: 0x184, word: 0xFFFF_FFFF, function: "_start", mtvec: 0)
        #expect(stop == .fault(expected))
        #expect(stop.description == "illegal instruction (no trap handler: mtvec = 0x00000000) at pc 0x00000184 <_start>, instruction 0xffffffff")
        #expect(stop.name == "illegal_instruction")
    }

    @Test func trapVectorOutsideMemoryCountsAsNoHandler() throws {
        let stop = try Self.run("""
            li t0, 0x40000000
            csrw mtvec, t0
            ecall
            """)
        guard case .fault(let fault) = stop else { Issue.record("expected a fault, got \(stop)"); return }
        #expect(fault.kind == .unhandledTrap(cause: TrapCause.environmentCall))
        #expect(stop.description == "ecall (no trap handler: mtvec = 0x40000000) at pc 0x00000188 <_start>, instruction 0x00000073")
    }

    @Test func fetchOutsideMemoryStops() throws {
        let stop = try Self.run("""
            li t0, 0x50000000
            jr t0
            """)
        #expect(stop == .fault(Fault(kind: .fetchOutsideMemory, pc: 0x5000_0000, word: nil, function: nil, mtvec: 0)))
        #expect(stop.description == "instruction fetch outside RAM at pc 0x50000000")
    }

    @Test func loadAndStoreOutsideTheMemoryMapStop() throws {
        let load = try Self.run("""
            li t0, 0x50000000
            lw a1, 8(t0)
            """)
        #expect(load.description == "load from unmapped address 0x50000008 at pc 0x00000184 <_start>, instruction 0x0082a583")
        let store = try Self.run("""
            li t0, 0x1fffe
            sw a1, 0(t0)             # crosses the end of RAM
            """)
        #expect(store.description == "4-byte store at 0x0001fffe runs past the end of RAM (0x00020000) at pc 0x00000188 <_start>, instruction 0x00b2a023")
        #expect(store.name == "store_fault")
    }

    @Test func programThatNeverExitsStopsAtTheCycleLimit() throws {
        let stop = try Self.run("1: j 1b", maxCycles: 1000)
        #expect(stop == .cycleLimit(1000))
        #expect(stop.description == "stopped at the cycle limit (1000 cycles): the program did not exit")
    }
}
