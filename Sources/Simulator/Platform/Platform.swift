/// A board: its memory map and its memory-mapped devices. A value type with
/// presets; any field can be overridden before building a `Machine`.
public struct Platform: Sendable, Equatable {
    public var name: String
    public var memoryMap: MemoryMap
    public var devices: [DeviceRegion]

    public init(name: String, memoryMap: MemoryMap, devices: [DeviceRegion]) {
        self.name = name
        self.memoryMap = memoryMap
        self.devices = devices
    }

    /// X-HEEP (RVM-SPEC.md §3): soc_ctrl exit, OpenTitan UART at both the
    /// 2024-08 (0x200A_0000) and the 2025-11 (0x3008_0000) addresses, and the
    /// test-bench putchar port.
    public static let xheep = Platform(
        name: "xheep", memoryMap: .xheep,
        devices: [
            DeviceRegion(kind: .socCtrl, base: 0x2000_0000, size: 0x1_0000),
            DeviceRegion(kind: .putchar, base: 0x2007_0000, size: 0x1_0000),
            DeviceRegion(kind: .openTitanUART, base: 0x200A_0000, size: 0x1_0000),
            DeviceRegion(kind: .openTitanUART, base: 0x3008_0000, size: 0x1_0000),
        ])

    /// QEMU `virt` (RAM at 0x8000_0000) with its test finisher (0x10_0000) and
    /// 16550 UART (0x1000_0000); programs there mostly use semihosting.
    public static let virt = Platform(
        name: "virt", memoryMap: .virt,
        devices: [
            DeviceRegion(kind: .sifiveTest, base: 0x0010_0000, size: 0x1000),
            DeviceRegion(kind: .ns16550, base: 0x1000_0000, size: 0x100),
        ])

    /// The presets by name, for command lines.
    public static let presets: [String: Platform] = ["xheep": .xheep, "virt": .virt]
}

/// One memory-mapped device window.
public struct DeviceRegion: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// X-HEEP soc_ctrl: EXIT_VALID at +0, EXIT_VALUE at +4.
        case socCtrl
        /// OpenTitan UART: CTRL +0xC, STATUS +0x10, WDATA +0x18.
        case openTitanUART
        /// Test-bench putchar: any store writes its low byte to the console.
        case putchar
        /// QEMU sifive_test finisher: 0x5555 = pass, (code << 16) | 0x3333 = fail.
        case sifiveTest
        /// 16550 UART: THR at +0, LSR at +5 (always ready).
        case ns16550

        /// The device's name in messages.
        public var deviceName: String {
            switch self {
            case .socCtrl: return "soc_ctrl"
            case .openTitanUART: return "UART"
            case .putchar: return "putchar"
            case .sifiveTest: return "sifive_test"
            case .ns16550: return "16550 UART"
            }
        }
    }
    public var kind: Kind
    public var base: UInt32
    public var size: UInt32

    public init(kind: Kind, base: UInt32, size: UInt32) {
        self.kind = kind
        self.base = base
        self.size = size
    }

    @inline(__always)
    func contains(_ address: UInt32) -> Bool { address &- base < size }

    /// Whether a `size`-byte access at `address` (inside the window) is one the
    /// device can take: naturally aligned and not running past the window.
    func accepts(_ address: UInt32, size: Int) -> Bool {
        let offset = address &- base
        return address & UInt32(size - 1) == 0 && UInt64(offset) + UInt64(size) <= UInt64(self.size)
    }
}
