/// One step of a schedule: the rewrite applied, its arguments, and the proc it produced.
public struct ScheduleStep: Sendable {
    /// 1 for the first rewrite.
    public let number: Int
    public let rewrite: String
    /// Arguments as text: cursor targets as the statement they point at
    /// (`for i in seq(0, n)`, `after y: i32 @ DRAM`), then the other arguments.
    public let arguments: [String]
    public let proc: Proc

    /// `divideLoop(for i in seq(0, n), 4, [io, ii], perfect)`.
    public var call: String { "\(rewrite)(\(arguments.joined(separator: ", ")))" }
}

/// The step-by-step view of a schedule, for a kernel writer debugging it
/// (`rvm schedule` prints it).
extension Procedure {
    /// The proc before any rewrite.
    public var original: Proc { lineage.first?.source ?? ir }

    /// Every rewrite applied so far, oldest first, with the proc after it.
    /// (Rewrites made of several steps, like `fission(nLifts: 2)`, appear once per step.)
    public var steps: [ScheduleStep] {
        lineage.indices.map { k in
            let after = k + 1 < lineage.count ? lineage[k + 1].source ?? ir : ir
            return ScheduleStep(number: k + 1, rewrite: lineage[k].rewrite, arguments: lineage[k].arguments, proc: after)
        }
    }

    /// The original proc, then the proc after each rewrite, as Exo text, each
    /// headed by a comment line naming the step:
    ///
    ///     # original
    ///     @proc
    ///     def scale(...):
    ///         ...
    ///
    ///     # 1. divideLoop(for i in seq(0, n), 4, [io, ii], perfect)
    ///     @proc
    ///     ...
    ///
    /// With `changedOnly`, a step that left the text unchanged prints only its header.
    public func stepByStep(changedOnly: Bool = false) -> String {
        var out = "# original\n" + ExoPrinter.print(original)
        var previous = ExoPrinter.print(original)
        for step in steps {
            let text = ExoPrinter.print(step.proc)
            out += "\n# \(step.number). \(step.call)\n"
            if changedOnly && text == previous {
                out += "# (unchanged)\n"
            } else {
                out += text
            }
            previous = text
        }
        return out
    }

    // MARK: argument text, recorded by the rewrites

    /// The statement(s) a place points at, as an argument of a rewrite.
    func argument(_ place: Place) -> String {
        let block = StatementTree.block(ir.body, owner: place.owner, block: place.block) ?? []
        func line(_ k: Int) -> String {
            guard block.indices.contains(k) else { return "?" }
            var text = StatementText.headline(block[k])
            if text.hasSuffix(":") { text.removeLast() }
            return text
        }
        switch place.kind {
        case .statement:
            return line(place.lo)
        case .expression:
            guard block.indices.contains(place.lo), let e = StatementTree.expr(in: block[place.lo], at: place.exprPath) else {
                return "?"
            }
            return e.exoText
        case .block:
            let n = place.hi - place.lo
            return n == 1 ? line(place.lo) : "\(line(place.lo)) and \(n - 1) more"
        case .gap:
            if place.lo > 0 { return "after \(line(place.lo - 1))" }
            if place.lo < block.count { return "before \(line(place.lo))" }
            return "in an empty block"
        }
    }

    /// An expression argument as text.
    func argument(_ e: ExprArgument) -> String {
        switch e {
        case .text(let t): t
        case .expr(let x): x.exoText
        }
    }
}
