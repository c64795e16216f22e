/// The interpreter's form of a proc: flat arrays of plain-data nodes that
/// refer to each other by index, with every symbol replaced by a frame slot.
/// Evaluation then touches no reference-counted values in its inner loops
/// (walking Swift indirect enums costs a retain and a release per node).
/// Built once per proc by `Resolver`.

/// Control (index, size, bool) expression node; bools are 0/1.
struct INode {
    enum Op: UInt8 {
        case const, slot, add, sub, mul, div, mod, lt, le, gt, ge, eq, ne, and, or, neg, not
        /// `stride(x, d)`: `value` is the frame dims index of that stride.
        case stride
    }
    var op: Op
    var a: Int32 = 0
    var b: Int32 = 0
    var value: Int = 0
    var loc: Int32 = 0
}

/// Data expression node.
struct DNode {
    enum Op: UInt8 {
        case int, float
        /// Tensor slot `a`, indices `lists[b ..< b + c]` (inode roots), dims at `value`.
        case readInt, readFloat
        /// Control expression `a` used as data.
        case index
        case add, sub, mul, div, mod, neg
    }
    var op: Op
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
    var value: Int = 0
    var float: Float = 0
    var loc: Int32 = 0
}

/// Statement node. Blocks are lists of statement indices in `lists`.
struct SNode {
    enum Op: UInt8 {
        /// Tensor slot `a`, indices `lists[b ..< b + c]`, right side dnode `d`, dims at `value`;
        /// `e` is the element type (ScalarType index), `f` 1 for `+=`.
        case store
        /// Condition inode `a`, then-block `b, c`, else-block `d, e`.
        case ifElse
        /// Slot `a`, bounds inodes `b`, `c`, body `d, e`.
        case loop
        /// Tensor slot `a`, extents `lists[b ..< b + c]`, element type `e`, dims at `value`.
        case alloc
        /// Callee `a` (index into callees), arguments `args[b ..< b + c]`.
        case call
        /// Window definition into tensor slot `a` from window `b`.
        case window
        case pass
    }
    var op: Op
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
    var d: Int32 = 0
    var e: Int32 = 0
    var f: Int32 = 0
    var value: Int = 0
    var loc: Int32 = 0
}

/// A view of tensor slot `source`: whole when `dimCount` is 0, else a window
/// with dims `wdims[dimStart ..< dimStart + dimCount]`.
struct WindowDesc {
    var source: Int32
    var dimStart: Int32
    var dimCount: Int32
    var loc: Int32
}

/// A window dimension: a point (inode `lo`) or an interval (inodes `lo`, `hi`).
struct RWindowDim {
    var isInterval: Bool
    var lo: Int32
    var hi: Int32
}

/// A call argument: a control expression (inode) or a view (window index).
struct ArgDesc {
    var isTensor: Bool
    var index: Int32
}

/// How a parameter is bound in the callee's frame.
enum RParam {
    case control(slot: Int, isSize: Bool, isBool: Bool)
    /// `shape`: inode roots of the declared extents, checked at the call.
    case tensor(slot: Int, type: ScalarType, shape: [Int32])
}

/// A read-only copy of an array that evaluation indexes without ARC.
struct Frozen<T> {
    let base: UnsafeMutableBufferPointer<T>
    init(_ a: [T]) {
        base = .allocate(capacity: max(1, a.count))
        _ = base.initialize(from: a)
    }
    @inline(__always) subscript(_ i: Int32) -> T { base[Int(i)] }
    @inline(__always) subscript(_ i: Int) -> T { base[i] }
    func free() { base.deallocate() }
}

final class ResolvedProc {
    let proc: Proc
    var params: [RParam] = []
    var preconditions: [(Int32, Expr)] = []
    var body: (start: Int32, count: Int32) = (0, 0)
    var controlSlots = 0
    var tensorSlots = 0
    /// Per tensor slot: its rank and where its extents, then strides, sit in the frame's dims.
    var tensorRank: [Int] = []
    var dimsOffset: [Int] = []
    var dimsCount = 0

    // Filled by the resolver, then frozen.
    var inodeList: [INode] = []
    var dnodeList: [DNode] = []
    var snodeList: [SNode] = []
    var listList: [Int32] = []
    var windowList: [WindowDesc] = []
    var wdimList: [RWindowDim] = []
    var argList: [ArgDesc] = []
    var callees: [ResolvedProc] = []
    var locs: [SourceLocation] = [.unknown]

    private(set) var code: Code! = nil

    /// The node arrays as evaluation reads them.
    struct Code {
        let inodes: Frozen<INode>
        let dnodes: Frozen<DNode>
        let snodes: Frozen<SNode>
        let lists: Frozen<Int32>
        let windows: Frozen<WindowDesc>
        let wdims: Frozen<RWindowDim>
        let args: Frozen<ArgDesc>
        let dimsOffset: Frozen<Int>
        let tensorRank: Frozen<Int>
    }

    init(proc: Proc) { self.proc = proc }

    func freeze() {
        code = Code(inodes: Frozen(inodeList), dnodes: Frozen(dnodeList), snodes: Frozen(snodeList),
                    lists: Frozen(listList), windows: Frozen(windowList), wdims: Frozen(wdimList),
                    args: Frozen(argList), dimsOffset: Frozen(dimsOffset), tensorRank: Frozen(tensorRank))
    }

    deinit {
        guard let c = code else { return }
        c.inodes.free(); c.dnodes.free(); c.snodes.free(); c.lists.free()
        c.windows.free(); c.wdims.free(); c.args.free(); c.dimsOffset.free(); c.tensorRank.free()
    }
}

extension ScalarType {
    /// Stable small code for storing an element type in a node.
    var code: Int32 {
        switch self {
        case .i8: 0
        case .i16: 1
        case .i32: 2
        case .f32: 3
        }
    }
    init(code: Int32) {
        switch code {
        case 0: self = .i8
        case 1: self = .i16
        case 3: self = .f32
        default: self = .i32
        }
    }
}
