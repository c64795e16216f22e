import Schedule
import RVMTarget

/// Exo's RVM schedule of conv1d (examples/rvm_conv1d, one output-channel
/// block of 16 = 4 tiles), written as IR: im2col into a static 4x4 buffer,
/// four accumulators, one data tile shared by four kernel tiles, each kernel
/// tile freed after its mmasa so the next one reuses its register.
///
///     for jo in seq(0, 4):
///         out_tile_0..3: i32[4, 4] @ RVM_TILE; rvm_mzero each
///         for c in seq(0, 4):
///             y: i32[4, 4] @ DRAM_STATIC
///             for ji, r: y[ji, r] = data[c, 4 * jo + ji + r] if 4 * jo + ji + r < 16 else 0
///             data_tile: i32[4, 4] @ RVM_TILE; rvm_mld(data_tile, y[0:4, 0:4])
///             for t in 0..3 (unrolled):
///                 kernel_tile_t: i32[4, 4] @ RVM_TILE
///                 rvm_mld(kernel_tile_t, kernels[4t:4t+4, c, 0:4])
///                 rvm_mmasa(out_tile_t, data_tile, kernel_tile_t)
///         rvm_mst(out_tile_t, out[4t:4t+4, 4 * jo:4 * jo + 4]) for each t
enum ScheduledConv1d {
    static func proc() -> Proc {
        var b = ProcBuilder("rvm_conv1d")
        let data = b.tensor("data", .i32, [4, 16])
        let kernels = b.tensor("kernels", .i32, [16, 4, 4])
        let out = b.tensor("out", .i32, [16, 16])
        let tile = RVMTile.name
        return b.build {
            forLoop("jo", 0, 4) { jo in
                let outTiles = (0..<4).map { Term.variable("out_tile_\($0)") }
                for t in 0..<4 {
                    alloc(outTiles[t], .i32, [4, 4], tile)
                    call(RVMInstructions.mzero, outTiles[t])
                }
                forLoop("c", 0, 4) { c in
                    let y = Term.variable("y")
                    alloc(y, .i32, [4, 4], "DRAM_STATIC")
                    forLoop("ji", 0, 4) { ji in
                        forLoop("r", 0, 4) { r in
                            ifThen(4 * jo + ji + r < 16) {
                                assign(y[ji, r], data[c, 4 * jo + ji + r])
                            } orElse: {
                                assign(y[ji, r], 0)
                            }
                        }
                    }
                    let dataTile = Term.variable("data_tile")
                    alloc(dataTile, .i32, [4, 4], tile)
                    call(RVMInstructions.mld, dataTile, y[0 ..< 4, 0 ..< 4])
                    for t in 0..<4 {
                        let k = Term.variable("kernel_tile_\(t)")
                        let row = Term(integerLiteral: 4 * t)
                        alloc(k, .i32, [4, 4], tile)
                        call(RVMInstructions.mld, k, kernels[row ..< row + 4, .at(c), 0 ..< 4])
                        call(RVMInstructions.mmasa, outTiles[t], dataTile, k)
                    }
                }
                for t in 0..<4 {
                    let row = Term(integerLiteral: 4 * t)
                    call(RVMInstructions.mst, outTiles[t], out[row ..< row + 4, 4 * jo ..< 4 * jo + 4])
                }
            }
        }
    }

    /// The algorithm's result, computed directly (zero padding past N).
    static func reference(data: [Int], kernels: [Int]) -> [Int] {
        (0..<256).map { oj in
            let o = oj / 16, j = oj % 16
            var acc: Int32 = 0
            for c in 0..<4 {
                for r in 0..<4 where j + r < 16 {
                    acc = acc &+ Int32(truncatingIfNeeded: kernels[(o * 4 + c) * 4 + r]) &* Int32(truncatingIfNeeded: data[c * 16 + j + r])
                }
            }
            return Int(acc)
        }
    }
}
