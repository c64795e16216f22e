/// A fixed number of 64-bit words behind one pointer. Element writes are plain
/// stores, without the copy-on-write check a Swift array pays on every write;
/// value semantics are kept by `makeUnique()`, which the owner calls once at the
/// start of each mutating entry point (`Accelerator.offer`) before any write.
struct WordArray: Sendable {
    /// Written only through a uniquely referenced instance (see `makeUnique`).
    private final class Storage: @unchecked Sendable {
        let words: UnsafeMutablePointer<UInt64>
        let count: Int

        init(count: Int, value: UInt64) {
            self.count = count
            words = .allocate(capacity: count)
            words.initialize(repeating: value, count: count)
        }

        init(copying other: Storage) {
            count = other.count
            words = .allocate(capacity: count)
            words.initialize(from: other.words, count: count)
        }

        deinit { words.deallocate() }
    }

    private var storage: Storage

    init(count: Int, value: UInt64 = 0) {
        storage = Storage(count: count, value: value)
    }

    var count: Int { storage.count }

    @inline(__always) subscript(_ i: Int) -> UInt64 {
        get { storage.words[i] }
        set { storage.words[i] = newValue }
    }

    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
    }
}
