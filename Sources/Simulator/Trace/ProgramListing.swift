import RISCV

/// An objdump-like listing of a program's executable sections (`rvm disasm`):
/// a header per section and per code symbol, then one line per word,
/// `address: word <tab> instruction`, branch targets named by symbol
/// (`1d0 <__unexpected_trap>`), as `riscv64-unknown-elf-objdump -d` prints them.
public enum ProgramListing {
    public static func text(_ image: ELFImage, path: String, style: Disassembler.Style = .aliases) -> String {
        let symbols = image.symbols
        let disassembler = Disassembler(style: style) { address in
            guard let symbol = symbols.symbol(containing: address) else { return nil }
            let offset = address &- symbol.address
            return offset == 0 ? symbol.name : "\(symbol.name)+0x\(String(offset, radix: 16))"
        }
        var labels: [UInt32: [String]] = [:]
        for symbol in symbols.codeSymbols { labels[symbol.address, default: []].append(symbol.name) }

        var out = "\n\(path):     file format elf32-littleriscv\n\n"
        for section in symbols.codeSections.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard section.range.upperBound > section.range.lowerBound, section.range.upperBound <= 1 << 32 else { continue }
            out += "\nDisassembly of section \(section.name):\n"
            let width = max(4, String(section.range.upperBound - 1, radix: 16).count)
            // Only bytes the file holds: a section header may claim gigabytes of bss.
            for part in fileBacked(image, clippedTo: section.range) {
                var address = UInt64(part.lowerBound)
                while address + 4 <= part.upperBound {
                    let pc = UInt32(address)
                    if let names = labels[pc] {
                        for name in names.sorted() { out += "\n\(hex8(pc)) <\(name)>:\n" }
                    }
                    if let word = word(in: image, at: pc) {
                        let digits = String(pc, radix: 16)
                        out += String(repeating: " ", count: max(0, width - digits.count)) + digits + ":\t"
                        out += hex8(word) + "          \t" + disassembler.text(word: word, pc: pc) + "\n"
                    }
                    address += 4
                }
            }
        }
        return out
    }

    /// The parts of `range` covered by the segments' file bytes, in address
    /// order, overlaps merged; each starts on `range`'s word grid.
    static func fileBacked(_ image: ELFImage, clippedTo range: Range<UInt64>) -> [Range<UInt64>] {
        let pieces = image.segments.compactMap { segment -> Range<UInt64>? in
            let start = max(UInt64(segment.address), range.lowerBound)
            let end = min(UInt64(segment.address) + UInt64(segment.data.count), range.upperBound)
            guard start < end else { return nil }
            let aligned = range.lowerBound + (start - range.lowerBound + 3) / 4 * 4
            return aligned < end ? aligned..<end : nil
        }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [Range<UInt64>] = []
        for piece in pieces {
            if let last = merged.last, piece.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, piece.upperBound)
            } else {
                merged.append(piece)
            }
        }
        return merged
    }

    /// The word at `address` in the image's loadable segments (nil in bss or outside).
    static func word(in image: ELFImage, at address: UInt32) -> UInt32? {
        for segment in image.segments {
            let offset = address &- segment.address
            if UInt64(offset) + 4 <= UInt64(segment.data.count) {
                let i = Int(offset)
                return UInt32(segment.data[i]) | UInt32(segment.data[i + 1]) << 8
                    | UInt32(segment.data[i + 2]) << 16 | UInt32(segment.data[i + 3]) << 24
            }
        }
        return nil
    }
}
