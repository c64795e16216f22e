/// RAM as it was when the run stopped, with the program's symbols, so callers
/// can read output buffers by name after the run (`RunReport.words(symbol:count:)`).
public struct MemorySnapshot: Sendable {
    public let base: UInt32
    public let bytes: [UInt8]
    public let symbols: SymbolTable

    public init(base: UInt32, bytes: [UInt8], symbols: SymbolTable) {
        self.base = base
        self.bytes = bytes
        self.symbols = symbols
    }

    /// `count` bytes at `address`, or nil when they are not all in RAM.
    public func bytes(at address: UInt32, count: Int) -> [UInt8]? {
        let offset = UInt64(address &- base)
        guard count >= 0, address >= base, offset + UInt64(count) <= UInt64(bytes.count) else { return nil }
        return Array(bytes[Int(offset)..<Int(offset) + count])
    }

    /// `count` little-endian 32-bit words at `address`, or nil when outside RAM.
    public func words(at address: UInt32, count: Int) -> [UInt32]? {
        guard count >= 0, count <= bytes.count / 4, let raw = bytes(at: address, count: 4 * count) else { return nil }
        return (0..<count).map { i in
            UInt32(raw[4 * i]) | UInt32(raw[4 * i + 1]) << 8 | UInt32(raw[4 * i + 2]) << 16 | UInt32(raw[4 * i + 3]) << 24
        }
    }

    /// `count` words at the ELF symbol `name`.
    public func words(symbol name: String, count: Int) throws(SymbolReadError) -> [UInt32] {
        guard let address = symbols.address(of: name) else { throw .unknownSymbol(name) }
        guard let words = words(at: address, count: count) else {
            throw .outsideMemory(symbol: name, address: address, bytes: 4 * count)
        }
        return words
    }

    /// `count` bytes at the ELF symbol `name`.
    public func bytes(symbol name: String, count: Int) throws(SymbolReadError) -> [UInt8] {
        guard let address = symbols.address(of: name) else { throw .unknownSymbol(name) }
        guard let bytes = bytes(at: address, count: count) else {
            throw .outsideMemory(symbol: name, address: address, bytes: count)
        }
        return bytes
    }
}

public enum SymbolReadError: Error, Equatable, CustomStringConvertible {
    case unknownSymbol(String)
    case outsideMemory(symbol: String, address: UInt32, bytes: Int)

    public var description: String {
        switch self {
        case .unknownSymbol(let name): return "the program has no symbol '\(name)'"
        case .outsideMemory(let name, let address, let count):
            return "\(count) bytes at '\(name)' (0x\(hex8(address))) are not all in RAM"
        }
    }
}
