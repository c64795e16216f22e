import Foundation
import Testing
@testable import Simulator

// kernels/micro/timeline.c: main calls tile_kernel (mzero, mld.w x 2, mmasa.w,
// mst.w, poll). The timeline must have the five tracks and one span per RVM
// instruction on the offload queue and on the unit that ran it.

@Test func testTimelineOfSmallKernel() throws {
    let report = try runMicro("timeline.c", timeline: CycleWindow())
    #expect(report.exitCode == 8)                           // 4 x (1 x 2)
    let data = try #require(report.timelineJSON)
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let events = try #require(root["traceEvents"] as? [[String: Any]])

    let tracks = events.filter { $0["name"] as? String == "thread_name" }
        .compactMap { ($0["args"] as? [String: Any])?["name"] as? String }
    #expect(tracks == ["CPU", "offload queue", "systolic array", "LSU", "permutation unit"])

    func spans(_ tid: Int, _ category: String) -> [[String: Any]] {
        events.filter { $0["ph"] as? String == "X" && $0["tid"] as? Int == tid && $0["cat"] as? String == category }
    }
    #expect(spans(2, "offload").count == 5)
    #expect(spans(2, "offload").compactMap { $0["name"] as? String } == ["mzero", "mld.w", "mld.w", "mmasa.w", "mst.w"])
    #expect(spans(3, "unit").count == 1)
    #expect(spans(4, "unit").count == 3)
    #expect(spans(5, "unit").count == 1)

    // CPU function spans: in program order, starting in _start; their lengths add up to
    // the cycles per function of the report, and all of them to the cycles at exit.
    let functionSpans = spans(1, "function")
    let names = functionSpans.compactMap { $0["name"] as? String }
    #expect(names.first == "_start")
    #expect(names.contains("main") && names.contains("tile_kernel"))
    let timing = try #require(report.timing)
    var perName: [String: UInt64] = [:]
    for span in functionSpans { perName[span["name"] as? String ?? "", default: 0] += UInt64(span["dur"] as? Int ?? 0) }
    #expect(perName == Dictionary(uniqueKeysWithValues: timing.functions.map { ($0.name, $0.cycles) }))
    #expect(perName.values.reduce(0, +) == report.cycles)
    // Stall spans sum to the stall cycles.
    let stallCycles = spans(1, "stall").reduce(0) { $0 + UInt64($1["dur"] as? Int ?? 0) }
    #expect(stallCycles == timing.stallCycles)
}
