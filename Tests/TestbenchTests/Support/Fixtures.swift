import Foundation
import Testbench

/// Shared test plumbing: a toolchain, a throw-away cache, C kernels.
enum Fixtures {
    static func toolchain() throws -> CrossToolchain { try CrossToolchain.locate() }

    /// A fresh directory per test (so cache hits are ours alone), all under
    /// one root that is safe to delete between runs.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("rvm-testbench-tests/\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func builder(_ label: String) throws -> ProgramBuilder {
        ProgramBuilder(toolchain: try toolchain(), cache: BuildCache(directory: try temporaryDirectory(label)))
    }

    /// The scalar conv1d in the hand-written kernels' contract (macros IC, OC, N, W).
    static let scalarConv1d = SourceFile(name: "scalar.c", contents: """
        #include <stdint.h>

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
        }
        """)

    /// Wrong on purpose: forgets the last kernel tap.
    static let wrongConv1d = SourceFile(name: "wrong.c", contents: """
        #include <stdint.h>

        void conv1d(const int32_t *data, const int32_t *kernels, int32_t *out) {
            for (int o = 0; o < OC; o++)
                for (int j = 0; j < N; j++) {
                    int32_t sum = 0;
                    for (int c = 0; c < IC; c++)
                        for (int r = 0; r < W - 1; r++)
                            if (j + r < N) sum += kernels[(o * IC + c) * W + r] * data[c * N + j + r];
                    out[o * N + j] = sum;
                }
        }
        """)

    /// Correct except that it never writes the last output channel.
    static let lazyConv1d = SourceFile(name: "lazy.c", contents: """
        #include <stdint.h>

        void conv1d(const int32_t *data, const int32_t *kernels, int32_t *out) {
            for (int o = 0; o < OC - 1; o++)
                for (int j = 0; j < N; j++) {
                    int32_t sum = 0;
                    for (int c = 0; c < IC; c++)
                        for (int r = 0; r < W; r++)
                            if (j + r < N) sum += kernels[(o * IC + c) * W + r] * data[c * N + j + r];
                    out[o * N + j] = sum;
                }
        }
        """)

    /// Generated-kernel style: sizes as parameters, a context pointer first.
    static let exoStyleConv1d = SourceFile(name: "exo_style.c", contents: """
        #include <stdint.h>

        void conv1d_exo(void *ctxt, int ic, int oc, int n, int w,
                        const int32_t *data, const int32_t *kernels, int32_t *out) {
            (void)ctxt;
            for (int i = 0; i < oc; i++)
                for (int j = 0; j < n; j++) {
                    out[i * n + j] = 0;
                    for (int c = 0; c < ic; c++)
                        for (int r = 0; r < w; r++) {
                            int32_t y = j + r < n ? data[c * n + j + r] : 0;
                            out[i * n + j] += kernels[(i * ic + c) * w + r] * y;
                        }
                }
        }
        """)

    static let syntaxError = SourceFile(name: "broken.c", contents: """
        int broken(int x) {
            return x +* 2
        }
        """)
}
