import RISCV

/// One simulated X-HEEP (or other platform) system: an RV32IM + Zicsr hart
/// with the 8 RVM tile registers, RAM, devices and the program's symbols.
///
/// The architectural state lives in manually allocated buffers so that the
/// run loop works on plain pointers (no copy-on-write checks, no exclusivity
/// checks, no allocation per instruction).
public final class Machine {
    public let platform: Platform
    public let symbols: SymbolTable
    public let console: Console

    let storage: RAMStorage
    let bus: DeviceBus
    /// x0..x31; x0 is rewritten to 0 after every instruction.
    let gpr: UnsafeMutablePointer<UInt32>
    /// Tile register t, element (i, j) at t*16 + i*4 + j (4 x 4 words each).
    let tiles: UnsafeMutablePointer<UInt32>

    public internal(set) var pc: UInt32
    /// Retired instructions (trapping instructions do not retire).
    public internal(set) var instret: UInt64 = 0
    var csr = CSRFile()
    var semihosting = SemihostingState()
    /// RAM word index of the `tohost` symbol, or UInt32.max when absent.
    let tohostWord: UInt32
    /// A stop requested by the instruction that just retired (exit).
    var pendingStop: StopReason?
    /// The last CSR write (number, new value), for the commit log.
    var lastCSRWrite: (number: UInt16, value: UInt32)?

    /// Builds the machine and loads the program; fails when a segment or the
    /// entry point does not fit the platform's RAM.
    public init(platform: Platform, image: ELFImage, console: Console = Console()) throws(LoadError) {
        let map = platform.memoryMap
        try Self.checkRAM(map)
        for segment in image.segments where !map.ramContains(segment.address, count: segment.memorySize) {
            throw .segmentOutsideMemory(address: segment.address, size: segment.memorySize,
                                        ramBase: map.ramBase, ramSize: map.ramSize)
        }
        try Self.checkDisjoint(image.segments)
        guard map.ramContains(image.entry, count: 4) else {
            throw .entryOutsideMemory(entry: image.entry, ramBase: map.ramBase, ramSize: map.ramSize)
        }
        guard image.entry & 3 == 0 else { throw .entryMisaligned(entry: image.entry) }

        self.platform = platform
        self.symbols = image.symbols
        self.console = console
        storage = RAMStorage(base: map.ramBase, size: map.ramSize)
        bus = DeviceBus(regions: platform.devices, console: console)
        gpr = .allocate(capacity: 32)
        gpr.initialize(repeating: 0, count: 32)
        tiles = .allocate(capacity: 8 * 16)
        tiles.initialize(repeating: 0, count: 8 * 16)
        pc = image.entry

        let ram = storage.view
        for segment in image.segments {
            let offset = Int(segment.address &- ram.base)
            segment.data.withUnsafeBytes { bytes in
                if let source = bytes.baseAddress {
                    (ram.bytes + offset).copyMemory(from: source, byteCount: bytes.count)
                }
            }
        }
        if let tohost = image.symbols.address(of: "tohost"), map.ramContains(tohost, count: 4) {
            tohostWord = (tohost &- map.ramBase) >> 2
        } else {
            tohostWord = .max
        }
    }

    /// RAM the run loop can address safely: word-aligned, at least one word,
    /// not wrapping past 4 GiB (its bounds checks rely on all three).
    static func checkRAM(_ map: MemoryMap) throws(LoadError) {
        guard map.ramBase & 3 == 0 else {
            throw .invalidPlatform("RAM base 0x\(hex8(map.ramBase)) is not 4-byte aligned")
        }
        guard map.ramSize >= 4, map.ramSize & 3 == 0 else {
            throw .invalidPlatform("RAM size \(map.ramSize) is not a positive multiple of 4 bytes")
        }
        guard UInt64(map.ramBase) + UInt64(map.ramSize) <= 1 << 32 else {
            throw .invalidPlatform("RAM \(LoadError.range(map.ramBase, map.ramSize)) runs past the end of the 32-bit address space")
        }
    }

    /// Segments (already known to lie in RAM, so their ends do not wrap) must not share bytes.
    static func checkDisjoint(_ segments: [ELFImage.Segment]) throws(LoadError) {
        let sorted = segments.filter { $0.memorySize > 0 }.sorted { $0.address < $1.address }
        for (first, second) in zip(sorted, sorted.dropFirst())
        where UInt64(first.address) + UInt64(first.memorySize) > UInt64(second.address) {
            throw .overlappingSegments(first: first.address, firstSize: first.memorySize,
                                       second: second.address, secondSize: second.memorySize)
        }
    }

    deinit {
        gpr.deallocate()
        tiles.deallocate()
    }

    // MARK: Inspection (tests, reports)

    /// Register x`index` (0...31).
    public func register(_ index: Int) -> UInt32 { gpr[index & 31] }

    /// Sets register x`index`; writes to x0 are ignored.
    public func setRegister(_ index: Int, _ value: UInt32) {
        if index & 31 != 0 { gpr[index & 31] = value }
    }

    /// The 16 words of tile register m`index`, row-major.
    public func tile(_ index: Int) -> [UInt32] {
        Array(UnsafeBufferPointer(start: tiles + (index & 7) * 16, count: 16))
    }

    /// `count` bytes of RAM at `address`, or nil when they are not all in RAM.
    public func readMemory(_ address: UInt32, count: Int) -> [UInt8]? {
        let ram = storage.view
        guard count >= 0, count <= Int(ram.size), let offset = ram.offset(of: address, count: UInt32(count)) else { return nil }
        return Array(UnsafeRawBufferPointer(start: ram.bytes + Int(offset), count: count))
    }

    /// A copy of all of RAM with the program's symbols (for reading results by name).
    public func memorySnapshot() -> MemorySnapshot {
        let ram = storage.view
        let bytes = Array(UnsafeRawBufferPointer(start: ram.bytes, count: Int(ram.size)))
        return MemorySnapshot(base: ram.base, bytes: bytes, symbols: symbols)
    }

    /// The little-endian word at `address` in RAM.
    public func readWord(_ address: UInt32) -> UInt32? {
        let ram = storage.view
        return ram.offset(of: address, count: 4).map { ram.load32($0) }
    }

    /// Writes bytes into RAM; false when they do not all fit.
    @discardableResult
    public func writeMemory(_ address: UInt32, _ bytes: [UInt8]) -> Bool {
        let ram = storage.view
        guard bytes.count <= Int(ram.size), let offset = ram.offset(of: address, count: UInt32(bytes.count)) else { return false }
        for (index, byte) in bytes.enumerated() { ram.store8(offset + UInt32(index), byte) }
        return true
    }

    /// A CSR as the program would read it now, or nil when it does not exist.
    public func readCSR(_ number: UInt16, cycles: UInt64 = 0) -> UInt32? {
        csr.read(number, cycles: cycles, instret: instret)
    }

    /// The instruction word at `pc` when it is in RAM.
    func instructionWord(at pc: UInt32) -> UInt32? { readWord(pc) }
}
