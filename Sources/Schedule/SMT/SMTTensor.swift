/// A tensor or window as the solver sees it: its extent and its stride (in
/// elements) along each dimension.
///
/// A dense tensor (an argument that is not a window, or an allocation) has
/// the row-major strides `stride(x, last) == 1` and `stride(x, d) ==
/// shape[d+1] * ... * shape[last]`. A window `x[a:b, i, c:d]` keeps the
/// strides of the dimensions of x that it slices (0 and 2 here). A window
/// argument's strides are unknown: one positive variable per dimension.
public struct SMTTensor: Hashable, Sendable {
    public var shape: [SMTTerm]
    public var strides: [SMTTerm]

    public init(shape: [SMTTerm], strides: [SMTTerm]) {
        self.shape = shape
        self.strides = strides
    }

    /// Row-major strides of a dense tensor of this shape.
    public static func dense(shape: [SMTTerm]) -> SMTTensor {
        var strides = [SMTTerm](repeating: .int(1), count: shape.count)
        var product = SMTTerm.int(1)
        for d in shape.indices.reversed() {
            strides[d] = product
            product = product * shape[d]
        }
        return SMTTensor(shape: shape, strides: strides)
    }

    public var rank: Int { shape.count }
}
