import Foundation
import Testing
@testable import Testbench

/// Regression tests of the conv1d study as `rvm bench` runs it: every variant
/// (compiler and hand-written) built, simulated on X-HEEP and checked twice
/// (by the program against its scalar loop nest, by the host against the
/// reference interpreter).
@Suite struct Conv1dStudyTests {
    /// Sizes every variant accepts (rvm-4acc needs OC a multiple of 16, all
    /// RVM variants W = 4 and N a multiple of 4), small enough for a debug build.
    static let randomDataShapes = [
        Conv1dShape.caseStudy,
        Conv1dShape(ic: 2, oc: 16, n: 8, w: 4),
        Conv1dShape(ic: 3, oc: 32, n: 12, w: 4),
    ]

    static let expectedVariants = ["scalar", "im2col-cpu", "rvm-1acc", "rvm-4acc"].map { ($0, VariantSource.compiler) }
        + ["scalar", "rvm-1acc", "rvm-4acc"].map { ($0, VariantSource.hand) }

    @Test func theStudyHasFourCompilerAndThreeHandWrittenVariants() {
        let variants = Study.variants()
        #expect(variants.map(\.name) == Self.expectedVariants.map(\.0))
        #expect(variants.map(\.source) == Self.expectedVariants.map(\.1))
    }

    @Test(arguments: randomDataShapes)
    func everyVariantIsCorrectOnRandomData(shape: Conv1dShape) throws {
        let run = try Study.run(Study.variants(), shapes: [shape], inputs: .random(seed: UInt32(shape.ic * 1000 + shape.n)))
        #expect(run.rows.count == Self.expectedVariants.count)
        for row in run.rows where !(row.succeeded && row.hostChecked) {
            Issue.record("\(row.label) at \(shape): \(row.error ?? (row.hostChecked ? "wrong result" : "not re-checked by the host"))")
        }
    }
}
