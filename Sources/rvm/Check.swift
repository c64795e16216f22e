import ArgumentParser
import Schedule
import RVMTarget

/// `rvm check FILE.exo`: parse, type and bounds check, print the procs.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a kernel file (parse, types, bounds, and what C generation refuses); print its procs in Exo's text format.",
        discussion: """
        Reports every access the solver cannot prove in bounds (with a counterexample), \
        each as FILE:LINE:COL: PHASE error: MESSAGE on stderr; the exit status is then 1. \
        C is also generated (and discarded), so what only code generation refuses (more \
        than 8 live RVM tiles, scalar access to a tile, calls that hit the RTL errata) \
        fails `check` as it fails `compile`. \
        The RVM instruction procs and memories are predefined, as for `rvm compile`.
        """)

    @ArgumentParser.Argument(help: "The kernel file (optional with --library).")
    var file: String?

    @Flag(help: "Print the predefined RVM instruction procs a kernel file may call.")
    var library = false

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    func validate() throws {
        if file == nil && !library { throw ValidationError("give a kernel file (or --library)") }
    }

    func run() throws {
        try KernelCommand.run {
            if library {
                print(ExoPrinter.print(KernelModule(procs: RVMTarget.kernelTarget.predefined)), terminator: "")
            }
            guard let file else { return }
            let source = try KernelCommand.readSource(file)
            let pipeline = try KernelPipeline(target: RVMTarget.kernelTarget)
            let module = try pipeline.verify(source, file: file)
            if !quiet {
                if library { print() }
                print(ExoPrinter.print(module), terminator: "")
            }
        }
    }
}
