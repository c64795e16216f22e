import TestSupport
import Testing
@testable import RISCV

/// Random RV32IM/Zicsr words from our encoder, disassembled by us and by
/// GNU objdump (binutils 2.40): the texts must agree in both styles. This
/// checks the decoder (opcode and every operand field) and the printer.
///
/// Known, deliberate differences, normalised here and nowhere else:
/// - objdump 2.40 prints immediate forms with the register mnemonic
///   (`add a0,a0,1`, `sll a0,a0,0x1f`, `csrrw a0,mie,8`, `csrw mstatus,3`);
///   we print `addi`, `slli`, `csrrwi`, `csrwi` (alias style only).
/// - objdump prints non-instructions in code as `.4byte 0x%x`; we print `.word 0x%08x`.
/// - objdump's `# address` comments are dropped (the parser strips them).
@Test(arguments: [Disassembler.Style.aliases, .noAliases])
func disassemblyMatchesObjdump(style: Disassembler.Style) throws {
    var gen = RandomInstructions(seed: style == .aliases ? 10 : 11)
    let instructions = gen.batch(4000, of: Opcode.baseAndZicsr, canonicalFences: false)
    let source = instructions.map { ".insn 4, 0x" + hex8($0.word) }.joined(separator: "\n") + "\n"

    let dir = try Toolchain.temporaryDirectory()
    defer { ScratchDirectory.remove(dir) }
    let object = try Toolchain.assemble(source, in: dir)
    let flags = style == .aliases ? ["-d"] : ["-d", "-M", "no-aliases"]
    let lines = Objdump.parse(try Tool.run(Toolchain.prefix + "objdump", flags + [object], in: dir).stdout)
    #expect(lines.count == instructions.count)

    let ours = Disassembler(style: style, symbolizer: { $0 == 0 ? ".text" : ".text+0x" + String($0, radix: 16) })
    var mismatches: [String] = []
    for (line, inst) in zip(lines, instructions) {
        #expect(line.word == inst.word)
        #expect(decode(line.word) == inst)
        let theirs = normalise(line.text, style: style)
        let mine = normaliseWord(ours.text(decode(line.word), pc: line.address))
        if theirs != mine { mismatches.append("0x\(hex8(line.word)): objdump `\(theirs)` ours `\(mine)`") }
    }
    if !mismatches.isEmpty {
        Issue.record("\(mismatches.count) mismatches:\n\(mismatches.prefix(40).joined(separator: "\n"))")
    }
}

private func normalise(_ text: String, style: Disassembler.Style) -> String {
    guard style == .aliases else { return text }
    let parts = text.split(separator: "\t", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { return text }
    let operands = parts[1].split(separator: ",")
    let immediateForms: [String: Int] = ["add": 3, "and": 3, "or": 3, "xor": 3, "sll": 3, "srl": 3, "sra": 3,
                                         "csrrw": 3, "csrrs": 3, "csrrc": 3, "csrw": 2, "csrs": 2, "csrc": 2]
    guard immediateForms[parts[0]] == operands.count, let last = operands.last,
          RegisterNames.gprNumber(String(last)) == nil else { return text }
    return parts[0] + "i\t" + parts[1]
}

private func normaliseWord(_ text: String) -> String {
    guard text.hasPrefix(".word\t0x"), let value = UInt32(text.dropFirst(8), radix: 16) else { return text }
    return ".4byte\t0x" + String(value, radix: 16)
}

/// Random words in the RV32IM/Zicsr major opcodes, most of them not valid
/// instructions: objdump and we must agree on which are (the simulator's
/// illegal-instruction trap depends on it) and on how they print.
@Test func randomWordsMatchObjdump() throws {
    var rng = SeededGenerator(seed: 12)
    let majors: [UInt32] = [0x37, 0x17, 0x6F, 0x67, 0x63, 0x03, 0x23, 0x13, 0x33, 0x0F, 0x73]
    let words = (0..<4000).map { _ in
        UInt32(truncatingIfNeeded: rng.next()) & ~0x7F | majors.randomElement(using: &rng)!
    }
    let source = words.map { ".insn 4, 0x" + hex8($0) }.joined(separator: "\n") + "\n"
    let dir = try Toolchain.temporaryDirectory()
    defer { ScratchDirectory.remove(dir) }
    let object = try Toolchain.assemble(source, in: dir)
    let lines = Objdump.parse(try Tool.run(Toolchain.prefix + "objdump", ["-d", "-M", "no-aliases", object], in: dir).stdout)
    #expect(lines.map(\.word) == words)
    let ours = Disassembler(style: .noAliases, symbolizer: { $0 == 0 ? ".text" : ".text+0x" + String($0, radix: 16) })
    var mismatches: [String] = []
    var illegal = 0
    for line in lines {
        if decode(line.word).opcode == .illegal { illegal += 1 }
        let mine = normaliseWord(ours.text(word: line.word, pc: line.address))
        if line.text != mine { mismatches.append("0x\(hex8(line.word)): objdump `\(line.text)` ours `\(mine)`") }
    }
    #expect(illegal > 200 && illegal < 3800)
    if !mismatches.isEmpty {
        Issue.record("\(mismatches.count) mismatches:\n\(mismatches.prefix(40).joined(separator: "\n"))")
    }
}
