import Foundation

/// Builds and runs C programs at test time in a temporary directory of its own.
public struct CToolchain {
    public let directory: URL

    public init(prefix: String = "c-tests") throws {
        directory = try ScratchDirectory.make(prefix)
    }

    public func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    public func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Runs a tool in the directory; returns stdout; throws with stderr when it
    /// exits non-zero, and when a compiler (`…gcc`) prints any diagnostic.
    @discardableResult
    public func run(_ tool: String, _ args: [String]) throws -> String {
        let output = try Tool.run(tool, args, in: directory)
        if !output.stderr.isEmpty && tool.hasSuffix("gcc") {
            throw ToolFailure(description: "\(tool) printed diagnostics:\n\(output.stderr)")
        }
        return output.stdout
    }

    public static func available(_ tool: String) -> Bool { Tool.available(tool) }

    public func cleanUp() { ScratchDirectory.remove(directory) }
}

extension Array where Element == Int {
    /// A C initializer list.
    public var cList: String { "{" + map { $0 == Int(Int32.min) ? "INT32_MIN" : String($0) }.joined(separator: ", ") + "}" }
}
