import Testing
@testable import Schedule

/// Property tests of the rewrites that change the order of execution:
/// reorderLoops, reorderStmts, fission, fuse and liftScope.
@Suite struct ReorderingProperties {
    static let matmul = """
        @proc
        def matmul(n: size, m: size, A: i32[n, 3] @ DRAM, B: i32[3, m] @ DRAM, C: i32[n, m] @ DRAM):
            for i in seq(0, n):
                for j in seq(0, m):
                    for k in seq(0, 3):
                        C[i, j] += A[i, k] * B[k, j]
        """
    static let sizes = ["n": [0, 1, 3], "m": [0, 2, 4]]

    @Test func reorderEveryPairOfMatmulLoops() throws {
        let p = try procedure(Self.matmul)
        let ij = try p.reorderLoops("i j")
        try expectEquivalent(p, ij, sizes: Self.sizes)
        // Reductions into the same element commute, so k can move outward.
        let jk = try p.reorderLoops("j k")
        try expectEquivalent(p, jk, sizes: Self.sizes)
        let kOutermost = try jk.reorderLoops("i k")
        try expectEquivalent(p, kOutermost, sizes: Self.sizes)
    }

    @Test func reorderLoopsWhoseInnerBoundsAreSymbolic() throws {
        let p = try procedure("""
            @proc
            def transpose(n: size, m: size, x: i32[n, m] @ DRAM, y: i32[m, n] @ DRAM):
                for i in seq(0, n):
                    for j in seq(1, m):
                        y[j, i] = x[i, j] - x[i, j - 1]
            """)
        try expectEquivalent(p, try p.reorderLoops(p.findLoop("i")), sizes: Self.sizes, trials: 2)
    }

    @Test func reorderIndependentStatements() throws {
        let p = try procedure("""
            @proc
            def two(n: size, x: i32[n] @ DRAM, y: i32[n] @ DRAM, z: i32[n] @ DRAM):
                for i in seq(0, n):
                    y[i] = x[i] * 2
                    z[i] = x[i] + 1
                    y[i] += z[i]
            """)
        let q = try p.reorderStmts(p.find("y[_] = _"), p.find("z[_] = _"))
        try expectEquivalent(p, q, sizes: ["n": [0, 1, 5]])
        // Whole loops that touch different buffers.
        let r = try procedure("""
            @proc
            def loops(x: i32[4] @ DRAM, y: i32[4] @ DRAM, z: i32[4] @ DRAM):
                for i in seq(0, 4):
                    y[i] = x[i] * 2
                for j in seq(0, 4):
                    z[j] = x[3 - j]
            """)
        try expectEquivalent(r, try r.reorderStmts(r.findLoop("i"), r.findLoop("j")))
    }

    static let threeStage = """
        @proc
        def stages(n: size, x: i32[n] @ DRAM, y: i32[n] @ DRAM, z: i32[n] @ DRAM):
            for i in seq(0, n):
                y[i] = x[i] * 2
                z[i] = y[i] + x[i]
                x[i] = z[i] - 1
        """

    @Test(arguments: [1, 2])
    func fissionAtEachGap(gap: Int) throws {
        let p = try procedure(Self.threeStage)
        let stmt = try p.find(gap == 1 ? "z[_] = _" : "x[_] = _")
        let q = try p.fission(stmt.before())
        try expectEquivalent(p, q, sizes: ["n": [0, 1, 4]])
    }

    @Test func fissionAtBothGaps() throws {
        let p = try procedure(Self.threeStage)
        let q = try p.fission(p.find("z[_] = _").before())
        let r = try q.fission(q.find("x[_] = _").before())
        try expectEquivalent(p, r, sizes: ["n": [0, 1, 4]])
    }

    @Test func fissionTwoLevelsUp() throws {
        let p = try procedure("""
            @proc
            def rows(n: size, x: i32[n, 4] @ DRAM, y: i32[n, 4] @ DRAM):
                for i in seq(0, n):
                    for j in seq(0, 4):
                        y[i, j] = x[i, j] + 1
                        x[i, j] = y[i, j] * y[i, j]
            """)
        let q = try p.fission(p.find("x[_] = _").before(), nLifts: 2)
        try expectEquivalent(p, q, sizes: ["n": [0, 1, 3]])
    }

    @Test func fissionOfAnIf() throws {
        let p = try procedure("""
            @proc
            def branch(n: size, x: i32[n] @ DRAM, y: i32[n] @ DRAM):
                for i in seq(0, n):
                    if i < n - 2:
                        y[i] = x[i] * 2
                        x[i] = y[i] + 1
            """)
        let q = try p.fission(p.find("x[_] = _").before())
        try expectEquivalent(p, q, sizes: ["n": Array(0...5)], trials: 2)
    }

    @Test func fuseLoops() throws {
        let p = try procedure("""
            @proc
            def two(n: size, x: i32[n] @ DRAM, y: i32[n] @ DRAM, z: i32[n] @ DRAM):
                for i in seq(0, n):
                    y[i] = x[i] * 2
                for j in seq(0, n):
                    z[j] = y[j] + x[j]
            """)
        try expectEquivalent(p, try p.fuse(p.findLoop("i"), p.findLoop("j")), sizes: ["n": Array(0...5)], trials: 2)
        // The second loop reads an earlier iteration's write: still sound.
        let q = try procedure("""
            @proc
            def back(x: i32[8] @ DRAM, y: i32[8] @ DRAM, z: i32[8] @ DRAM):
                for i in seq(1, 8):
                    y[i] = x[i] + y[i - 1]
                for j in seq(1, 8):
                    z[j] = y[j - 1] * y[j]
            """)
        try expectEquivalent(q, try q.fuse(q.findLoop("i"), q.findLoop("j")))
    }

    @Test func fuseIfs() throws {
        let p = try procedure("""
            @proc
            def two(n: size, x: i32[4] @ DRAM, y: i32[4] @ DRAM):
                if n > 2:
                    y[0] = x[1]
                else:
                    y[1] = x[0]
                if n > 2:
                    x[1] = y[0] + 1
                else:
                    x[2] = y[1] * 3
            """)
        try expectEquivalent(p, try p.fuse(p.find("if _: _"), p.find("if _: _ #1")), sizes: ["n": Array(0...5)])
    }

    @Test func liftScopeOfANestedLoop() throws {
        let p = try procedure(Self.matmul)
        try expectEquivalent(p, try p.liftScope(p.findLoop("j")), sizes: Self.sizes)
    }

    @Test func liftScopeOfAnIfOutOfALoop() throws {
        let p = try procedure("""
            @proc
            def choose(n: size, k: index, x: i32[n] @ DRAM, y: i32[n] @ DRAM):
                for i in seq(0, n):
                    if k < 2:
                        y[i] = x[i] * 2
                    else:
                        y[i] = x[n - 1 - i] + y[i]
            """)
        try expectEquivalent(p, try p.liftScope(p.find("if _: _")), sizes: ["n": [0, 1, 4], "k": [0, 1, 2, 5]], trials: 2)
    }

    @Test func liftScopeOfALoopOutOfAnIf() throws {
        let p = try procedure("""
            @proc
            def maybe(n: size, x: i32[n] @ DRAM, y: i32[n] @ DRAM):
                if n % 2 == 1:
                    for i in seq(0, n):
                        y[i] = x[i] + y[i]
            """)
        try expectEquivalent(p, try p.liftScope(p.findLoop("i")), sizes: ["n": Array(0...5)], trials: 2)
    }

    @Test func liftScopeOfNestedIfs() throws {
        let p = try procedure("""
            @proc
            def both(n: size, x: i32[4] @ DRAM):
                for i in seq(0, 4):
                    if i != 1:
                        if n > i:
                            x[i] = x[i] * 2
            """)
        try expectEquivalent(p, try p.liftScope(p.find("if _: _ #1")), sizes: ["n": Array(0...5)], trials: 2)
    }
}
