import Testing
@testable import Schedule
import TestSupport

/// Random chains of rewrites, with random cursors and arguments, on random
/// kernels (RandomKernelGenerator). Every rewrite either is refused with a
/// schedule error, or returns a proc that still type and bounds checks and
/// leaves the same outputs in the interpreter; the last proc of each chain
/// compiles to C (or is refused with a located error) that builds with
/// -Wall -Wextra -Werror and equals the interpreter. Found a dependence
/// analysis blind to windows defined before the statements it moved.
@Suite struct RewriteFuzzTests {
    static let kernelsPerBatch = 16
    static let stepsPerChain = 12

    @Test(.enabled(if: CToolchain.available("gcc")), arguments: [UInt64(1), 2])
    func randomRewriteChainsAreRefusedOrSound(batch: UInt64) throws {
        let pipeline = try KernelPipeline(target: .host)
        var compiled: [RandomKernelTests.Accepted] = []
        var applied = 0
        for k in 0..<Self.kernelsPerBatch {
            let seed = 90_000 + batch * 100 + UInt64(k)
            var generator = RandomKernelGenerator(seed: seed)
            let kernel = generator.kernel(named: "kernel_\(seed)")
            guard let c = try? pipeline.compile(kernel.text, file: "r.exo", selecting: .named([kernel.procName]), library: "k"),
                  let proc = c.module.proc(named: kernel.procName) else { continue }
            let expected = try Self.outputs(proc, kernel)
            var p = Procedure(proc)
            var rng = SeededGenerator(seed: seed)
            for step in 0..<Self.stepsPerChain {
                let (rewrite, result) = Self.randomRewrite(p, step: step, &rng)
                switch result {
                case .success(let q):
                    guard try Self.outputs(q.ir, kernel) == expected else {
                        Issue.record("\(rewrite) changed the outputs (seed \(seed), step \(step))\nbefore:\n\(p)\nafter:\n\(q)")
                        break
                    }
                    do {
                        try pipeline.check(KernelModule(procs: [q.ir]))
                    } catch {
                        Issue.record("\(rewrite) left a proc that does not check (seed \(seed)): \(error)\nbefore:\n\(p)\nafter:\n\(q)")
                        break
                    }
                    applied += 1
                    p = q
                    continue
                case .failure(let e):
                    #expect(e.phase == .schedule && Self.namesARewrite(e.message), "\(rewrite) failed without naming a rewrite (seed \(seed)): \(e)")
                    continue
                }
                break
            }
            do {
                let output = try CCodegen.compile([p.ir], library: "k\(seed)")
                let tensors = RandomKernelTests.tensors(kernel)
                try Interpreter.run(p.ir, RandomKernelTests.arguments(kernel, tensors))
                let printed = zip(kernel.dataArguments, tensors).map { a, t in a.name + " " + RandomKernelTests.printed(t, a.type) }
                var shown = kernel
                shown.text = ExoPrinter.print(p.ir)
                compiled.append(.init(kernel: shown, output: output, library: "k\(seed)", expected: printed))
            } catch {
                // e.g. setMemory(DRAM_STATIC) on a buffer of symbolic size.
                #expect(error.location.isKnown, "code generation refused without a location (seed \(seed)): \(error)\n\(p)")
            }
        }
        #expect(applied >= Self.kernelsPerBatch * 2, "only \(applied) rewrites applied")
        #expect(compiled.count >= Self.kernelsPerBatch / 2)
        try RandomKernelTests.compileAndCompare(compiled)
    }

    /// "divideLoop: ..." (a library function may name the rewrite it used).
    static func namesARewrite(_ message: String) -> Bool {
        let word = message.prefix { $0.isLetter }
        return !word.isEmpty && message.dropFirst(word.count).hasPrefix(": ")
    }

    static func outputs(_ proc: Proc, _ k: RandomKernelGenerator.Kernel) throws -> [String] {
        let tensors = RandomKernelTests.tensors(k)
        try Interpreter.run(proc, RandomKernelTests.arguments(k, tensors))
        return zip(k.dataArguments, tensors).map { a, t in RandomKernelTests.printed(t, a.type) }
    }

    /// One rewrite of the library, on a cursor of the kind it expects (mostly),
    /// with small random arguments (sometimes invalid ones).
    static func randomRewrite(_ p: Procedure, step: Int, _ rng: inout SeededGenerator) -> (String, Result<Procedure, KernelError>) {
        let cursors = p.statementCursors()
        let which = Int.random(in: 0..<26, using: &rng)
        let small = Int.random(in: -1...4, using: &rng)
        let loopRewrites: Set<Int> = [0, 1, 7, 8, 12, 20], allocRewrites: Set<Int> = [5, 6, 9, 10, 11, 18, 21]
        let wanted = cursors.filter { loopRewrites.contains(which) ? $0.isLoop : allocRewrites.contains(which) ? $0.isAlloc : true }
        let pool = wanted.isEmpty || Int.random(in: 0..<10, using: &rng) == 0 ? cursors : wanted
        guard !pool.isEmpty else { return ("simplify", Result { try p.simplify() }.mapKernelError()) }
        let c = pool[Int.random(in: 0..<pool.count, using: &rng)]
        let other = cursors.filter(\.isAlloc).randomElement(using: &rng) ?? c
        let tail = [TailStrategy.perfect, .guard, .cut][Int.random(in: 0..<3, using: &rng)]
        let buffers = p.ir.params.filter { $0.type.isData }.map(\.name.name)
        let buffer = buffers.randomElement(using: &rng) ?? "x"
        let attempts: [(String, () throws -> Procedure)] = [
            ("divideLoop", { try p.divideLoop(c, by: small, newNames: ("o\(step)", "n\(step)"), tail: tail) }),
            ("reorderLoops", { try p.reorderLoops(c) }),
            ("reorderStmts", { try p.reorderStmts(c, c.next()) }),
            ("fission", { try p.fission(c.after(), nLifts: max(1, small)) }),
            ("liftScope", { try p.liftScope(c) }),
            ("liftAlloc", { try p.liftAlloc(c, nLifts: max(1, small)) }),
            ("sinkAlloc", { try p.sinkAlloc(c) }),
            ("removeLoop", { try p.removeLoop(c) }),
            ("unrollLoop", { try p.unrollLoop(c) }),
            ("unrollBuffer", { try p.unrollBuffer(c, dimension: max(0, small)) }),
            ("reuseBuffer", { try p.reuseBuffer(c, other) }),
            ("setMemory", { try p.setMemory(c, "DRAM_STATIC") }),
            ("cutLoop", { try p.cutLoop(c, at: .text("\(max(0, small))")) }),
            ("fuse", { try p.fuse(c, c.next()) }),
            ("bindExpr", { try p.bindExpr(c.rhs(), newName: "b\(step)") }),
            ("specialize", { try p.specialize(c, conditions: ["n > 3"]) }),
            ("simplify", { try p.simplify() }),
            ("fission", { try p.fissionAsMuchAsPossible(c) }),
            ("autoliftAlloc", { try p.autoliftAlloc(c, maxSize: 64) }),
            ("removeRedundantLoops", { try p.removeRedundantLoops(c) }),
            ("tileLoops", { try p.tileLoops([(c, max(1, small))]) }),
            ("expandDim", { try p.expandDim(c, "3", "0") }),
            ("deletePass", { try p.deletePass() }),
            ("stageMem", { try p.autoStageMem(c, buffer, name: "s\(step)", accumulate: small == 4) }),
            ("inline", { try p.inline(c) }),
            ("liftScope", { try p.liftScope(c, n: max(0, small)) }),
        ]
        let (name, attempt) = attempts[which]
        return (name, Result { try attempt() }.mapKernelError())
    }
}

extension Result where Failure == any Error {
    /// Any error that is not a KernelError is itself a failure of the test.
    func mapKernelError() -> Result<Success, KernelError> {
        mapError { $0 as? KernelError ?? KernelError(.schedule, "not a KernelError: \($0)") }
    }
}
