import Foundation

/// `objdump -d` output read back: the reference disassembly tests compare with.
public enum Objdump {
    /// One disassembled line: address, word, text (comment removed).
    public struct Line: Equatable, Sendable {
        public let address: UInt32
        public let word: UInt32
        public let text: String
    }

    /// The instruction lines of `objdump -d` output, e.g.
    /// "  1c:\tf1c3802b          \t.insn\t4, 0xf1c3802b".
    public static func parse(_ output: String) -> [Line] {
        var lines: [Line] = []
        for raw in output.split(separator: "\n") {
            let fields = raw.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3,
                  let colon = fields[0].firstIndex(of: ":"),
                  let address = UInt32(fields[0][..<colon].trimmingCharacters(in: .whitespaces), radix: 16),
                  let word = UInt32(fields[1].trimmingCharacters(in: .whitespaces), radix: 16)
            else { continue }
            var text = String(fields[2])
            if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
            lines.append(Line(address: address, word: word, text: text.trimmingCharacters(in: .whitespaces)))
        }
        return lines
    }

    /// The instruction words of `output`, in order.
    public static func words(_ output: String) -> [UInt32] { parse(output).map(\.word) }
}
