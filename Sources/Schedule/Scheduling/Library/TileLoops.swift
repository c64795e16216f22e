extension Procedure {
    /// `tile_loops(p, [(i, 4), (j, 4)], perfect=True)` from Exo's standard
    /// library: divides each loop by its tile size (naming the new loops
    /// `io`/`ii` after the loop) and brings the outer loops to the top in
    /// order, `for io: for jo: for ii: for ji`. A loop whose trip count is not
    /// a multiple of its tile (and `perfect` is false) gets a cut tail; the
    /// loops must then no longer be perfectly nested, so the reordering fails.
    public func tileLoops(_ loops: [(Cursor, Int)], perfect: Bool = false) throws -> Procedure {
        var p = self
        for (c, tile) in loops {
            guard tile > 0 else { throw KernelError(.schedule, "tileLoops: tile sizes must be positive, got \(tile)") }
            let loop = try p.forward(c)
            let name = try loop.name
            let hi = (try? loop.hi().value) ?? 0
            let exact = perfect || (hi > 0 && hi % tile == 0)
            p = try p.divideLoop(loop, by: tile, newNames: (name + "o", name + "i"), tail: exact ? .perfect : .cut)
        }
        // The outer loop of the k-th tiled loop moves above the k inner loops before it.
        for (k, (c, _)) in loops.enumerated() where k > 0 {
            for _ in 0..<k { p = try p.liftScope(c) }
        }
        return p
    }
}
