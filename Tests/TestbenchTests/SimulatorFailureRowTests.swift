import Foundation
import Testing
@testable import Testbench

/// Issue 6, "Bad input": what only the simulator can see (a fault, a
/// CPU/accelerator memory race, an RTL erratum) lands in that variant's row
/// with its message, fails the run, and leaves the other variants alone.
/// End to end on X-HEEP with the timed simulator (BenchDriverTests covers the
/// driver's other failure kinds under QEMU, with an injected hazard).
@Suite struct SimulatorFailureRowTests {
    static func hand(_ name: String, _ body: String) -> BenchVariant {
        let file = SourceFile(name: "\(name).c", contents: """
            #include <stdint.h>
            #include "rvm.h"

            void conv1d(const int32_t *data, const int32_t *kernels, int32_t *out) {
                for (int o = 0; o < OC; o++)
                    for (int j = 0; j < N; j++) {
                        int32_t sum = 0;
                        for (int c = 0; c < IC; c++)
                            for (int r = 0; r < W; r++) {
                                int32_t y = j + r < N ? data[c * N + j + r] : 0;
                                sum += kernels[(o * IC + c) * W + r] * y;
                            }
                        out[o * N + j] = sum;
                    }
            \(body)
            }
            """)
        return BenchVariant(name: name, source: .hand) { shape in
            PreparedKernel(entryPoint: .handWritten(), sources: [file], defines: Conv1dHarness.sizeDefines(shape))
        }
    }

    @Test func faultsRacesAndErrataFailOnlyTheirOwnRow() throws {
        let variants = [
            // An illegal instruction after the (right) result: no trap handler, so a fault.
            Self.hand("faulty", "    __asm__ volatile(\".word 0\");"),
            // The first 4x4 block of out goes through m1 and back unchanged, and the
            // CPU reads out[0] while that mst.w is still in flight: right numbers
            // (the functional core is sequentially consistent), but a race on hardware.
            Self.hand("racy", """
                    RVM_MLD_W("m1", out, N * 4);
                    RVM_MST_W("m1", out, N * 4);
                    volatile int32_t *first = out;
                    (void)*first;
                """),
            // The same round trip through m0: `mst.w m0` hangs the RTL (erratum 1).
            Self.hand("erratum", """
                    RVM_MLD_W("m0", out, N * 4);
                    RVM_MST_W("m0", out, N * 4);
                """),
            Self.hand("scalar", ""),
        ]
        let run = try Study.run(variants, shapes: [.caseStudy], inputs: .random(seed: 9))
        #expect(!run.succeeded)
        #expect(run.rows.map(\.variant) == ["faulty", "racy", "erratum", "scalar"])
        let (faulty, racy, erratum, scalar) = (run.rows[0], run.rows[1], run.rows[2], run.rows[3])

        #expect(!faulty.succeeded && faulty.cycles == nil)
        #expect(faulty.error?.hasPrefix("run: ") == true, "\(faulty.error ?? "")")
        #expect(faulty.error?.contains("illegal instruction") == true, "\(faulty.error ?? "")")
        #expect(faulty.error?.contains("instruction 0x00000000") == true, "\(faulty.error ?? "")")

        #expect(racy.correct && racy.hostChecked)
        #expect((racy.hazards ?? 0) >= 1)
        #expect(!racy.succeeded)
        #expect(racy.error?.contains("hazards: memory hazard at ") == true, "\(racy.error ?? "")")
        #expect(racy.error?.contains("CPU load reads a word the earlier mst.w has not yet written") == true, "\(racy.error ?? "")")

        #expect(erratum.correct && !erratum.succeeded)
        #expect(erratum.error?.contains("RTL errata (the chip would hang): ") == true, "\(erratum.error ?? "")")
        #expect(erratum.error?.contains("mst.w of m0") == true, "\(erratum.error ?? "")")

        #expect(scalar.succeeded && scalar.hostChecked && scalar.error == nil)
        #expect(scalar.hazards == 0)
        // The table says which rows failed and why.
        let table = try BenchPresentation.standardOutput(run, json: false)
        #expect(table.contains("3 of 4 rows FAILED"), "\(table)")
    }
}
