/// Median, mean, minimum and maximum of timed runs, in milliseconds: the
/// columns of the `rvm bench-compile` and `rvm bench-schedule` tables.
struct BenchStats {
    var median: Double
    var mean: Double
    var min: Double
    var max: Double

    /// Nil without samples.
    init?(_ samples: [Duration]) {
        let ms = samples.map(BenchTable.milliseconds).sorted()
        guard let first = ms.first, let last = ms.last else { return nil }
        let mid = ms.count / 2
        median = ms.count % 2 == 1 ? ms[mid] : (ms[mid - 1] + ms[mid]) / 2
        mean = ms.reduce(0, +) / Double(ms.count)
        min = first
        max = last
    }
}
