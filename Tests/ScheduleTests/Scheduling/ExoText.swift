@testable import Schedule

/// Procs for the scheduling tests written as Exo text: parsed, scheduled,
/// and compared by their printed text.
enum ExoText {
    /// The RVM instruction fixtures (written from RVM-SPEC.md §1).
    static let rvm: [Proc] = (try? KernelParser.parse(KernelFixtures.rvmInstructions).procs) ?? []

    static func instruction(_ name: String) throws -> Proc {
        guard let p = rvm.first(where: { $0.name == name }) else {
            throw KernelError(.schedule, "no instruction fixture named \(name)")
        }
        return p
    }

    /// The last proc of `text` (procs above it and the RVM fixtures may be called).
    static func procedure(_ text: String, predefined: [Proc] = rvm) throws -> Procedure {
        Procedure(try KernelParser.parseProc(text, predefined: predefined))
    }

    /// The printed proc without its decorator line (Exo's text format).
    static func printed(_ p: Procedure) -> String {
        let full = ExoPrinter.print(p.ir)
        return full.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().joined()
    }
}
