import Foundation
import Testing
@testable import Simulator

@Test func testPartialJSONKeepsDefaults() throws {
    let json = #"{"offload": {"inputBufferDepth": 4}, "checks": {"errata": "error"}}"#
    let config = try TimingConfig.load(json: Data(json.utf8))
    var expected = TimingConfig()
    expected.offload.inputBufferDepth = 4
    expected.checks.errata = .error
    #expect(config == expected)
}

@Test func testConfigRoundTripsThroughJSON() throws {
    var config = TimingConfig()
    config.memory.banks = [BankRegion(kind: .contiguous, base: 0, bankCount: 4, bankSize: 0x4000)]
    config.accelerator.saRestart = 13
    let back = try TimingConfig.load(json: try config.json())
    #expect(back == config)
}

@Test func testBadConfigGivesTypedErrors() {
    #expect(throws: TimingConfigError.invalid(field: "offload.inputBufferDepth", reason: "must be 1...64")) {
        try TimingConfig.load(json: Data(#"{"offload": {"inputBufferDepth": 0}}"#.utf8))
    }
    #expect(throws: TimingConfigError.self) {
        try TimingConfig.load(json: Data(#"{"cpu": {"mulh": "five"}}"#.utf8))
    }
    #expect(throws: TimingConfigError.self) {
        try TimingConfig.load(json: Data("not json".utf8))
    }
}

@Test func testMcycleCounterFollowsInhibitAndWrites() {
    var counter = HardwareCounter(inhibited: true)
    #expect(counter.read(now: 50) == 0)
    counter.setInhibited(false, now: 50)
    #expect(counter.read(now: 60) == 10)
    counter.write(0, now: 70)
    #expect(counter.read(now: 75) == 5)
    counter.setInhibited(true, now: 80)
    #expect(counter.read(now: 200) == 10)
    counter.writeHigh(1, now: 200)
    #expect(counter.read(now: 300) == (1 << 32) + 10)
}
