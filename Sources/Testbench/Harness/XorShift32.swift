/// The harness's input generator: Marsaglia's xorshift32 (13, 17, 5).
///
/// The same generator is emitted as C into every random-data harness, so the
/// host regenerates the program's inputs bit for bit without reading them back.
public struct XorShift32: Sendable, Hashable {
    public private(set) var state: UInt32

    /// xorshift has one fixed point, 0; a zero seed is replaced by a constant.
    public static let zeroSeedReplacement: UInt32 = 0x9E37_79B9

    public init(seed: UInt32) {
        state = seed == 0 ? XorShift32.zeroSeedReplacement : seed
    }

    public mutating func next() -> UInt32 {
        state ^= state << 13
        state ^= state >> 17
        state ^= state << 5
        return state
    }

    /// A small signed value in [-128, 127] (the top 8 bits, shifted), so that
    /// products and sums stay far from int32 overflow at every size we run.
    public mutating func nextSample() -> Int32 {
        Int32(next() >> 24) - 128
    }

    /// The C twin of `init(seed:)`, `next()` and `nextSample()`.
    static let cSource = """
        static uint32_t rvm_bench_rng_state;

        static void rvm_bench_rng_seed(uint32_t seed) {
            rvm_bench_rng_state = seed == 0 ? 0x\(String(zeroSeedReplacement, radix: 16))u : seed;
        }

        static int32_t rvm_bench_rng_sample(void) {
            uint32_t x = rvm_bench_rng_state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            rvm_bench_rng_state = x;
            return (int32_t)(x >> 24) - 128;
        }
        """
}
