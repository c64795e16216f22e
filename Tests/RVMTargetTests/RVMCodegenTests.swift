import Testing
import Schedule
@testable import RVMTarget
import TestSupport

/// C generation for procs using RVM tiles: register assignment, reuse,
/// the 8-tile limit, the errata refusals, and what RVM_TILE forbids.
@Suite struct RVMCodegenTests {
    static func compile(_ p: Proc) throws -> String {
        try CCodegen.compile([p], library: "k", options: RVMTarget.codegenOptions).source
    }

    @Test func scheduledConv1dInterpretsLikeTheAlgorithm() throws {
        var rng = SeededGenerator(seed: 42)
        let data = (0..<64).map { _ in Int.random(in: -50_000...50_000, using: &rng) }
        let kernels = (0..<256).map { _ in Int.random(in: -50_000...50_000, using: &rng) }
        let out = Tensor(.i32, shape: [16, 16])
        try Interpreter.run(ScheduledConv1d.proc(), [.tensor(Tensor(.i32, shape: [4, 16], values: data)),
                                                     .tensor(Tensor(.i32, shape: [16, 4, 4], values: kernels)), .tensor(out)])
        #expect(out.intValues == ScheduledConv1d.reference(data: data, kernels: kernels))
    }

    @Test func scheduledConv1dNamesTilesAndReusesKernelRegisters() throws {
        let c = try Self.compile(ScheduledConv1d.proc())
        #expect(c.contains("#include \"rvm.h\""))
        for (t, reg) in [(0, 7), (1, 6), (2, 5), (3, 4)] { #expect(c.contains("#define out_tile_\(t) \"m\(reg)\"")) }
        #expect(c.contains("#define data_tile \"m3\""))
        // Each kernel tile dies at its mmasa, so all four take m2 in turn.
        for t in 0..<4 { #expect(c.contains("#define kernel_tile_\(t) \"m2\"")) }
        #expect(c.contains("__asm__ __volatile__(\"mmasa.w \"out_tile_0\", \"data_tile\", \"kernel_tile_0);"))
        #expect(c.contains("__asm__ __volatile__(\"mld.w \"data_tile\", (%1), %0\" :: \"r\"(4*(((struct exo_win_2i32c){ &y[0], { 4, 1 } }).strides[0])), \"r\"(&y[0]) : \"memory\");"))
        #expect(c.contains("\"r\"(&out[64 + 4 * jo]) : \"memory\");"))
        #expect(c.contains("static int32_t y[16];"))
        #expect(!c.contains("m0"))
    }

    /// `n` tiles allocated one after another, each zeroed; all used again at the end.
    static func liveTiles(_ n: Int, finally: (([Term]) -> [Stmt])? = nil) -> Proc {
        var b = ProcBuilder("many")
        let x = b.tensor("x", .i32, [4, 4])
        return b.build {
            let tiles = (0..<n).map { Term.variable("t\($0)") }
            for (k, t) in tiles.enumerated() {
                alloc(t, .i32, [4, 4], RVMTile.name).at(10 + k, 5)
                call(RVMInstructions.mzero, t)
            }
            if let finally { finally(tiles) } else {
                for t in tiles { call(RVMInstructions.mst, t, x[0 ..< 4, 0 ..< 4]) }
            }
        }
    }

    @Test func aNinthLiveTileIsRefusedWithItsLocation() throws {
        let p = Self.liveTiles(9) { tiles in
            tiles.dropLast().map { call(RVMInstructions.mmasa, $0, tiles[8], tiles[0]) } }
        let e = #expect(throws: KernelError.self) { try Self.compile(p) }
        #expect(e?.phase == .memory)
        #expect(e?.location == SourceLocation(line: 18, column: 5))
        #expect(e?.message == "RVM_TILE: cannot allocate 't8': all 8 registers are live (t0 in m7, t1 in m6, t2 in m5, t3 in m4, t4 in m3, t5 in m2, t6 in m1, t7 in m0)")
    }

    @Test func eightLiveTilesUseM0LastAndOnlyAsASource() throws {
        var b = ProcBuilder("eight")
        let x = b.tensor("x", .i32, [4, 4])
        let p = b.build {
            let tiles = (0..<8).map { Term.variable("t\($0)") }
            for t in tiles { alloc(t, .i32, [4, 4], RVMTile.name); call(RVMInstructions.mzero, t) }
            call(RVMInstructions.mmasa, tiles[0], tiles[7], tiles[1])
            for t in tiles.dropLast() { call(RVMInstructions.mst, t, x[0 ..< 4, 0 ..< 4]) }
        }
        let c = try Self.compile(p)
        for k in 0..<8 { #expect(c.contains("#define t\(k) \"m\(7 - k)\"")) }
        #expect(c.contains("__asm__ __volatile__(\"mmasa.w \"t0\", \"t7\", \"t1);"))
    }

    @Test func aStoreFromM0IsRefused() throws {
        var b = ProcBuilder("store_m0")
        let x = b.tensor("x", .i32, [4, 4])
        let p = b.build {
            let tiles = (0..<8).map { Term.variable("t\($0)") }
            for t in tiles { alloc(t, .i32, [4, 4], RVMTile.name); call(RVMInstructions.mzero, t) }
            call(RVMInstructions.mst, tiles[7], x[0 ..< 4, 0 ..< 4]).at(30, 9)
            for t in tiles.dropLast() { call(RVMInstructions.mst, t, x[0 ..< 4, 0 ..< 4]) }
        }
        let e = #expect(throws: KernelError.self) { try Self.compile(p) }
        #expect(e?.phase == .codegen)
        #expect(e?.location == SourceLocation(line: 30, column: 9))
        #expect(e?.message.hasPrefix("rvm_mst stores 't7' from m0: an mst.w of m0 is lost and hangs the coprocessor") == true)
    }

    @Test func aMultiplyWithOneRegisterAsBothSourcesIsRefused() throws {
        var b = ProcBuilder("square")
        let x = b.tensor("x", .i32, [4, 4])
        let p = b.build {
            let acc = Term.variable("acc"), a = Term.variable("a")
            alloc(acc, .i32, [4, 4], RVMTile.name)
            alloc(a, .i32, [4, 4], RVMTile.name)
            call(RVMInstructions.mzero, acc)
            call(RVMInstructions.mld, a, x[0 ..< 4, 0 ..< 4])
            call(RVMInstructions.mmasa, acc, a, a).at(7, 3)
            call(RVMInstructions.mst, acc, x[0 ..< 4, 0 ..< 4])
        }
        let e = #expect(throws: KernelError.self) { try Self.compile(p) }
        #expect(e?.phase == .codegen)
        #expect(e?.location == SourceLocation(line: 7, column: 3))
        #expect(e?.message.hasPrefix("rvm_mmasa reads both sources from m6 ('a' and 'a')") == true)
        // The interpreter still runs it: the semantics are well defined, only the RTL hangs.
        try Interpreter.run(p, [.tensor(Tensor(.i32, shape: [4, 4]))])
    }

    @Test func scalarAccessToATileIsRefused() throws {
        var b = ProcBuilder("poke")
        let x = b.tensor("x", .i32, [4, 4])
        let write = b.build {
            let t = Term.variable("t")
            alloc(t, .i32, [4, 4], RVMTile.name)
            assign(t[0, 1], 5).at(4, 5)
            call(RVMInstructions.mst, t, x[0 ..< 4, 0 ..< 4])
        }
        let e = #expect(throws: KernelError.self) { try Self.compile(write) }
        #expect(e?.phase == .memory)
        #expect(e?.location == SourceLocation(line: 4, column: 5))
        #expect(e?.message == "cannot write 't' outside an instruction: memory RVM_TILE permits no scalar writes")

        var r = ProcBuilder("peek")
        let y = r.tensor("y", .i32, [4, 4])
        let loc = SourceLocation(line: 6, column: 20)
        let read = r.build {
            let t = Term.variable("t")
            alloc(t, .i32, [4, 4], RVMTile.name)
            call(RVMInstructions.mld, t, y[0 ..< 4, 0 ..< 4])
            Stmt(.assign(y.sym!, [.int(0), .int(0)], Expr(.read(t.sym!, [.int(1), .int(1)]), at: loc)))
        }
        let e2 = #expect(throws: KernelError.self) { try Self.compile(read) }
        #expect(e2?.location == loc)
        #expect(e2?.message == "cannot read 't[1, 1]' outside an instruction: memory RVM_TILE permits no scalar reads")
    }

    @Test func tilesMustBeWhole4x16ByteBuffers() throws {
        let b = ProcBuilder("wide")
        let p = b.build {
            let t = Term.variable("t")
            alloc(t, .i32, [4, 8], RVMTile.name).at(2, 5)
            call(RVMInstructions.mzero, t[0 ..< 4, 0 ..< 4])
        }
        let e = #expect(throws: KernelError.self) { try Self.compile(p) }
        #expect(e?.phase == .memory)
        #expect(e?.message == "RVM_TILE 't' must be i32[4, 4] (one 4x16-byte tile), got i32[4, 8]")

        let h = ProcBuilder("halves")
        let p2 = h.build {
            let t = Term.variable("t")
            alloc(t, .i16, [4, 8], RVMTile.name)
            call(RVMInstructions.mzero, t)
        }
        // An i16 tile is [4, 8]; mzero takes i32[4, 4].
        let e2 = #expect(throws: KernelError.self) { try Self.compile(p2) }
        #expect(e2?.message == "argument 't' of rvm_mzero is i16[4, 8], parameter 'dst' takes i32[4, 4]")
    }

    @Test func randomAllocationSequencesHandOutM0OnlyWhenItIsTheLastFreeRegister() throws {
        var rng = SeededGenerator(seed: 9)
        let allocator = RVMTile.memory.makeAllocator()
        var live: [String] = []
        var next = 0
        for _ in 0..<2000 {
            if live.count < 8 && (live.isEmpty || Bool.random(using: &rng)) {
                let name = "t\(next)"
                next += 1
                let r = AllocationRequest(cName: name, elementType: .i32, cType: "int32_t",
                                          shape: [CExtent(text: "4", constant: 4), CExtent(text: "4", constant: 4)], location: .unknown)
                let lines = try allocator.alloc(r)
                let reg = allocator.placement(of: name)
                #expect(lines == ["#define \(name) \"\(reg ?? "?")\""])
                let others = Set(live.compactMap { allocator.placement(of: $0) })
                #expect(!others.contains(reg ?? ""))
                if reg == "m0" { #expect(others.count == 7) }
                // Always the highest free register.
                let expected = (0..<8).reversed().map { "m\($0)" }.first { !others.contains($0) }
                #expect(reg == expected)
                live.append(name)
            } else {
                let k = Int.random(in: 0..<live.count, using: &rng)
                let name = live.remove(at: k)
                let r = AllocationRequest(cName: name, elementType: .i32, cType: "int32_t", shape: [], location: .unknown)
                #expect(try allocator.free(r) == ["#undef \(name)"])
                #expect(allocator.placement(of: name) == nil)
            }
        }
    }

    @Test func tilesCannotBePassedToPlainProcs() throws {
        var f = ProcBuilder("helper")
        let w = f.window("w", .i32, [4, 4], RVMTile.name)
        let helper = f.build { call(RVMInstructions.mzero, w) }
        let e = #expect(throws: KernelError.self) { try Self.compile(helper) }
        #expect(e?.phase == .memory)
        #expect(e?.message == "parameter 'w' of helper is in RVM_TILE, which only instructions may take")
    }
}
