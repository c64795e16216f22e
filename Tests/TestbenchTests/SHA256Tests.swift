import Foundation
import Testing
@testable import Testbench

/// Checked against coreutils' sha256sum, an independent implementation.
@Suite struct SHA256Tests {
    func systemDigest(_ bytes: [UInt8]) throws -> String {
        let file = try Fixtures.temporaryDirectory("sha").appendingPathComponent("input")
        try Data(bytes).write(to: file)
        let result = try Subprocess(executable: URL(fileURLWithPath: "/usr/bin/sha256sum"), arguments: [file.path]).run()
        return String(result.standardOutput.prefix(64))
    }

    @Test(arguments: [0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 1000])
    func matchesSha256sum(length: Int) throws {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA256()
        hasher.update(bytes)
        #expect(SHA256.hex(hasher.finalize()) == (try systemDigest(bytes)))
    }

    @Test func knownVectorAbc() {
        // FIPS 180-2, appendix B.1.
        #expect(SHA256.hexDigest(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
