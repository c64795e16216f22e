/// Why a checked ELF image does not fit the chosen platform.
public enum LoadError: Error, Equatable, Sendable, CustomStringConvertible {
    case segmentOutsideMemory(address: UInt32, size: UInt32, ramBase: UInt32, ramSize: UInt32)
    case entryOutsideMemory(entry: UInt32, ramBase: UInt32, ramSize: UInt32)
    case entryMisaligned(entry: UInt32)
    /// Two loadable segments claim the same bytes: which one wins would be an
    /// accident of file order (QEMU refuses such files too).
    case overlappingSegments(first: UInt32, firstSize: UInt32, second: UInt32, secondSize: UInt32)
    /// The platform description itself cannot be simulated.
    case invalidPlatform(String)

    public var description: String {
        switch self {
        case .segmentOutsideMemory(let address, let size, let base, let ramSize):
            return "segment \(Self.range(address, size)) (\(size) bytes) lies outside RAM "
                + "\(Self.range(base, ramSize)): link the program for this platform"
        case .entryOutsideMemory(let entry, let base, let ramSize):
            return "entry point 0x\(hex8(entry)) lies outside RAM \(Self.range(base, ramSize))"
        case .entryMisaligned(let entry):
            return "entry point 0x\(hex8(entry)) is not 4-byte aligned"
        case .overlappingSegments(let first, let firstSize, let second, let secondSize):
            return "loadable segments \(Self.range(first, firstSize)) and \(Self.range(second, secondSize)) overlap"
        case .invalidPlatform(let reason):
            return "invalid platform: \(reason)"
        }
    }

    /// `0xSTART..0xEND` with the end computed without wrapping (a segment may
    /// claim to run past 4 GiB; the message must not make it look small).
    static func range(_ start: UInt32, _ size: UInt32) -> String {
        let end = UInt64(start) + UInt64(size)
        let digits = String(end, radix: 16)
        return "0x\(hex8(start))..0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
