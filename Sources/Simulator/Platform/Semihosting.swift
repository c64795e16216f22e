/// RISC-V semihosting (riscv-semihosting spec, ARM semihosting v2 calls): an
/// `ebreak` between `slli x0,x0,0x1f` and `srai x0,x0,7`, operation in a0,
/// parameter (or pointer to a parameter block) in a1, result in a0.
///
/// Covers what picolibc's `--oslib=semihost` needs to start, print and exit:
/// console handles through ":tt", the ":semihosting-features" file (so picolibc
/// uses SYS_EXIT_EXTENDED and exit codes survive), clock and time, heap info,
/// errno and an empty command line. Host files are not reachable (runs stay
/// sandboxed and deterministic): other names fail to open.
struct SemihostingState {
    enum Handle: Equatable {
        case stdin, stdout, stderr
        case features(position: Int)
    }
    var handles: [UInt32: Handle] = [:]
    var nextHandle: UInt32 = 1
    var errno: UInt32 = 0

    /// At most this many handles are open at once (open fails with EMFILE after).
    static let maximumOpen = 256

    /// A fresh handle number (never 0, never one in use; wraps after 2^32
    /// opens), or nil when too many are open.
    mutating func allocate(_ handle: Handle) -> UInt32? {
        guard handles.count < Self.maximumOpen else { return nil }
        while nextHandle == 0 || handles[nextHandle] != nil { nextHandle &+= 1 }
        let number = nextHandle
        handles[number] = handle
        nextHandle &+= 1
        return number
    }
}

enum Semihosting {
    static let entryWord: UInt32 = 0x01F0_1013   // slli x0, x0, 0x1f
    static let exitWord: UInt32 = 0x4070_5013    // srai x0, x0, 7
    /// Nominal clock for SYS_CLOCK / SYS_TIME / SYS_TICKFREQ: simulated time,
    /// not host time, so runs are reproducible. 100 MHz is a typical X-HEEP
    /// FPGA/ASIC frequency; an assumption, not a measured fact.
    static let clockHz: UInt64 = 100_000_000
    /// "SHFB" magic, then feature byte 0: EXIT_EXTENDED | STDOUT_STDERR.
    static let featureFile: [UInt8] = [0x53, 0x48, 0x46, 0x42, 0x03]
    static let applicationExit: UInt32 = 0x20026  // ADP_Stopped_ApplicationExit

    enum Operation: UInt32 {
        case open = 0x01, close = 0x02, writec = 0x03, write0 = 0x04, write = 0x05, read = 0x06
        case readc = 0x07, isError = 0x08, isTTY = 0x09, seek = 0x0A, flen = 0x0C, tmpnam = 0x0D
        case remove = 0x0E, rename = 0x0F, clock = 0x10, time = 0x11, system = 0x12, errno = 0x13
        case getCommandLine = 0x15, heapInfo = 0x16, exit = 0x18, exitExtended = 0x20
        case elapsed = 0x30, tickFrequency = 0x31
    }
}

extension Machine {
    /// True when the `ebreak` at `pc` sits inside the semihosting sequence.
    func isSemihostingCall(at pc: UInt32) -> Bool {
        readWord(pc &- 4) == Semihosting.entryWord && readWord(pc &+ 4) == Semihosting.exitWord
    }

    /// Performs the call in a0/a1 and writes the result to a0. Returns true
    /// when the program asked to exit (`pendingStop` is set).
    @inline(never)
    func semihostingCall(cycles: UInt64) -> Bool {
        let operation = gpr[10], parameter = gpr[11]
        let failure = UInt32.max
        var result: UInt32 = 0
        func word(_ index: UInt32) -> UInt32? { readWord(parameter &+ 4 &* index) }

        switch Semihosting.Operation(rawValue: operation) {
        case .open?:
            guard let namePointer = word(0), let mode = word(1), let length = word(2),
                  let nameBytes = readMemory(namePointer, count: Int(length)) else { result = failure; break }
            let name = String(decoding: nameBytes, as: UTF8.self)
            let handle: SemihostingState.Handle?
            switch name {
            case ":tt": handle = mode < 4 ? .stdin : (mode < 8 ? .stdout : .stderr)
            case ":semihosting-features": handle = mode < 4 ? .features(position: 0) : nil
            default: handle = nil
            }
            if let handle, let number = semihosting.allocate(handle) {
                result = number
            } else if handle != nil {
                semihosting.errno = 24   // EMFILE: a program opening in a loop must not exhaust the host
                result = failure
            } else {
                semihosting.errno = 2   // ENOENT
                result = failure
            }
        case .close?:
            result = word(0).flatMap { semihosting.handles.removeValue(forKey: $0) } != nil ? 0 : failure
        case .writec?:
            if let byte = readMemory(parameter, count: 1) { console.write(byte) } else { result = failure }
        case .write0?:
            var address = parameter
            while let byte = readMemory(address, count: 1)?.first, byte != 0 {
                console.write(byte)
                address &+= 1
            }
        case .write?:
            guard let handle = word(0), let pointer = word(1), let length = word(2),
                  let kind = semihosting.handles[handle], kind == .stdout || kind == .stderr,
                  let bytes = readMemory(pointer, count: Int(length)) else { result = failure; break }
            console.write(bytes)
            result = 0   // bytes not written
        case .read?:
            guard let handle = word(0), let pointer = word(1), let length = word(2),
                  let kind = semihosting.handles[handle] else { result = failure; break }
            if case .features(let position) = kind {
                let available = Semihosting.featureFile.dropFirst(min(position, Semihosting.featureFile.count))
                let chunk = Array(available.prefix(Int(length)))
                guard writeMemory(pointer, chunk) else { result = failure; break }
                semihosting.handles[handle] = .features(position: position + chunk.count)
                result = length - UInt32(chunk.count)
            } else {
                result = length   // no input: nothing read
            }
        case .readc?:
            result = failure
        case .isError?:
            result = Int32(bitPattern: word(0) ?? 0) < 0 ? 1 : 0
        case .isTTY?:
            switch word(0).flatMap({ semihosting.handles[$0] }) {
            case .stdin?, .stdout?, .stderr?: result = 1
            case .features?: result = 0
            case nil: result = failure
            }
        case .seek?:
            guard let handle = word(0), let position = word(1),
                  case .features? = semihosting.handles[handle] else { result = failure; break }
            semihosting.handles[handle] = .features(position: Int(position))
        case .flen?:
            switch word(0).flatMap({ semihosting.handles[$0] }) {
            case .features?: result = UInt32(Semihosting.featureFile.count)
            default: result = failure
            }
        case .clock?:
            result = UInt32(truncatingIfNeeded: cycles / (Semihosting.clockHz / 100))
        case .time?:
            result = UInt32(truncatingIfNeeded: cycles / Semihosting.clockHz)
        case .errno?:
            result = semihosting.errno
        case .getCommandLine?:
            // An empty command line: one NUL byte in the caller's buffer.
            guard let pointer = word(0), let capacity = word(1), capacity > 0,
                  writeMemory(pointer, [0]), writeMemory(parameter &+ 4, [0, 0, 0, 0]) else { result = failure; break }
        case .heapInfo?:
            // Four zero words: "unknown", the C library uses its linker symbols.
            guard let block = word(0), writeMemory(block, [UInt8](repeating: 0, count: 16)) else { result = failure; break }
        case .exit?:
            // RV32: a1 is the reason itself; only ApplicationExit means success.
            pendingStop = .exited(code: parameter == Semihosting.applicationExit ? 0 : 1, via: .semihosting)
            return true
        case .exitExtended?:
            let reason = word(0) ?? 0, code = word(1) ?? 1
            pendingStop = .exited(code: reason == Semihosting.applicationExit ? code : 1, via: .semihosting)
            return true
        case .elapsed?:
            var bytes: [UInt8] = []
            withUnsafeBytes(of: cycles.littleEndian) { bytes = Array($0) }
            result = writeMemory(parameter, bytes) ? 0 : failure
        case .tickFrequency?:
            result = UInt32(truncatingIfNeeded: Semihosting.clockHz)
        case .tmpnam?, .remove?, .rename?, .system?, nil:
            semihosting.errno = 38   // ENOSYS
            result = failure
        }
        gpr[10] = result
        return false
    }
}
