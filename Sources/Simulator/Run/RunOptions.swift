/// Options of one run (`rvm run`, `rvm bench`).
public struct RunOptions: Sendable {
    /// Stop when the cycle count reaches this (functional mode: instructions).
    public var maxCycles: UInt64
    /// Write a Spike-format commit log here.
    public var commitLogPath: String?
    /// Echo the console to standard output while running.
    public var echoConsole: Bool
    /// The cycle model and its reports; nil: functional mode (one cycle per
    /// instruction, fastest).
    public var timing: TimingOptions?

    public static let defaultMaxCycles: UInt64 = 1_000_000_000

    public init(maxCycles: UInt64 = defaultMaxCycles, commitLogPath: String? = nil, echoConsole: Bool = false,
                timing: TimingOptions? = nil) {
        self.maxCycles = maxCycles
        self.commitLogPath = commitLogPath
        self.echoConsole = echoConsole
        self.timing = timing
    }
}

/// How to run the cycle model (`rvm run --timing cycle`, the default there).
public struct TimingOptions: Sendable {
    /// Every parameter of the model (`--config FILE`, `--errata`, `--strict-hazards`).
    /// `config.memory.banks == nil` takes the banks from the platform's memory map.
    public var config: TimingConfig
    /// Record a Chrome/Perfetto timeline of this cycle window (`RunReport.timelineJSON`).
    public var timeline: CycleWindow?
    /// Attribute cycles to the ELF's functions (`TimingReport.functions`). Costs
    /// some speed: every instruction takes the model's full path.
    public var profileFunctions: Bool

    public init(config: TimingConfig = TimingConfig(), timeline: CycleWindow? = nil, profileFunctions: Bool = true) {
        self.config = config
        self.timeline = timeline
        self.profileFunctions = profileFunctions
    }
}
