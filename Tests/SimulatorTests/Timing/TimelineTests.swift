import Foundation
import Testing
@testable import Simulator

/// setup: 2 addi (0x180, 0x184); kernel: mld.w, mmasa.w, mzero, mst.w, lw, addi (0x188...).
let timelineFunctions = [FunctionRange(start: 0x180, end: 0x188, name: "setup"),
                         FunctionRange(start: 0x188, end: 0x1A0, name: "kernel")]
let timelineStream: [Step] = [
    Step(word: Enc.addi(X.t0, X.zero, 1)), Step(word: Enc.addi(X.t1, X.zero, 2)),
    mld(1), mmasa(md: 2, ms1: 1, ms2: 0), mzero(3), mst(2),
    Step(word: Enc.lw(X.t0, X.a2, 0), address: 0x100), Step(word: Enc.addi(X.t1, X.t0, 1)),
]

@Test func testTimelineHasTracksAndExpectedEventCounts() throws {
    var h = Harness(functions: timelineFunctions, timeline: CycleWindow())
    h.run(timelineStream)
    let report = h.model.finish()
    let data = try #require(h.model.timelineJSON())
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let events = try #require(root["traceEvents"] as? [[String: Any]])

    let threadNames = events.filter { $0["name"] as? String == "thread_name" }
        .compactMap { ($0["args"] as? [String: Any])?["name"] as? String }
    #expect(Set(threadNames) == ["CPU", "offload queue", "systolic array", "LSU", "permutation unit"])

    func spans(tid: Int, category: String? = nil) -> [[String: Any]] {
        events.filter { $0["ph"] as? String == "X" && $0["tid"] as? Int == tid
            && (category == nil || $0["cat"] as? String == category) }
    }
    // CPU: two function spans; stalls: the 3 RVM instructions after the first
    // wait for the 1-deep buffer, and the addi after the lw has a load-use stall.
    #expect(spans(tid: 1, category: "function").compactMap { $0["name"] as? String } == ["setup", "kernel"])
    let stalls = spans(tid: 1, category: "stall").compactMap { $0["name"] as? String }
    #expect(stalls == ["offload-buffer-full", "offload-buffer-full", "offload-buffer-full", "load-use"])
    #expect(spans(tid: 2).count == 4)      // each RVM instruction's stay in the input buffer
    #expect(spans(tid: 3).count == 1)      // mmasa.w
    #expect(spans(tid: 4).count == 2)      // mld.w, mst.w
    #expect(spans(tid: 5).count == 1)      // mzero
    // Function spans add up to the cycles per function of the report.
    let kernel = try #require(spans(tid: 1, category: "function").last)
    #expect(UInt64(kernel["dur"] as? Int ?? -1) == report.functions.first { $0.name == "kernel" }?.cycles)
    #expect(report.functions.map(\.instructions).reduce(0, +) == UInt64(timelineStream.count))
}

@Test func testTimelineWindowClipsEvents() throws {
    var h = Harness(functions: timelineFunctions, timeline: try CycleWindow(parsing: "0:4"))
    h.run(timelineStream)
    _ = h.model.finish()
    #expect(!h.model.timelineEvents.isEmpty)
    #expect(h.model.timelineEvents.allSatisfy { $0.start + $0.duration <= 4 })
    #expect(throws: TimelineError.self) { try CycleWindow(parsing: "9:3") }
    #expect(throws: TimelineError.self) { try CycleWindow(parsing: "abc") }
}
