import Testing
@testable import Schedule

/// Whole refusal messages: the rewrite, the failed condition, the statement
/// in its surroundings (Exo text, target marked with `>`), the details.
@Suite struct ErrorMessageTests {
    @Test func fissionBreakingADependenceShowsNeighboursAndAccesses() throws {
        let p = try procedure("""
            @proc
            def chain(a: i32[9] @ DRAM, x: i32[9] @ DRAM):
                x[0] = 0
                for i in seq(0, 8):
                    a[i] = x[i]
                    x[i + 1] = a[i]
                a[8] = 0
            """)
        let msg = scheduleError { _ = try p.fission(p.find("a[i] = _").after()) }
        #expect(msg == """
            fission: it breaks a dependence: the statements after the gap in iteration i would run after those before it in a later iteration i'
              applied to:
                  x[0] = 0
                > for i in seq(0, 8):
                >     a[i] = x[i]
                >     x[i + 1] = a[i]
                  a[8] = 0
              conflicting accesses:
                write x[i + 1] in `x[i + 1] = a[i]`
                read x[i'] in `a[i] = x[i]`
              they overlap, e.g. when i = 0, i' = 1
            """)
    }

    @Test func aNestedTargetShowsEnclosingHeadersAndElidedStatements() throws {
        let p = try procedure("""
            @proc
            def nest(n: size, x: i32[n, 6] @ DRAM):
                for i in seq(0, n):
                    x[i, 0] = 0
                    x[i, 1] = 1
                    for j in seq(0, 6):
                        x[i, j] += 1
                    x[i, 2] = 2
                    x[i, 3] = 3
            """)
        let err = try #require(throwsKernelError { _ = try p.divideLoop(p.findLoop("j"), by: 4, newNames: ("jo", "ji"), tail: .perfect) })
        #expect(err.message == """
            divideLoop: the trip count 6 is not provably divisible by 4
              applied to:
                  for i in seq(0, n):
                      ...
                      x[i, 1] = 1
                >     for j in seq(0, 6):
                >         x[i, j] += 1
                      x[i, 2] = 2
                      ...
              `6 % 4 == 0` is false
            """)
        // The error carries the source position of the loop.
        #expect(err.location == SourceLocation(line: 6, column: 9))
    }

    @Test func aTargetInAnElseBranch() throws {
        let p = try procedure("""
            @proc
            def branches(x: i32[4] @ DRAM):
                for i in seq(0, 4):
                    if i < 2:
                        x[i] = 0
                    else:
                        for j in seq(0, 3):
                            x[i] += 1
            """)
        let msg = scheduleError { _ = try p.divideLoop(p.findLoop("j"), by: 2, newNames: ("jo", "ji"), tail: .perfect) }
        #expect(msg == """
            divideLoop: the trip count 3 is not provably divisible by 2
              applied to:
                  for i in seq(0, 4):
                      if i < 2:
                          ...
                      else:
                >         for j in seq(0, 3):
                >             x[i] += 1
              `3 % 2 == 0` is false
            """)
    }

    @Test func namesPrintAsInTheWholeProc() throws {
        // Unrolling copies the allocation; the printer calls the copy y_1, and so does the message.
        let p = try procedure("""
            @proc
            def copies(x: i32[2] @ DRAM, z: i32[2] @ DRAM):
                for k in seq(0, 2):
                    y: i32
                    y = x[k]
                    z[k] = y
            """)
        let p2 = try p.unrollLoop(p.findLoop("k"))
        #expect(exo(p2).contains("    y_1: i32 @ DRAM\n    y_1 = x[1]\n    z[1] = y_1\n"))
        let msg = scheduleError { _ = try p2.reorderStmts(p2.findAlloc("y #1").expand(0, 1)) }
        #expect(msg == """
            reorderStmts: the second statement uses y, which the first defines
              applied to:
                  ...
                  z[0] = y
                > y_1: i32 @ DRAM
                  y_1 = x[1]
                  ...
            """)
    }

    @Test func longTargetsAreCut() throws {
        let body = (0..<20).map { "        x[\($0)] = \($0)" }.joined(separator: "\n")
        let p = try procedure("""
            @proc
            def long(x: i32[20] @ DRAM):
                for i in seq(0, 3):
            \(body)
            """)
        let msg = scheduleError { _ = try p.divideLoop(p.findLoop("i"), by: 2, newNames: ("io", "ii"), tail: .perfect) }
        let excerpt = msg.split(separator: "\n").filter { $0.hasPrefix("    >") }
        #expect(excerpt.count == 12)
        #expect(excerpt.first == "    > for i in seq(0, 3):")
        #expect(excerpt.last == "    >     ...")
    }
}

/// The schedule error thrown by `body`, nil if none (or another kind) was thrown.
func throwsKernelError(_ body: () throws -> Void) -> KernelError? {
    do {
        try body()
        return nil
    } catch let e as KernelError {
        return e.phase == .schedule ? e : nil
    } catch {
        return nil
    }
}
