import Schedule

extension RVMTarget {
    /// The RVM hardware library as the kernel pipeline (and `rvm compile`,
    /// `rvm check`) sees it. A kernel file compiled for this target may,
    /// without defining or importing anything:
    ///
    /// - call every instruction proc of `RVMInstructions.all` by name
    ///   (`rvm_mld`, `rvm_mst`, `rvm_mzero`, `rvm_mmasa`, `rvm_mmada`,
    ///   `rvm_mmaqa`, `rvm_fmmacc`, `rvm_mld_i16`, `rvm_mld_i8`, `rvm_mld_f32`,
    ///   `rvm_mst_f32`, `rvm_mzero_f32`), as if they were defined above its
    ///   first line;
    /// - annotate buffers `@ DRAM`, `@ DRAM_STATIC` or `@ RVM_TILE`.
    ///
    ///     @proc
    ///     def tile_product(a: i32[4, 4] @ DRAM, b: i32[4, 4] @ DRAM, c: i32[4, 4] @ DRAM):
    ///         acc: i32[4, 4] @ RVM_TILE
    ///         rvm_mzero(acc)
    ///         ta: i32[4, 4] @ RVM_TILE
    ///         rvm_mld(ta, a[0:4, 0:4])
    ///         ...
    ///
    /// A file may still define its own `@instr` procs (a proc of the file
    /// shadows a predefined one of the same name). The generated source
    /// includes "rvm.h" (kernels/runtime), which teaches GNU as the RVM mnemonics.
    public static let kernelTarget = KernelTarget(name: "rvm", predefined: RVMInstructions.all, codegen: codegenOptions)
}
