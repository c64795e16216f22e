import Schedule

/// Refuses instruction calls that hang the Quadrilatero RTL (RVM-SPEC.md §2):
/// 1. `mst.w` of tile register m0 (the store is lost, then the coprocessor stops);
/// 2. a multiply-accumulate whose two sources are one register.
/// Recognised by the mnemonic in the template, so user-written variants of
/// these instructions are covered too.
public struct RVMErrataCheck: InstructionCheck {
    public init() {}

    static let multiplyAccumulates = ["mmasa.w", "mmada.h", "mmaqa.b", "fmmacc.s"]

    public func check(_ call: InstructionCall) throws(KernelError) {
        // Look at register placements first; only a suspicious call pays for reading the template.
        let tiles = call.arguments.filter { $0.memory == RVMTile.name }
        let template = call.instruction.instructionTemplate ?? ""
        if let src = tiles.first, src.placement == "m0", template.contains("mst.w") {
            throw KernelError(.codegen, "\(call.instruction.name) stores '\(src.buffer ?? "?")' from m0: an mst.w of m0 is lost and hangs the coprocessor on the RTL (RVM-SPEC.md §2, erratum 1); keep at most 7 tiles live here so the stored tile gets another register", at: call.location)
        }
        if tiles.count == 3, let p = tiles[1].placement, p == tiles[2].placement,
           Self.multiplyAccumulates.contains(where: template.contains) {
            throw KernelError(.codegen, "\(call.instruction.name) reads both sources from \(p) ('\(tiles[1].buffer ?? "?")' and '\(tiles[2].buffer ?? "?")'): a multiply-accumulate with one register as both sources hangs the coprocessor on the RTL (RVM-SPEC.md §2, erratum 2); copy one operand into another tile", at: call.location)
        }
    }
}
