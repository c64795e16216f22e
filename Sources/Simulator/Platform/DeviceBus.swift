/// The slow path of every access that misses RAM: finds the device window
/// holding the address. Few devices, so a linear scan is the fastest lookup.
final class DeviceBus {
    private let windows: [(region: DeviceRegion, device: MemoryMappedDevice)]

    init(regions: [DeviceRegion], console: Console) {
        windows = regions.map { region in
            let device: MemoryMappedDevice
            switch region.kind {
            case .socCtrl: device = SocCtrl()
            case .openTitanUART: device = OpenTitanUART(console: console)
            case .putchar: device = PutcharPort(console: console)
            case .sifiveTest: device = SifiveTestFinisher()
            case .ns16550: device = NS16550(console: console)
            }
            return (region, device)
        }
    }

    /// The value read, or nil when no device answers at `address` (nothing
    /// there, or an access that is not naturally aligned inside one window).
    func load(_ address: UInt32, size: Int) -> UInt32? {
        for window in windows where window.region.contains(address) {
            guard window.region.accepts(address, size: size) else { return nil }
            return window.device.load(offset: address &- window.region.base, size: size)
        }
        return nil
    }

    /// The event caused, or nil when no device answers at `address` (as for loads).
    func store(_ address: UInt32, size: Int, value: UInt32) -> DeviceEvent? {
        for window in windows where window.region.contains(address) {
            guard window.region.accepts(address, size: size) else { return nil }
            return window.device.store(offset: address &- window.region.base, size: size, value: value)
        }
        return nil
    }

    /// The device window holding `address`, if any (for fault messages).
    func region(containing address: UInt32) -> DeviceRegion? {
        windows.first { $0.region.contains(address) }?.region
    }
}
