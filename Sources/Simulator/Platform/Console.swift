#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text written by the program (UART, putchar, semihosting). Kept for reports
/// up to `keptLimit` bytes (a runaway program printing until the cycle limit
/// must not exhaust the host's memory); optionally echoed to the host's
/// standard output line by line, all of it.
public final class Console {
    /// Bytes kept for `bytes`/`text`; later ones are counted in `droppedBytes`.
    public let keptLimit: Int
    public private(set) var bytes: [UInt8] = []
    /// Bytes written after `keptLimit` was reached (still echoed).
    public private(set) var droppedBytes = 0
    /// Echo the text to the host's standard output as it arrives.
    public var echo: Bool
    private var pendingEcho: [UInt8] = []

    public static let defaultKeptLimit = 16 << 20

    public init(echo: Bool = false, keptLimit: Int = defaultKeptLimit) {
        self.echo = echo
        self.keptLimit = max(0, keptLimit)
    }

    public func write(_ byte: UInt8) {
        if bytes.count < keptLimit { bytes.append(byte) } else { droppedBytes += 1 }
        guard echo else { return }
        pendingEcho.append(byte)
        if byte == 10 || pendingEcho.count >= 1 << 16 { flush() }
    }

    public func write<S: Sequence>(_ data: S) where S.Element == UInt8 {
        for byte in data { write(byte) }
    }

    /// Writes what has not been echoed yet (call at the end of a run).
    public func flush() {
        guard !pendingEcho.isEmpty else { return }
        pendingEcho.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(1, base + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        pendingEcho.removeAll(keepingCapacity: true)
    }

    /// The console as text (invalid UTF-8 is repaired, never fatal), with a
    /// closing note when output was dropped.
    public var text: String {
        let kept = String(decoding: bytes, as: UTF8.self)
        guard droppedBytes > 0 else { return kept }
        return kept + "\n[rvm: console output truncated: \(droppedBytes) more bytes after the first \(keptLimit) were not kept]\n"
    }
}
