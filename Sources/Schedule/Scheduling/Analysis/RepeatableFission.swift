/// The second way a loop `for i: A; B` may be split into `for i: A` then
/// `for i: B`, used when later iterations of A do not commute with B
/// (the case study's im2col fill: every iteration over an output row
/// rewrites the same `y` that the others read). It is sound when
///  1. A does not depend on i,
///  2. A is idempotent: it reduces into nothing and reads no element it writes,
///  3. B writes nothing A reads or writes.
/// Then every execution of A after the first finds the same inputs (B left
/// them alone) and rewrites the same values into places nobody changed, so
/// it is a no-op: `A B A B ... A B` = `A B B ... B` = `A ... A B ... B`.
struct RepeatableFission {
    let oracle: any SoundnessOracle
    let context: ProgramContext

    /// nil when the conditions hold; otherwise why not.
    func failure(first: [Stmt], second: [Stmt], loop i: Sym, in proc: Proc) -> String? {
        if first.mentions(i) { return "the statements before the gap depend on \(i.name)" }
        let a = Effects.of(first, in: proc)
        if let r = a.accesses.first(where: { $0.kind == .reduce }) {
            return "the statements before the gap reduce into \(r.location)"
        }
        let check = Commutation(oracle: oracle, context: context)
        let writes = Effects(accesses: a.accesses.filter { $0.kind == .write })
        let reads = Effects(accesses: a.accesses.filter { $0.kind == .read })
        do {
            try check.check(writes, reads, rewrite: "fission", condition: "", at: Stmt(.pass))
        } catch {
            return "the statements before the gap may read what they write"
        }
        let b = Effects.of(second, in: proc)
        // A read of A against a write of B is a conflict here, so turn A's reads into writes for the check.
        let aAll = Effects(accesses: a.accesses.map { var x = $0; x.kind = .write; return x })
        let bWrites = Effects(accesses: b.accesses.filter { $0.kind != .read })
        do {
            try check.check(aAll, bWrites, rewrite: "fission", condition: "", at: Stmt(.pass))
        } catch {
            return "the statements after the gap may write what those before it use"
        }
        return nil
    }
}
