import Testing
@testable import Schedule
import TestSupport

/// Damaged input gets a KernelError, never a crash.
@Suite struct RobustnessTests {
    /// xorshift64*: a fixed sequence, so a failure reproduces.
    struct Rng {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return Int((state &* 2685821657736338717) >> 33) % bound
        }
    }

    @Test func mutatedKernelsFailCleanly() throws {
        let original = Array(try Repository.text(Repository.conv1d).utf8) + Array(KernelFixtures.rvmInstructions.utf8)
        let alphabet = Array(" \n\t:()[],.@=+-*/%<>#'\"\\0123456789abcxyz_ijNW".utf8) + [0xC3, 0xA9]
        var rng = Rng(state: 0x9E3779B97F4A7C15)
        var parsedOK = 0, rejected = 0
        for _ in 0..<600 {
            var bytes = original
            for _ in 0..<(1 + rng.next(4)) {
                let at = rng.next(bytes.count)
                switch rng.next(3) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(alphabet[rng.next(alphabet.count)], at: at)
                default: bytes[at] = alphabet[rng.next(alphabet.count)]
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                let module = try KernelParser.parse(text)
                try TypeChecker().check(module)
                // Whatever parses must print and parse back the same.
                let printed = ExoPrinter.print(module)
                #expect(ExoPrinter.print(try KernelParser.parse(printed)) == printed)
                parsedOK += 1
            } catch {
                #expect(error.location.isKnown || error.message.contains("no proc"), "\(error)")
                rejected += 1
            }
        }
        #expect(parsedOK > 0 && rejected > 0)
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(throws: KernelError.self) {
            try KernelParser.parse("@proc\ndef f(n: size):\n    assert \(deep) == 1\n")
        }
        let minus = String(repeating: "-", count: 5000) + "n"
        #expect(throws: KernelError.self) {
            try KernelParser.parse("@proc\ndef f(n: size):\n    assert \(minus) == 1\n")
        }
    }
}
