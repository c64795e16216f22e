import Schedule

/// The instruction procs the conv1d schedules replace loop nests by.
public struct Conv1dInstructions: Sendable {
    public var mzero: Proc
    public var mld: Proc
    public var mst: Proc
    public var mmasa: Proc

    public init(mzero: Proc, mld: Proc, mst: Proc, mmasa: Proc) {
        self.mzero = mzero
        self.mld = mld
        self.mst = mst
        self.mmasa = mmasa
    }

    /// RVMTarget's instruction procs.
    public static let rvm = Conv1dInstructions(mzero: RVMInstructions.mzero, mld: RVMInstructions.mld,
                                               mst: RVMInstructions.mst, mmasa: RVMInstructions.mmasa)

    /// In the order `replaceAll` tries them (as the case study does).
    public var all: [Proc] { [mzero, mst, mld, mmasa] }
}

/// The conv1d schedules of the case study (RVM-SPEC.md §4), each a
/// sequence of rewrites of the algorithm in kernels/conv1d/conv1d.exo,
/// written step by step as in Exo's examples/rvm_conv1d/exo/conv1d.py.
/// They take the algorithm with constant sizes: `conv1d` (IC = 4, OC = 16,
/// N = 16, W = 4), or `generic_conv1d` after
/// `partialEval(["IC": 8, "OC": 32, "N": 64, "W": 4])`.
public enum Conv1dSchedules {
    /// The sizes of a constant-size conv1d: data: [IC, N], kernels: [OC, IC, W].
    public struct Sizes: Sendable, Equatable {
        public var ic, oc, n, w: Int
    }

    public static func sizes(of p: Procedure) throws -> Sizes {
        func shape(_ name: String) -> [Int]? {
            p.ir.params.first { $0.name.name == name }.flatMap { param in
                let dims = param.type.shape.compactMap(\.intValue)
                return dims.count == param.type.shape.count ? dims : nil
            }
        }
        guard let data = shape("data"), data.count == 2, let k = shape("kernels"), k.count == 3, k[1] == data[0] else {
            throw KernelError(.schedule, "conv1d schedules: expected data: i32[IC, N] and kernels: i32[OC, IC, W] with constant sizes in \(p.name)")
        }
        return Sizes(ic: data[0], oc: k[0], n: data[1], w: k[2])
    }

    /// The RVM schedules tile out by 4x4 and load 4x4 kernel tiles.
    private static func requireTiles(_ s: Sizes, outputRows: Int, _ schedule: String) throws {
        guard s.oc % outputRows == 0, s.n % 4 == 0, s.w == 4 else {
            throw KernelError(.schedule, "\(schedule): needs OC a multiple of \(outputRows), N a multiple of 4 and W = 4; got OC = \(s.oc), N = \(s.n), W = \(s.w)")
        }
    }

    /// `im2col-cpu`: the im2col matrix `y[j, c, r] = data[c, j + r]` (0 past
    /// the end) is built once, then the convolution is a plain
    /// matrix-vector product on the CPU.
    public static func im2colCPU(_ algorithm: Procedure) throws -> Procedure {
        let size = try sizes(of: algorithm)
        var p = try algorithm.rename("conv1d_im2col_cpu")
        let y = try p.findAlloc("y")
        let fill = try p.find("if _: _")
        // y gets one element per (j, c, r) and moves to the top.
        p = try p.autoliftAlloc(y, maxSize: size.ic * size.w, depSet: ["r", "c"])
        p = try p.expandDim(y, .expr(.int(size.n)), "j")
        p = try p.liftAlloc(y, nLifts: 2)
        // The fill leaves the c and r loops of the reduction...
        p = try p.fission(p.forward(fill).after(), nLifts: 2)
        let fillLoop = try p.forward(fill).parent().parent()
        // ...goes before the zeroing of out, then out of the j and i loops.
        p = try p.reorderStmts(p.forward(fillLoop).prev(), p.forward(fillLoop))
        p = try p.fission(p.forward(fillLoop).after(), nLifts: 2)
        p = try p.removeLoop(p.findLoop("i"))
        return try p.simplify()
    }

    /// `rvm-1acc`: per 4x4 output tile one accumulator tile: mzero; per
    /// channel c: fill the 4x4 im2col tile y, mld it, mld the 4x4 kernel
    /// tile, mmasa; then mst.
    public static func rvm1acc(_ algorithm: Procedure, _ instr: Conv1dInstructions = .rvm) throws -> Procedure {
        try requireTiles(try sizes(of: algorithm), outputRows: 4, "rvm1acc")
        var p = try algorithm.rename("conv1d_rvm_1acc")
        let iLoop = try p.findLoop("i"), jLoop = try p.findLoop("j"), cLoop = try p.findLoop("c")
        let yAlloc = try p.findAlloc("y"), yAssign = try p.find("y = data[_]")

        // One 4x4 output tile per (io, jo), accumulated in a 4x4 buffer.
        p = try p.tileLoops([(iLoop, 4), (jLoop, 4)], perfect: true)
        let tileBody = try p.findLoop("c").expand(1, 0)
        p = try p.autoStageMem(tileBody, "out", name: "out_tile")
        let outTile = try p.findAlloc("out_tile")
        p = try p.autoliftAlloc(outTile, maxSize: 4 * 4, depSet: ["ii", "ji"])
        // Zeroing, accumulation and store become separate loop nests.
        p = try p.fissionAsMuchAsPossible(tileBody)
        p = try p.fissionAsMuchAsPossible(p.forward(tileBody)[0])
        // The channel loop goes above the tile loops.
        p = try p.liftScope(cLoop, n: 2)
        // y becomes the 4x4 im2col tile of channel c, filled before its use.
        p = try p.autoliftAlloc(yAlloc, maxSize: 4 * 4, depSet: ["r", "ji"])
        p = try p.liftAlloc(yAlloc)
        p = try p.fissionAsMuchAsPossible(p.forward(yAssign).parent())
        p = try p.removeRedundantLoops(p.forward(yAssign).parent(), num: 1)
        // Data and kernel tiles for the product.
        let product = try p.forward(cLoop).body()[2]
        p = try p.autoStageMem(product, "y", name: "data_tile")
        p = try p.autoStageMem(product, "kernels", name: "kernel_tile")
        // Memories, then instructions.
        p = try p.setMemory(yAlloc, "DRAM_STATIC")
        for tile in ["out_tile", "data_tile", "kernel_tile"] { p = try p.setMemory(p.findAlloc(tile), "RVM_TILE") }
        p = try p.replaceAll(instr.all)
        return try p.simplify()
    }

    /// `rvm-4acc`, the case-study schedule: four output tiles share one
    /// im2col tile. Per jo: four mzero; per channel c: fill the static 4x4
    /// y, one mld of the data tile, four (mld kernel tile, mmasa) pairs;
    /// then four mst. Four accumulators, one data tile and three kernel
    /// tiles (the fourth reuses the first): 8 tile registers.
    public static func rvm4acc(_ algorithm: Procedure, _ instr: Conv1dInstructions = .rvm) throws -> Procedure {
        try requireTiles(try sizes(of: algorithm), outputRows: 16, "rvm4acc")
        var p = try algorithm.rename("conv1d_rvm_4acc")
        let iLoop = try p.findLoop("i"), jLoop = try p.findLoop("j"), cLoop = try p.findLoop("c")
        let yAlloc = try p.findAlloc("y"), yAssign = try p.find("y = data[_]")

        // Tile i and j by 4; tile i again by 4 so four output tiles are computed together.
        p = try p.tileLoops([(iLoop, 4), (jLoop, 4)], perfect: true)
        p = try p.tileLoops([(iLoop, 4)], perfect: true)
        p = try p.reorderLoops(p.findLoop("ioi"))

        // Stage out into a 4x4x4 accumulator, lifted above the four tiles.
        let tileBody = try p.findLoop("c").expand(1, 0)
        p = try p.autoStageMem(tileBody, "out", name: "out_tile")
        let outTile = try p.findAlloc("out_tile")
        p = try p.autoliftAlloc(outTile, maxSize: 4 * 4 * 4, depSet: ["ioi", "ii", "ji"])

        // Fission the zeroing and the store out.
        p = try p.fissionAsMuchAsPossible(tileBody)
        p = try p.fissionAsMuchAsPossible(p.forward(tileBody)[0])

        // The channel loop goes above the tile loops.
        p = try p.liftScope(cLoop, n: 3)

        // y becomes a 4x4 im2col buffer per channel, its fill split out.
        p = try p.autoliftAlloc(yAlloc, maxSize: 4 * 4, depSet: ["r", "ji"])
        p = try p.liftAlloc(yAlloc, nLifts: 2)
        p = try p.fissionAsMuchAsPossible(p.forward(yAssign).parent())
        p = try p.removeRedundantLoops(p.forward(yAssign).parent(), num: 2)

        // Stage the kernel rows into a 4x4x4 buffer and y into a 4x4 data tile.
        let tileProduct = try p.forward(cLoop).body()[2].body()[0]
        p = try p.autoStageMem(tileProduct, "kernels", name: "kernel_tile")
        let kernelTile = try p.findAlloc("kernel_tile")
        p = try p.simplify().expandDim(kernelTile, 4, "ioi")
        p = try p.liftAlloc(kernelTile)
        p = try p.autoStageMem(p.forward(tileProduct).parent(), "y", name: "data_tile")

        // Memories.
        p = try p.setMemory(yAlloc, "DRAM_STATIC")
        for tile in ["out_tile", "kernel_tile", "data_tile"] { p = try p.setMemory(p.findAlloc(tile), "RVM_TILE") }

        // Instructions, then the four-tile loops unrolled.
        p = try p.replaceAll(instr.all)
        for _ in 0..<3 { p = try p.unrollLoop(p.findLoop("ioi")) }
        p = try p.simplify()

        // One register per tile: the kernel tiles and accumulators become
        // separate buffers, and the last kernel tile reuses the first, so no
        // more than 8 tiles are live.
        p = try p.unrollBuffer(kernelTile, dimension: 0)
        p = try p.reuseBuffer(p.findAlloc("kernel_tile_0"), p.findAlloc("kernel_tile_3"))
        return try p.unrollBuffer(outTile, dimension: 0)
    }
}
