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
            var address = UInt32(section.range.lowerBound)
            while UInt64(address) + 4 <= section.range.upperBound {
                if let names = labels[address] {
                    for name in names.sorted() { out += "\n\(hex8(address)) <\(name)>:\n" }
                }
                if let word = word(in: image, at: address) {
                    let digits = String(address, radix: 16)
                    out += String(repeating: " ", count: max(0, width - digits.count)) + digits + ":\t"
                    out += hex8(word) + "          \t" + disassembler.text(word: word, pc: address) + "\n"
                }
                address &+= 4
            }
        }
        return out
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
