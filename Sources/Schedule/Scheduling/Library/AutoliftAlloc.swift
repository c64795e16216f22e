extension Procedure {
    /// `autolift_alloc(p, alloc, dep_set, max_size)`: walks up the loops
    /// around an allocation; for each loop named in `depSet` (every loop
    /// when nil) with a constant trip count that keeps the buffer within
    /// `maxSize` elements, gives the buffer a new leading dimension indexed
    /// by that loop (`expandDim`) and, with `lift`, lifts it out of its
    /// scope. Stops at the first enclosing statement that is not a loop.
    public func autoliftAlloc(_ alloc: Cursor, maxSize: Int, depSet: Set<String>? = nil, lift: Bool = true) throws -> Procedure {
        let rw = "autoliftAlloc"
        var p = self
        let a = try p.forward(alloc)
        guard a.isAlloc else { throw KernelError(.schedule, "\(rw): \(alloc) is not an allocation") }
        var size = try Self.elementCount(a.stmt) ?? Int.max
        var loop = try? Self.enclosingLoop(of: a)
        while let l = loop.flatMap({ try? p.forward($0) }), l.isLoop {
            let name = try l.name
            if depSet?.contains(name) ?? true, let hi = try? l.hi().value, (try? l.lo().value) == 0,
               hi > 0, size <= maxSize / hi {
                guard case .loop(let i, _, _, _) = try l.stmt.node else { break }
                p = try p.expandDim(alloc, .expr(.int(hi)), .expr(.variable(i)))
                size *= hi
                if lift { p = try p.liftAlloc(alloc) }
            }
            loop = try? p.forward(l).parent()
        }
        return p
    }

    /// The nearest loop around a statement (skipping `if`s).
    static func enclosingLoop(of c: Cursor) throws -> Cursor {
        var cur = try c.parent()
        while !cur.isLoop { cur = try cur.parent() }
        return cur
    }

    /// Elements of an allocation with a constant shape (1 for a scalar).
    static func elementCount(_ s: Stmt) -> Int? {
        guard case .alloc(_, let t, _) = s.node else { return nil }
        var n = 1
        for e in t.shape {
            guard let v = e.intValue else { return nil }
            n *= v
        }
        return n
    }
}
