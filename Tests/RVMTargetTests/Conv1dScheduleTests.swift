import Testing
@testable import Schedule
@testable import RVMTarget

@Suite struct Conv1dScheduleTests {
    @Test func debugPrint() throws {
        let p = try RVMFixtures.conv1d()
        let i = try RVMFixtures.instructions()
        print(ExoPrinter.print(try Conv1dSchedules.im2colCPU(p).ir))
        print(ExoPrinter.print(try Conv1dSchedules.rvm1acc(p, i).ir))
        print(ExoPrinter.print(try Conv1dSchedules.rvm4acc(p, i).ir))
    }
}
