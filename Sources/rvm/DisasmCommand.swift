import ArgumentParser
import Simulator

/// `rvm disasm PROGRAM.elf`: an objdump-style listing of the executable
/// sections, RVM instructions included, branch targets named by symbol.
struct DisasmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disasm", abstract: "Disassemble an RV32 ELF program (objdump -d style, RVM included).")

    @Argument(help: "The ELF file to disassemble.")
    var program: String

    @Flag(help: "Print base instructions instead of aliases (objdump -M no-aliases).")
    var noAliases = false

    func run() throws {
        let image: ELFImage
        do {
            image = try ELFImage(contentsOf: program)
        } catch {
            printError("rvm: \(program): \(error)")
            throw ExitCode(2)
        }
        print(ProgramListing.text(image, path: program, style: noAliases ? .noAliases : .aliases), terminator: "")
    }
}
