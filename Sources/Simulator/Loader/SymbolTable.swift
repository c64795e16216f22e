/// A named address from the ELF symbol table.
public struct Symbol: Sendable, Equatable {
    public var name: String
    public var address: UInt32
    public var size: UInt32
    /// True for code symbols (functions and labels in executable sections).
    public var isCode: Bool

    public init(name: String, address: UInt32, size: UInt32, isCode: Bool) {
        self.name = name
        self.address = address
        self.size = size
        self.isCode = isCode
    }
}

/// An executable section of the ELF file (for listings and function extents).
public struct CodeSection: Sendable, Equatable {
    public var name: String
    public var range: Range<UInt64>
    public init(name: String, range: Range<UInt64>) {
        self.name = name
        self.range = range
    }
}

/// The program's symbols, kept for attributing PCs to functions in traces and
/// reports, and for finding conventions such as `tohost`.
public struct SymbolTable: Sendable {
    /// Every named symbol, in file order.
    public let all: [Symbol]
    /// Code symbols sorted by address (ties: sized before unsized, then by name).
    private let code: [Symbol]
    private let byName: [String: UInt32]

    /// The executable sections: no PC outside them belongs to a function.
    public let codeSections: [CodeSection]
    private let codeRanges: [Range<UInt64>]

    public init(_ symbols: [Symbol], codeSections: [CodeSection] = []) {
        all = symbols
        self.codeSections = codeSections
        codeRanges = codeSections.map(\.range)
        code = symbols.filter(\.isCode).sorted {
            ($0.address, $1.size, $0.name) < ($1.address, $0.size, $1.name)
        }
        var names: [String: UInt32] = [:]
        for symbol in symbols where names[symbol.name] == nil { names[symbol.name] = symbol.address }
        byName = names
    }

    /// Address of the first symbol with this name.
    public func address(of name: String) -> UInt32? { byName[name] }

    /// The code symbol whose extent holds `pc`: the closest one at or below
    /// `pc` whose size covers it (unsized labels cover up to the next symbol),
    /// and only inside an executable section.
    public func symbol(containing pc: UInt32) -> Symbol? {
        guard codeRanges.contains(where: { $0.contains(UInt64(pc)) }) else { return nil }
        var low = 0, high = code.count          // first index with address > pc
        while low < high {
            let mid = (low + high) / 2
            if code[mid].address <= pc { low = mid + 1 } else { high = mid }
        }
        var index = low - 1
        while index >= 0 {
            let candidate = code[index]
            if candidate.size == 0 || pc &- candidate.address < candidate.size { return candidate }
            index -= 1
        }
        return nil
    }

    /// Every code symbol, by address (for listings).
    public var codeSymbols: [Symbol] { code }

    /// The functions as disjoint address ranges, for cycles per function: each
    /// code symbol covers its size, or (unsized labels such as `_start` in
    /// assembly) up to the next code symbol or the end of its section. Of
    /// several symbols at one address the sized one wins (then the first name).
    public var functionRanges: [FunctionRange] {
        var ranges: [FunctionRange] = []
        for (index, symbol) in code.enumerated() {
            if let previous = ranges.last, previous.start == symbol.address { continue }
            guard let section = codeRanges.first(where: { $0.contains(UInt64(symbol.address)) }) else { continue }
            var end = UInt64(symbol.address) + UInt64(symbol.size)
            if symbol.size == 0 {
                end = section.upperBound
                if let next = code[(index + 1)...].first(where: { $0.address > symbol.address }) {
                    end = min(end, UInt64(next.address))
                }
            }
            if let previous = ranges.last, UInt64(previous.end) > UInt64(symbol.address) {
                ranges[ranges.count - 1].end = symbol.address     // nested label: split the outer range
            }
            end = min(end, section.upperBound, UInt64(UInt32.max))
            guard end > UInt64(symbol.address) else { continue }
            ranges.append(FunctionRange(start: symbol.address, end: UInt32(end), name: symbol.name))
        }
        return ranges.filter { $0.end > $0.start }
    }
}
