/// QEMU virt's sifive_test finisher: a 32-bit store of 0x5555 exits with 0,
/// of (code << 16) | 0x3333 exits with `code`.
final class SifiveTestFinisher: MemoryMappedDevice {
    func load(offset: UInt32, size: Int) -> UInt32 { 0 }

    func store(offset: UInt32, size: Int, value: UInt32) -> DeviceEvent {
        guard offset == 0 else { return .none }
        switch value & 0xFFFF {
        case 0x5555: return .exit(0, .testFinisher)
        case 0x3333: return .exit(value >> 16, .testFinisher)
        default: return .none
        }
    }
}

/// QEMU virt's 16550 UART, transmit side: THR (+0) goes to the console, LSR
/// (+5) always reports the transmitter empty.
final class NS16550: MemoryMappedDevice {
    private let console: Console
    init(console: Console) { self.console = console }

    func load(offset: UInt32, size: Int) -> UInt32 {
        offset == 5 ? 0x60 : 0   // LSR: THRE | TEMT
    }

    func store(offset: UInt32, size: Int, value: UInt32) -> DeviceEvent {
        if offset == 0 { console.write(UInt8(truncatingIfNeeded: value)) }
        return .none
    }
}
