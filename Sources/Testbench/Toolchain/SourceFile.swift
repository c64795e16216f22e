/// One C/assembly source or header, by file name and text.
public struct SourceFile: Sendable, Hashable {
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }

    /// Sources are compiled, headers only copied next to them.
    public var isCompiled: Bool { !name.hasSuffix(".h") }

    static let allowedExtensions = [".c", ".S", ".s", ".h"]

    /// Plain file names only: they become paths inside the build directory.
    func validate() throws(ToolchainError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")
        guard !name.hasPrefix("."), name.allSatisfy({ allowed.contains($0) }),
              SourceFile.allowedExtensions.contains(where: { name.hasSuffix($0) && name.count > $0.count })
        else { throw .invalidSourceName(name) }
    }

    /// Object file name, distinct from every other source's.
    var objectName: String { name.replacingOccurrences(of: ".", with: "_") + ".o" }
}

/// A `-D` definition passed to every compiled source.
public struct Define: Sendable, Hashable {
    public var name: String
    public var value: String?

    public init(_ name: String, _ value: String? = nil) {
        self.name = name
        self.value = value
    }

    var flag: String { value.map { "-D\(name)=\($0)" } ?? "-D\(name)" }
}
