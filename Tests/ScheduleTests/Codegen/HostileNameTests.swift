import Testing
@testable import Schedule
import TestSupport

/// Kernel names that mean something to C: macros of the included headers
/// (`linux` is `1` in GNU C), reserved identifiers, library functions. A
/// variable is renamed; a proc (a C function) is refused with the reason.
@Suite struct HostileNameTests {
    static let kernel = """
        @proc
        def g(ctxt: i32[4] @ DRAM, exo_win_2i32: i32[4, 4] @ DRAM, INT32_MAX: i32[4] @ DRAM, __LINE__: size,
              NULL: i32[4] @ DRAM, EXIT_SUCCESS: size, linux: i32[4] @ DRAM, unix: size, _Foo: size):
            assert __LINE__ == 4
            assert unix == 4
            for free in seq(0, 4):
                for malloc in seq(0, __LINE__):
                    exo_win_2i32[free, malloc] = ctxt[free] + INT32_MAX[malloc] + NULL[0] + linux[1]
            for RAND_MAX in seq(0, EXIT_SUCCESS + _Foo):
                w: i32[4] @ DRAM
                w[0] = 1
                linux[0] = w[0]
        """

    @Test(.enabled(if: CToolchain.available("gcc")))
    func macroAndLibraryNamesAreRenamedAndTheCCompiles() throws {
        let module = try KernelParser.parse(Self.kernel)
        try TypeChecker().check(module)
        let out = try CCodegen.compile(module.procs, library: "2d-names")
        // Before: `int32_t* linux` read `int32_t* 1` under GNU C, `__LINE__` a line number.
        #expect(out.source.contains("int32_t* linux_1"))
        #expect(out.source.contains("int_fast32_t v__LINE__"))
        #expect(out.source.contains("int_fast32_t v_Foo"))
        #expect(out.source.contains("INT32_MAX_1[malloc_1]"))
        #expect(out.header.contains("#ifndef K2D_NAMES_H"))
        let tc = try CToolchain()
        defer { tc.cleanUp() }
        try tc.write(out.headerName, out.header)
        try tc.write("names.c", out.source)
        // GNU C (no -std), where `linux` and `unix` are macros; and the header from C++.
        try tc.run("gcc", ["-Wall", "-Wextra", "-Werror", "-c", "-o", "names.o", "names.c"])
        try tc.write("use.cpp", "#include \"\(out.headerName)\"\nint main() { return 0; }\n")
        if CToolchain.available("g++") {
            try tc.run("g++", ["-Wall", "-Wextra", "-Werror", "-c", "-o", "use.o", "use.cpp"])
        }
    }

    @Test func procsNamedLikeLibraryFunctionsAreRefused() throws {
        let cases: [(String, String)] = [
            ("calloc", "the C headers the generated code includes (<stdlib.h>, <stdint.h>) declare it"),
            ("random", "the C headers the generated code includes (<stdlib.h>, <stdint.h>) declare it"),
            ("INT8_MAX", "the C headers the generated code includes define it as a macro"),
            ("linux", "the C headers the generated code includes define it as a macro"),
            ("__kernel", "C reserves names beginning with __ or _ and a capital letter"),
            ("class", "it is a C or C++ keyword"),
            ("main", "main is the program's entry point"),
        ]
        for (name, why) in cases {
            let p = try KernelParser.parseProc("@proc\ndef \(name)(x: i32[4] @ DRAM):\n    x[0] = 1\n")
            let e = #expect(throws: KernelError.self) { try CCodegen.compile([p], library: "k") }
            #expect(e?.message == "proc name '\(name)' cannot name a C function: \(why); rename the proc")
            #expect(e?.location == SourceLocation(line: 2, column: 1))
        }
    }

    @Test func wideIntegerLiteralsAreRefusedWhereWritten() throws {
        // `x[0] = 9223372036854775807` compiled to `(int32_t) 9.223372e+18f`: undefined in C,
        // and the interpreter wrapped to -1. Index constants wrapped on RV32's 32-bit int_fast32_t.
        let cases: [(String, Int)] = [
            ("    x[0] = 9223372036854775807\n", 12),
            ("    for i in seq(0, 2147483648):\n        pass\n", 21),
            ("    x[3000000000 - 2999999999] = 1\n", 7),
        ]
        for (body, column) in cases {
            let p = try KernelParser.parseProc("@proc\ndef f(x: i32[4] @ DRAM):\n" + body)
            let e = #expect(throws: KernelError.self) { try TypeChecker().check(p) }
            #expect(e?.phase == .type)
            #expect(e?.message.hasSuffix("does not fit in 32 bits (index and data arithmetic are 32-bit in the generated C)") == true)
            #expect(e?.location == SourceLocation(line: 3, column: column))
        }
        #expect(throws: Never.self) { try TypeChecker().check(try KernelParser.parseProc("@proc\ndef f(x: i32[4] @ DRAM):\n    x[0] = 2147483647\n")) }
    }

    @Test func codegenRefusesFoldedIndexConstantsWiderThan32Bits() throws {
        // Every literal fits; the stride of dimension 0 folds to 2^32, which wrapped to 0 on RV32.
        var b = ProcBuilder("p")
        let x = b.tensor("x", .i32, [2, Term(integerLiteral: 65536) * 65536])
        let p = b.build { forLoop("i", 0, 2) { i in assign(x[i, 0], 1) } }
        #expect(throws: Never.self) { try TypeChecker().check(p) }
        let e = #expect(throws: KernelError.self) { try CCodegen.compile([p], library: "p") }
        #expect(e?.phase == .codegen)
        #expect(e?.message == "x[i, 0]: the index constant 4294967296 does not fit in 32 bits, the width of the C index type int_fast32_t on RV32")
    }

    @Test func anIntegerLiteralStoredToNarrowDataWrapsAsTheInterpreterStoresIt() throws {
        var b = ProcBuilder("p")
        let x = b.tensor("x", .i32, [2])
        let y = b.tensor("y", .i8, [1])
        let p = b.build {
            assign(x[0], Term(integerLiteral: Int(Int32.min)))
            assign(x[1], Term(integerLiteral: 1 << 40 | 5))
            assign(y[0], Term(integerLiteral: 300))
        }
        let out = try CCodegen.compile([p], library: "p")
        #expect(out.source.contains("x[0] = (-2147483647 - 1);"))
        #expect(out.source.contains("x[1] = 5;"))
        #expect(out.source.contains("y[0] = 44;"))
        let tx = Tensor(.i32, shape: [2]), ty = Tensor(.i8, shape: [1])
        try Interpreter.run(p, [.tensor(tx), .tensor(ty)])
        #expect(tx.intValues == [Int(Int32.min), 5])
        #expect(ty.intValues == [44])
    }

    @Test func instructionTemplatesAreCheckedWhereDefined() throws {
        // Never called: code generation, which expands templates at calls, would not see it.
        let module = try KernelParser.parse("""
            @instr("foo({nope});")
            def bad(x: [i32][4] @ DRAM):
                pass
            """)
        let e = #expect(throws: KernelError.self) { try TypeChecker().check(module) }
        #expect(e?.phase == .type)
        #expect(e?.location == SourceLocation(line: 2, column: 1))
        #expect(e?.message == "template of bad uses {nope}, which names no argument (its arguments: x; a placeholder is {x}, {x_data} or {x_int}; write {{ and }} for literal braces)")
        let unbalanced = try KernelParser.parse("@instr(\"foo({x_data}}\")\ndef bad(x: [i32][4] @ DRAM):\n    pass\n")
        let e2 = #expect(throws: KernelError.self) { try TypeChecker().check(unbalanced) }
        #expect(e2?.message == "template of bad has an unmatched '}'")
    }
}
