import Testing
import Schedule

/// What the code generator refuses, and small facts about its output.
@Suite struct CodegenErrorTests {
    @Test func dramStaticNeedsAConstantShape() throws {
        var b = ProcBuilder("p")
        let n = b.size("n")
        let x = b.tensor("x", .i32, [n])
        let p = b.build {
            let t = Term.variable("t")
            alloc(t, .i32, [n], "DRAM_STATIC").at(3, 5)
            forLoop("i", 0, n) { i in assign(t[i], x[i]) }
        }
        let e = #expect(throws: KernelError.self) { try CCodegen.compile([p], library: "p") }
        #expect(e?.phase == .memory)
        #expect(e?.location == SourceLocation(line: 3, column: 5))
        #expect(e?.message == "DRAM_STATIC allocation 't' needs a constant shape, got [n]")
    }

    @Test func anUnknownMemoryIsNamed() throws {
        let b = ProcBuilder("p")
        let p = b.build {
            let t = Term.variable("t")
            alloc(t, .i32, [4], "SCRATCH").at(2, 5)
            assign(t[0], 1)
        }
        let e = #expect(throws: KernelError.self) { try CCodegen.compile([p], library: "p") }
        #expect(e?.phase == .memory)
        #expect(e?.message == "unknown memory 'SCRATCH' (known: DRAM, DRAM_STATIC)")
        #expect(e?.location == SourceLocation(line: 2, column: 5))
    }

    @Test func aUserRegisteredMemoryIsUsed() throws {
        struct Scratch: Memory {
            var name: MemoryName { "SCRATCH" }
            var permissions: MemoryPermissions { .all }
            func makeAllocator() -> any MemoryAllocator { DRAMStatic().makeAllocator() }
        }
        let b = ProcBuilder("p")
        let p = b.build {
            let t = Term.variable("t")
            alloc(t, .i32, [4], "SCRATCH")
            assign(t[0], 1)
        }
        let out = try CCodegen.compile([p], library: "p", options: .init(memories: MemoryRegistry.standard.registering(Scratch())))
        #expect(out.source.contains("static int32_t t[4];"))
    }

    @Test func aTemplatePlaceholderMustNameAnArgument() throws {
        var i = ProcBuilder("nop", instruction: "nop({x_size});")
        let x = i.window("x", .i32, [4])
        let nop = i.build { pass() }
        var b = ProcBuilder("p")
        let y = b.tensor("y", .i32, [4])
        let p = b.build { call(nop, y[0 ..< 4]).at(5, 3) }
        let e = #expect(throws: KernelError.self) { try CCodegen.compile([p], library: "p") }
        #expect(e?.phase == .codegen)
        #expect(e?.message == "template of nop uses {x_size}, which names no argument")
        #expect(e?.location == SourceLocation(line: 5, column: 3))
        _ = x
    }

    @Test func divisionIsPlainCWhereTheDividendIsProvablyNonNegative() throws {
        var b = ProcBuilder("p")
        let n = b.size("n")
        let x = b.tensor("x", .i32, [n])
        let p = b.build {
            forLoop("i", 0, n) { i in
                assign(x[i], i / 4 + i % 4)
                assign(x[i], (i - 1) / 4)
            }
        }
        let c = try CCodegen.compile([p], library: "p").source
        #expect(c.contains("x[i] = i / 4 + i % 4;"))
        #expect(c.contains("x[i] = exo_floor_div(i - 1, 4);"))
        #expect(!c.contains("exo_floor_mod"))
    }

    @Test func instructionsCompileToNoFunctionAndTwoProcsMayNotShareAName() throws {
        var i = ProcBuilder("ins", instruction: "ins();")
        _ = i.size("n")
        let ins = i.build { pass() }
        #expect(throws: KernelError.self) { try CCodegen.compile([ins], library: "x") }

        let a = ProcBuilder("same").build { pass() }
        var bb = ProcBuilder("same")
        let x = bb.tensor("x", .i32, [1])
        let b = bb.build { assign(x[0], 1) }
        let c = ProcBuilder("top").build { call(a); call(b, Term.variable("z")) }
        let e = #expect(throws: KernelError.self) { try CCodegen.compile([c], library: "x") }
        #expect(e?.message == "two different procs are named same")
    }

    @Test func theHeaderDeclaresPublicProcsOnly() throws {
        let helper = ProcBuilder("helper").build { pass() }
        let top = ProcBuilder("top").build { call(helper) }
        let out = try CCodegen.compile([top], library: "lib")
        #expect(out.header.contains("void top(void);"))
        #expect(!out.header.contains("helper"))
        #expect(out.source.contains("static void helper(void) {"))
        #expect(out.source.hasPrefix("#include \"lib.h\""))
    }

    @Test func procNamesMustBeCIdentifiers() throws {
        let p = ProcBuilder("free").build { pass() }
        let e = #expect(throws: KernelError.self) { try CCodegen.compile([p], library: "x") }
        #expect(e?.message == "proc name 'free' cannot name a C function: the generated C uses that name itself; rename the proc")
    }
}
