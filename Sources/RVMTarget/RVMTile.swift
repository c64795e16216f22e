import Schedule

/// RVM_TILE: the eight 4x4 tile registers m0..m7 of the RVM coprocessor
/// (64 bytes each: 4 rows of 4 x i32/f32, 8 x i16 or 16 x i8), built on the
/// register-file base. C names a tile through `#define name "mN"`, which the
/// instruction templates splice into the assembly text.
///
/// Registers are handed out m7 first and m0 last (as Exo does): on the RTL,
/// `mst.w` of m0 is lost and hangs the coprocessor (RVM-SPEC.md §2 erratum 1),
/// so m0 is used only when all eight tiles are live, and then typically as a
/// source tile; the RVM instruction check refuses a store from it.
public enum RVMTile {
    public static let name: MemoryName = "RVM_TILE"
    public static let registerCount = 8

    public static let memory = RegisterFileMemory(
        name: name,
        registerNames: (0..<registerCount).map { "m\($0)" },
        handOutOrder: Array((0..<registerCount).reversed()),
        // rvm.h (kernels/runtime) teaches GNU as the RVM mnemonics.
        globalCode: "#include \"rvm.h\"",
        // rvm.h's macros (kernels/runtime/rvm.h, and its host emulation).
        reservedNames: ["RVM_H", "RVM_HOST_EMULATION", "RVM_HOST_EMULATION_H", "RVM_MZERO", "RVM_MLD_W", "RVM_MST_W",
                        "RVM_MMASA_W", "RVM_MMADA_H", "RVM_MMAQA_B", "RVM_FMMACC_S", "RVM_EMU_INT_MULTIPLY"],
        validate: validate)

    /// A tile is 4 rows of 16 bytes.
    public static func columns(of type: ScalarType) -> Int { 16 / (type.bitWidth / 8) }

    @Sendable static func validate(_ r: AllocationRequest) throws(KernelError) {
        let cols = columns(of: r.elementType)
        let shape = r.shape.map { $0.constant.map(String.init) ?? $0.text }.joined(separator: ", ")
        guard r.shape.count == 2, r.shape[0].constant == 4, r.shape[1].constant == cols else {
            throw KernelError(.memory, "RVM_TILE '\(r.cName)' must be \(r.elementType.rawValue)[4, \(cols)] (one 4x16-byte tile), got \(r.elementType.rawValue)[\(shape)]", at: r.location)
        }
    }
}
