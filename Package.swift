// swift-tools-version:6.0
import PackageDescription

// One package, one tool. Libraries follow ../shared/DESIGN.md:
//   RISCV      instruction formats (decode, encode, disassemble), shared by all
//   Simulator  functional core + timing model of cv32e40px + Quadrilatero on X-HEEP
//   Schedule   the kernel language (IR, parser, checks, printer, interpreter,
//              rewrites, C code generation); knows nothing of RVM
//   RVMTarget  the RVM hardware library plugged into Schedule
//   Testbench  cross-toolchain driver, harness generation, verification, reports
let package = Package(
    name: "rvm-toolkit",
    products: [
        .executable(name: "rvm", targets: ["rvm"]),
        .library(name: "RISCV", targets: ["RISCV"]),
        .library(name: "Simulator", targets: ["Simulator"]),
        .library(name: "Schedule", targets: ["Schedule"]),
        .library(name: "RVMTarget", targets: ["RVMTarget"]),
        .library(name: "Testbench", targets: ["Testbench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibElf", pkgConfig: "libelf", providers: [.apt(["libelf-dev"])]),
        .systemLibrary(name: "CZ3", providers: [.apt(["libz3-dev"])]),
        .target(name: "RISCV"),
        .target(name: "Simulator", dependencies: ["RISCV", "CLibElf"]),
        .target(name: "Schedule", dependencies: ["CZ3"]),
        .target(name: "RVMTarget", dependencies: ["Schedule"]),
        .target(name: "Testbench", dependencies: ["Simulator", "Schedule", "RVMTarget", "RISCV"]),
        .executableTarget(name: "rvm", dependencies: [
            "RISCV", "Simulator", "Schedule", "RVMTarget", "Testbench",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Helpers shared by the test targets (tool runner, scratch directories,
        // seeded generator, RVM reference, alpha-equivalence); tests only.
        .target(name: "TestSupport", dependencies: ["Schedule"], path: "Tests/TestSupport"),
        .testTarget(name: "RISCVTests", dependencies: ["RISCV", "TestSupport"]),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "RISCV", "TestSupport"]),
        .testTarget(name: "ScheduleTests", dependencies: ["Schedule", "TestSupport"]),
        .testTarget(name: "RVMTargetTests", dependencies: ["RVMTarget", "Schedule", "TestSupport"]),
        .testTarget(name: "TestbenchTests", dependencies: ["Testbench", "Simulator", "Schedule", "RVMTarget"]),
    ]
)
