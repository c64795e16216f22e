/// The X-HEEP test-bench putchar port (RVM-SPEC.md §3): any store writes its
/// low byte to the console.
final class PutcharPort: MemoryMappedDevice {
    private let console: Console
    init(console: Console) { self.console = console }

    func load(offset: UInt32, size: Int) -> UInt32 { 0 }

    func store(offset: UInt32, size: Int, value: UInt32) -> DeviceEvent {
        console.write(UInt8(truncatingIfNeeded: value))
        return .none
    }
}
