import ArgumentParser
import Schedule
import RVMTarget

/// `rvm schedule VARIANT [--sizes IC,OC,N,W] [--steps] [--changed-only] [-o OUT.c]`:
/// a conv1d schedule applied, printed as Exo text (step by step for debugging
/// a schedule), optionally compiled to C.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Apply a conv1d schedule and print the scheduled proc (or every step); optionally write its C.",
        discussion: """
        Variants: \(Conv1dVariant.names) (Sources/RVMTarget/Conv1dSchedules.swift; \
        kernels/conv1d/SCHEDULES.md). The schedule starts from `conv1d` of the kernel \
        file (the case study, IC=4 OC=16 N=16 W=4), or with --sizes from its \
        `generic_conv1d` with the sizes fixed by partialEval.

        --steps prints the original proc, then the proc after each rewrite, each \
        headed by a line `# K. rewrite(arguments)`. A rewrite that fails prints its \
        error (the statement it was applied to, in its surroundings, and the \
        condition that failed) and the exit status is 1.

        With -o, the scheduled proc is type and bounds checked and compiled to \
        OUT.c and OUT.h, as `rvm compile` does.
        """)

    @ArgumentParser.Argument(help: ArgumentHelp("The variant: \(Conv1dVariant.names).", valueName: "variant"))
    var variant: String

    @Option(help: ArgumentHelp("Sizes instead of the case study's.", valueName: "IC,OC,N,W"))
    var sizes: String?

    @Flag(help: "Print the proc after every rewrite, not just the result.")
    var steps = false

    @Flag(name: .customLong("changed-only"), help: "With --steps (implied): print only the header of a step that left the proc unchanged.")
    var changedOnly = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Also write the C source here and the header beside it (.h).", valueName: "out.c"))
    var output: String?

    @Option(name: .customLong("kernel-file"), help: ArgumentHelp("The file defining conv1d and generic_conv1d.", valueName: "file"))
    var kernelFile = "kernels/conv1d/conv1d.exo"

    func run() throws {
        try KernelCommand.run {
            let chosen = try Conv1dVariant(named: variant)
            let size = try sizes.map { text throws(KernelError) in try Conv1dSchedules.Sizes(parsing: text) }
            let files = try output.map { path throws(KernelError) in try OutputFiles(output: path, kernelFile: kernelFile) }
            let source = try KernelCommand.readSource(kernelFile)
            let algorithm = try Conv1dVariant.algorithm(in: source, file: kernelFile, sizes: size)
            let scheduled = try naming(kernelFile) { try chosen.schedule(algorithm) }
            print(steps || changedOnly ? scheduled.stepByStep(changedOnly: changedOnly) : ExoPrinter.print(scheduled.ir),
                  terminator: "")
            if let files {
                let c = try naming(kernelFile) { try ScheduledC.compile(scheduled.ir, library: files.library) }
                try KernelCommand.write(c.header, to: files.headerPath)
                try KernelCommand.write(c.source, to: files.sourcePath)
            }
        }
    }
}

/// Runs `work`, naming `file` in a located error (the statement a rewrite
/// refused sits at a line of the kernel file).
private func naming<T>(_ file: String, _ work: () throws -> T) throws -> T {
    do {
        return try work()
    } catch var e as KernelError {
        if e.file == nil, e.location.isKnown { e.file = file }
        throw e
    }
}

/// A scheduled proc through the checks and code generation of `rvm compile`.
enum ScheduledC {
    static func compile(_ proc: Proc, library: String) throws -> CCodegen.Output {
        let pipeline = try KernelPipeline(target: RVMTarget.kernelTarget)
        let module = KernelModule(procs: [proc])
        try pipeline.check(module)
        return try pipeline.generateC(module, library: library)
    }
}
