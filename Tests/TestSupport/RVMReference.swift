/// A tiny reference for RVM, written straight from RVM-SPEC.md §1, independent
/// of the simulator's code: the instruction words from the encoding table and
/// the meaning `md[i][j] += sum over k < K of ms1[i][k] * ms2[j][k]`.
public enum RVMReference {
    // Encodings (RVM-SPEC.md §1 table), tile fields md/ms1/ms2 as ENCODING fields.
    public static func fmmaccS(md: UInt32, ms1: UInt32, ms2: UInt32) -> UInt32 { 0x0800_082B | ms2 << 21 | ms1 << 18 | md << 15 }
    public static func mmasaW(md: UInt32, ms1: UInt32, ms2: UInt32) -> UInt32 { 0xF000_082B | ms2 << 21 | ms1 << 18 | md << 15 }
    public static func mmadaH(md: UInt32, ms1: UInt32, ms2: UInt32) -> UInt32 { 0xE000_042B | ms2 << 21 | ms1 << 18 | md << 15 }
    public static func mmaqaB(md: UInt32, ms1: UInt32, ms2: UInt32) -> UInt32 { 0x1000_002B | ms2 << 21 | ms1 << 18 | md << 15 }
    public static func mzero(md: UInt32) -> UInt32 { 0xF800_002B | md << 15 }
    public static func mldW(md: UInt32, rs1: UInt32, rs2: UInt32) -> UInt32 { 0x0400_082B | rs2 << 20 | rs1 << 15 | md << 7 }
    public static func mstW(ms: UInt32, rs1: UInt32, rs2: UInt32) -> UInt32 { 0x0C00_082B | rs2 << 20 | rs1 << 15 | ms << 7 }

    public enum ElementType: Sendable { case int32, int16, int8, float32 }

    /// Element k of row `row` of a 4x4-word tile, sign-extended (integers).
    public static func element(_ tile: [UInt32], row: Int, _ k: Int, _ type: ElementType) -> Int64 {
        let words = Array(tile[(row * 4)..<(row * 4 + 4)])
        // Little-endian bytes of the row, then element k of the element width.
        let bytes = words.flatMap { word in (0..<4).map { UInt8((word >> (8 * UInt32($0))) & 0xFF) } }
        switch type {
        case .int32, .float32:
            let raw = UInt32(bytes[4 * k]) | UInt32(bytes[4 * k + 1]) << 8 | UInt32(bytes[4 * k + 2]) << 16 | UInt32(bytes[4 * k + 3]) << 24
            return Int64(Int32(bitPattern: raw))
        case .int16:
            return Int64(Int16(bitPattern: UInt16(bytes[2 * k]) | UInt16(bytes[2 * k + 1]) << 8))
        case .int8:
            return Int64(Int8(bitPattern: bytes[k]))
        }
    }

    /// md + ms1 * transpose(ms2), each a 16-word row-major tile.
    public static func multiplyAccumulate(_ md: [UInt32], _ ms1: [UInt32], _ ms2: [UInt32], _ type: ElementType) -> [UInt32] {
        let depth: Int
        switch type {
        case .int32, .float32: depth = 4
        case .int16: depth = 8
        case .int8: depth = 16
        }
        var result = md
        for i in 0..<4 {
            for j in 0..<4 {
                if type == .float32 {
                    var sum = Float(bitPattern: md[i * 4 + j])
                    for k in 0..<depth {
                        let a = Float(bitPattern: UInt32(truncatingIfNeeded: element(ms1, row: i, k, type)))
                        let b = Float(bitPattern: UInt32(truncatingIfNeeded: element(ms2, row: j, k, type)))
                        let product: Float = a * b
                        sum = sum + product
                    }
                    result[i * 4 + j] = sum.bitPattern
                } else {
                    var sum = Int64(Int32(bitPattern: md[i * 4 + j]))
                    for k in 0..<depth { sum &+= element(ms1, row: i, k, type) &* element(ms2, row: j, k, type) }
                    result[i * 4 + j] = UInt32(truncatingIfNeeded: sum)   // int32 wrap-around (mod 2^64 keeps the low 32 bits exact)
                }
            }
        }
        return result
    }
}
