/// The sizes of one conv1d problem (RVM-SPEC.md §4): IC input channels of N
/// samples, OC output channels, kernels W wide.
public struct Conv1dShape: Sendable, Hashable, CustomStringConvertible {
    public var ic: Int
    public var oc: Int
    public var n: Int
    public var w: Int

    public init(ic: Int, oc: Int, n: Int, w: Int) {
        self.ic = ic
        self.oc = oc
        self.n = n
        self.w = w
    }

    /// The case study's sizes: IC = 4, OC = 16, N = 16, W = 4.
    public static let caseStudy = Conv1dShape(ic: 4, oc: 16, n: 16, w: 4)

    public var dataCount: Int { ic * n }
    public var kernelCount: Int { oc * ic * w }
    public var outputCount: Int { oc * n }
    public var bytesOfTensors: Int { 4 * (dataCount + kernelCount + outputCount) }

    public var description: String { "IC=\(ic) OC=\(oc) N=\(n) W=\(w)" }

    /// Largest size accepted per dimension: far beyond any memory we model,
    /// small enough that every product above stays exact.
    static let maximumExtent = 1 << 16

    func validate() throws(HarnessError) {
        for (name, value) in [("IC", ic), ("OC", oc), ("N", n), ("W", w)]
        where value < 1 || value > Conv1dShape.maximumExtent {
            throw .invalidShape("\(name) = \(value) must be between 1 and \(Conv1dShape.maximumExtent)")
        }
    }

    /// Parses "IC=4,OC=16,N=16,W=4" (any order, any case, ',' or ' ' between).
    public static func parse(_ text: String) throws(HarnessError) -> Conv1dShape {
        var values: [String: Int] = [:]
        for item in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Int(parts[1]) else {
                throw .invalidShape("'\(item)' is not NAME=VALUE (in '\(text)')")
            }
            let name = parts[0].uppercased()
            guard ["IC", "OC", "N", "W"].contains(name) else {
                throw .invalidShape("unknown size '\(parts[0])' (expected IC, OC, N, W) in '\(text)'")
            }
            values[name] = value
        }
        guard let ic = values["IC"], let oc = values["OC"], let n = values["N"], let w = values["W"] else {
            throw .invalidShape("'\(text)' must give all of IC, OC, N and W")
        }
        let shape = Conv1dShape(ic: ic, oc: oc, n: n, w: w)
        try shape.validate()
        return shape
    }
}
