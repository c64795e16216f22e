import Foundation
@testable import Schedule
import RVMTarget

/// Inputs of the conv1d schedule tests.
enum Conv1dAlgorithm {
    /// The case study's proc `conv1d` from kernels/conv1d/conv1d.exo.
    static func procedure() throws -> Procedure {
        Procedure(try KernelParser.parseProc(try conv1dFile(), named: "conv1d"))
    }

    static func conv1dFile() throws -> String {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("kernels/conv1d/conv1d.exo")
        return try String(contentsOf: url, encoding: .utf8)
    }
}
