import ArgumentParser
import Schedule
import RVMTarget

/// `rvm compile FILE.exo [--proc NAME]... [-o OUT.c]`: kernel text to C.
struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile a kernel file (Exo syntax) to C: OUT.c and OUT.h.",
        discussion: """
        The file is parsed, type checked, bounds checked (z3) and compiled. The RVM \
        instruction procs (rvm_mld, rvm_mst, rvm_mzero, rvm_mmasa, ...; see `rvm check \
        --library`) and the memories DRAM, DRAM_STATIC and RVM_TILE are predefined: a \
        kernel calls them without defining them.

        Without --proc, every @proc of the file becomes a public C function; with it, \
        only the named ones (plain procs they call are compiled as static functions). \
        @instr procs are expanded at their call sites.

        Errors print as FILE:LINE:COL: PHASE error: MESSAGE, and the exit status is 1.
        """)

    @ArgumentParser.Argument(help: "The kernel file.")
    var file: String

    @Option(name: .customLong("proc"), help: ArgumentHelp("Compile this @proc (repeatable; default: every @proc of the file).", valueName: "name"))
    var procs: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("The C source to write; the header goes beside it with extension .h (default: the kernel file's name with .c, in the current directory).", valueName: "out.c"))
    var output: String?

    func run() throws {
        try KernelCommand.run {
            let source = try KernelCommand.readSource(file)
            let files = try OutputFiles(output: output, kernelFile: file)
            let pipeline = try KernelPipeline(target: RVMTarget.kernelTarget)
            let selection: ProcSelection = procs.isEmpty ? .allProcs : .named(procs)
            let output = try pipeline.compile(source, file: file, selecting: selection, library: files.library).output
            try KernelCommand.write(output.header, to: files.headerPath)
            try KernelCommand.write(output.source, to: files.sourcePath)
        }
    }
}
