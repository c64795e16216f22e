import Foundation
import Schedule
import RVMTarget

// Times the case-study schedule (rvm-4acc) plus C generation on kernels/conv1d/conv1d.exo.
// Build and run with ./run.sh from the package root (a release build of Schedule and RVMTarget).
let path = CommandLine.arguments.dropFirst().first ?? "kernels/conv1d/conv1d.exo"
let text = try String(contentsOfFile: path, encoding: .utf8)
let proc = try KernelParser.parseProc(text, named: "conv1d")
func once() throws -> Int {
    let p = try Conv1dSchedules.rvm4acc(Procedure(proc))
    let c = try CCodegen.compile([p.ir], library: "conv1d", options: RVMTarget.codegenOptions)
    return c.source.count
}
func milliseconds(since t0: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6 }

// The first run also starts z3 and fills the oracle's cache.
let cold = DispatchTime.now().uptimeNanoseconds
_ = try once()
print(String(format: "first run (cold): %.2f ms", milliseconds(since: cold)))
var times: [Double] = []
for _ in 0..<20 {
    let t0 = DispatchTime.now().uptimeNanoseconds
    _ = try once()
    times.append(milliseconds(since: t0))
}
times.sort()
print(String(format: "rvm4acc schedule + C: median %.2f ms, min %.2f ms, max %.2f ms (20 runs)", times[10], times[0], times[19]))
do {
    let t0 = DispatchTime.now().uptimeNanoseconds
    let p = try Conv1dSchedules.rvm4acc(Procedure(proc))
    let t1 = DispatchTime.now().uptimeNanoseconds
    _ = try CCodegen.compile([p.ir], library: "conv1d", options: RVMTarget.codegenOptions)
    print(String(format: "one run split: schedule %.2f ms, codegen %.2f ms", Double(t1 - t0) / 1e6, milliseconds(since: t1)))
}
