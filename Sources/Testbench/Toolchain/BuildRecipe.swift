/// What to build: sources, definitions, flags and the target platform.
public struct BuildRecipe: Sendable, Hashable {
    public var sources: [SourceFile]
    public var defines: [Define]
    public var optimisation: String
    public var extraCompileFlags: [String]
    public var target: LinkTarget

    public init(sources: [SourceFile], defines: [Define] = [], optimisation: String = "-O2",
                extraCompileFlags: [String] = [], target: LinkTarget) {
        self.sources = sources
        self.defines = defines
        self.optimisation = optimisation
        self.extraCompileFlags = extraCompileFlags
        self.target = target
    }

    /// zicsr is needed to assemble csrr/csrw, but with it GCC 12 finds no rv32
    /// multilib, so objects are compiled with it and linked without (RVM-SPEC.md §5).
    static let compileArchitecture = ["-march=rv32im_zicsr", "-mabi=ilp32"]
    static let linkArchitecture = ["-march=rv32im", "-mabi=ilp32"]

    func compileFlags() -> [String] {
        BuildRecipe.compileArchitecture + [optimisation, "--specs=picolibc.specs"]
            + defines.map(\.flag) + extraCompileFlags
    }
}
