/// Expected `rvm schedule` text, written by hand, and a splitter for step-by-step output.
enum ScheduleCommandExpectations {
    /// `rvm schedule scalar --sizes 2,16,8,4 --steps`: generic_conv1d as in
    /// kernels/conv1d/conv1d.exo, then with the sizes substituted (its
    /// asserts hold and are dropped), then renamed.
    static let scalarSteps = """
        # original
        @proc
        def generic_conv1d(IC: size, OC: size, N: size, W: size, data: i32[IC, N] @ DRAM, kernels: i32[OC, IC, W] @ DRAM, out: i32[OC, N] @ DRAM):
            assert N % 4 == 0
            assert OC % 4 == 0
            for i in seq(0, OC):
                for j in seq(0, N):
                    out[i, j] = 0
                    for c in seq(0, IC):
                        for r in seq(0, W):
                            y: i32 @ DRAM
                            if j + r < N:
                                y = data[c, j + r]
                            else:
                                y = 0
                            out[i, j] += kernels[i, c, r] * y

        # 1. partialEval(IC=2, N=8, OC=16, W=4)
        @proc
        def generic_conv1d(data: i32[2, 8] @ DRAM, kernels: i32[16, 2, 4] @ DRAM, out: i32[16, 8] @ DRAM):
            for i in seq(0, 16):
                for j in seq(0, 8):
                    out[i, j] = 0
                    for c in seq(0, 2):
                        for r in seq(0, 4):
                            y: i32 @ DRAM
                            if j + r < 8:
                                y = data[c, j + r]
                            else:
                                y = 0
                            out[i, j] += kernels[i, c, r] * y

        # 2. rename(conv1d_scalar)
        @proc
        def conv1d_scalar(data: i32[2, 8] @ DRAM, kernels: i32[16, 2, 4] @ DRAM, out: i32[16, 8] @ DRAM):
            for i in seq(0, 16):
                for j in seq(0, 8):
                    out[i, j] = 0
                    for c in seq(0, 2):
                        for r in seq(0, 4):
                            y: i32 @ DRAM
                            if j + r < 8:
                                y = data[c, j + r]
                            else:
                                y = 0
                            out[i, j] += kernels[i, c, r] * y

        """

    /// Step-by-step text split at its `# original` / `# K. call` header
    /// lines: each header with the text up to the next (the blank separator line dropped).
    static func sections(_ text: String) -> [(header: String, body: String)] {
        var out: [(header: String, body: String)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "# original" || isStepHeader(line) {
                if var last = out.popLast() {
                    if last.body.hasSuffix("\n\n") { last.body.removeLast() }
                    out.append(last)
                }
                out.append((String(line), ""))
            } else if !out.isEmpty {
                out[out.count - 1].body += line + "\n"
            }
        }
        // The text ends with a newline: the split's last, empty line added one too many.
        if var last = out.popLast() {
            if last.body.hasSuffix("\n\n") || last.body == "\n" { last.body.removeLast() }
            out.append(last)
        }
        return out
    }

    /// `# 12. fission(...)`.
    private static func isStepHeader(_ line: Substring) -> Bool {
        guard line.hasPrefix("# ") else { return false }
        let rest = line.dropFirst(2)
        let digits = rest.prefix { $0.isNumber }
        return !digits.isEmpty && rest.dropFirst(digits.count).hasPrefix(". ")
    }
}
