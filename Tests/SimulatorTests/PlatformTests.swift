import Testing
@testable import Simulator

/// Memory-map metadata and symbol lookup, checked against RVM-SPEC.md §3 by hand.
@Suite struct PlatformTests {
    @Test func xheepBanksAreContiguousThenWordInterleaved() {
        let map = MemoryMap.xheep
        #expect(map.ramBase == 0 && map.ramSize == 0x2_0000)
        #expect(map.bankCount == 6)
        #expect(map.bank(of: 0x0000) == 0)
        #expect(map.bank(of: 0x7FFC) == 0)
        #expect(map.bank(of: 0x8000) == 1)
        #expect(map.bank(of: 0xFFFC) == 1)
        // Interleaved: consecutive words go to banks 2, 3, 4, 5, 2, ...
        #expect([0x1_0000, 0x1_0004, 0x1_0008, 0x1_000C, 0x1_0010].map { map.bank(of: $0) } == [2, 3, 4, 5, 2])
        #expect(map.bank(of: 0x1_FFFC) == 5)
        #expect(map.bank(of: 0x2_0000) == nil)
        #expect(map.ramContains(0x1_FFFC, count: 4))
        #expect(!map.ramContains(0x1_FFFE, count: 4))
    }

    @Test func virtPresetPutsRAMAt0x80000000() {
        #expect(Platform.virt.memoryMap.ramBase == 0x8000_0000)
        #expect(Platform.presets["xheep"] == .xheep)
        #expect(Platform.xheep.devices.filter { $0.kind == .openTitanUART }.map(\.base) == [0x200A_0000, 0x3008_0000])
    }

    @Test func symbolLookupFindsTheEnclosingFunction() {
        let table = SymbolTable([
            Symbol(name: "main", address: 0x200, size: 0x40, isCode: true),
            Symbol(name: "helper", address: 0x240, size: 0x10, isCode: true),
            Symbol(name: "label", address: 0x180, size: 0, isCode: true),
            Symbol(name: "buffer", address: 0x1000, size: 64, isCode: false),
        ], codeSections: [CodeSection(name: ".text", range: 0x180..<0x260)])
        #expect(table.symbol(containing: 0x180)?.name == "label")
        #expect(table.symbol(containing: 0x1FC)?.name == "label")
        #expect(table.symbol(containing: 0x23C)?.name == "main")
        #expect(table.symbol(containing: 0x244)?.name == "helper")
        #expect(table.symbol(containing: 0x250)?.name == "label")   // gap after helper: nearest unsized label
        #expect(table.symbol(containing: 0x1000) == nil)            // data, not code
        #expect(table.address(of: "buffer") == 0x1000)
    }
}
