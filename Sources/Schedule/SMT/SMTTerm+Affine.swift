extension SMTTerm {
    /// The same value with sums, differences, negations and multiplications
    /// by constants gathered into `c1*t1 + c2*t2 + ... + k`, so that
    /// `(4*j + 3) - 4*j` becomes `3`. Other sub-terms are kept whole (as
    /// atoms) in order of first appearance. Used for window shapes and
    /// messages; exact, but not a normal form for non-linear terms.
    public var affineSimplified: SMTTerm {
        guard sort == .int else { return self }
        var atoms: [SMTTerm] = []
        var coefficients: [SMTTerm: Int] = [:]
        var constant = 0
        guard collect(1, &atoms, &coefficients, &constant) else { return self }
        var result = SMTTerm.int(0)
        for a in atoms {
            guard let k = coefficients[a], k != 0 else { continue }
            if result.intValue == 0 {
                result = k == 1 ? a : k == -1 ? -a : .int(k) * a
            } else if k < 0 {
                result = result - (k == -1 ? a : .int(-k) * a)
            } else {
                result = result + (k == 1 ? a : .int(k) * a)
            }
        }
        if constant < 0, constant != Int.min, result.intValue == nil { return result - .int(-constant) }
        return result + .int(constant)
    }

    /// Adds `scale * self` into the linear form; false on Int overflow (then nothing is simplified).
    private func collect(_ scale: Int, _ atoms: inout [SMTTerm], _ coefficients: inout [SMTTerm: Int], _ constant: inout Int) -> Bool {
        switch node {
        case .int(let v):
            let (p, o1) = v.multipliedReportingOverflow(by: scale)
            let (s, o2) = constant.addingReportingOverflow(p)
            constant = s
            return !o1 && !o2
        case .add(let a, let b):
            return a.collect(scale, &atoms, &coefficients, &constant) && b.collect(scale, &atoms, &coefficients, &constant)
        case .sub(let a, let b):
            let (neg, o) = (0).subtractingReportingOverflow(scale)
            return !o && a.collect(scale, &atoms, &coefficients, &constant) && b.collect(neg, &atoms, &coefficients, &constant)
        case .mul(let a, let b) where a.intValue != nil || b.intValue != nil:
            let (k, t) = a.intValue != nil ? (a.intValue ?? 1, b) : (b.intValue ?? 1, a)
            let (s, o) = scale.multipliedReportingOverflow(by: k)
            return !o && t.collect(s, &atoms, &coefficients, &constant)
        default:
            if coefficients[self] == nil { atoms.append(self) }
            let (s, o) = (coefficients[self] ?? 0).addingReportingOverflow(scale)
            coefficients[self] = s
            return !o && s != Int.min   // rebuilding negates coefficients
        }
    }
}
