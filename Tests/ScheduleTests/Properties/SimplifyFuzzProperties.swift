import Testing
@testable import Schedule
import TestSupport

/// `simplify` on random index arithmetic: floor division and modulo of
/// affine expressions over loop variables with known and symbolic ranges,
/// in conditions and in indices, must keep every result.
@Suite struct SimplifyFuzzProperties {
    /// Random index expressions (Exo text) over i in [0, n), j in [0, 4), k in [i, i + 3) and n.
    struct ExpressionGenerator {
        var rng: SeededGenerator

        mutating func pick<T>(_ xs: [T]) -> T { xs.randomElement(using: &rng)! }
        mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }

        mutating func atom() -> String {
            switch int(0...9) {
            case 0...5: return pick(["i", "j", "k", "n"])
            case 6: return "\(pick(["i", "j"])) * \(pick(["j", "k"]))"  // not affine: must survive untouched
            default: return "\(int(-5...9))"
            }
        }

        mutating func term() -> String {
            int(0...2) == 0 ? "\(int(-3...4)) * \(atom())" : atom()
        }

        mutating func affine() -> String {
            var s = term()
            for _ in 0..<int(0...3) { s += " \(pick(["+", "-"])) " + term() }
            return s
        }

        /// Affine, or a floor division / modulo of one (possibly nested once).
        mutating func expression(depth: Int = 0) -> String {
            let choice = depth < 1 ? int(0...4) : 4
            switch choice {
            case 0, 1:
                let inner = int(0...1) == 0 ? affine() : "\(expression(depth: depth + 1)) + \(term())"
                return "(\(inner)) \(pick(["/", "%"])) \(int(1...5))"
            case 2:
                return "\(int(1...4)) * ((\(affine())) / \(int(1...4))) + \(term())"
            default:
                return affine()
            }
        }

        mutating func condition() -> String {
            "\(expression()) \(pick(["<", "<=", "==", "!=", ">", ">="])) \(expression())"
        }

        mutating func proc() -> String {
            """
            @proc
            def fuzz(n: size, x: i32[16] @ DRAM, y: i32[16] @ DRAM):
                for i in seq(0, n):
                    for j in seq(0, 4):
                        for k in seq(i, i + 3):
                            if \(condition()):
                                x[(\(expression())) % 16] += y[(\(expression())) % 16]
                            else:
                                y[(\(expression())) % 16] = x[(\(affine())) % 16] * 3
            """
        }
    }

    @Test func randomIndexArithmetic() throws {
        var gen = ExpressionGenerator(rng: SeededGenerator(seed: 0xF0221))
        var changed = 0
        let programs = 60
        for _ in 0..<programs {
            let text = gen.proc()
            let p = try procedure(text)
            let q = try p.simplify()
            if ExoPrinter.print(p.ir) != ExoPrinter.print(q.ir) { changed += 1 }
            let report = try EquivalenceCheck(sizes: ["n": [0, 1, 2, 5]], trials: 1).run(p.ir, q.ir)
            #expect(report.mismatches.isEmpty, "\(report)\nbefore:\n\(ExoPrinter.print(p.ir))after:\n\(ExoPrinter.print(q.ir))")
        }
        // The fuzz must exercise the simplifier, not only pass through it.
        #expect(changed > programs / 2)
    }
}
