/// Conditional branches (unprivileged spec ch. 2.5): the comparison each one makes.
enum Branches {
    @inline(__always) static func beq(_ a: UInt32, _ b: UInt32) -> Bool { a == b }
    @inline(__always) static func bne(_ a: UInt32, _ b: UInt32) -> Bool { a != b }
    @inline(__always) static func blt(_ a: UInt32, _ b: UInt32) -> Bool { Int32(bitPattern: a) < Int32(bitPattern: b) }
    @inline(__always) static func bge(_ a: UInt32, _ b: UInt32) -> Bool { Int32(bitPattern: a) >= Int32(bitPattern: b) }
    @inline(__always) static func bltu(_ a: UInt32, _ b: UInt32) -> Bool { a < b }
    @inline(__always) static func bgeu(_ a: UInt32, _ b: UInt32) -> Bool { a >= b }
}
