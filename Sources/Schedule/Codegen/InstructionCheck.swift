/// A hardware library's veto over instruction calls, consulted by the code
/// generator once registers are assigned (e.g. RVMTarget refuses calls that
/// hit RTL errata). Throw KernelError(.codegen) with the call's location.
public protocol InstructionCheck: Sendable {
    func check(_ call: InstructionCall) throws(KernelError)
}

/// One instruction call as the code generator resolved it.
public struct InstructionCall: Sendable {
    public struct Argument: Sendable {
        public var parameter: Param
        /// The memory of a data argument's buffer.
        public var memory: MemoryName?
        /// The C name of a data argument's buffer.
        public var buffer: String?
        /// Where the buffer is held when its memory says ("m3" for a tile register).
        public var placement: String?
    }
    public var instruction: Proc
    public var arguments: [Argument]
    public var location: SourceLocation

    /// The argument bound to the parameter called `name`.
    public func argument(_ name: String) -> Argument? {
        arguments.first { $0.parameter.name.name == name }
    }
}
