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
    // 0x8000 + 2 x 0x4000 ends at 0x10000, past the second region's start 0xC000.
    let overlapping = #"{"memory": {"banks": [{"kind": "interleaved", "base": 49152, "bankCount": 1, "bankSize": 16384}, "#
        + #"{"kind": "contiguous", "base": 32768, "bankCount": 2, "bankSize": 16384}]}}"#
    #expect(throws: TimingConfigError.invalid(field: "memory.banks[0]", reason: "overlaps memory.banks[1]")) {
        try TimingConfig.load(json: Data(overlapping.utf8))
    }
    let adjacent = #"{"memory": {"banks": [{"kind": "interleaved", "base": 49152, "bankCount": 1, "bankSize": 16384}, "#
        + #"{"kind": "contiguous", "base": 32768, "bankCount": 1, "bankSize": 16384}]}}"#
    #expect(throws: Never.self) { try TimingConfig.load(json: Data(adjacent.utf8)) }
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

/// A hostile configuration must be refused, not trap on cycle arithmetic later
/// (the robustness review crashed the model with these values).
@Test func testHugeLatenciesAreRefused() {
    for (section, field) in [("cpu", "loadUseStall"), ("memory", "cpuStoreDelay"), ("offload", "acceptToDispatch"),
                             ("offload", "slotReuse"), ("accelerator", "dispatchInterval"),
                             ("accelerator", "saRestart"), ("accelerator", "scoreboardClearDelay"), ("cpu", "divBase")] {
        let json = #"{"\#(section)": {"\#(field)": 18446744073709551615}}"#
        #expect(throws: TimingConfigError.invalid(field: "\(section).\(field)", reason: "must be 0...1000000")) {
            try TimingConfig.load(json: Data(json.utf8))
        }
    }
    // The defaults and the top of the range stay valid.
    #expect(throws: Never.self) {
        try TimingConfig.load(json: Data(#"{"accelerator": {"saRestart": 1000000}}"#.utf8))
    }
}
