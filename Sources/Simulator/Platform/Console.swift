#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text written by the program (UART, putchar, semihosting). Kept whole for
/// reports; optionally echoed to the host's standard output line by line.
public final class Console {
    public private(set) var bytes: [UInt8] = []
    /// Echo the text to the host's standard output as it arrives.
    public var echo: Bool
    private var echoed = 0

    public init(echo: Bool = false) { self.echo = echo }

    public func write(_ byte: UInt8) {
        bytes.append(byte)
        if echo && byte == 10 { flush() }
    }

    public func write<S: Sequence>(_ data: S) where S.Element == UInt8 {
        for byte in data { write(byte) }
    }

    /// Writes what has not been echoed yet (call at the end of a run).
    public func flush() {
        guard echo, echoed < bytes.count else { return }
        bytes[echoed...].withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        echoed = bytes.count
    }

    /// The console as text (invalid UTF-8 is repaired, never fatal).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
