/// A device behind the bus's slow path. Offsets are relative to the device's
/// window; `size` is the access width in bytes (1, 2 or 4).
protocol MemoryMappedDevice: AnyObject {
    func load(offset: UInt32, size: Int) -> UInt32
    func store(offset: UInt32, size: Int, value: UInt32) -> DeviceEvent
}

/// What a device store can cause beyond its own state change.
enum DeviceEvent: Equatable {
    case none
    /// The program asked to stop with this exit value.
    case exit(UInt32, ExitMechanism)
}

/// How a program ended.
public enum ExitMechanism: String, Sendable, Equatable {
    case socCtrl = "soc_ctrl"
    case tohost
    case semihosting
    case testFinisher = "test_finisher"
}
