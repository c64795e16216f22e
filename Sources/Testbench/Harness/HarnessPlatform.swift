/// The platform a harness is generated for; it decides where the tensors
/// live and how the program reports back.
///
/// - `xheep`: tensors in `.xheep_data_interleaved` (the word-interleaved
///   banks at 0x1_0000), nothing printed. The exit value (soc_ctrl
///   EXIT_VALUE, a full 32-bit word) is the kernel's mcycle count when the
///   result is correct, and `0x8000_0000 | mismatches` when it is not.
/// - `qemuVirt`: tensors in ordinary data, exit status 0 (correct) or 1
///   (wrong), since a host exit status keeps only 8 bits; the report and
///   every tensor are printed as `rvm-bench-symbol NAME WORD...` lines
///   because QEMU offers no memory read-back.
///
/// Both leave `rvm_bench_report` (see `HarnessReport`) and the tensors in
/// memory under the names of `HarnessSymbols`.
public enum HarnessPlatform: String, Sendable, Hashable {
    case xheep
    case qemuVirt = "qemu-virt"

    /// Bytes available to the tensors, when the platform bounds them.
    var tensorCapacity: Int? {
        switch self {
        case .xheep: return 64 * 1024  // 4 x 16 KiB interleaved banks (RVM-SPEC.md §3)
        case .qemuVirt: return nil
        }
    }
}

extension LinkTarget {
    public var harnessPlatform: HarnessPlatform {
        switch self {
        case .xheep: return .xheep
        case .qemuVirt: return .qemuVirt
        }
    }
}
