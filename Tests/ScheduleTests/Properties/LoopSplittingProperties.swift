import Testing
@testable import Schedule

/// Property tests of the rewrites that split, unroll or remove loops: the
/// interpreter gives the same outputs before and after on random inputs.
@Suite struct LoopSplittingProperties {
    /// Order-sensitive: each iteration reads the previous one's write.
    static let prefixSum = """
        @proc
        def prefix(n: size, x: i32[n] @ DRAM, y: i32[n + 1] @ DRAM):
            y[0] = 0
            for i in seq(0, n):
                y[i + 1] = y[i] + x[i]
        """

    @Test(arguments: [1, 2, 3, 4, 7])
    func divideLoopWithAGuard(divisor: Int) throws {
        let p = try procedure(Self.prefixSum)
        let q = try p.divideLoop(p.findLoop("i"), by: divisor, newNames: ("io", "ii"), tail: .guard)
        try expectEquivalent(p, q, sizes: ["n": Array(0...9)], trials: 2)
    }

    @Test(arguments: [1, 2, 3, 4, 7])
    func divideLoopWithACutTail(divisor: Int) throws {
        let p = try procedure(Self.prefixSum)
        let q = try p.divideLoop(p.findLoop("i"), by: divisor, newNames: ("io", "ii"), tail: .cut)
        try expectEquivalent(p, q, sizes: ["n": Array(0...9)], trials: 2)
    }

    @Test func divideLoopPerfectlyOnASymbolicSize() throws {
        let p = try procedure("""
            @proc
            def prefix(n: size, x: i32[n] @ DRAM, y: i32[n + 1] @ DRAM):
                assert n % 4 == 0
                y[0] = 0
                for i in seq(0, n):
                    y[i + 1] = y[i] + x[i]
            """)
        for c in [2, 4] {
            let q = try p.divideLoop(p.findLoop("i"), by: c, newNames: ("io", "ii"), tail: .perfect)
            try expectEquivalent(p, q, sizes: ["n": Array(0...13)], trials: 2)
        }
    }

    @Test(arguments: [2, 3, 4, 6, 12])
    func divideLoopPerfectlyOnAConstant(divisor: Int) throws {
        let p = try procedure("""
            @proc
            def rows(x: i32[12, 3] @ DRAM, y: i32[12] @ DRAM):
                for i in seq(0, 12):
                    y[i] = 0
                    for k in seq(0, 3):
                        y[i] += x[i, k] * x[11 - i, k]
            """)
        let q = try p.divideLoop(p.findLoop("i"), by: divisor, newNames: ("io", "ii"), tail: .perfect)
        try expectEquivalent(p, q)
    }

    /// Tiling both loops of a 2-D nest, the inner one on a symbolic size with a guard.
    @Test func divideTwoLoopsOfANest() throws {
        let p = try procedure("""
            @proc
            def scale(n: size, m: size, x: i32[n, m] @ DRAM, y: i32[n, m] @ DRAM):
                for i in seq(0, n):
                    for j in seq(0, m):
                        y[i, j] = x[i, j] * 3 + y[i, j]
            """)
        let q = try p.divideLoop(p.findLoop("i"), by: 2, newNames: ("io", "ii"), tail: .cut)
        let r = try q.divideLoop(q.findLoop("j"), by: 3, newNames: ("jo", "ji"), tail: .guard)
        try expectEquivalent(p, r, sizes: ["n": [0, 1, 4, 5], "m": [0, 2, 3, 7]], trials: 1)
    }

    @Test(arguments: ["0", "3", "n / 2", "n - 1", "n"] as [String])
    func cutLoopAtASymbolicPoint(cut: String) throws {
        let p = try procedure("""
            @proc
            def prefix(n: size, x: i32[n] @ DRAM, y: i32[n + 1] @ DRAM):
                assert n >= 3
                y[0] = 0
                for i in seq(0, n):
                    y[i + 1] = y[i] + x[i]
            """)
        let q = try p.cutLoop(p.findLoop("i"), at: .text(cut))
        try expectEquivalent(p, q, sizes: ["n": Array(0...9)], trials: 2)
    }

    @Test(arguments: [2, 3, 5, 8])
    func cutLoopThatDoesNotStartAtZero(cut: Int) throws {
        let p = try procedure("""
            @proc
            def shift(x: i32[10] @ DRAM, y: i32[10] @ DRAM):
                for i in seq(2, 8):
                    y[i] = y[i - 1] * 2 + x[i + 2]
            """)
        let q = try p.cutLoop(p.findLoop("i"), at: .expr(.int(cut)))
        try expectEquivalent(p, q)
    }

    @Test func unrollLoops() throws {
        let p = try procedure("""
            @proc
            def dot(n: size, x: i32[n, 4] @ DRAM, w: i32[4] @ DRAM, y: i32[n] @ DRAM):
                for i in seq(0, n):
                    y[i] = 0
                    for k in seq(0, 4):
                        y[i] += x[i, k] * w[k]
                        w[k] = w[k] + y[i]
            """)
        let q = try p.unrollLoop(p.findLoop("k"))
        try expectEquivalent(p, q, sizes: ["n": [0, 1, 3]])
        // Unrolling a loop that does not start at 0, then the outer constant loop.
        let r = try procedure("""
            @proc
            def tri(x: i32[3, 5] @ DRAM):
                for i in seq(0, 3):
                    for j in seq(1, 4):
                        x[i, j] = x[i, j - 1] + x[i, j + 1]
            """)
        let r2 = try r.unrollLoop(r.findLoop("j"))
        try expectEquivalent(r, r2)
        try expectEquivalent(r, try r2.unrollLoop(r2.findLoop("i")))
    }

    @Test func removeALoopWhoseBodyIsIdempotent() throws {
        let p = try procedure("""
            @proc
            def copy(n: size, x: i32[8] @ DRAM, y: i32[8] @ DRAM):
                assert n >= 1
                for i in seq(0, n):
                    for j in seq(0, 8):
                        y[j] = x[j] * 2
            """)
        let q = try p.removeLoop(p.findLoop("i"))
        try expectEquivalent(p, q, sizes: ["n": Array(0...4)])
        // A constant loop inside another: the inner body does not use its variable.
        let r = try procedure("""
            @proc
            def rows(x: i32[4, 3] @ DRAM, y: i32[4] @ DRAM):
                for i in seq(0, 4):
                    for k in seq(0, 3):
                        y[i] = x[i, 0] + x[i, 2]
            """)
        try expectEquivalent(r, try r.removeLoop(r.findLoop("k")))
    }
}
