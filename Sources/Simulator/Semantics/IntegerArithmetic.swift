/// RV32I register-register and register-immediate operations (unprivileged
/// spec ch. 2.4). Shift amounts use the low 5 bits, as the spec requires.
enum IntegerArithmetic {
    @inline(__always) static func add(_ a: UInt32, _ b: UInt32) -> UInt32 { a &+ b }
    @inline(__always) static func sub(_ a: UInt32, _ b: UInt32) -> UInt32 { a &- b }
    @inline(__always) static func xor(_ a: UInt32, _ b: UInt32) -> UInt32 { a ^ b }
    @inline(__always) static func or(_ a: UInt32, _ b: UInt32) -> UInt32 { a | b }
    @inline(__always) static func and(_ a: UInt32, _ b: UInt32) -> UInt32 { a & b }
    @inline(__always) static func slt(_ a: UInt32, _ b: UInt32) -> UInt32 {
        Int32(bitPattern: a) < Int32(bitPattern: b) ? 1 : 0
    }
    @inline(__always) static func sltu(_ a: UInt32, _ b: UInt32) -> UInt32 { a < b ? 1 : 0 }
    @inline(__always) static func sll(_ a: UInt32, _ b: UInt32) -> UInt32 { a &<< (b & 31) }
    @inline(__always) static func srl(_ a: UInt32, _ b: UInt32) -> UInt32 { a &>> (b & 31) }
    @inline(__always) static func sra(_ a: UInt32, _ b: UInt32) -> UInt32 {
        UInt32(bitPattern: Int32(bitPattern: a) &>> Int32(b & 31))
    }
}
