import RISCV

/// Flat little-endian RAM and its pre-decoded instruction cache, one slot per
/// word. A trivially copyable view (base pointers and bounds) that the run
/// loop keeps in registers; `RAMStorage` owns the memory.
///
/// Cache protocol: a slot holds the decoded form of its word, or `notDecoded`
/// (an `.illegal` with word 0). Executing an `.illegal` slot re-decodes the word
/// from memory, so the sentinel costs nothing on the hot path. Every store into
/// RAM resets the slots it touches, which keeps self-modifying code and code
/// loaded at run time correct without `fence.i`.
struct RAM {
    let base: UInt32
    let size: UInt32
    let bytes: UnsafeMutableRawPointer
    let slots: UnsafeMutablePointer<Instruction>

    static let notDecoded = Instruction(opcode: .illegal, word: 0)

    /// Offset of an access of `count` bytes at `address`, or nil outside RAM.
    @inline(__always)
    func offset(of address: UInt32, count: UInt32) -> UInt32? {
        let offset = address &- base
        return offset <= size &- count ? offset : nil
    }

    @inline(__always) func load32(_ offset: UInt32) -> UInt32 {
        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: Int(offset), as: UInt32.self))
    }
    @inline(__always) func load16(_ offset: UInt32) -> UInt16 {
        UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: Int(offset), as: UInt16.self))
    }
    @inline(__always) func load8(_ offset: UInt32) -> UInt8 {
        bytes.load(fromByteOffset: Int(offset), as: UInt8.self)
    }

    @inline(__always) func store32(_ offset: UInt32, _ value: UInt32) {
        bytes.storeBytes(of: value.littleEndian, toByteOffset: Int(offset), as: UInt32.self)
        invalidate(offset, count: 4)
    }
    @inline(__always) func store16(_ offset: UInt32, _ value: UInt16) {
        bytes.storeBytes(of: value.littleEndian, toByteOffset: Int(offset), as: UInt16.self)
        invalidate(offset, count: 2)
    }
    @inline(__always) func store8(_ offset: UInt32, _ value: UInt8) {
        bytes.storeBytes(of: value, toByteOffset: Int(offset), as: UInt8.self)
        invalidate(offset, count: 1)
    }

    /// Drops the decoded form of the words covering [offset, offset + count).
    @inline(__always) func invalidate(_ offset: UInt32, count: UInt32) {
        slots[Int(offset >> 2)] = Self.notDecoded
        slots[Int((offset &+ count &- 1) >> 2)] = Self.notDecoded
    }

    /// Drops every decoded instruction (fence.i, reloads).
    func invalidateAll() {
        slots.update(repeating: Self.notDecoded, count: Int(size / 4))
    }
}

/// Owns the bytes and slots a `RAM` view points to.
final class RAMStorage {
    let view: RAM

    init(base: UInt32, size: UInt32) {
        let words = Int(size / 4)
        let bytes = UnsafeMutableRawPointer.allocate(byteCount: Int(size), alignment: 16)
        bytes.initializeMemory(as: UInt8.self, repeating: 0, count: Int(size))
        let slots = UnsafeMutablePointer<Instruction>.allocate(capacity: words)
        slots.initialize(repeating: RAM.notDecoded, count: words)
        view = RAM(base: base, size: size & ~3, bytes: bytes, slots: slots)
    }

    deinit {
        view.slots.deinitialize(count: Int(view.size / 4))
        view.slots.deallocate()
        view.bytes.deallocate()
    }
}
