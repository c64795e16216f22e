import Foundation
import Testing
import Schedule
import RVMTarget
import TestSupport

/// kernels/examples/rvm_tiles.exo (Exo text calling the predefined RVM
/// instructions) through `rvm compile`, cross-compiled with the RISC-V GCC and
/// kernels/runtime/rvm.h, disassembled with objdump: each kernel holds exactly
/// the instruction words RVM-SPEC.md §1 gives for its tile registers.
@Suite struct PipelineCrossCompileTests {
    /// Words by the table of RVM-SPEC.md §1 (text operand order md, ms2, ms1).
    enum Word {
        static func mma(_ base: UInt32, md: UInt32, ms2: UInt32, ms1: UInt32) -> UInt32 { base | ms2 << 21 | ms1 << 18 | md << 15 }
        static func mmada(md: UInt32, ms2: UInt32, ms1: UInt32) -> UInt32 { mma(0xE000_042B, md: md, ms2: ms2, ms1: ms1) }
        static func mmaqa(md: UInt32, ms2: UInt32, ms1: UInt32) -> UInt32 { mma(0x1000_002B, md: md, ms2: ms2, ms1: ms1) }
        static func fmmacc(md: UInt32, ms2: UInt32, ms1: UInt32) -> UInt32 { mma(0x0800_082B, md: md, ms2: ms2, ms1: ms1) }
        /// mld.w / mst.w with any GPRs: the tile in bits 9:7.
        static func isLoad(_ w: UInt32, tile: UInt32) -> Bool { w & 0xFE00_7C7F == 0x0400_082B && (w >> 7) & 7 == tile }
        static func isStore(_ w: UInt32, tile: UInt32) -> Bool { w & 0xFE00_7C7F == 0x0C00_082B && (w >> 7) & 7 == tile }
    }

    @Test func wordFormulasReproduceTheSpecsKnownGoodWords() {
        #expect(Word.isLoad(0x05D7_082B, tile: 0))       // mld.w m0,(a4),t4
        #expect(Word.isStore(0x0D49_08AB, tile: 1))      // mst.w m1,(s2),s4
        #expect(Word.mma(0xF000_082B, md: 1, ms2: 0, ms1: 5) == RVMCrossCompileTests.mmasa(md: 1, ms2: 0, ms1: 5))
    }

    /// The custom-1 (RVM) words of each function of the object, in address order.
    static func rvmWordsByFunction(_ dump: String) -> [String: [UInt32]] {
        var out: [String: [UInt32]] = [:]
        var current = ""
        for line in dump.split(separator: "\n") {
            // "00000000 <tile_product_i32>:" opens a function; "000000a0 <.L8>:" is a label inside one.
            if line.hasSuffix(">:"), let open = line.firstIndex(of: "<") {
                let label = String(line[line.index(after: open)..<line.index(line.endIndex, offsetBy: -2)])
                if !label.hasPrefix(".L") { current = label }
                continue
            }
            // "  1c:	f1c3802b          	.insn	4, 0xf1c3802b": the second column is the word.
            let cols = line.split(separator: "\t")
            guard cols.count >= 2, cols[0].hasSuffix(":"),
                  let w = UInt32(cols[1].trimmingCharacters(in: .whitespaces), radix: 16), w & 0x7F == 0x2B else { continue }
            out[current, default: []].append(w)
        }
        return out
    }

    @Test(.enabled(if: CToolchain.available(CrossGCC.gcc), "needs riscv64-unknown-elf-gcc"),
          .enabled(if: Repository.rvmHeader != nil, "needs kernels/runtime/rvm.h"))
    func exampleKernelsAssembleToTheSpecifiedWords() throws {
        let compiled = try RVMPipeline.compile(try Repository.text(Repository.rvmTiles), file: "rvm_tiles.exo", library: "rvm_tiles")
        let tc = try CToolchain()
        defer { tc.cleanUp() }
        try tc.write(compiled.output.headerName, compiled.output.header)
        try tc.write("rvm_tiles.c", compiled.output.source)
        try tc.write("rvm.h", try String(contentsOf: try #require(Repository.rvmHeader), encoding: .utf8))
        try tc.run(CrossGCC.gcc, CrossGCC.flags + ["-c", "-o", "rvm_tiles.o", "rvm_tiles.c"])
        let words = Self.rvmWordsByFunction(try tc.run(CrossGCC.objdump, ["-d", "rvm_tiles.o"]))

        // Straight-line products: acc gets m7, ta m6, tb m5 (m7 first, as
        // RVM_TILE hands them out); `op acc, ta, tb` is md=7, ms2=6, ms1=5.
        let products: [(String, UInt32)] = [
            ("tile_product_i32", RVMCrossCompileTests.mmasa(md: 7, ms2: 6, ms1: 5)),
            ("tile_product_i16", Word.mmada(md: 7, ms2: 6, ms1: 5)),
            ("tile_product_i8", Word.mmaqa(md: 7, ms2: 6, ms1: 5)),
            ("tile_product_f32", Word.fmmacc(md: 7, ms2: 6, ms1: 5)),
        ]
        for (name, multiply) in products {
            let w = try #require(words[name], "no RVM instruction in \(name)")
            #expect(w.count == 5, "\(name): \(w.map { String($0, radix: 16) })")
            guard w.count == 5 else { continue }
            // mzero and the two loads are independent asm volatile statements, kept in order.
            #expect(w[0] == RVMCrossCompileTests.mzero(md: 7), "\(name)")
            #expect(Word.isLoad(w[1], tile: 6) && Word.isLoad(w[2], tile: 5), "\(name)")
            #expect(w[3] == multiply, "\(name)")
            #expect(Word.isStore(w[4], tile: 7), "\(name)")
        }

        // The loop: tb in m7 for the whole proc, acc0/acc1 in m6/m5, and
        // ta2 reusing m4 once ta is dead.
        let block = try #require(words["block_product"])
        #expect(block.count == 9, "\(block.map { String($0, radix: 16) })")
        guard block.count == 9 else { return }
        #expect(Word.isLoad(block[0], tile: 7))
        #expect(block[1] == RVMCrossCompileTests.mzero(md: 6) && block[2] == RVMCrossCompileTests.mzero(md: 5))
        #expect(Word.isLoad(block[3], tile: 4))
        #expect(block[4] == RVMCrossCompileTests.mmasa(md: 6, ms2: 7, ms1: 4))
        #expect(Word.isLoad(block[5], tile: 4))
        #expect(block[6] == RVMCrossCompileTests.mmasa(md: 5, ms2: 7, ms1: 4))
        #expect(Word.isStore(block[7], tile: 6) && Word.isStore(block[8], tile: 5))
    }

    @Test func exampleKernelsComputeTheSpecsProducts() throws {
        // The same file, interpreted: tile_product_i32 gives c = b * transpose(a)
        // (RVM-SPEC.md §1 with a in ms2 and b in ms1), computed here directly.
        let module = try RVMPipeline.compile(try Repository.text(Repository.rvmTiles)).module
        var rng = SeededGenerator(seed: 3)
        let a = (0..<16).map { _ in Int.random(in: -1000...1000, using: &rng) }
        let b = (0..<16).map { _ in Int.random(in: -1000...1000, using: &rng) }
        let c = Tensor(.i32, shape: [4, 4])
        try Interpreter.run(try #require(module.proc(named: "tile_product_i32")),
                            [.tensor(Tensor(.i32, shape: [4, 4], values: a)), .tensor(Tensor(.i32, shape: [4, 4], values: b)), .tensor(c)])
        let expected: [Int] = (0..<16).map { (ij: Int) -> Int in
            let i = ij / 4, j = ij % 4
            return (0..<4).reduce(0) { (sum: Int, k: Int) -> Int in sum + b[i * 4 + k] * a[j * 4 + k] }
        }
        #expect(c.intValues == expected)
    }
}
