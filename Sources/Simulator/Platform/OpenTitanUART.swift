/// OpenTitan UART, transmit side (RVM-SPEC.md §3): bytes written to WDATA go
/// to the console; STATUS always reports the transmitter idle and empty and
/// the receiver empty, so polling loops never wait.
final class OpenTitanUART: MemoryMappedDevice {
    static let ctrl: UInt32 = 0x0C
    static let status: UInt32 = 0x10
    static let wdata: UInt32 = 0x18
    /// STATUS: TXEMPTY (bit 2) | TXIDLE (bit 3) | RXIDLE (bit 4) | RXEMPTY (bit 5).
    static let idleStatus: UInt32 = 0b11_1100

    private let console: Console
    private var control: UInt32 = 0

    init(console: Console) { self.console = console }

    func load(offset: UInt32, size: Int) -> UInt32 {
        switch offset {
        case Self.status: return Self.idleStatus
        case Self.ctrl: return control
        default: return 0
        }
    }

    func store(offset: UInt32, size: Int, value: UInt32) -> DeviceEvent {
        switch offset {
        case Self.wdata: console.write(UInt8(truncatingIfNeeded: value))
        case Self.ctrl: control = value
        default: break
        }
        return .none
    }
}
