import Foundation
import Schedule

/// Exo's `partial_eval`: a proc with some `size` parameters fixed to
/// constants. The parameters disappear, every use of them (tensor shapes,
/// loop bounds, conditions, indices) becomes the literal, and the
/// preconditions are checked on the spot, so an instance that breaks one
/// (`N % 4 == 0` with N = 10) is refused here with the precondition's text
/// rather than failing later inside a schedule.
public enum SizeBinding {
    /// - Parameter source: the kernel file's text, to quote a failing precondition.
    public static func bind(_ proc: Proc, _ values: [String: Int], name: String,
                            source: String? = nil) throws(SizeBindingError) -> Proc {
        var map: [Sym: Expr] = [:]
        var kept: [Param] = []
        for param in proc.params {
            if let value = values[param.name.name] {
                guard case .size = param.type else { throw .notASize(param.name.name, proc: proc.name) }
                guard value >= 1 else { throw .notPositive(param.name.name, value) }
                map[param.name] = .int(value)
            } else {
                kept.append(param)
            }
        }
        let bound = Set(proc.params.map(\.name.name)).intersection(values.keys)
        if let unknown = values.keys.sorted().first(where: { !bound.contains($0) }) {
            throw .unknownSize(unknown, proc: proc.name)
        }
        func substitute(_ e: Expr) -> Expr { e.substituting(map) }
        var result = proc
        result.name = name
        result.params = kept.map { param in
            var param = param
            if case .tensor(let element, let shape, let isWindow) = param.type {
                param.type = .tensor(element, shape: shape.map(substitute), isWindow: isWindow)
            }
            return param
        }
        var remaining: [Expr] = []
        for precondition in proc.preconditions {
            let fixed = substitute(precondition)
            switch truth(of: fixed) {
            case true?: continue
            case false?:
                let text = values.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
                throw .preconditionFails(quote(precondition.loc, in: source), proc: proc.name, sizes: text)
            case nil: remaining.append(fixed)  // still mentions an unbound size
            }
        }
        result.preconditions = remaining
        result.body = proc.body.map { $0.mappingExprs(substitute) }
        return result
    }

    /// The source line of a precondition (`assert N % 4 == 0`), else its position.
    static func quote(_ location: SourceLocation, in source: String?) -> String {
        if let source, location.isKnown {
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            if location.line <= lines.count {
                return "`" + lines[location.line - 1].trimmingCharacters(in: .whitespaces) + "` (line \(location.line))"
            }
        }
        return "at \(location)"
    }

    /// The value of a condition made only of literals; nil when it mentions a variable.
    static func truth(of e: Expr) -> Bool? {
        switch e.node {
        case .bool(let value): return value
        case .unary(.not, let a): return truth(of: a).map { !$0 }
        case .binary(.and, let a, let b):
            guard let x = truth(of: a), let y = truth(of: b) else { return nil }
            return x && y
        case .binary(.or, let a, let b):
            guard let x = truth(of: a), let y = truth(of: b) else { return nil }
            return x || y
        case .binary(let op, let a, let b):
            guard let x = a.foldedConstant, let y = b.foldedConstant else { return nil }
            switch op {
            case .lt: return x < y
            case .le: return x <= y
            case .gt: return x > y
            case .ge: return x >= y
            case .eq: return x == y
            case .ne: return x != y
            default: return nil
            }
        default: return nil
        }
    }
}

public enum SizeBindingError: Error, Equatable, CustomStringConvertible {
    case notASize(String, proc: String)
    case unknownSize(String, proc: String)
    case notPositive(String, Int)
    case preconditionFails(String, proc: String, sizes: String)

    public var description: String {
        switch self {
        case .notASize(let name, let proc): return "\(proc): '\(name)' is not a size parameter"
        case .unknownSize(let name, let proc): return "\(proc) has no size parameter '\(name)'"
        case .notPositive(let name, let value): return "size \(name) = \(value) must be at least 1"
        case .preconditionFails(let text, let proc, let sizes): return "\(proc): precondition \(text) does not hold for \(sizes)"
        }
    }
}
