/// C code generation: a header and a source for some procs and the plain
/// procs they call (private, `static`). Instruction calls are expanded from
/// their templates; memories come from a registry a hardware library extends.
///
///     let out = try CCodegen.compile([conv1d], library: "conv1d")
///     // out.header (conv1d.h), out.source (conv1d.c, includes "conv1d.h")
public enum CCodegen {
    public struct Options: Sendable {
        public var memories: MemoryRegistry
        public var instructionChecks: [any InstructionCheck]

        public init(memories: MemoryRegistry = .standard, instructionChecks: [any InstructionCheck] = []) {
            self.memories = memories
            self.instructionChecks = instructionChecks
        }
    }

    public struct Output: Sendable {
        public var headerName: String
        public var header: String
        public var source: String
    }

    /// Compiles `procs` (public functions) and the plain procs they call.
    public static func compile(_ procs: [Proc], library: String, options: Options = Options()) throws(KernelError) -> Output {
        let ordered = try callOrder(procs)
        if let clash = ordered.first(where: { options.memories.reservedNames.contains($0.name) }) {
            throw KernelError(.codegen, "proc name '\(clash.name)' cannot name a C function: a memory's header (\(options.memories.names.map(\.rawValue).joined(separator: ", "))) defines it; rename the proc", at: clash.loc)
        }
        let publicNames = Set(procs.map(\.name))
        var stem = String(library.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        // A macro name may not start with a digit (`-o 2d.c`).
        if stem.first?.isNumber ?? true { stem = "K" + stem }
        let guardName = stem.uppercased() + "_H"
        // The header guard is a macro: a variable of that name would vanish.
        let taken = Set(ordered.map(\.name)).union([guardName])
        if let clash = ordered.first(where: { $0.name == guardName || $0.name.hasPrefix("EXO_WIN_") }) {
            throw KernelError(.codegen, "proc name '\(clash.name)' cannot name a C function: the generated header uses it as an include guard; rename the proc", at: clash.loc)
        }
        var writes = WriteAnalysis()
        var definitions: [String] = []
        var declarations: [String] = []
        var structs = Set<WindowStruct>()
        var helpers = Set<String>()
        var memories: [MemoryName: any Memory] = [:]
        for p in ordered {
            _ = writes.writtenParams(p)
            let c = ProcCompiler(p, isPublic: publicNames.contains(p.name), options: options, writes: writes, takenNames: taken)
            definitions.append(try c.compile())
            if c.isPublic { declarations.append(c.declaration) }
            structs.formUnion(c.windowStructs)
            helpers.formUnion(c.helpers)
            memories.merge(c.memoriesUsed) { a, _ in a }
        }
        let instructions = usedInstructions(ordered)

        let headerName = library + ".h"
        var header = """
        #pragma once
        #ifndef \(guardName)
        #define \(guardName)

        #ifdef __cplusplus
        extern "C" {
        #endif

        #include <stdint.h>
        #include <stdbool.h>


        """
        for s in structs.sorted() { header += s.definition + "\n\n" }
        header += declarations.joined(separator: "\n\n")
        header += "\n\n#ifdef __cplusplus\n}\n#endif\n#endif  // \(guardName)\n"

        var source = "#include \"\(headerName)\"\n\n"
        let globals = memories.values.compactMap(\.globalCode)
        let globalLines = Array(Set(globals)).sorted()
        if !globalLines.isEmpty { source += globalLines.joined(separator: "\n") + "\n\n" }
        for h in helpers.sorted() { source += helperCode[h, default: ""] + "\n" }
        source += definitions.joined(separator: "\n")
        for i in instructions {
            source += "\n/* relying on the following instruction...\n\(i.name)(\(i.params.map(\.name.name).joined(separator: ", ")))\n\(i.instructionTemplate ?? "")\n*/\n"
        }
        return Output(headerName: headerName, header: header, source: source)
    }

    /// Plain procs reachable from `roots`, callees before callers.
    static func callOrder(_ roots: [Proc]) throws(KernelError) -> [Proc] {
        var order: [Proc] = []
        var seen: [String: Proc] = [:]
        func visit(_ p: Proc) -> KernelError? {
            if let q = seen[p.name] {
                return q == p ? nil : KernelError(.codegen, "two different procs are named \(p.name)", at: p.loc)
            }
            seen[p.name] = p
            let isIdentifier = p.name.first.map { $0.isLetter || $0 == "_" } == true
                && p.name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
            if !isIdentifier {
                return KernelError(.codegen, "proc name '\(p.name)' cannot name a C function (not an ASCII C identifier)", at: p.loc)
            }
            if let why = reservedReason(p.name) {
                return KernelError(.codegen, "proc name '\(p.name)' cannot name a C function: \(why); rename the proc", at: p.loc)
            }
            var error: KernelError? = nil
            for s in p.body {
                s.forEach { t in
                    if error == nil, case .call(let callee, _) = t.node, !callee.isInstruction { error = visit(callee) }
                }
            }
            if error == nil { order.append(p) }
            return error
        }
        for r in roots {
            if r.isInstruction { throw KernelError(.codegen, "\(r.name) is an instruction; only plain procs compile to C functions", at: r.loc) }
            if let e = visit(r) { throw e }
        }
        return order
    }

    /// Why a C function may not be called `name`, or nil.
    static func reservedReason(_ name: String) -> String? {
        if CReservedNames.keywords.contains(name) { return "it is a C or C++ keyword" }
        if name == "main" { return "main is the program's entry point" }
        if CReservedNames.generated.contains(name) { return "the generated C uses that name itself" }
        if CReservedNames.libraryMacros.contains(name) { return "the C headers the generated code includes define it as a macro" }
        if CReservedNames.libraryDeclarations.contains(name) { return "the C headers the generated code includes (<stdlib.h>, <stdint.h>) declare it" }
        if CReservedNames.isImplementationReserved(name) { return "C reserves names beginning with __ or _ and a capital letter" }
        return nil
    }

    private static func usedInstructions(_ procs: [Proc]) -> [Proc] {
        var found: [String: Proc] = [:]
        for p in procs {
            for s in p.body {
                s.forEach { t in if case .call(let c, _) = t.node, c.isInstruction { found[c.name] = c } }
            }
        }
        return found.keys.sorted().compactMap { found[$0] }
    }

    /// Floor division and modulo of Python, for index expressions whose sign is unknown.
    static let helperCode: [String: String] = [
        "exo_floor_div": """
        static inline int_fast32_t exo_floor_div(int_fast32_t num, int_fast32_t quot) {
          int_fast32_t q = num / quot;
          return (num % quot != 0 && ((num < 0) != (quot < 0))) ? q - 1 : q;
        }

        """,
        "exo_floor_mod": """
        static inline int_fast32_t exo_floor_mod(int_fast32_t num, int_fast32_t quot) {
          int_fast32_t r = num % quot;
          return (r != 0 && ((r < 0) != (quot < 0))) ? r + quot : r;
        }

        """,
    ]
}
