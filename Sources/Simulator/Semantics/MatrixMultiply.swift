/// RVM multiply-accumulate (RVM-SPEC.md §1), ms1/ms2 being the ENCODING fields:
///
///     md[i][j] += sum over k < K of ms1[i][k] * ms2[j][k]     (i, j < 4)
///
/// Row i of a tile is 4 words holding 4 x int32 / fp32 (K = 4), 8 x int16
/// (K = 8) or 16 x int8 (K = 16), element k at the lower address (little-end)
/// first. Integer products are signed and accumulate into int32 with
/// wrap-around; fp32 multiplies and adds in fp32 (no fusion), k increasing.
/// Sources are read before md is written, so md may alias ms1 or ms2.
enum MatrixMultiply {
    /// `mmasa.w`: int32 x int32, K = 4.
    static func int32(_ tiles: UnsafeMutablePointer<UInt32>, md: Int, ms1: Int, ms2: Int) {
        integer(tiles, md: md, ms1: ms1, ms2: ms2, k: 4) { tile, row, k in Int32(bitPattern: tile[row * 4 + k]) }
    }

    /// `mmada.h`: packed int16 x int16, K = 8.
    static func int16(_ tiles: UnsafeMutablePointer<UInt32>, md: Int, ms1: Int, ms2: Int) {
        integer(tiles, md: md, ms1: ms1, ms2: ms2, k: 8) { tile, row, k in Int32(half(tile, row: row, k)) }
    }

    /// `mmaqa.b`: packed int8 x int8, K = 16.
    static func int8(_ tiles: UnsafeMutablePointer<UInt32>, md: Int, ms1: Int, ms2: Int) {
        integer(tiles, md: md, ms1: ms1, ms2: ms2, k: 16) { tile, row, k in Int32(byte(tile, row: row, k)) }
    }

    /// The integer forms: signed elements `element(tile, row, k)`, products
    /// accumulated into int32 with wrap-around.
    @inline(__always)
    private static func integer(_ tiles: UnsafeMutablePointer<UInt32>, md: Int, ms1: Int, ms2: Int, k count: Int,
                                _ element: (UnsafePointer<UInt32>, Int, Int) -> Int32) {
        withSources(tiles, ms1, ms2) { a, b in
            for i in 0..<4 {
                for j in 0..<4 {
                    var sum = Int32(bitPattern: tiles[md * 16 + i * 4 + j])
                    for k in 0..<count {
                        sum = sum &+ element(a, i, k) &* element(b, j, k)
                    }
                    tiles[md * 16 + i * 4 + j] = UInt32(bitPattern: sum)
                }
            }
        }
    }

    /// `fmmacc.s`: fp32, accumulating k = 0, 1, 2, 3 in order.
    static func float32(_ tiles: UnsafeMutablePointer<UInt32>, md: Int, ms1: Int, ms2: Int) {
        withSources(tiles, ms1, ms2) { a, b in
            for i in 0..<4 {
                for j in 0..<4 {
                    var sum = Float(bitPattern: tiles[md * 16 + i * 4 + j])
                    for k in 0..<4 {
                        let product = Float(bitPattern: a[i * 4 + k]) * Float(bitPattern: b[j * 4 + k])
                        sum = sum + product
                    }
                    tiles[md * 16 + i * 4 + j] = sum.bitPattern
                }
            }
        }
    }

    @inline(__always)
    private static func half(_ tile: UnsafePointer<UInt32>, row: Int, _ k: Int) -> Int16 {
        Int16(truncatingIfNeeded: tile[row * 4 + (k >> 1)] >> (16 * UInt32(k & 1)))
    }

    @inline(__always)
    private static func byte(_ tile: UnsafePointer<UInt32>, row: Int, _ k: Int) -> Int8 {
        Int8(truncatingIfNeeded: tile[row * 4 + (k >> 2)] >> (8 * UInt32(k & 3)))
    }

    /// Copies both sources to the stack first (md may be one of them).
    @inline(__always)
    private static func withSources(_ tiles: UnsafeMutablePointer<UInt32>, _ ms1: Int, _ ms2: Int,
                                    _ body: (UnsafePointer<UInt32>, UnsafePointer<UInt32>) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 32) { copy in
            let base = copy.baseAddress!
            base.initialize(from: tiles + ms1 * 16, count: 16)
            (base + 16).initialize(from: tiles + ms2 * 16, count: 16)
            body(UnsafePointer(base), UnsafePointer(base + 16))
        }
    }
}
