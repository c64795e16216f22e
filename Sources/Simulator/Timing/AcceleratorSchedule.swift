/// The three execution units of Quadrilatero (rtl/quadrilatero_pkg.sv execution_units_t).
public enum AcceleratorUnit: Int, CaseIterable, Codable, Sendable {
    case systolicArray = 0, lsu = 1, permutationUnit = 2

    public var name: String {
        switch self {
        case .systolicArray: return "systolic array"
        case .lsu: return "LSU"
        case .permutationUnit: return "permutation unit"
        }
    }
}

/// When one offloaded RVM instruction passes each point of the coprocessor,
/// computed at offload (the schedule never changes afterwards).
struct AcceleratorSchedule: Sendable {
    /// Entered the input buffer (the CPU was stalled until then).
    var accept: UInt64 = 0
    /// Popped by the dispatcher.
    var dispatch: UInt64 = 0
    var unit: AcceleratorUnit = .systolicArray
    /// The unit started it / was busy with it until (exclusive).
    var start: UInt64 = 0
    var busyEnd: UInt64 = 0
    /// Its result entered the result FIFO (the end of the instruction).
    var finish: UInt64 = 0
    /// Memory rows (mld.w/mst.w): for a load, the cycle each row was read from
    /// the banks; for a store, the first cycle in which each row is visible.
    var row0: UInt64 = 0, row1: UInt64 = 0, row2: UInt64 = 0, row3: UInt64 = 0

    @inline(__always) func row(_ r: Int) -> UInt64 {
        switch r { case 0: return row0; case 1: return row1; case 2: return row2; default: return row3 }
    }
    @inline(__always) mutating func setRow(_ r: Int, _ v: UInt64) {
        switch r { case 0: row0 = v; case 1: row1 = v; case 2: row2 = v; default: row3 = v }
    }
}
