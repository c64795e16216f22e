import Testing
@testable import Schedule
import TestSupport

/// The rewrites whose soundness rests on a dependence proof (reorderLoops,
/// reorderStmts, fission, fuse, removeLoop), applied to random loop nests
/// with random affine accesses: whenever one is accepted, the interpreter
/// must agree; refusals are fine. Both must happen, so the proofs are
/// exercised on each side.
@Suite struct DependenceFuzzProperties {
    struct BodyGenerator {
        var rng: SeededGenerator
        static let buffers = ["x", "y", "z"]

        mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }
        mutating func pick<T>(_ xs: [T]) -> T { xs.randomElement(using: &rng)! }

        /// `a * i + b * j + c`, shifted to stay within 0..<24 for i < 4, j < 4.
        mutating func index(_ vars: [String]) -> String {
            var terms: [String] = []
            var low = 0
            for v in vars {
                let a = pick([-1, 0, 0, 1, 1, 2])
                if a != 0 { terms.append(a == 1 ? v : "\(a) * \(v)") }
                if a < 0 { low += a * 3 }
            }
            let c = -low + int(0...3)
            if terms.isEmpty { return "\(c)" }
            return terms.joined(separator: " + ").replacingOccurrences(of: "+ -1 * ", with: "- ")
                .replacingOccurrences(of: "-1 * ", with: "-") + (c == 0 ? "" : " + \(c)")
        }

        mutating func statement(_ vars: [String]) -> String {
            let target = "\(pick(Self.buffers))[\(index(vars))]"
            let a = "\(pick(Self.buffers))[\(index(vars))]"
            switch int(0...3) {
            case 0: return "\(target) += \(a) * 2"
            case 1: return "\(target) = \(a) + \(pick(Self.buffers))[\(index(vars))]"
            default: return "\(target) = \(a) - 1"
            }
        }

        mutating func statements(_ vars: [String], indent: String) -> String {
            (0..<int(2...3)).map { _ in indent + statement(vars) }.joined(separator: "\n")
        }

        static let header = "@proc\ndef fuzz(x: i32[24] @ DRAM, y: i32[24] @ DRAM, z: i32[24] @ DRAM):\n"

        /// for i: for j: two or three statements.
        mutating func nest() -> String {
            Self.header + "    for i in seq(0, 4):\n        for j in seq(0, \(int(2...4))):\n" + statements(["i", "j"], indent: "            ")
        }

        /// Two adjacent loops with equal bounds.
        mutating func twoLoops() -> String {
            Self.header + "    for i in seq(0, 4):\n" + statements(["i"], indent: "        ")
                + "\n    for j in seq(0, 4):\n" + statements(["j"], indent: "        ")
        }

        /// A buffer allocated before a loop whose iterations may pass values through it.
        mutating func allocBeforeLoop() -> String {
            let scalar = int(0...2) == 0
            func t(_ g: inout BodyGenerator) -> String { scalar ? "t" : "t[\(g.pick(["0", "1", "3", "i", "i", "3 - i"]))]" }
            var body: [String] = []
            for _ in 0..<int(2...3) {
                switch int(0...4) {
                case 0: body.append("\(t(&self)) = x[i] + \(t(&self))")
                case 1: body.append("y[i] = \(t(&self)) * 2")
                case 2: body.append("\(t(&self)) += x[i + 1]")
                case 3: body.append("if i > 1:\n            \(t(&self)) = 5\n        else:\n            \(t(&self)) = x[i]")
                default: body.append("\(t(&self)) = x[i] - 1")
                }
            }
            return Self.header + "    t: i32\(scalar ? "" : "[4]") @ DRAM\n    for i in seq(0, 4):\n"
                + body.map { "        " + $0 }.joined(separator: "\n")
        }

        /// A loop around a loop-invariant body.
        mutating func invariantLoop() -> String {
            Self.header + "    for i in seq(0, 3):\n        for j in seq(0, 4):\n" + statements(["j"], indent: "            ")
        }
    }

    struct Tally {
        var accepted = 0, refused = 0
    }

    /// Applies `rewrite`; a refusal (schedule error) is counted, an acceptance is checked.
    private func attempt(_ p: Procedure, _ tally: inout Tally, _ rewrite: (Procedure) throws -> Procedure) throws {
        let q: Procedure
        do {
            q = try rewrite(p)
        } catch let e as KernelError where e.phase == .schedule {
            tally.refused += 1
            return
        }
        tally.accepted += 1
        let report = try EquivalenceCheck(trials: 2).run(p.ir, q.ir)
        #expect(report.mismatches.isEmpty, "\(report)\nbefore:\n\(ExoPrinter.print(p.ir))after:\n\(ExoPrinter.print(q.ir))")
    }

    private func expectBothOutcomes(_ t: Tally, _ what: String) {
        #expect(t.accepted > 0 && t.refused > 0, "\(what): \(t.accepted) accepted, \(t.refused) refused")
    }

    static let programs = 60

    @Test func reorderLoopsAndStatementsAndFission() throws {
        var gen = BodyGenerator(rng: SeededGenerator(seed: 0xDE9))
        var reorder = Tally(), swap = Tally(), fission = Tally(), fission2 = Tally()
        for _ in 0..<Self.programs {
            let p = try procedure(gen.nest())
            let count = try p.findLoop("j").body().stmts.count
            let gap = gen.int(0...(count - 2))
            try attempt(p, &reorder) { try $0.reorderLoops($0.findLoop("i")) }
            try attempt(p, &swap) { try $0.reorderStmts($0.findLoop("j").body()[gap].expand(0, 1)) }
            try attempt(p, &fission) { try $0.fission($0.findLoop("j").body()[gap].after()) }
            try attempt(p, &fission2) { try $0.fission($0.findLoop("j").body()[gap].after(), nLifts: 2) }
        }
        expectBothOutcomes(reorder, "reorderLoops")
        expectBothOutcomes(swap, "reorderStmts")
        expectBothOutcomes(fission, "fission")
        expectBothOutcomes(fission2, "fission two levels")
    }

    @Test func fuseLoops() throws {
        var gen = BodyGenerator(rng: SeededGenerator(seed: 0xF05E))
        var fuse = Tally()
        for _ in 0..<Self.programs {
            let p = try procedure(gen.twoLoops())
            try attempt(p, &fuse) { try $0.fuse($0.findLoop("i"), $0.findLoop("j")) }
        }
        expectBothOutcomes(fuse, "fuse")
    }

    @Test func sinkAllocs() throws {
        var gen = BodyGenerator(rng: SeededGenerator(seed: 0x51)), sink = Tally()
        for _ in 0..<Self.programs {
            let p = try procedure(gen.allocBeforeLoop())
            try attempt(p, &sink) { try $0.sinkAlloc($0.findAlloc("t")) }
        }
        expectBothOutcomes(sink, "sinkAlloc")
    }

    @Test func removeLoops() throws {
        var gen = BodyGenerator(rng: SeededGenerator(seed: 0x4E30))
        var remove = Tally()
        for _ in 0..<Self.programs {
            let p = try procedure(gen.invariantLoop())
            try attempt(p, &remove) { try $0.removeLoop($0.findLoop("i")) }
        }
        expectBothOutcomes(remove, "removeLoop")
    }
}
