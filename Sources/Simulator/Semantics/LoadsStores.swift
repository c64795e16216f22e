/// Loads and stores (unprivileged spec ch. 2.6). Misaligned accesses are
/// performed as on cv32e40p (which splits them in hardware): no trap.
///
/// The fast path touches RAM directly; everything else (devices, accesses
/// that leave RAM) goes through the bus on the slow path.
enum StoreOutcome {
    case done
    /// The store asked the machine to stop (`pendingStop` is set).
    case stop
    /// Nothing answers at the address.
    case fault
}

extension Machine {
    /// Zero-extended `size`-byte load; nil when nothing answers at `address`.
    @inline(__always)
    func load(_ ram: RAM, _ address: UInt32, size: UInt32) -> UInt32? {
        let offset = address &- ram.base
        if offset <= ram.size &- size {
            switch size {
            case 4: return ram.load32(offset)
            case 2: return UInt32(ram.load16(offset))
            default: return UInt32(ram.load8(offset))
            }
        }
        return slowLoad(address, size: Int(size))
    }

    /// `size`-byte store of the low bytes of `value`.
    @inline(__always)
    func store(_ ram: RAM, _ address: UInt32, size: UInt32, value: UInt32, tohostWord: UInt32) -> StoreOutcome {
        let offset = address &- ram.base
        if offset <= ram.size &- size {
            switch size {
            case 4: ram.store32(offset, value)
            case 2: ram.store16(offset, UInt16(truncatingIfNeeded: value))
            default: ram.store8(offset, UInt8(truncatingIfNeeded: value))
            }
            if offset >> 2 == tohostWord { return tohostWritten(value) }
            return .done
        }
        return slowStore(address, size: Int(size), value: value)
    }

    @inline(never)
    func slowLoad(_ address: UInt32, size: Int) -> UInt32? {
        guard let value = bus.load(address, size: size) else { return nil }
        return size == 4 ? value : value & ((1 << UInt32(8 * size)) - 1)   // zero-extended like RAM loads
    }

    @inline(never)
    func slowStore(_ address: UInt32, size: Int, value: UInt32) -> StoreOutcome {
        switch bus.store(address, size: size, value: value) {
        case nil: return .fault
        case .none?: return .done
        case .exit(let code, let via)?:
            pendingStop = .exited(code: code, via: via)
            return .stop
        }
    }

    /// riscv-tests `tohost` convention: a store of (code << 1) | 1 exits with
    /// `code`; other values (host-call proxies) are not supported and ignored.
    @inline(never)
    func tohostWritten(_ value: UInt32) -> StoreOutcome {
        guard value & 1 == 1 else { return .done }
        pendingStop = .exited(code: value >> 1, via: .tohost)
        return .stop
    }
}

/// Sign extension of narrow loads.
enum LoadExtension {
    @inline(__always) static func byte(_ value: UInt32) -> UInt32 {
        UInt32(bitPattern: Int32(Int8(truncatingIfNeeded: value)))
    }
    @inline(__always) static func half(_ value: UInt32) -> UInt32 {
        UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: value)))
    }
}
