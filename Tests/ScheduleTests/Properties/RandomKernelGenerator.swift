import Schedule
import TestSupport

/// A seeded generator of small kernel files in Exo's syntax, for checking
/// the whole pipeline against the interpreter: loops (empty and reversed
/// ones too), `if`/`else`, DRAM and DRAM_STATIC allocations, reductions,
/// window definitions, calls of helper procs with windows and scalars,
/// i8/i16/i32/f32 data, a symbolic size and a bool argument.
///
/// Most accesses are in bounds by construction (a loop variable whose range
/// fits the extent, shifted or mirrored, or a guarded shift); a few are not,
/// and now and then a data `%` appears, so the refusals are exercised too.
/// Values stay small, so data arithmetic never overflows, float results
/// are exact in f32 and float-to-integer conversions stay in range.
struct RandomKernelGenerator {
    /// An extent: a constant, or the size argument `n` minus a constant.
    enum Extent: Equatable {
        case constant(Int)
        case size(minus: Int)

        var text: String {
            switch self {
            case .constant(let k): "\(k)"
            case .size(let m): m == 0 ? "n" : "n - \(m)"
            }
        }
    }

    struct Buffer {
        var name: String
        var type: ScalarType
        var shape: [Extent]
    }

    /// A loop variable ranging over [lo, hi).
    struct LoopVariable {
        var name: String
        var lo: Int
        var hi: Extent
    }

    /// A helper proc the kernel may call.
    struct Helper {
        var name: String
        /// Element types and shapes of its window parameters, then its scalar parameter's type if any.
        var windows: [(ScalarType, [Int])]
        var scalar: ScalarType?
        /// Whether its first window is sized by a `size` parameter (1-D helpers).
        var sized: Bool
    }

    /// One argument of the generated kernel, with the value the harness passes.
    enum Argument {
        case size(Int)
        case bool(Bool)
        case data(name: String, type: ScalarType, shape: [Int], values: [Int])
    }

    struct Kernel {
        var text: String
        var procName: String
        var arguments: [Argument]
    }

    /// Smallest and largest value of the size argument (its preconditions).
    static let sizeRange = 2...5

    private var rng: SeededGenerator
    private var lines: [String] = []
    private var fresh = 0
    private var loops: [LoopVariable] = []
    private var buffers: [Buffer] = []
    private var helpers: [Helper] = []
    private var statementBudget = 0

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    // MARK: random choices

    private mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }
    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    private mutating func pick<T>(_ xs: [T]) -> T { xs[int(0...(xs.count - 1))] }
    private mutating func name(_ prefix: String) -> String {
        fresh += 1
        return "\(prefix)\(fresh)"
    }
    private mutating func emit(_ depth: Int, _ text: String) {
        lines.append(String(repeating: "    ", count: depth) + text)
    }

    // MARK: the kernel

    mutating func kernel(named procName: String) -> Kernel {
        let n = int(Self.sizeRange)
        var params: [String] = ["n: size", "flag: bool"]
        var arguments: [Argument] = [.size(n), .bool(chance(0.5))]
        for k in 0..<int(1...4) {
            let type = pick([ScalarType.i8, .i16, .i32, .i32, .f32])
            let rank = pick([0, 1, 1, 2, 2, 3])
            let shape: [Extent] = (0..<rank).map { _ in chance(0.25) ? .size(minus: 0) : .constant(int(1...5)) }
            let pname = "a\(k)"
            buffers.append(Buffer(name: pname, type: type, shape: shape))
            let shapeText = shape.isEmpty ? "" : "[\(shape.map(\.text).joined(separator: ", "))]"
            params.append("\(pname): \(type.rawValue)\(shapeText) @ DRAM")
            let dims = shape.map { e -> Int in if case .constant(let c) = e { c } else { n } }
            let count = dims.reduce(1, *)
            let values = (0..<count).map { _ in int(-9...9) }
            arguments.append(.data(name: pname, type: type, shape: dims, values: values))
        }
        // Helpers typed after the arguments, so calls find buffers to pass.
        var text = ""
        for k in 0..<int(0...2) { text += helper(named: "\(procName)_h\(k)") + "\n" }
        lines = []
        emit(0, "@proc")
        emit(0, "def \(procName)(\(params.joined(separator: ", "))):")
        emit(1, "assert n >= \(Self.sizeRange.lowerBound)")
        emit(1, "assert n <= \(Self.sizeRange.upperBound)")
        statementBudget = int(4...12)
        block(depth: 1, minimum: 1)
        text += lines.joined(separator: "\n") + "\n"
        return Kernel(text: text, procName: procName, arguments: arguments)
    }

    /// A helper proc: `dst (op)= f(src)` over a 1-D window sized by `m`, or a
    /// 2x2 window plus a scalar added to each element.
    private mutating func helper(named hname: String) -> String {
        let tensors = buffers.filter { !$0.shape.isEmpty }
        let t = tensors.isEmpty ? pick([ScalarType.i8, .i16, .i32, .f32]) : pick(tensors).type
        var u = tensors.isEmpty ? pick([ScalarType.i8, .i16, .i32, .f32]) : pick(tensors).type
        // An integer destination takes integer sources: no float-to-integer conversion.
        if t != .f32 && u == .f32 { u = t }
        let op = pick(["=", "+="])
        let scalars = buffers.filter { $0.shape.isEmpty && (t == .f32 || $0.type != .f32) }
        if scalars.isEmpty || chance(0.5) {
            helpers.append(Helper(name: hname, windows: [(t, [0]), (u, [0])], scalar: nil, sized: true))
            let rhs = pick(["src[q]", "src[q] * 2", "dst[q] - src[q]", "src[q] + 3"])
            return """
                @proc
                def \(hname)(m: size, dst: [\(t.rawValue)][m] @ DRAM, src: [\(u.rawValue)][m] @ DRAM):
                    for q in seq(0, m):
                        dst[q] \(op) \(rhs)

                """
        }
        let c = pick(scalars).type
        helpers.append(Helper(name: hname, windows: [(t, [2, 2])], scalar: c, sized: false))
        return """
            @proc
            def \(hname)(dst: [\(t.rawValue)][2, 2] @ DRAM, c: \(c.rawValue) @ DRAM):
                for a in seq(0, 2):
                    for b in seq(0, 2):
                        dst[a, b] \(op) c + \(int(-3...3))
                c += 1

            """
    }

    // MARK: statements

    /// Statements at `depth`; what they declare goes out of scope at the end.
    private mutating func block(depth: Int, minimum: Int = 1) {
        let savedBuffers = buffers.count
        var count = 0
        while count < minimum || (statementBudget > 0 && chance(0.6)) {
            statement(depth: depth)
            count += 1
            if count >= 4 { break }
        }
        buffers.removeLast(buffers.count - savedBuffers)
    }

    private mutating func statement(depth: Int) {
        statementBudget -= 1
        let nested = depth < 4 && statementBudget > 0
        switch int(0...99) {
        case 0..<22 where nested: loop(depth: depth)
        case 22..<34 where nested: ifElse(depth: depth)
        case 34..<44: allocation(depth: depth)
        case 44..<54: call(depth: depth)
        case 54..<59: windowDefinition(depth: depth)
        case 59..<64 where nested: guardedShift(depth: depth)
        case 64..<66: emit(depth, "pass")
        default: write(depth: depth)
        }
    }

    private mutating func loop(depth: Int) {
        let v = name("i")
        let (lo, hi): (Int, Extent) = switch int(0...9) {
        case 0: (2, .constant(2))                   // empty
        case 1: (3, .constant(1))                   // reversed: runs zero times
        case 2, 3: (0, .size(minus: int(0...1)))
        case 4: (1, .constant(int(2...4)))
        default: (0, .constant(int(1...4)))
        }
        emit(depth, "for \(v) in seq(\(lo), \(hi.text)):")
        loops.append(LoopVariable(name: v, lo: lo, hi: hi))
        block(depth: depth + 1)
        loops.removeLast()
    }

    private mutating func ifElse(depth: Int) {
        emit(depth, "if \(condition()):")
        block(depth: depth + 1)
        if chance(0.4) {
            emit(depth, "else:")
            block(depth: depth + 1)
        }
    }

    private mutating func condition() -> String {
        let simple: String
        if let v = loops.isEmpty ? nil : pick(loops).name {
            simple = pick(["\(v) < \(int(0...3))", "\(v) % 2 == 0", "\(v) + 1 >= n", "\(v) != \(int(0...2))",
                           "n - \(v) > 2"])
        } else {
            simple = pick(["n > \(int(1...5))", "n == 3"])
        }
        switch int(0...5) {
        case 0: return "flag"
        case 1: return "not flag"
        case 2: return "\(simple) and flag"
        case 3: return "\(simple) or n < 3"
        default: return simple
        }
    }

    /// `t: T[...] @ MEM` and a loop nest writing all of it, so no read sees
    /// uninitialised memory; then t is in scope for the rest of the block.
    private mutating func allocation(depth: Int) {
        let t = name("t")
        let type = pick([ScalarType.i8, .i16, .i32, .f32])
        let rank = pick([0, 1, 1, 2])
        let isStatic = chance(0.3)
        let shape: [Extent] = (0..<rank).map { _ in !isStatic && chance(0.3) ? .size(minus: 0) : .constant(int(1...4)) }
        let shapeText = shape.isEmpty ? "" : "[\(shape.map(\.text).joined(separator: ", "))]"
        emit(depth, "\(t): \(type.rawValue)\(shapeText) @ \(isStatic ? "DRAM_STATIC" : "DRAM")")
        var d = depth
        var idx: [String] = []
        for e in shape {
            let v = name("k")
            emit(d, "for \(v) in seq(0, \(e.text)):")
            loops.append(LoopVariable(name: v, lo: 0, hi: e))
            idx.append(v)
            d += 1
        }
        let target = idx.isEmpty ? t : "\(t)[\(idx.joined(separator: ", "))]"
        emit(d, "\(target) = \(dataExpr(for: type, depth: 0))")
        loops.removeLast(shape.count)
        buffers.append(Buffer(name: t, type: type, shape: shape))
    }

    private mutating func write(depth: Int) {
        guard let b = buffers.isEmpty ? nil : pick(buffers) else { emit(depth, "pass"); return }
        let target = access(b)
        emit(depth, "\(target) \(chance(0.35) ? "+=" : "=") \(dataExpr(for: b.type, depth: 0))")
    }

    /// `if v + 1 < E:` then an access at `v + 1` in that dimension: in bounds
    /// only thanks to the guard.
    private mutating func guardedShift(depth: Int) {
        let candidates = buffers.filter { b in b.shape.contains { e in loops.contains { fits($0, e) } } }
        guard let b = candidates.isEmpty ? nil : pick(candidates) else { write(depth: depth); return }
        let d = pick(b.shape.indices.filter { d in loops.contains { fits($0, b.shape[d]) } })
        let v = pick(loops.filter { fits($0, b.shape[d]) })
        var idx: [String] = []
        for (k, e) in b.shape.enumerated() { idx.append(k == d ? "\(v.name) + 1" : index(into: e)) }
        emit(depth, "if \(v.name) + 1 < \(b.shape[d].text):")
        emit(depth + 1, "\(b.name)[\(idx.joined(separator: ", "))] \(chance(0.5) ? "+=" : "=") \(dataExpr(for: b.type, depth: 0))")
    }

    /// `w = x[i, 0:E]`: a 1-D window of a buffer, usable like a buffer afterwards.
    private mutating func windowDefinition(depth: Int) {
        let candidates = buffers.filter { !$0.shape.isEmpty }
        guard let b = candidates.isEmpty ? nil : pick(candidates) else { write(depth: depth); return }
        let keep = int(0...(b.shape.count - 1))
        var parts: [String] = []
        for (d, e) in b.shape.enumerated() {
            parts.append(d == keep ? "0:\(e.text)" : index(into: e))
        }
        let w = name("w")
        emit(depth, "\(w) = \(b.name)[\(parts.joined(separator: ", "))]")
        buffers.append(Buffer(name: w, type: b.type, shape: [b.shape[keep]]))
    }

    private mutating func call(depth: Int) {
        guard !helpers.isEmpty else { write(depth: depth); return }
        let h = pick(helpers)
        var args: [String] = []
        if h.sized {
            // A 1-D window of each of two buffers of the right types, of one common length.
            let wanted = h.windows.map(\.0)
            var chosen: [(Buffer, Int)] = []
            for t in wanted {
                let fitting = buffers.filter { $0.type == t && !$0.shape.isEmpty }
                guard let b = fitting.isEmpty ? nil : pick(fitting) else { write(depth: depth); return }
                chosen.append((b, int(0...(b.shape.count - 1))))
            }
            // The common length: the smallest constant extent (the size dims count as 2, n's minimum).
            let length = chosen.map { b, d in
                if case .constant(let c) = b.shape[d] { c } else if case .size(let m) = b.shape[d] { Self.sizeRange.lowerBound - m } else { 1 }
            }.min() ?? 1
            guard length >= 1 else { write(depth: depth); return }
            args.append("\(length)")
            for (b, d) in chosen {
                var parts: [String] = []
                for (k, e) in b.shape.enumerated() {
                    parts.append(k == d ? "0:\(length)" : index(into: e))
                }
                args.append("\(b.name)[\(parts.joined(separator: ", "))]")
            }
        } else {
            let (t, _) = h.windows[0]
            let fitting = buffers.filter { b in
                b.type == t && b.shape.count >= 2 && b.shape.filter { extentAtLeast2($0) }.count >= 2
            }
            let scalars = buffers.filter { $0.type == h.scalar && $0.shape.isEmpty }
            guard let b = fitting.isEmpty ? nil : pick(fitting), let s = scalars.isEmpty ? nil : pick(scalars) else {
                write(depth: depth); return
            }
            var parts: [String] = [], wide = 0
            for e in b.shape {
                if wide < 2 && extentAtLeast2(e) {
                    parts.append("0:2")
                    wide += 1
                } else {
                    parts.append(index(into: e))
                }
            }
            args.append("\(b.name)[\(parts.joined(separator: ", "))]")
            args.append(s.name)
        }
        emit(depth, "\(h.name)(\(args.joined(separator: ", ")))")
    }

    private func extentAtLeast2(_ e: Extent) -> Bool {
        switch e {
        case .constant(let c): c >= 2
        case .size(let m): Self.sizeRange.lowerBound - m >= 2
        }
    }

    // MARK: expressions

    /// Whether every value of v indexes an extent e in bounds.
    private func fits(_ v: LoopVariable, _ e: Extent) -> Bool {
        guard v.lo >= 0 else { return false }
        switch (v.hi, e) {
        case (.constant(let h), .constant(let c)): return h <= c
        case (.constant(let h), .size(let m)): return h <= Self.sizeRange.lowerBound - m
        case (.size(let hm), .size(let m)): return hm >= m
        case (.size, .constant): return false
        }
    }

    /// An index into an extent: in bounds by construction, except now and then.
    private mutating func index(into e: Extent) -> String {
        if chance(0.01) {
            // Possibly out of bounds: the bounds check must refuse it with its location.
            return loops.isEmpty ? e.text : "\(pick(loops).name) + 1"
        }
        let fitting = loops.filter { fits($0, e) }
        if let v = fitting.isEmpty ? nil : pick(fitting), chance(0.85) {
            switch (int(0...5), e) {
            case (0, .constant(let c)):
                if case .constant(let h) = v.hi, h < c { return "\(v.name) + \(int(0...(c - h)))" }
                return v.name
            case (1, .constant(let c)):
                return "\(c - 1) - \(v.name)"
            case (1, .size(let m)):
                if case .size(let hm) = v.hi, hm == m { return m == 0 ? "n - 1 - \(v.name)" : "n - \(m + 1) - \(v.name)" }
                return v.name
            case (2, _):
                return "\(v.name) / 2"
            default:
                return v.name
            }
        }
        switch e {
        case .constant(let c): return "\(int(0...(c - 1)))"
        case .size(let m): return "\(int(0...(Self.sizeRange.lowerBound - m - 1)))"
        }
    }

    private mutating func access(_ b: Buffer) -> String {
        b.shape.isEmpty ? b.name : "\(b.name)[\(b.shape.map { index(into: $0) }.joined(separator: ", "))]"
    }

    /// A data expression; its type follows C's conversions, and the
    /// assignment converts it to `target`. An integer target reads no f32
    /// data, so no float is ever converted to an integer.
    private mutating func dataExpr(for target: ScalarType, depth: Int) -> String {
        expression(for: target, depth: depth).text
    }

    private mutating func expression(for target: ScalarType, depth: Int) -> (text: String, isAtom: Bool) {
        if depth >= 2 || chance(0.35) { return leaf(for: target) }
        let a = operand(expression(for: target, depth: depth + 1))
        switch int(0...9) {
        case 0: return ("-\(a)", false)
        case 1:
            // Integer data divides by a literal; a float only by an exact power of two.
            return (target == .f32 ? "\(a) / 2.0" : "\(a) / \(pick(["2", "3", "(-4)"]))", false)
        case 2:
            // The type check refuses `%` of data values (as Exo does): rarely generated, to see it refused.
            if !chance(0.1) { return (target == .f32 ? "\(a) * 0.5" : "\(a) * \(pick([2, 3]))", false) }
            return ("\(a) % \(pick([2, 5]))", false)
        default:
            let b = operand(expression(for: target, depth: depth + 1))
            return ("\(a) \(pick(["+", "-", "*"])) \(b)", false)
        }
    }

    private func operand(_ e: (text: String, isAtom: Bool)) -> String { e.isAtom ? e.text : "(\(e.text))" }

    private mutating func leaf(for target: ScalarType) -> (text: String, isAtom: Bool) {
        let readable = target == .f32 ? buffers : buffers.filter { $0.type != .f32 }
        if !readable.isEmpty && chance(0.7) { return (access(pick(readable)), true) }
        if target == .f32 && chance(0.5) { return (pick(["0.5", "1.5", "2.0", "0.25"]), true) }
        let k = int(-9...9)
        return ("\(k)", k >= 0)
    }
}
