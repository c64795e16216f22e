import Foundation

/// The fuzzers run a few hundred fixed cases by default (fast, reproducible).
/// For a deeper search: RVM_FUZZ_CASES=5000 RVM_FUZZ_SEED=7 swift test
/// --skip-build --filter "ELFMutationFuzzTests|RandomInstructionStreamTests";
/// a failure names the case, which the same two variables reproduce.
enum FuzzSettings {
    static func cases(default count: Int) -> Int {
        ProcessInfo.processInfo.environment["RVM_FUZZ_CASES"].flatMap(Int.init) ?? count
    }
    static let seed: UInt64 = ProcessInfo.processInfo.environment["RVM_FUZZ_SEED"].flatMap(UInt64.init) ?? 0
}
