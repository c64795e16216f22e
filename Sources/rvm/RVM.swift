import ArgumentParser

/// The `rvm` command-line tool: simulator, compiler and testbench front end.
@main
struct RVM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rvm",
        abstract: "Schedule, compile and simulate RVM kernels for X-HEEP (cv32e40px + Quadrilatero).",
        subcommands: [
            RunCommand.self, DisasmCommand.self, BenchSimCommand.self,
            Compile.self, Check.self, BenchCompile.self,
            ScheduleCommand.self, BenchSchedule.self, Bench.self,
        ]
    )
}
