import Schedule

/// The RVM hardware library for the kernel compiler: the RVM_TILE memory,
/// the instruction procs and the errata check, plugged into Schedule the
/// way any user's hardware library would be.
public enum RVMTarget {
    /// DRAM, DRAM_STATIC and RVM_TILE.
    public static let memories = MemoryRegistry.standard.registering(RVMTile.memory)

    /// Code generation options for RVM kernels.
    public static let codegenOptions = CCodegen.Options(memories: memories, instructionChecks: [RVMErrataCheck()])
}
