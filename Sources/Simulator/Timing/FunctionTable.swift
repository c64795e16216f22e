/// A function's address range [start, end) and name, from the ELF symbols.
public struct FunctionRange: Sendable, Equatable {
    public var start: UInt32
    public var end: UInt32
    public var name: String
    public init(start: UInt32, end: UInt32, name: String) {
        self.start = start
        self.end = end
        self.name = name
    }
}

/// pc -> function index, for cycles per function and the timeline's spans.
/// Sorted, non-overlapping ranges; the last hit is cached (straight-line code
/// stays in one function), otherwise a binary search.
struct FunctionTable: Sendable {
    let ranges: [FunctionRange]
    private var cached = -1

    /// Index used for addresses in no range.
    var unknown: Int { ranges.count }

    init(_ ranges: [FunctionRange]) {
        self.ranges = ranges.filter { $0.end > $0.start }.sorted { $0.start < $1.start }
    }

    func name(_ index: Int) -> String { index < ranges.count ? ranges[index].name : "?" }

    @inline(__always) mutating func index(of pc: UInt32) -> Int {
        if cached >= 0 && cached < ranges.count {
            let r = ranges[cached]
            if pc >= r.start && pc < r.end { return cached }
        }
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].end <= pc { lo = mid + 1 } else { hi = mid }
        }
        if lo < ranges.count && pc >= ranges[lo].start {
            cached = lo
            return lo
        }
        return unknown
    }
}
