/// What the parser knows about a name in scope: its symbol and, for data,
/// its shape (so `x[i]` on a 2-D tensor can widen to the window `x[i, 0:n]`,
/// and `x[:, 2:]` can fill in its bounds, as Exo does).
struct Binding {
    enum Kind {
        /// size, index and bool arguments, loop variables
        case control
        /// scalars (empty shape), tensors and windows
        case data(shape: [Expr])
    }
    var sym: Sym
    var kind: Kind
}

/// Block-structured name resolution: loop and if/else bodies open a scope;
/// a definition shadows outer ones until its block ends. The printer uses the
/// same rule when it disambiguates names.
struct ParserScope {
    private var frames: [[String: Binding]] = [[:]]

    mutating func push() { frames.append([:]) }
    mutating func pop() { frames.removeLast() }

    mutating func define(_ name: String, _ binding: Binding) {
        frames[frames.count - 1][name] = binding
    }

    func lookup(_ name: String) -> Binding? {
        for frame in frames.reversed() {
            if let b = frame[name] { return b }
        }
        return nil
    }
}
