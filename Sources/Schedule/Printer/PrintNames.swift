/// Chooses the printed name of each symbol. Two distinct symbols with the
/// same name visible at once (rewrites create them) get suffixes: the later
/// one prints as `y_1` (or `y_2`, ... whichever is free), so reparsing gives
/// distinct variables again. Scoping follows the parser: loop and if/else
/// bodies are blocks; a definition is visible to the end of its block.
struct PrintNames {
    private var assigned: [Sym: String] = [:]
    /// Printed names visible now, and the symbol each denotes.
    private var visible: [String: Sym] = [:]
    private var undo: [[(String, Sym?)]] = [[]]

    /// Names a symbol at its definition.
    mutating func define(_ s: Sym) -> String {
        var candidate = s.name
        if let other = visible[candidate], other != s {
            var k = 1
            repeat {
                candidate = "\(s.name)_\(k)"
                k += 1
            } while visible[candidate] != nil
        }
        assigned[s] = candidate
        undo[undo.count - 1].append((candidate, visible[candidate]))
        visible[candidate] = s
        return candidate
    }

    /// The printed name of a use (a symbol never defined here keeps its name).
    func name(_ s: Sym) -> String { assigned[s] ?? s.name }

    mutating func push() { undo.append([]) }

    mutating func pop() {
        for (name, previous) in undo.removeLast().reversed() {
            visible[name] = previous
        }
    }
}
