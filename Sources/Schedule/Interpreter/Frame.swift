/// One activation of a proc: slot arrays allocated for the call and freed
/// after it. Control values are Ints; each tensor slot holds its storage
/// (kept alive by `owners`), base pointer, element offset, and extents then
/// strides in `dims` at the slot's offset. Plain pointers, so passing a
/// frame around costs no reference counting.
struct Frame {
    let ints: UnsafeMutablePointer<Int>
    let bases: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    let offsets: UnsafeMutablePointer<Int>
    let dims: UnsafeMutablePointer<Int>
    let owners: UnsafeMutablePointer<TensorStorage?>
    let tensorCount: Int

    init(for p: ResolvedProc) {
        ints = .allocate(capacity: max(1, p.controlSlots))
        ints.initialize(repeating: 0, count: max(1, p.controlSlots))
        tensorCount = max(1, p.tensorSlots)
        bases = .allocate(capacity: tensorCount)
        bases.initialize(repeating: nil, count: tensorCount)
        offsets = .allocate(capacity: tensorCount)
        offsets.initialize(repeating: 0, count: tensorCount)
        owners = .allocate(capacity: tensorCount)
        owners.initialize(repeating: nil, count: tensorCount)
        dims = .allocate(capacity: max(1, p.dimsCount))
        dims.initialize(repeating: 0, count: max(1, p.dimsCount))
    }

    func release() {
        owners.deinitialize(count: tensorCount)
        owners.deallocate()
        ints.deallocate()
        bases.deallocate()
        offsets.deallocate()
        dims.deallocate()
    }
}
