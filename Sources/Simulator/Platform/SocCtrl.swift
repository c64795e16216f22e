/// X-HEEP soc_ctrl, exit registers only (RVM-SPEC.md §3): the program stores
/// its result to EXIT_VALUE (+4, a full 32-bit word) and then 1 to EXIT_VALID
/// (+0). Other registers read as 0 and ignore writes.
final class SocCtrl: MemoryMappedDevice {
    static let exitValid: UInt32 = 0x0
    static let exitValue: UInt32 = 0x4

    private var exitValue: UInt32 = 0

    func load(offset: UInt32, size: Int) -> UInt32 {
        offset == Self.exitValue ? exitValue : 0
    }

    func store(offset: UInt32, size: Int, value: UInt32) -> DeviceEvent {
        switch offset {
        case Self.exitValue:
            exitValue = value
        case Self.exitValid where value & 1 == 1:
            return .exit(exitValue, .socCtrl)
        default:
            break
        }
        return .none
    }
}
