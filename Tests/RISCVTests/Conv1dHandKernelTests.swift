import Foundation
import TestSupport
import Testing
@testable import RISCV

/// kernels/conv1d/hand: the scalar and RVM versions, checked on the host
/// (RVM through rvm_host_emulation.h) and cross-compiled for RV32IM.
enum Conv1dHand {
    static let directory = Repository.url("kernels/conv1d/hand").path

    struct Sizes: CustomStringConvertible, Sendable {
        let ic, oc, n, w: Int
        var defines: [String] { ["-DIC=\(ic)", "-DOC=\(oc)", "-DN=\(n)", "-DW=\(w)"] }
        var description: String { "IC=\(ic) OC=\(oc) N=\(n) W=\(w)" }
    }

    /// The case study computed here, a third implementation beside scalar.c
    /// and host_check.c's reference.
    static func caseStudy(_ s: Sizes) -> [[Int32]] {
        (0..<s.oc).map { o in
            (0..<s.n).map { j in
                var sum: Int32 = 0
                for c in 0..<s.ic {
                    for r in 0..<s.w where j + r < s.n { sum += Int32(j + r) * Int32(o * 100 + c * 10 + r) }
                }
                return sum
            }
        }
    }
}

@Test(arguments: [
    ("scalar", Conv1dHand.Sizes(ic: 4, oc: 16, n: 16, w: 4)),
    ("scalar", Conv1dHand.Sizes(ic: 2, oc: 5, n: 7, w: 3)),
    ("rvm_1acc", Conv1dHand.Sizes(ic: 4, oc: 16, n: 16, w: 4)),
    ("rvm_1acc", Conv1dHand.Sizes(ic: 3, oc: 8, n: 12, w: 4)),
    ("rvm_1acc", Conv1dHand.Sizes(ic: 1, oc: 4, n: 4, w: 4)),
    ("rvm_4acc", Conv1dHand.Sizes(ic: 4, oc: 16, n: 16, w: 4)),
    ("rvm_4acc", Conv1dHand.Sizes(ic: 5, oc: 32, n: 8, w: 4)),
])
func handKernelMatchesReferenceOnHost(kernel: String, sizes: Conv1dHand.Sizes) throws {
    let dir = try Toolchain.temporaryDirectory()
    defer { ScratchDirectory.remove(dir) }
    let hand = Conv1dHand.directory
    try Tool.run("cc", ["-O2", "-Wall", "-Wextra", "-Werror", "-DRVM_HOST_EMULATION", "-I", RVMHeader.runtime]
                      + sizes.defines + ["\(hand)/host_check.c", "\(hand)/\(kernel).c", "-o", "check"], in: dir)
    // A non-zero exit (a mismatch against host_check.c's reference) throws with its report.
    let output = try Tool.run(dir.appendingPathComponent("check").path, [], in: dir).stdout
    let printed = output.split(separator: "\n").map { $0.split(separator: " ").compactMap { Int32($0) } }
    #expect(printed == Conv1dHand.caseStudy(sizes))
}

/// Cross-compiled warning-free, with the RVM instructions each version should
/// contain and none that hits an RTL erratum.
@Test(arguments: ["scalar", "rvm_1acc", "rvm_4acc"])
func handKernelCrossCompiles(kernel: String) throws {
    let dir = try Toolchain.temporaryDirectory()
    defer { ScratchDirectory.remove(dir) }
    try Tool.run(RVMHeader.cc, RVMHeader.flags + ["-c", "\(Conv1dHand.directory)/\(kernel).c", "-o", "k.o"], in: dir)
    let words = Objdump.parse(try Tool.run(Toolchain.prefix + "objdump", ["-d", "k.o"], in: dir).stdout).map(\.word)
    let rvm = words.map(decode).filter { $0.opcode.isRVM }
    let illegal = words.map(decode).filter { $0.opcode == .illegal }
    #expect(illegal.isEmpty)
    #expect(!rvm.contains { $0.opcode == .mstW && $0.rd == 0 })
    #expect(!rvm.contains { $0.opcode.format == .rvmMultiply && $0.rs1 == $0.rs2 })

    // Tile usage, as text without the GPR operands (which are GCC's choice).
    let tiles = Set(rvm.map { inst -> String in
        let text = Disassembler().text(inst)
        return inst.opcode.format == .rvmMemory ? String(text.prefix { $0 != "," }) : text
    })
    switch kernel {
    case "scalar":
        #expect(rvm.isEmpty)
    case "rvm_1acc":
        #expect(tiles == ["mzero\tm4", "mld.w\tm0", "mld.w\tm1", "mmasa.w\tm4,m0,m1", "mst.w\tm4"])
    default:
        #expect(tiles == ["mzero\tm4", "mzero\tm5", "mzero\tm6", "mzero\tm7", "mld.w\tm0", "mld.w\tm1",
                          "mld.w\tm2", "mld.w\tm3", "mmasa.w\tm4,m0,m1", "mmasa.w\tm5,m0,m2",
                          "mmasa.w\tm6,m0,m3", "mmasa.w\tm7,m0,m1", "mst.w\tm4", "mst.w\tm5", "mst.w\tm6", "mst.w\tm7"])
    }
}

@Test func handKernelsStateTheirSizeConstraints() throws {
    let dir = try Toolchain.temporaryDirectory()
    defer { ScratchDirectory.remove(dir) }
    let cases: [(String, [String], String)] = [
        ("rvm_4acc", ["-DOC=8"], "rvm_4acc: OC must be a multiple of 16"),
        ("rvm_1acc", ["-DW=3"], "rvm_1acc: W must be 4"),
        ("rvm_1acc", ["-DN=6"], "rvm_1acc: N and OC must be multiples of 4"),
        ("scalar", ["-DIC=0"], "conv1d: IC, OC, N and W must be positive"),
    ]
    for (kernel, defines, message) in cases {
        do {
            try Tool.run(RVMHeader.cc, RVMHeader.flags + defines + ["-c", "\(Conv1dHand.directory)/\(kernel).c", "-o", "k.o"], in: dir)
            Issue.record("\(kernel) \(defines) compiled")
        } catch let failure as ToolFailure {
            #expect(failure.description.contains(message))
        }
    }
}
