@testable import Schedule

/// Procs for scheduling tests written as Exo text: parsed (and type checked
/// by the parser's name resolution) so inputs and expected results read as
/// a kernel writer would write them.
func procedure(_ text: String, oracle: (any SoundnessOracle)? = nil) throws -> Procedure {
    let proc = try KernelParser.parseProc(text)
    return oracle.map { Procedure(proc, oracle: $0) } ?? Procedure(proc)
}

/// The printed proc (Exo text, ends with a newline).
func exo(_ p: Procedure) -> String { ExoPrinter.print(p.ir) }
