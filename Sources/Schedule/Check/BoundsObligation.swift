/// One claim the bounds checker must prove (an index inside its dimension, a
/// callee's precondition, ...), with what is needed to explain a failure.
struct BoundsObligation {
    var claim: SMTTerm
    /// The facts at the program point of the claim.
    var facts: [SMTTerm]
    var location: SourceLocation
    /// What is checked, e.g. "data[c, j + r]: index 1 (j + r)".
    var subject: String
    /// The failure, e.g. "out of bounds [0, 16)"; joined as "may be ..." or "is ...".
    var failure: String
    /// Verbs for a failure that depends on the variables, and for one that does not.
    var possibly = "may be"
    var certainly = "is"
    /// Variables the failing claim is about (shown first), then the others of the same access.
    var primary: [SMTVariable]
    var secondary: [SMTVariable] = []

    init(claim: SMTTerm, facts: [SMTTerm], at location: SourceLocation, subject: String, failure: String,
         primary: [SMTVariable], secondary: [SMTVariable] = []) {
        self.claim = claim
        self.facts = facts
        self.location = location
        self.subject = subject
        self.failure = failure
        self.primary = primary
        self.secondary = secondary.filter { !primary.contains($0) }
    }

    /// "data[c, j + r]: index 1 (j + r) may be out of bounds [0, 16): e.g. j = 15, r = 1 (c = 0)";
    /// without an example when the claim fails in every execution (`certain`).
    func error(counterexample model: SMTModel, certain: Bool) -> KernelError {
        func phrase(_ verb: String) -> String { failure.isEmpty ? "\(subject) \(verb)" : "\(subject) \(verb) \(failure)" }
        if primary.isEmpty || certain {
            return KernelError(.bounds, phrase(certainly), at: location)
        }
        func values(_ vs: [SMTVariable]) -> String {
            vs.compactMap { v in model[v].map { "\(v.name) = \($0)" } }.joined(separator: ", ")
        }
        var message = "\(phrase(possibly)): e.g. \(values(primary))"
        let others = values(secondary)
        if !others.isEmpty { message += " (\(others))" }
        return KernelError(.bounds, message, at: location)
    }

    func error(unknown reason: String) -> KernelError {
        KernelError(.bounds, "\(subject): the solver could not decide whether it holds (\(reason))", at: location)
    }
}
