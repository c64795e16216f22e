/// Why a checked ELF image does not fit the chosen platform.
public enum LoadError: Error, Equatable, Sendable, CustomStringConvertible {
    case segmentOutsideMemory(address: UInt32, size: UInt32, ramBase: UInt32, ramSize: UInt32)
    case entryOutsideMemory(entry: UInt32, ramBase: UInt32, ramSize: UInt32)
    case entryMisaligned(entry: UInt32)

    public var description: String {
        switch self {
        case .segmentOutsideMemory(let address, let size, let base, let ramSize):
            return "segment 0x\(hex8(address))..0x\(hex8(address &+ size)) (\(size) bytes) lies outside RAM "
                + "0x\(hex8(base))..0x\(hex8(base &+ ramSize)): link the program for this platform"
        case .entryOutsideMemory(let entry, let base, let ramSize):
            return "entry point 0x\(hex8(entry)) lies outside RAM 0x\(hex8(base))..0x\(hex8(base &+ ramSize))"
        case .entryMisaligned(let entry):
            return "entry point 0x\(hex8(entry)) is not 4-byte aligned"
        }
    }
}
