import Testing
@testable import Schedule

/// The first steps of the case-study schedule (those not needing stageMem /
/// replace): tile i and j by 4, bring the two tile loops together, split the
/// zeroing out, and give y one element per (c, r).
@Suite struct Conv1dScheduleTests {
    @Test func tileReorderFissionAndExpand() throws {
        var p = Procedure(try Conv1dProcs().proc)
        let reduction = try p.find("out[_] += _")
        p = try p.divideLoop(p.findLoop("i"), by: 4, newNames: ("io", "ii"), tail: .perfect)
        p = try p.divideLoop(p.findLoop("j"), by: 4, newNames: ("jo", "ji"), tail: .perfect)
        p = try p.reorderLoops(p.findLoop("ii"))
        p = try p.fission(p.find("out[_] = _").after(), nLifts: 2)
        p = try p.expandDim(p.findAlloc("y"), 4, "r")
        p = try p.liftAlloc(p.findAlloc("y"))
        p = try p.simplify()
        #expect(text(p) == """
            for io in seq(0, 4):
                for jo in seq(0, 4):
                    for ii in seq(0, 4):
                        for ji in seq(0, 4):
                            out[4 * io + ii, 4 * jo + ji] = 0
                    for ii in seq(0, 4):
                        for ji in seq(0, 4):
                            for c in seq(0, 4):
                                y: i32[4] @ DRAM
                                for r in seq(0, 4):
                                    if 4 * jo + ji + r < 16:
                                        y[r] = data[c, 4 * jo + ji + r]
                                    else:
                                        y[r] = 0
                                    out[4 * io + ii, 4 * jo + ji] += kernels[4 * io + ii, c, r] * y[r]
            """)
        #expect(p.history == ["divideLoop", "divideLoop", "reorderLoops", "fission", "fission",
                              "expandDim", "liftAlloc", "simplify"])
        // The cursor taken on the algorithm still finds the reduction.
        let moved = try p.forward(reduction)
        #expect(try moved.name == "out")
        #expect(try moved.parent().name == "r")
        // Lifting c above the tile loops ii, ji needs the reduction to commute across them.
        let q = try p.reorderLoops(p.findLoop("ji #1"))
        #expect(try q.findLoop("c").body()[0].name == "ji")
        #expect(try q.findLoop("c").parent().name == "ii")
    }
}
