/// The M extension (unprivileged spec ch. 7). Division by zero and signed
/// overflow do not trap: x/0 = -1 (all ones), x%0 = x, INT_MIN/-1 = INT_MIN,
/// INT_MIN%-1 = 0.
enum MultiplyDivide {
    @inline(__always) static func mul(_ a: UInt32, _ b: UInt32) -> UInt32 { a &* b }

    @inline(__always) static func mulh(_ a: UInt32, _ b: UInt32) -> UInt32 {
        let product = Int64(Int32(bitPattern: a)) &* Int64(Int32(bitPattern: b))
        return UInt32(truncatingIfNeeded: product >> 32)
    }

    @inline(__always) static func mulhsu(_ a: UInt32, _ b: UInt32) -> UInt32 {
        let product = Int64(Int32(bitPattern: a)) &* Int64(b)   // |a| <= 2^31, b < 2^32: fits
        return UInt32(truncatingIfNeeded: product >> 32)
    }

    @inline(__always) static func mulhu(_ a: UInt32, _ b: UInt32) -> UInt32 {
        UInt32(truncatingIfNeeded: (UInt64(a) &* UInt64(b)) >> 32)
    }

    @inline(__always) static func div(_ a: UInt32, _ b: UInt32) -> UInt32 {
        if b == 0 { return UInt32.max }
        if a == 0x8000_0000 && b == UInt32.max { return a }
        return UInt32(bitPattern: Int32(bitPattern: a) / Int32(bitPattern: b))
    }

    @inline(__always) static func divu(_ a: UInt32, _ b: UInt32) -> UInt32 {
        b == 0 ? UInt32.max : a / b
    }

    @inline(__always) static func rem(_ a: UInt32, _ b: UInt32) -> UInt32 {
        if b == 0 { return a }
        if a == 0x8000_0000 && b == UInt32.max { return 0 }
        return UInt32(bitPattern: Int32(bitPattern: a) % Int32(bitPattern: b))
    }

    @inline(__always) static func remu(_ a: UInt32, _ b: UInt32) -> UInt32 {
        b == 0 ? a : a % b
    }
}
