import TestSupport

/// Seeded mutations of a valid ELF32 file aimed at the places loaders trust:
/// header fields, program and section headers, string and symbol tables,
/// lengths, offsets and counts (extreme values), truncation, overlaps.
struct ELFMutator {
    var generator: SeededGenerator

    /// Values that break size and offset arithmetic.
    static let extremes32: [UInt32] = [0, 1, 3, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0xFFFF_FFF0, 0x1_0000, 0x1_FFFC, 0x2_0000]
    static let extremes16: [UInt16] = [0, 1, 0x7FFF, 0xFFFF, 0xFF00, 0x100, 32, 40, 52, 64]

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    mutating func mutate(_ original: [UInt8]) -> (bytes: [UInt8], what: String) {
        var bytes = original
        let what = apply(&bytes, depth: 0)
        return (bytes, what)
    }

    private mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(generator.next() % UInt64(n)) }
    private mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
    private mutating func random32() -> UInt32 { UInt32(truncatingIfNeeded: generator.next()) }

    private mutating func apply(_ b: inout [UInt8], depth: Int) -> String {
        let layout = Layout(b)
        switch below(depth == 0 ? 11 : 10) {
        case 0:
            let offset = below(min(52, b.count))
            if offset < b.count { b[offset] ^= 1 << UInt8(below(8)) }
            return "flip ehdr byte \(offset)"
        case 1:
            let offset = layout.phoff + 32 * below(layout.phnum) + 4 * below(8)
            let value = below(3) == 0 ? random32() : pick(Self.extremes32)
            Self.put32(&b, offset, value)
            return "phdr word @\(offset) = \(value)"
        case 2:
            let offset = layout.shoff + 40 * below(layout.shnum) + 4 * below(10)
            let value = below(3) == 0 ? random32() : pick(Self.extremes32)
            Self.put32(&b, offset, value)
            return "shdr word @\(offset) = \(value)"
        case 3:
            let offset = pick([16, 18, 40, 42, 44, 46, 48, 50])
            let value = below(3) == 0 ? UInt16(truncatingIfNeeded: random32()) : pick(Self.extremes16)
            Self.put16(&b, offset, value)
            return "ehdr half @\(offset) = \(value)"
        case 4:
            let offset = pick([20, 24, 28, 32, 36])
            let value = below(3) == 0 ? random32() : pick(Self.extremes32 + [UInt32(b.count), UInt32(b.count + 1)])
            Self.put32(&b, offset, value)
            return "ehdr word @\(offset) = \(value)"
        case 5:
            let length = below(b.count + 1)
            b.removeSubrange(length...)
            return "truncate to \(length)"
        case 6:
            let count = 1 + below(20)
            for _ in 0..<count where !b.isEmpty { b[below(b.count)] = UInt8(truncatingIfNeeded: random32()) }
            return "\(count) random bytes"
        case 7:
            // The tail holds .symtab, .strtab, .shstrtab and the section headers.
            let low = max(0, min(layout.shoff, b.count) - 2000)
            let count = 1 + below(30)
            for _ in 0..<count where low < b.count { b[low + below(b.count - low)] = UInt8(truncatingIfNeeded: random32()) }
            return "\(count) random bytes in the tables from \(low)"
        case 8:
            let source = layout.phoff + 32 * below(layout.phnum), target = layout.phoff + 32 * below(layout.phnum)
            guard source + 32 <= b.count, target + 32 <= b.count else { return "no phdr to copy" }
            b.replaceSubrange(target..<target + 32, with: b[source..<source + 32])
            let shift = pick([0, 4, 0x100] as [UInt32])
            Self.put32(&b, target + 8, Self.get32(b, target + 8) &+ shift)
            Self.put32(&b, target + 12, Self.get32(b, target + 12) &+ shift)
            return "phdr \(source) copied over \(target), moved by \(shift)"
        case 9:
            let offset = layout.phoff + 32 * below(layout.phnum) + pick([4, 16, 20])
            let value = pick([0xFFFF_FFFF, 0x8000_0000, 0x2_0000, 0x1_FFFF, 0xFFFF_F000] as [UInt32])
            Self.put32(&b, offset, value)
            return "segment offset/size @\(offset) = \(value)"
        default:
            return (0..<3).map { _ in apply(&b, depth: depth + 1) }.joined(separator: "; ")
        }
    }

    /// Where the tables are, read defensively from a possibly mutated file.
    struct Layout {
        var phoff = 0, shoff = 0, phnum = 1, shnum = 1
        init(_ b: [UInt8]) {
            guard b.count >= 52 else { return }
            phoff = Int(ELFMutator.get32(b, 28))
            shoff = Int(ELFMutator.get32(b, 32))
            phnum = max(1, Int(ELFMutator.get16(b, 44)))
            shnum = max(1, Int(ELFMutator.get16(b, 48)))
        }
    }

    static func get16(_ b: [UInt8], _ at: Int) -> UInt16 {
        guard at >= 0, at + 2 <= b.count else { return 0 }
        return UInt16(b[at]) | UInt16(b[at + 1]) << 8
    }
    static func get32(_ b: [UInt8], _ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= b.count else { return 0 }
        return (0..<4).reduce(0) { $0 | UInt32(b[at + $1]) << (8 * UInt32($1)) }
    }
    static func put16(_ b: inout [UInt8], _ at: Int, _ value: UInt16) {
        guard at >= 0, at + 2 <= b.count else { return }
        b[at] = UInt8(value & 0xFF); b[at + 1] = UInt8(value >> 8)
    }
    static func put32(_ b: inout [UInt8], _ at: Int, _ value: UInt32) {
        guard at >= 0, at + 4 <= b.count else { return }
        for i in 0..<4 { b[at + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
    }
}
