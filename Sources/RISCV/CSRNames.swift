/// CSR names for disassembly: the names GNU objdump 2.40 prints for an
/// RV32IM_Zicsr object under privileged spec 1.12 (generated once from objdump
/// over all 4096 numbers; the differential test re-checks it). Numbered
/// families are computed; everything else is in the table.
public enum CSRNames {
    public static func name(_ csr: UInt16) -> String? {
        let c = Int(csr)
        switch c {
        case 0xC03...0xC1F: return "hpmcounter\(c - 0xC00)"
        case 0xC83...0xC9F: return "hpmcounter\(c - 0xC80)h"
        case 0xB03...0xB1F: return "mhpmcounter\(c - 0xB00)"
        case 0xB83...0xB9F: return "mhpmcounter\(c - 0xB80)h"
        case 0x323...0x33F: return "mhpmevent\(c - 0x320)"
        case 0x723...0x73F: return "mhpmevent\(c - 0x720)h"
        case 0x3A0...0x3AF: return "pmpcfg\(c - 0x3A0)"
        case 0x3B0...0x3EF: return "pmpaddr\(c - 0x3B0)"
        default: return named[csr]
        }
    }

    /// The CSR number for a name (inverse of `name`), for assemblers and tests.
    public static func number(_ name: String) -> UInt16? { byName[name] }

    private static let byName: [String: UInt16] = {
        var map: [String: UInt16] = [:]
        for csr in UInt16(0)..<4096 { if let n = CSRNames.name(csr) { map[n] = csr } }
        return map
    }()

    private static let named: [UInt16: String] = [
        0x001: "fflags", 0x002: "frm", 0x003: "fcsr", 0x008: "vstart", 0x009: "vxsat",
        0x00A: "vxrm", 0x00F: "vcsr", 0x015: "seed", 0x100: "sstatus", 0x104: "sie",
        0x105: "stvec", 0x106: "scounteren", 0x10A: "senvcfg", 0x10C: "sstateen0",
        0x10D: "sstateen1", 0x10E: "sstateen2", 0x10F: "sstateen3", 0x114: "sieh",
        0x140: "sscratch", 0x141: "sepc", 0x142: "scause", 0x143: "stval", 0x144: "sip",
        0x14D: "stimecmp", 0x150: "siselect", 0x151: "sireg", 0x154: "siph", 0x15C: "stopei",
        0x15D: "stimecmph", 0x180: "satp", 0x200: "vsstatus", 0x204: "vsie", 0x205: "vstvec",
        0x214: "vsieh", 0x240: "vsscratch", 0x241: "vsepc", 0x242: "vscause", 0x243: "vstval",
        0x244: "vsip", 0x24D: "vstimecmp", 0x250: "vsiselect", 0x251: "vsireg", 0x254: "vsiph",
        0x25C: "vstopei", 0x25D: "vstimecmph", 0x280: "vsatp", 0x300: "mstatus", 0x301: "misa",
        0x302: "medeleg", 0x303: "mideleg", 0x304: "mie", 0x305: "mtvec", 0x306: "mcounteren",
        0x308: "mvien", 0x309: "mvip", 0x30A: "menvcfg", 0x30C: "mstateen0", 0x30D: "mstateen1",
        0x30E: "mstateen2", 0x30F: "mstateen3", 0x310: "mstatush", 0x313: "midelegh",
        0x314: "mieh", 0x318: "mvienh", 0x319: "mviph", 0x31A: "menvcfgh", 0x31C: "mstateen0h",
        0x31D: "mstateen1h", 0x31E: "mstateen2h", 0x31F: "mstateen3h", 0x320: "mcountinhibit",
        0x340: "mscratch", 0x341: "mepc", 0x342: "mcause", 0x343: "mtval", 0x344: "mip",
        0x34A: "mtinst", 0x34B: "mtval2", 0x350: "miselect", 0x351: "mireg", 0x354: "miph",
        0x35C: "mtopei", 0x5A8: "scontext", 0x600: "hstatus", 0x602: "hedeleg", 0x603: "hideleg",
        0x604: "hie", 0x605: "htimedelta", 0x606: "hcounteren", 0x607: "hgeie", 0x608: "hvien",
        0x609: "hvictl", 0x60A: "henvcfg", 0x60C: "hstateen0", 0x60D: "hstateen1",
        0x60E: "hstateen2", 0x60F: "hstateen3", 0x613: "hidelegh", 0x615: "htimedeltah",
        0x618: "hvienh", 0x61A: "henvcfgh", 0x61C: "hstateen0h", 0x61D: "hstateen1h",
        0x61E: "hstateen2h", 0x61F: "hstateen3h", 0x643: "htval", 0x644: "hip", 0x645: "hvip",
        0x646: "hviprio1", 0x647: "hviprio2", 0x64A: "htinst", 0x655: "hviph", 0x656: "hviprio1h",
        0x657: "hviprio2h", 0x680: "hgatp", 0x6A8: "hcontext", 0x747: "mseccfg", 0x757: "mseccfgh",
        0x7A0: "tselect", 0x7A1: "tdata1", 0x7A2: "tdata2", 0x7A3: "tdata3", 0x7A4: "tinfo",
        0x7A5: "tcontrol", 0x7A8: "mcontext", 0x7AA: "mscontext", 0x7B0: "dcsr", 0x7B1: "dpc",
        0x7B2: "dscratch0", 0x7B3: "dscratch1", 0xB00: "mcycle", 0xB02: "minstret",
        0xB80: "mcycleh", 0xB82: "minstreth", 0xC00: "cycle", 0xC01: "time", 0xC02: "instret",
        0xC20: "vl", 0xC21: "vtype", 0xC22: "vlenb", 0xC80: "cycleh", 0xC81: "timeh",
        0xC82: "instreth", 0xDA0: "scountovf", 0xDB0: "stopi", 0xE12: "hgeip", 0xEB0: "vstopi",
        0xF11: "mvendorid", 0xF12: "marchid", 0xF13: "mimpid", 0xF14: "mhartid",
        0xF15: "mconfigptr", 0xFB0: "mtopi"
    ]
}
