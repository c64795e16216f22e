/// Flat typed storage shared by a tensor and every window into it, so a
/// write through a window lands in the caller's tensor. Integer elements are
/// kept as Int32 (i8/i16 values already wrapped to their width); f32 as Float.
public final class TensorStorage {
    public let elementType: ScalarType
    public let count: Int
    let ints: UnsafeMutableBufferPointer<Int32>
    let floats: UnsafeMutableBufferPointer<Float>

    /// The first element, untyped (the interpreter's frames hold this).
    let rawBase: UnsafeMutableRawPointer

    /// Zero-filled storage of `count` elements.
    public init(_ elementType: ScalarType, count: Int) {
        self.elementType = elementType
        self.count = count
        // At least one element, so the base pointer is always a real allocation.
        let capacity = max(1, count)
        let i = UnsafeMutablePointer<Int32>.allocate(capacity: elementType.isFloat ? 1 : capacity)
        let f = UnsafeMutablePointer<Float>.allocate(capacity: elementType.isFloat ? capacity : 1)
        ints = UnsafeMutableBufferPointer(start: i, count: elementType.isFloat ? 1 : capacity)
        floats = UnsafeMutableBufferPointer(start: f, count: elementType.isFloat ? capacity : 1)
        ints.initialize(repeating: 0)
        floats.initialize(repeating: 0)
        rawBase = elementType.isFloat ? UnsafeMutableRawPointer(f) : UnsafeMutableRawPointer(i)
    }

    func zero() {
        ints.update(repeating: 0)
        floats.update(repeating: 0)
    }

    deinit {
        ints.deallocate()
        floats.deallocate()
    }
}

/// A tensor value: storage plus offset, shape and strides (in elements).
/// A scalar is a tensor of shape []. Windows are views of the same storage.
public struct Tensor {
    public let storage: TensorStorage
    public let offset: Int
    public let shape: [Int]
    public let strides: [Int]

    public var elementType: ScalarType { storage.elementType }
    public var elementCount: Int { shape.reduce(1, *) }

    init(storage: TensorStorage, offset: Int, shape: [Int], strides: [Int]) {
        self.storage = storage
        self.offset = offset
        self.shape = shape
        self.strides = strides
    }

    /// A new dense (row-major) zero tensor. Negative extents are clamped to 0.
    public init(_ type: ScalarType, shape: [Int]) {
        let shape = shape.map { max(0, $0) }
        var strides = [Int](repeating: 1, count: shape.count)
        var s = 1
        for d in shape.indices.reversed() {
            strides[d] = s
            s *= shape[d]
        }
        self.init(storage: TensorStorage(type, count: s), offset: 0, shape: shape, strides: strides)
    }

    /// A dense integer tensor holding `values` in row-major order (wrapped to the element width).
    public init(_ type: ScalarType, shape: [Int], values: [Int]) {
        self.init(type, shape: shape)
        for (k, v) in values.prefix(elementCount).enumerated() { setFlat(k, .int(v)) }
    }

    /// A dense f32 tensor holding `values` in row-major order.
    public init(shape: [Int], floats values: [Float]) {
        self.init(.f32, shape: shape)
        for (k, v) in values.prefix(elementCount).enumerated() { setFlat(k, .float(v)) }
    }

    /// Storage position of the k-th element in row-major order of this view.
    private func position(ofFlat k: Int) -> Int {
        var rest = k, pos = offset
        for d in shape.indices.reversed() {
            pos += (rest % shape[d]) * strides[d]
            rest /= shape[d]
        }
        return pos
    }

    func value(at pos: Int) -> DataValue {
        storage.elementType.isFloat ? .float(storage.floats[pos]) : .int(Int(storage.ints[pos]))
    }

    func store(_ v: DataValue, at pos: Int) throws(KernelError) {
        switch storage.elementType {
        case .f32: storage.floats[pos] = v.asFloat
        case .i32: storage.ints[pos] = Int32(truncatingIfNeeded: try v.asInt(for: .i32))
        case .i16: storage.ints[pos] = Int32(Int16(truncatingIfNeeded: try v.asInt(for: .i16)))
        case .i8: storage.ints[pos] = Int32(Int8(truncatingIfNeeded: try v.asInt(for: .i8)))
        }
    }

    private func setFlat(_ k: Int, _ v: DataValue) {
        // Only integer or float values of the right kind reach here; a float out of
        // range cannot, since integer initialisers pass .int.
        try? store(v, at: position(ofFlat: k))
    }

    /// Elements in row-major order as integers (f32 elements truncated).
    public var intValues: [Int] {
        (0..<elementCount).map { k in
            switch value(at: position(ofFlat: k)) {
            case .int(let v): v
            // Saturating: Int(f) traps beyond Int's range.
            case .float(let f): f.isNaN ? 0 : Int(exactly: f.rounded(.towardZero)) ?? (f > 0 ? Int.max : Int.min)
            }
        }
    }

    /// Elements in row-major order as floats.
    public var floatValues: [Float] { (0..<elementCount).map { value(at: position(ofFlat: $0)).asFloat } }
}

/// A concrete argument for a proc: a size/index value, a bool, or a tensor
/// (data scalars are tensors of shape []).
public enum Argument {
    case int(Int)
    case bool(Bool)
    case tensor(Tensor)
}
