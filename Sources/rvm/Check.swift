import ArgumentParser
import Schedule
import RVMTarget

/// `rvm check FILE.exo`: parse, type and bounds check, print the procs.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse, type check and bounds check a kernel file; print its procs in Exo's text format.",
        discussion: """
        Reports every access the solver cannot prove in bounds (with a counterexample), \
        each as FILE:LINE:COL: PHASE error: MESSAGE on stderr; the exit status is then 1. \
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
            let module = try KernelCommand.checkedModule(pipeline, source, file: file)
            if !quiet {
                if library { print() }
                print(ExoPrinter.print(module), terminator: "")
            }
        }
    }
}
