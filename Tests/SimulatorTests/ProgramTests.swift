import Foundation
import Testing
@testable import Simulator

/// Whole programs compiled from C at test time: picolibc + semihosting on the
/// virt layout, and bare-metal X-HEEP programs with kernels/runtime.
@Suite struct ProgramTests {
    @Test func picolibcPrintfRunsThroughSemihosting() throws {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let elf = try Toolchain.buildPicolibc(c: """
            #include <stdio.h>
            #include <stdlib.h>
            int main(void) {
                printf("hello %d %s 0x%08x\\n", 42, "rvm", 0xbeefu);
                fprintf(stderr, "to stderr\\n");
                exit(7);
            }
            """, in: directory)
        let report = try Simulation.run(elfPath: elf.path, platform: .virt, options: RunOptions(maxCycles: 5_000_000))
        #expect(report.console == "hello 42 rvm 0x0000beef\nto stderr\n")
        #expect(report.stopReason == .exited(code: 7, via: .semihosting))
        #expect(report.instret > 100)
        #expect(report.cycles == report.instret)

        // QEMU agrees on the same ELF.
        let qemu = try Toolchain.qemu(elf)
        #expect(qemu.status == 7)
        #expect(qemu.stdout.replacingOccurrences(of: "\r", with: "") == report.console)
    }

    @Test func picolibcHostedStartReturnsMainsValue() throws {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let elf = try Toolchain.buildPicolibc(c: """
            #include <stdio.h>
            #include <time.h>
            int main(void) { puts("clock"); return clock() >= 0 ? 300 : 1; }
            """, in: directory, extra: ["--crt0=hosted"])
        let report = try Simulation.run(elfPath: elf.path, platform: .virt, options: RunOptions(maxCycles: 5_000_000))
        #expect(report.console == "clock\n")
        #expect(report.exitCode == 300)
    }

    @Test func xheepProgramPrintsAndExitsThroughSocCtrl() throws {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let elf = try Toolchain.buildXHEEP(c: ["main.c": """
            #include "xheep.h"
            XHEEP_INTERLEAVED int squares[16];
            int zeroed[8];
            int main(void) {
                int sum = 0;
                for (int i = 0; i < 16; i++) squares[i] = i * i;
                for (int i = 0; i < 16; i++) sum += squares[i] + zeroed[i % 8];
                xheep_puts("sum=");
                xheep_putint(sum);
                xheep_putchar('\\n');
                *(volatile unsigned *)0x30080018u = 'B';    /* UART of X-HEEP 2025-11 */
                *(volatile unsigned *)0x20070000u = '!';    /* test-bench putchar */
                return -sum;                                /* a full 32-bit exit value */
            }
            """], in: directory)
        let image = try ELFImage(contentsOf: elf.path)
        #expect(image.entry == 0x180)
        #expect(image.symbols.address(of: "_start") == 0x180)
        #expect(image.symbols.address(of: "squares") == 0x1_0000)   // .xheep_data_interleaved
        let report = try Simulation.run(elfPath: elf.path, platform: .xheep, options: RunOptions())
        #expect(report.console == "sum=1240\nB!")
        #expect(report.stopReason == .exited(code: UInt32(bitPattern: -1240), via: .socCtrl))
        #expect(report.json.contains("\"exit_code\": -1240"))
        #expect(report.json.contains("\"console\": \"sum=1240\\nB!\""))
    }

    @Test func tohostConventionExits() throws {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let elf = try Toolchain.assemble("""
                .option norvc
                .text
                .globl _start
            _start:
                la t0, tohost
                li t1, (21 << 1) | 1
                sw t1, 0(t0)
            1:  j 1b
                .data
                .balign 8
                .globl tohost
            tohost: .dword 0
            """, in: directory, linkerArguments: ["-n", "-Ttext=0x80000000", "-e", "_start"])
        let report = try Simulation.run(elfPath: elf.path, platform: .virt, options: RunOptions(maxCycles: 1000))
        #expect(report.stopReason == .exited(code: 21, via: .tohost))
        #expect(report.instret == 4)   // la = 2 instructions, li, sw
    }

    @Test func commitLogFollowsSpikesFormat() throws {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let elf = try Toolchain.assemble(AssemblyHarness.source("""
                li a0, 5
                la s0, cell
                sw a0, 0(s0)
                lw a1, 0(s0)
                sb a0, 5(s0)
                csrw mscratch, a0
                """, data: "cell: .word 0, 0"), in: directory,
            linkerArguments: ["-T", Toolchain.runtime.appendingPathComponent("xheep.ld").path])
        let log = directory.appendingPathComponent("commits.log")
        let report = try Simulation.run(elfPath: elf.path, platform: .xheep,
                                        options: RunOptions(commitLogPath: log.path))
        #expect(report.exitCode == 5)
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        // Instruction words encoded by hand from the base formats.
        let cell = try #require(ELFImage(contentsOf: elf.path).symbols.address(of: "cell"))
        let c = "0x" + String(format: "%08x", cell)
        #expect(lines.count == 11)
        #expect(lines[0] == "core   0: 3 0x00000180 (0x00500513) x10 0x00000005")
        #expect(lines[1] == "core   0: 3 0x00000184 (0x00000417) x8  0x00000184")   // auipc s0, 0
        #expect(lines[3] == "core   0: 3 0x0000018c (0x00a42023) mem \(c) 0x00000005")
        #expect(lines[4] == "core   0: 3 0x00000190 (0x00042583) x11 0x00000005 mem \(c)")
        #expect(lines[5] == "core   0: 3 0x00000194 (0x00a402a3) mem 0x" + String(format: "%08x", cell + 5) + " 0x05")
        #expect(lines[6] == "core   0: 3 0x00000198 (0x34051073) c832_mscratch 0x00000005")
        #expect(lines[7] == "core   0: 3 0x0000019c (0x20000fb7) x31 0x20000000")
        #expect(lines[8] == "core   0: 3 0x000001a0 (0x00afa223) mem 0x20000004 0x00000005")
        #expect(lines[10] == "core   0: 3 0x000001a8 (0xffffafa3) mem 0x20000000 0x20000001")
    }
}
