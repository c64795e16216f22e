/// Where RAM is and how it is split into SRAM banks. A value type so a
/// platform can be described, copied and overridden (DESIGN.md: "RAM base,
/// size and bank layout configurable").
///
/// The functional core only uses `ramBase`/`ramSize`; the bank groups are
/// metadata for the timing model (one access per bank per cycle, RVM-SPEC.md §2).
public struct MemoryMap: Sendable, Equatable {
    /// First byte of RAM.
    public var ramBase: UInt32
    /// RAM size in bytes (a multiple of 4).
    public var ramSize: UInt32
    /// The SRAM banks covering RAM, in address order.
    public var bankGroups: [BankGroup]

    public init(ramBase: UInt32, ramSize: UInt32, bankGroups: [BankGroup]) {
        self.ramBase = ramBase
        self.ramSize = ramSize
        self.bankGroups = bankGroups
    }

    /// True when the `count` bytes at `address` all lie in RAM.
    @inline(__always)
    public func ramContains(_ address: UInt32, count: UInt32 = 1) -> Bool {
        let offset = address &- ramBase
        return offset < ramSize && count <= ramSize - offset
    }

    /// The global bank index (over all groups, in order) of the word at `address`,
    /// or nil outside every bank group.
    public func bank(of address: UInt32) -> Int? {
        var first = 0
        for group in bankGroups {
            if let local = group.localBank(of: address) { return first + local }
            first += group.bankCount
        }
        return nil
    }

    /// Total number of banks over all groups.
    public var bankCount: Int { bankGroups.reduce(0) { $0 + $1.bankCount } }
}

/// A run of equally sized SRAM banks: either contiguous (bank i covers
/// [base + i*bankSize, base + (i+1)*bankSize)) or word-interleaved (word w of
/// the group lives in bank w mod bankCount).
public struct BankGroup: Sendable, Equatable {
    public var name: String
    public var base: UInt32
    public var bankSize: UInt32
    public var bankCount: Int
    public var interleaved: Bool

    public init(name: String, base: UInt32, bankSize: UInt32, bankCount: Int, interleaved: Bool) {
        self.name = name
        self.base = base
        self.bankSize = bankSize
        self.bankCount = bankCount
        self.interleaved = interleaved
    }

    public var size: UInt32 { bankSize &* UInt32(bankCount) }

    /// Bank index inside this group, or nil when `address` is outside it.
    @inline(__always)
    public func localBank(of address: UInt32) -> Int? {
        let offset = address &- base
        guard offset < size else { return nil }
        return interleaved ? Int((offset >> 2) % UInt32(bankCount)) : Int(offset / bankSize)
    }
}

extension MemoryMap {
    /// X-HEEP with the interleaved-bank configuration of RVM-SPEC.md §3 (the
    /// one the RTL measurements used): RAM at 0, 2 x 32 KiB contiguous banks at
    /// 0x0-0xFFFF (code, stack) and 4 x 16 KiB word-interleaved banks at
    /// 0x1_0000-0x1_FFFF (section `.xheep_data_interleaved`).
    public static let xheep = MemoryMap(
        ramBase: 0, ramSize: 0x2_0000,
        bankGroups: [
            BankGroup(name: "contiguous", base: 0, bankSize: 0x8000, bankCount: 2, interleaved: false),
            BankGroup(name: "interleaved", base: 0x1_0000, bankSize: 0x4000, bankCount: 4, interleaved: true),
        ])

    /// QEMU's `virt` board as far as bare-metal programs see it: RAM at
    /// 0x8000_0000. 8 MiB is enough for picolibc programs linked with the
    /// defsyms of RVM-SPEC.md §5 (QEMU itself defaults to 128 MiB); one bank.
    public static let virt = MemoryMap(
        ramBase: 0x8000_0000, ramSize: 0x80_0000,
        bankGroups: [BankGroup(name: "ram", base: 0x8000_0000, bankSize: 0x80_0000, bankCount: 1, interleaved: false)])
}
