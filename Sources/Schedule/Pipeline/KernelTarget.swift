/// What a hardware library gives the kernel pipeline: the instruction procs a
/// kernel file may call without defining them, the memories its annotations
/// may name, and the checks its instruction calls must pass. The pipeline
/// knows nothing else of the hardware (RVMTarget supplies `RVMTarget.kernelTarget`).
public struct KernelTarget: Sendable {
    /// A short name for messages ("rvm", "host").
    public var name: String
    /// Procs every kernel file sees as if defined above its first line.
    public var predefined: [Proc]
    /// Memories (by registry) and instruction checks for code generation.
    public var codegen: CCodegen.Options

    public init(name: String, predefined: [Proc] = [], codegen: CCodegen.Options = CCodegen.Options()) {
        self.name = name
        self.predefined = predefined
        self.codegen = codegen
    }

    /// Plain C for any host: DRAM and DRAM_STATIC, no instructions.
    public static let host = KernelTarget(name: "host")

    /// A file's proc is checked against the memories it names; a buffer may be
    /// passed where its memory says it can (DRAM_STATIC as DRAM).
    var memoryAcceptance: TypeChecker.MemoryAcceptance {
        let memories = codegen.memories
        return { parameter, argument in
            memories[argument]?.canBePassed(as: parameter) ?? (parameter == argument)
        }
    }
}
