/// RVM tile loads, stores and zeroing (RVM-SPEC.md §1): element (i, j) of the
/// tile lives at `base + i*stride + 4*j` (stride = row stride in bytes, from
/// rs2). Alignment is not checked, as in the vendor simulator; rows are
/// accessed in order i = 0..3, j = 0..3.
enum MatrixAccessOutcome: Equatable {
    case done
    case stop
    case fault(address: UInt32)
}

extension Machine {
    /// `mld.w md, (base), stride`.
    @inline(never)
    func matrixLoad(tile: Int, base: UInt32, stride: UInt32) -> MatrixAccessOutcome {
        let ram = storage.view
        let destination = tiles + tile * 16
        for i in 0..<4 {
            let row = base &+ UInt32(i) &* stride
            for j in 0..<4 {
                let address = row &+ UInt32(4 * j)
                guard let value = load(ram, address, size: 4) else { return .fault(address: address) }
                destination[i * 4 + j] = value
            }
        }
        return .done
    }

    /// `mst.w ms3, (base), stride`.
    @inline(never)
    func matrixStore(tile: Int, base: UInt32, stride: UInt32) -> MatrixAccessOutcome {
        let ram = storage.view
        let source = tiles + tile * 16
        var outcome = MatrixAccessOutcome.done
        for i in 0..<4 {
            let row = base &+ UInt32(i) &* stride
            for j in 0..<4 {
                let address = row &+ UInt32(4 * j)
                switch store(ram, address, size: 4, value: source[i * 4 + j], tohostWord: tohostWord) {
                case .done: break
                case .stop: outcome = .stop
                case .fault: return .fault(address: address)
                }
            }
        }
        return outcome
    }

    /// `mzero md`.
    @inline(never)
    func matrixZero(tile: Int) {
        (tiles + tile * 16).update(repeating: 0, count: 16)
    }
}
