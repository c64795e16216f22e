/// Which procs of a kernel file become public C functions.
///
/// - `.allProcs`: every `@proc` of the file, in file order (the `@instr`
///   procs are expanded at their call sites, never compiled on their own);
/// - `.named([...])`: just those, each of which must be an `@proc` of the file.
///
/// Either way, plain procs that a selected proc calls are compiled too, as
/// `static` functions when they are not selected themselves.
public enum ProcSelection: Sendable, Equatable {
    case allProcs
    case named([String])

    public func procs(of module: KernelModule) throws(KernelError) -> [Proc] {
        let plain = module.procs.filter { !$0.isInstruction }
        switch self {
        case .allProcs:
            guard !plain.isEmpty else {
                throw KernelError(.codegen, module.procs.isEmpty
                    ? "the file defines no proc"
                    : "the file defines only @instr procs; an @instr proc is expanded where it is called, so there is no @proc to compile")
            }
            return plain
        case .named(let names):
            var chosen: [Proc] = []
            for name in names where !chosen.contains(where: { $0.name == name }) {
                guard let p = module.proc(named: name) else {
                    let available = plain.map(\.name).joined(separator: ", ")
                    throw KernelError(.codegen, "no proc named '\(name)' in the file (its @procs: \(available.isEmpty ? "none" : available))")
                }
                guard !p.isInstruction else {
                    throw KernelError(.codegen, "'\(name)' is an @instr proc; only @procs compile to C functions", at: p.loc)
                }
                chosen.append(p)
            }
            return chosen
        }
    }
}
