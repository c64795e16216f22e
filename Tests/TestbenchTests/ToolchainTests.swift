import Foundation
import Testing
@testable import Testbench

@Suite struct ToolchainTests {
    /// The build's error, or nil if it built.
    func buildError(_ builder: ProgramBuilder, _ recipe: BuildRecipe) -> ToolchainError? {
        do {
            _ = try builder.build(recipe)
            return nil
        } catch {
            return error
        }
    }

    static let hello = SourceFile(name: "hello.c", contents: """
        #include <stdio.h>
        int main(void) { printf("hello %d\\n", 6 * 7); return 7; }
        """)

    @Test func buildsAndRunsUnderQemu() throws {
        let builder = try Fixtures.builder("hello")
        let product = try builder.build(BuildRecipe(sources: [Self.hello], target: .qemuVirt))
        #expect(!product.fromCache)
        let outcome = try QemuVirtRunner().run(RunRequest(elf: product.elf, outputSymbol: SymbolRead(name: "none", byteCount: 0)))
        #expect(outcome.stopReason == .exited)
        #expect(outcome.exitValue == 7)
        #expect(outcome.console.contains("hello 42"))
    }

    @Test func secondBuildHitsTheCacheAndAChangeMisses() throws {
        let builder = try Fixtures.builder("cache")
        let recipe = BuildRecipe(sources: [Self.hello], target: .qemuVirt)
        let first = try builder.build(recipe)
        let elfBytes = try Data(contentsOf: first.elf)
        let second = try builder.build(recipe)
        #expect(!first.fromCache)
        #expect(second.fromCache)
        #expect(second.elf == first.elf)
        #expect(try Data(contentsOf: second.elf) == elfBytes)

        var changed = recipe
        changed.defines = [Define("UNUSED", "1")]
        let third = try builder.build(changed)
        #expect(!third.fromCache)
        #expect(third.cacheKey != first.cacheKey)
    }

    @Test func syntaxErrorIsATypedErrorWithTheCompilersMessage() throws {
        let builder = try Fixtures.builder("syntax")
        let error = buildError(builder, BuildRecipe(sources: [Fixtures.syntaxError], target: .qemuVirt))
        guard case .compileFailed(let source, let diagnostics)? = error else {
            Issue.record("expected a compile error, got \(String(describing: error))")
            return
        }
        #expect(source == "broken.c")
        #expect(diagnostics.contains("broken.c:2"))
        #expect(diagnostics.contains("error:"))
        // A failed build leaves nothing behind that could pass for a cached one.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: builder.cache.directory.path)
        #expect(leftovers.isEmpty)
    }

    @Test func linkErrorIsTyped() throws {
        let builder = try Fixtures.builder("link")
        let caller = SourceFile(name: "caller.c", contents: "int missing(void);\nint main(void) { return missing(); }\n")
        let error = buildError(builder, BuildRecipe(sources: [caller], target: .qemuVirt))
        guard case .linkFailed(let diagnostics)? = error else {
            Issue.record("expected a link error, got \(String(describing: error))")
            return
        }
        #expect(diagnostics.contains("missing"))
    }

    @Test func missingCompilerNamesThePackage() {
        #expect(throws: ToolchainError.toolNotFound(tool: "/nonexistent/riscv64-unknown-elf-gcc", package: "gcc-riscv64-unknown-elf")) {
            try CrossToolchain.locate(environment: ["RVM_CROSS_GCC": "/nonexistent/riscv64-unknown-elf-gcc"])
        }
        #expect(throws: ToolchainError.toolNotFound(tool: "riscv64-unknown-elf-gcc", package: "gcc-riscv64-unknown-elf")) {
            try CrossToolchain.locate(environment: ["PATH": "/nonexistent"])
        }
    }

    @Test(arguments: ["../escape.c", "noextension", ".hidden.c", "spaces in.c", ".c"])
    func badSourceNamesAreRefused(name: String) throws {
        let builder = try Fixtures.builder("names")
        #expect(throws: ToolchainError.invalidSourceName(name)) {
            try builder.build(BuildRecipe(sources: [SourceFile(name: name, contents: "")], target: .qemuVirt))
        }
    }

    /// The X-HEEP link recipe against a stand-in runtime (the project's lives in
    /// kernels/runtime): objdump, the reference tool, shows the layout.
    @Test func xheepLinkPlacesStartAndInterleavedData() throws {
        let runtime = try Fixtures.temporaryDirectory("runtime")
        try """
            .section .text.start
            .globl _start
            _start:
                la sp, __stack_top
                call main
                li t0, 0x20000004
                sw a0, 0(t0)
                li t1, 1
                li t0, 0x20000000
                sw t1, 0(t0)
            1:  j 1b
            """.write(to: runtime.appendingPathComponent("crt0.S"), atomically: true, encoding: .utf8)
        try """
            ENTRY(_start)
            MEMORY { ram (rwx) : ORIGIN = 0, LENGTH = 0x10000
                     ram_il (rw) : ORIGIN = 0x10000, LENGTH = 0x10000 }
            SECTIONS {
              .vectors 0 : { . = 0x180; } > ram
              .text 0x180 : { *(.text.start) *(.text .text.*) } > ram
              .rodata : { *(.rodata .rodata.* .srodata .srodata.*) } > ram
              .data : { *(.data .data.* .sdata .sdata.*) } > ram
              .bss : { *(.bss .bss.* .sbss .sbss.* COMMON) __bss_end = .; } > ram
              __stack_top = ORIGIN(ram) + LENGTH(ram);
              __stack_size = 0x1000;
              .xheep_data_interleaved : { *(.xheep_data_interleaved) } > ram_il
            }
            """.write(to: runtime.appendingPathComponent("xheep.ld"), atomically: true, encoding: .utf8)
        let builder = try Fixtures.builder("xheep")
        let harness = Conv1dHarness(shape: .caseStudy, pattern: .caseStudy,
                                    entryPoint: .handWritten(), platform: .xheep)
        let recipe = BuildRecipe(sources: [try harness.mainSource(), Fixtures.scalarConv1d],
                                 defines: Conv1dHarness.sizeDefines(.caseStudy),
                                 target: .xheep(XHeepRuntime(directory: runtime)))
        let product = try builder.build(recipe)
        let objdump = try Subprocess(executable: URL(fileURLWithPath: "/usr/bin/riscv64-unknown-elf-objdump"),
                                     arguments: ["-t", product.elf.path]).run().standardOutput
        func address(of symbol: String) -> UInt64? {
            objdump.split(separator: "\n").first { $0.hasSuffix(" " + symbol) }
                .flatMap { UInt64($0.prefix(8), radix: 16) }
        }
        #expect(address(of: "_start") == 0x180)
        let data = try #require(address(of: HarnessSymbols.data))
        let out = try #require(address(of: HarnessSymbols.output))
        #expect((0x10000..<0x20000).contains(data))
        #expect((0x10000..<0x20000).contains(out))
        #expect(data % 16 == 0)
        #expect(address(of: HarnessSymbols.report).map { $0 < 0x10000 } == true)

        // Editing a runtime file invalidates the cached build.
        try "/* edited */\n".write(to: runtime.appendingPathComponent("rvm.h"), atomically: true, encoding: .utf8)
        #expect(try builder.build(recipe).fromCache == false)
        #expect(try builder.build(recipe).fromCache == true)
    }

    @Test func missingRuntimeFileIsTyped() throws {
        let runtime = try Fixtures.temporaryDirectory("empty-runtime")
        let builder = try Fixtures.builder("no-runtime")
        #expect(throws: ToolchainError.runtimeFileMissing(path: runtime.appendingPathComponent("crt0.S").path)) {
            try builder.build(BuildRecipe(sources: [Self.hello], target: .xheep(XHeepRuntime(directory: runtime))))
        }
    }
}
