import Foundation
import Testing
import Schedule
@testable import Testbench

/// The compiler side of the bench: the algorithm bound to a row's sizes, the
/// generated header read for the call, and the interpreter as the host's reference.
@Suite struct CompilerVariantTests {
    func algorithm() throws -> Conv1dAlgorithm { try Study.algorithm.get() }

    /// The file writes the case study out by hand as `conv1d`; binding the
    /// generic proc to the same sizes must give exactly that proc.
    @Test func boundGenericEqualsTheCaseStudyProcOfTheFile() throws {
        let a = try algorithm()
        #expect(ExoPrinter.print(try a.instance(.caseStudy)) == ExoPrinter.print(a.caseStudy))
    }

    @Test func boundProcHasOnlyTheTensorsWithLiteralShapes() throws {
        let p = try algorithm().instance(Conv1dShape(ic: 3, oc: 8, n: 12, w: 5))
        let text = ExoPrinter.print(p)
        #expect(text.contains("def conv1d(data: i32[3, 12] @ DRAM, kernels: i32[8, 3, 5] @ DRAM, out: i32[8, 12] @ DRAM):"))
        #expect(text.contains("for r in seq(0, 5):"))
        #expect(text.contains("if j + r < 12:"))
        #expect(!text.contains("assert"))
    }

    @Test func sizesOutsideThePreconditionsAreRefusedWithTheLine() throws {
        #expect(throws: SizeBindingError.self) { try algorithm().instance(Conv1dShape(ic: 4, oc: 16, n: 10, w: 4)) }
        do {
            _ = try algorithm().instance(Conv1dShape(ic: 4, oc: 6, n: 16, w: 4))
            Issue.record("OC = 6 breaks `assert OC % 4 == 0`")
        } catch {
            #expect("\(error)".contains("`assert OC % 4 == 0` (line 10)"))
            #expect("\(error)".contains("OC = 6"))
        }
    }

    @Test func bindingRefusesNamesThatAreNotSizes() throws {
        let generic = try algorithm().generic
        #expect(throws: SizeBindingError.unknownSize("K", proc: "generic_conv1d")) {
            try SizeBinding.bind(generic, ["K": 3], name: "x")
        }
        #expect(throws: SizeBindingError.notASize("data", proc: "generic_conv1d")) {
            try SizeBinding.bind(generic, ["data": 3], name: "x")
        }
        #expect(throws: SizeBindingError.notPositive("N", 0)) {
            try SizeBinding.bind(generic, ["N": 0], name: "x")
        }
    }

    /// The interpreter and the plain Swift loop nest are two implementations
    /// of the same meaning; they must agree on random data at several sizes.
    @Test(arguments: [Conv1dShape.caseStudy, Conv1dShape(ic: 3, oc: 8, n: 12, w: 5), Conv1dShape(ic: 1, oc: 4, n: 4, w: 7)])
    func interpreterReferenceAgreesWithTheSwiftLoopNest(shape: Conv1dShape) throws {
        let problem = Conv1dProblem(shape: shape, pattern: .random(seed: 11))
        #expect(try algorithm().reference(problem) == Conv1dReference.evaluate(problem))
    }

    @Test func generatedSignatureGivesTheParameterNamesInOrder() throws {
        let header = """
            // conv1d_rvm_4acc(
            //     data : i32[4, 16] @DRAM,
            // )
            void conv1d_rvm_4acc(const int32_t* data, const int32_t* kernels, int32_t* out);
            """
        #expect(try GeneratedSignature.parameterNames(of: "conv1d_rvm_4acc", inHeader: header) == ["data", "kernels", "out"])
        #expect(try GeneratedSignature.parameterNames(of: "f", inHeader: "void f(void);") == [])
        #expect(throws: BenchError.self) { try GeneratedSignature.parameterNames(of: "g", inHeader: header) }
    }

    /// The scalar variant's C really comes from the code generator and the
    /// harness calls it with the header's own parameter list.
    @Test func scalarVariantIsTheGeneratedAlgorithm() throws {
        let variant = try #require(Study.variants().first { $0.name == "scalar" && $0.source == .compiler })
        let kernel = try variant.prepare(.caseStudy)
        let header = try #require(kernel.sources.first { $0.name.hasSuffix(".h") })
        #expect(header.contents.contains("void conv1d(const int32_t* data, const int32_t* kernels, int32_t* out);"))
        #expect(kernel.entryPoint.functionName == "conv1d")
        #expect(kernel.entryPoint.header == header.name)
        #expect(kernel.entryPoint.arguments == [HarnessSymbols.data, HarnessSymbols.kernels, HarnessSymbols.output])
        #expect(kernel.entryPoint.declaration == nil)
    }

    @Test func aScheduleMissingFromTheBuildFailsItsRowOnly() throws {
        let variant = BenchVariant.compiled(Conv1dSchedule(variant: "future", rewrites: nil), algorithm: Study.algorithm)
        #expect(throws: BenchError.scheduleUnavailable(variant: "future")) { try variant.prepare(.caseStudy) }
    }

    @Test func anUnreadableAlgorithmIsReportedInTheRow() throws {
        let root = try Fixtures.temporaryDirectory("no-algorithm")
        let variant = BenchVariant.compiled(.unscheduled, algorithm: Conv1dStudy.loadAlgorithm(packageRoot: root))
        #expect(throws: BenchError.self) { try variant.prepare(.caseStudy) }
    }
}
