/// mcause values of the synchronous exceptions this core raises (privileged
/// spec, table "Machine cause register values after trap").
public enum TrapCause {
    public static let instructionAddressMisaligned: UInt32 = 0
    public static let illegalInstruction: UInt32 = 2
    public static let breakpoint: UInt32 = 3
    public static let environmentCall: UInt32 = 11
}
