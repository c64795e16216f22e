import Foundation
import Testing
import Schedule
import RVMTarget
@testable import Testbench

/// The compiler side of the bench: the algorithm at a row's sizes, the
/// generated header read for the call, and the interpreter as the host's reference.
@Suite struct CompilerVariantTests {
    func algorithm() throws -> Conv1dAlgorithm { try Study.algorithm.get() }

    @Test func otherSizesBindTheGenericProc() throws {
        let text = ExoPrinter.print(try algorithm().instance(Conv1dShape(ic: 3, oc: 8, n: 12, w: 5)).ir)
        #expect(text.contains("(data: i32[3, 12] @ DRAM, kernels: i32[8, 3, 5] @ DRAM, out: i32[8, 12] @ DRAM):"))
        #expect(!text.contains("assert"))
    }

    @Test func sizesOutsideThePreconditionsAreRefusedWithTheCondition() throws {
        do {
            _ = try algorithm().instance(Conv1dShape(ic: 4, oc: 16, n: 10, w: 4))
            Issue.record("N = 10 breaks `assert N % 4 == 0`")
        } catch {
            #expect("\(error)".contains("N % 4 == 0"))
        }
    }

    /// The interpreter and the plain Swift loop nest are two implementations
    /// of the same meaning; they must agree on random data at several sizes.
    @Test(arguments: [Conv1dShape.caseStudy, Conv1dShape(ic: 3, oc: 8, n: 12, w: 5), Conv1dShape(ic: 1, oc: 4, n: 4, w: 7)])
    func interpreterReferenceAgreesWithTheSwiftLoopNest(shape: Conv1dShape) throws {
        let problem = Conv1dProblem(shape: shape, pattern: .random(seed: 11))
        #expect(try algorithm().reference(problem) == Conv1dReference.evaluate(problem))
    }

    @Test func outsideTheAlgorithmTheLoopNestIsTheReference() throws {
        let problem = Conv1dProblem(shape: Conv1dShape(ic: 3, oc: 5, n: 9, w: 2), pattern: .random(seed: 2))
        #expect(throws: (any Error).self) { try algorithm().reference(problem) }
        #expect(try algorithm().referenceOrLoopNest(problem) == Conv1dReference.evaluate(problem))
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

    /// Each compiler variant's C really comes from the code generator and the
    /// harness calls it with the header's own parameter list.
    @Test(arguments: Conv1dVariant.allCases)
    func compilerVariantsAreGeneratedCode(variant: Conv1dVariant) throws {
        let kernel = try BenchVariant.compiled(variant, algorithm: Study.algorithm).prepare(.caseStudy)
        let header = try #require(kernel.sources.first { $0.name.hasSuffix(".h") })
        let source = try #require(kernel.sources.first { $0.name.hasSuffix(".c") })
        #expect(header.contents.contains("void \(variant.procName)(const int32_t* data, const int32_t* kernels, int32_t* out);"))
        #expect(kernel.entryPoint.functionName == variant.procName)
        #expect(kernel.entryPoint.header == header.name)
        #expect(kernel.entryPoint.arguments == [HarnessSymbols.data, HarnessSymbols.kernels, HarnessSymbols.output])
        #expect(kernel.entryPoint.declaration == nil)
        let usesRVM = source.contents.contains("mmasa.w")
        #expect(usesRVM == [.rvm1acc, .rvm4acc].contains(variant))
    }

    @Test func sizesAScheduleCannotTileFailItsRow() throws {
        let variant = BenchVariant.compiled(.rvm4acc, algorithm: Study.algorithm)
        #expect(throws: (any Error).self) { try variant.prepare(Conv1dShape(ic: 4, oc: 8, n: 16, w: 4)) }
    }

    @Test func anUnreadableAlgorithmIsReportedInTheRow() throws {
        let root = try Fixtures.temporaryDirectory("no-algorithm")
        let variant = BenchVariant.compiled(.scalar, algorithm: Conv1dStudy.loadAlgorithm(packageRoot: root))
        #expect(throws: BenchError.self) { try variant.prepare(.caseStudy) }
    }
}
