/// An integer register x0...x31, for the assembler API (`Asm`).
/// The number is checked when an instruction is encoded, not here, so
/// `Reg.x(40)` is representable and `encode` reports it as a typed error.
public struct Reg: Hashable, Sendable, CustomStringConvertible {
    public let number: UInt8
    public init(_ number: UInt8) { self.number = number }
    public static func x(_ n: UInt8) -> Reg { Reg(n) }

    public static let zero = Reg(0), ra = Reg(1), sp = Reg(2), gp = Reg(3), tp = Reg(4)
    public static let t0 = Reg(5), t1 = Reg(6), t2 = Reg(7)
    public static let s0 = Reg(8), fp = Reg(8), s1 = Reg(9)
    public static let a0 = Reg(10), a1 = Reg(11), a2 = Reg(12), a3 = Reg(13)
    public static let a4 = Reg(14), a5 = Reg(15), a6 = Reg(16), a7 = Reg(17)
    public static let s2 = Reg(18), s3 = Reg(19), s4 = Reg(20), s5 = Reg(21), s6 = Reg(22)
    public static let s7 = Reg(23), s8 = Reg(24), s9 = Reg(25), s10 = Reg(26), s11 = Reg(27)
    public static let t3 = Reg(28), t4 = Reg(29), t5 = Reg(30), t6 = Reg(31)

    public var description: String { RegisterNames.gpr(number) }
}

/// An RVM tile register m0...m7 (RVM-SPEC.md §1).
public struct Tile: Hashable, Sendable, CustomStringConvertible {
    public let number: UInt8
    public init(_ number: UInt8) { self.number = number }

    public static let m0 = Tile(0), m1 = Tile(1), m2 = Tile(2), m3 = Tile(3)
    public static let m4 = Tile(4), m5 = Tile(5), m6 = Tile(6), m7 = Tile(7)

    public var description: String { RegisterNames.tile(number) }
}

/// Register names as GNU objdump prints them (ABI names; x8 is `s0`).
public enum RegisterNames {
    public static let abi: [String] = [
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
        "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
        "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
    ]
    private static let tiles = (0..<8).map { "m\($0)" }

    /// The ABI name of GPR `n`; out-of-range numbers print as `x<n>` rather than trap.
    public static func gpr(_ n: UInt8) -> String { n < 32 ? abi[Int(n)] : "x\(n)" }

    public static func tile(_ n: UInt8) -> String { n < 8 ? tiles[Int(n)] : "m\(n)" }

    /// Parses `x0`...`x31`, an ABI name, or `fp`.
    public static func gprNumber(_ name: String) -> UInt8? {
        if name == "fp" { return 8 }
        if let i = abi.firstIndex(of: name) { return UInt8(i) }
        if name.hasPrefix("x"), let n = UInt8(name.dropFirst()), n < 32, name == "x\(n)" { return n }
        return nil
    }
}
