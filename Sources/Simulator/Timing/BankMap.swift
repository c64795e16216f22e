/// One SRAM region of the memory map as the timing model sees it: a run of
/// banks, each serving one access per cycle (SPEC §3).
public struct BankRegion: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// Bank i holds [base + i*bankSize, base + (i+1)*bankSize).
        case contiguous
        /// Consecutive 32-bit words rotate over the banks (word w in bank w % bankCount).
        case interleaved
    }
    public var kind: Kind
    public var base: UInt32
    public var bankCount: Int
    public var bankSize: UInt32

    public init(kind: Kind, base: UInt32, bankCount: Int, bankSize: UInt32) {
        self.kind = kind
        self.base = base
        self.bankCount = bankCount
        self.bankSize = bankSize
    }

    public var byteSize: UInt64 { UInt64(bankCount) * UInt64(bankSize) }

    /// A bank group of the platform's memory map.
    public init(_ group: BankGroup) {
        self.init(kind: group.interleaved ? .interleaved : .contiguous, base: group.base,
                  bankCount: group.bankCount, bankSize: group.bankSize)
    }

    /// The bank layout of a memory map.
    public static func regions(of map: MemoryMap) -> [BankRegion] { map.bankGroups.map(BankRegion.init) }

    /// SPEC §3: 2 x 32 KiB contiguous at 0x0-0xFFFF, 4 x 16 KiB interleaved at
    /// 0x1_0000-0x1_FFFF: the X-HEEP platform's memory map (one definition).
    public static let xheepInterleavedDefault: [BankRegion] = regions(of: .xheep)
}

/// Address -> global bank number (0..<64), or `BankMap.none` outside every region.
/// A handful of regions, so a linear scan with shifts and masks is the cheapest lookup.
struct BankMap: Sendable {
    static let none = -1

    private struct Entry: Sendable {
        var base: UInt32
        var size: UInt64        // bytes
        var firstBank: Int
        var interleaved: Bool
        var bankCount: UInt32
        var bankSize: UInt32
    }
    private var entries: [Entry] = []
    /// The first interleaved region of at least 4 banks, in scalars (the LSU's
    /// usual target): base, byte size, first bank, bank count (count 0: none).
    private var fastBase: UInt32 = 0, fastSize: UInt64 = 0, fastFirst = 0, fastCount: UInt32 = 0

    init(_ regions: [BankRegion]) {
        var first = 0
        for r in regions {
            entries.append(Entry(base: r.base, size: r.byteSize, firstBank: first,
                                 interleaved: r.kind == .interleaved, bankCount: UInt32(r.bankCount),
                                 bankSize: r.bankSize))
            if fastCount == 0 && r.kind == .interleaved && r.bankCount >= 4 {
                (fastBase, fastSize, fastFirst, fastCount) = (r.base, r.byteSize, first, UInt32(r.bankCount))
            }
            first += r.bankCount
        }
    }

    var bankCount: Int { entries.reduce(0) { $0 + Int($1.bankCount) } }

    /// The banks of the four words of a row at `address` when they are four
    /// distinct banks of one interleaved region (one bit each), else 0: the
    /// common LSU row, which can then be granted with one lookup.
    @inline(__always)
    func distinctRowBanks(_ address: UInt32) -> UInt64 {
        let offset = address &- fastBase
        guard fastCount != 0 && UInt64(offset) + 16 <= fastSize else { return 0 }
        var local = (offset >> 2) % fastCount
        var mask: UInt64 = 0
        for _ in 0..<4 {
            mask |= 1 &<< UInt64(fastFirst + Int(local))
            local += 1
            if local == fastCount { local = 0 }
        }
        return mask
    }

    /// The address range of the bank holding `address` (for an interleaved
    /// region, the whole region); size 0 outside every region.
    func bankRange(containing address: UInt32) -> (base: UInt32, size: UInt32) {
        for e in entries {
            let offset = address &- e.base
            guard UInt64(offset) < e.size else { continue }
            if e.interleaved { return (e.base, UInt32(min(e.size, UInt64(UInt32.max)))) }
            return (e.base &+ (offset / e.bankSize) &* e.bankSize, e.bankSize)
        }
        return (0, 0)
    }

    /// The bank count of the interleaved region holding `address`; 0 in a
    /// contiguous region or outside every region.
    func interleave(at address: UInt32) -> UInt32 {
        for e in entries where UInt64(address &- e.base) < e.size {
            return e.interleaved ? e.bankCount : 0
        }
        return 0
    }

    @inline(__always)
    func bank(of address: UInt32) -> Int {
        for e in entries {
            let offset = address &- e.base
            if UInt64(offset) < e.size {
                let local = e.interleaved ? (offset >> 2) % e.bankCount : offset / e.bankSize
                return e.firstBank + Int(local)
            }
        }
        return BankMap.none
    }
}
