import Foundation

/// Runs the cross toolchain (and host tools) for tests that check our output
/// against GNU binutils. Programs are built at test time in a temporary directory.
struct ToolFailure: Error, CustomStringConvertible {
    let description: String
}

enum Toolchain {
    static let prefix = "riscv64-unknown-elf-"

    /// A fresh temporary directory, removed by the caller with `cleanUp`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("riscv-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func cleanUp(_ url: URL) { try? FileManager.default.removeItem(at: url) }

    /// Runs `tool args` (looked up on PATH) and returns its standard output;
    /// a non-zero exit throws with the tool's standard error.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stdout = String(decoding: outData, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let stderr = String(decoding: errData, as: UTF8.self)
            throw ToolFailure(description: "\(tool) \(arguments.joined(separator: " ")) failed (\(process.terminationStatus)):\n\(stderr)")
        }
        return stdout
    }

    /// One disassembled line of `objdump -d`: address, word, text (comment removed).
    struct ObjdumpLine: Equatable {
        let address: UInt32
        let word: UInt32
        let text: String
    }

    /// Parses `objdump -d` output into its instruction lines.
    static func parseObjdump(_ output: String) -> [ObjdumpLine] {
        var lines: [ObjdumpLine] = []
        for raw in output.split(separator: "\n") {
            let fields = raw.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3,
                  let colon = fields[0].firstIndex(of: ":"),
                  let address = UInt32(fields[0][..<colon].trimmingCharacters(in: .whitespaces), radix: 16),
                  let word = UInt32(fields[1].trimmingCharacters(in: .whitespaces), radix: 16)
            else { continue }
            var text = String(fields[2])
            if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
            lines.append(ObjdumpLine(address: address, word: word,
                                     text: text.trimmingCharacters(in: .whitespaces)))
        }
        return lines
    }

    /// Assembles `source` for RV32IM_Zicsr_Zifencei and returns the object's path.
    static func assemble(_ source: String, name: String = "test", in directory: URL,
                         extraFlags: [String] = []) throws -> String {
        let sourcePath = directory.appendingPathComponent("\(name).s").path
        try source.write(toFile: sourcePath, atomically: true, encoding: .utf8)
        let objectPath = directory.appendingPathComponent("\(name).o").path
        try run(prefix + "as", ["-march=rv32im_zicsr_zifencei"] + extraFlags + ["-o", objectPath, sourcePath],
                in: directory)
        return objectPath
    }
}
