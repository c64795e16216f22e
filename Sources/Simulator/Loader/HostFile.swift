#if canImport(Glibc)
import Glibc
#endif

/// Reading and preparing files on the host with one-line reasons (strerror's
/// words, "it is a directory", ...) instead of Foundation's error objects.
public enum HostFile {
    /// Why a host file cannot be read or written.
    public struct Failure: Error, Equatable, Sendable {
        public var reason: String
    }

    /// The whole regular file at `path`, refusing directories, devices and
    /// FIFOs (which could block or never end) and files over `limit` bytes.
    public static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; regular files ignore it.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw lastError() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw lastError() }
        try checkRegular(status)
        let size = Int(status.st_size)
        guard size <= limit else {
            throw Failure(reason: "the file is \(size) bytes, more than the \(limit >> 20) MiB accepted")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { Glibc.read(descriptor, $0 + filled, size - filled) } ?? 0
            }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw lastError() }
            if count == 0 { break }          // the file shrank while being read
            filled += count
        }
        return Array(bytes[0..<filled])
    }

    /// Checks, without creating anything, that a file can be written at
    /// `path`: not a directory, in an existing directory we may write to.
    public static func checkWritable(_ path: String) throws(Failure) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT != S_IFDIR else { throw Failure(reason: "it is a directory") }
            guard access(path, W_OK) == 0 else { throw lastError() }
            return
        }
        let directory = parentDirectory(of: path)
        guard stat(directory, &status) == 0 else {
            throw Failure(reason: "directory \(directory) does not exist")
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw Failure(reason: "\(directory) is not a directory") }
        guard access(directory, W_OK) == 0 else { throw lastError() }
    }

    private static func checkRegular(_ status: stat) throws(Failure) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw Failure(reason: "it is a directory")
        default: throw Failure(reason: "not a regular file")
        }
    }

    private static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    static func lastError() -> Failure { Failure(reason: String(cString: strerror(errno))) }
}

extension HostFile {
    /// Writes (creates or truncates) the file at `path`.
    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        guard let file = fopen(path, "wb") else { throw lastError() }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        guard written == bytes.count, closed == 0 else { throw lastError() }
    }
}
