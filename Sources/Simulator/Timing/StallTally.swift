/// Stall cycles by cause, in inline storage: adding to it is a load and a store,
/// with none of the copy-on-write check an array would pay per stall.
struct StallTally: Sendable {
    private var counts: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                         UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
        = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    init() {
        precondition(StallCause.allCases.count <= 16, "StallTally holds 16 causes")
    }

    @inline(__always) mutating func add(_ cause: StallCause, _ n: UInt64) {
        withUnsafeMutableBytes(of: &counts) { raw in
            let offset = cause.rawValue * MemoryLayout<UInt64>.stride
            raw.storeBytes(of: raw.load(fromByteOffset: offset, as: UInt64.self) &+ n, toByteOffset: offset, as: UInt64.self)
        }
    }

    subscript(_ cause: StallCause) -> UInt64 {
        withUnsafeBytes(of: counts) { $0.load(fromByteOffset: cause.rawValue * MemoryLayout<UInt64>.stride, as: UInt64.self) }
    }
}
