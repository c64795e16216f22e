import Testing
@testable import Schedule
import TestSupport

/// The structural comparison the rewrite tests rely on must itself tell procs apart.
@Suite struct AlphaEquivalenceTests {
    let z = Sym("z")

    @Test func boundVariablesMayDifferInIdentityOnly() {
        let i = Sym("i"), i2 = Sym("i"), k = Sym("k")
        #expect(AlphaEquivalence.equivalentKeepingNames([For(i, 0, 4) { Assign(z, [v(i)], lit(0)) }],
                                                        [For(i2, 0, 4) { Assign(z, [v(i2)], lit(0)) }]))
        #expect(!AlphaEquivalence.equivalentKeepingNames([For(i, 0, 4) { Assign(z, [v(i)], lit(0)) }],
                                                         [For(k, 0, 4) { Assign(z, [v(k)], lit(0)) }]))
        #expect(!AlphaEquivalence.equivalentKeepingNames([For(i, 0, 4) { Assign(z, [v(i)], lit(0)) }],
                                                         [For(i2, 0, 4) { Assign(z, [v(i2)], lit(1)) }]))
    }

    @Test func oneVariableCannotStandForTwo() {
        let a = Sym("i"), b = Sym("i"), c1 = Sym("i")
        let twoLoops = [For(a, 0, 4) { Pass }, For(b, 0, 4) { Assign(z, [v(b)], lit(0)) }]
        let sameSymTwice = [For(c1, 0, 4) { Pass }, For(c1, 0, 4) { Assign(z, [v(c1)], lit(0)) }]
        #expect(!AlphaEquivalence.equivalentKeepingNames(twoLoops, sameSymTwice))
        #expect(!AlphaEquivalence.equivalentKeepingNames(sameSymTwice, twoLoops))
    }
}
