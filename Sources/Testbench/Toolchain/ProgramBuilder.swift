import Foundation

/// A built program: the ELF file inside its cache entry.
public struct BuildProduct: Sendable, Hashable {
    public var elf: URL
    public var cacheKey: String
    /// True when nothing was compiled because the cache already held the build.
    public var fromCache: Bool
    /// Compiler and linker output (warnings), for the curious.
    public var log: String
}

/// Compiles and links C sources plus the platform runtime into an ELF,
/// skipping the work when an identical build is already cached.
public struct ProgramBuilder: Sendable {
    public let toolchain: CrossToolchain
    public let cache: BuildCache

    public init(toolchain: CrossToolchain, cache: BuildCache) {
        self.toolchain = toolchain
        self.cache = cache
    }

    public func build(_ recipe: BuildRecipe) throws(ToolchainError) -> BuildProduct {
        for source in recipe.sources { try source.validate() }
        let names = recipe.sources.map(\.name)
        if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw .invalidSourceName("\(duplicate) (given twice)")
        }
        let runtimeFiles: [(name: String, contents: Data)]
        if case .xheep(let runtime) = recipe.target {
            runtimeFiles = try runtime.files()
        } else {
            runtimeFiles = []
        }
        let key = cacheKey(recipe, runtimeFiles: runtimeFiles)
        if let elf = cache.cachedProgram(for: key) {
            let log = (try? String(contentsOf: cache.entry(for: key).appendingPathComponent(BuildCache.logName), encoding: .utf8)) ?? ""
            return BuildProduct(elf: elf, cacheKey: key, fromCache: true, log: log)
        }
        let scratch = try cache.makeScratchDirectory()
        do {
            let log = try compileAndLink(recipe, in: scratch)
            try? log.write(to: scratch.appendingPathComponent(BuildCache.logName), atomically: true, encoding: .utf8)
            let elf = try cache.publish(scratch: scratch, key: key)
            return BuildProduct(elf: elf, cacheKey: key, fromCache: false, log: log)
        } catch {
            try? FileManager.default.removeItem(at: scratch)
            throw error
        }
    }

    /// Hash of everything that can change the ELF. Fields are length-prefixed
    /// so that no two different recipes serialise to the same bytes.
    func cacheKey(_ recipe: BuildRecipe, runtimeFiles: [(name: String, contents: Data)]) -> String {
        var hasher = SHA256()
        func field(_ text: String) { field(Array(text.utf8)) }
        func field(_ bytes: [UInt8]) {
            hasher.update(String(bytes.count).utf8)
            hasher.update([0x3A])
            hasher.update(bytes)
        }
        field("rvm-testbench-build-v1")
        field(toolchain.compiler.path)
        field(toolchain.versionText)
        switch recipe.target {
        case .qemuVirt:
            field("target:qemu-virt")
        case .xheep(let runtime):
            field("target:xheep")
            field(runtime.startupSources.joined(separator: "\u{0}"))
            field(runtime.linkerScript)
            for file in runtimeFiles {
                field(file.name)
                field(Array(file.contents))
            }
        }
        let flags = recipe.compileFlags() + ["|link|"] + recipe.target.linkFlags().before + recipe.target.linkFlags().after
        for flag in flags where !flag.hasPrefix("-T") && !flag.hasPrefix("/") {
            field(flag)  // paths are covered by the runtime files' contents
        }
        for source in recipe.sources {
            field(source.name)
            field(source.contents)
        }
        return SHA256.hex(hasher.finalize())
    }

    private func compileAndLink(_ recipe: BuildRecipe, in directory: URL) throws(ToolchainError) -> String {
        var log: [String] = []
        for source in recipe.sources {
            do {
                try source.contents.write(to: directory.appendingPathComponent(source.name), atomically: true, encoding: .utf8)
            } catch {
                throw .cacheUnavailable(path: directory.path, reason: "cannot write \(source.name): \(error)")
            }
        }
        var compileFlags = recipe.compileFlags() + ["-I", directory.path]
        for include in recipe.target.includeDirectories { compileFlags += ["-I", include.path] }

        var objects: [String] = []
        var units: [(display: String, path: String, object: String)] = []
        if case .xheep(let runtime) = recipe.target {
            for name in runtime.startupSources {
                units.append((name, runtime.directory.appendingPathComponent(name).path, "runtime_" + name.replacingOccurrences(of: ".", with: "_") + ".o"))
            }
        }
        for source in recipe.sources where source.isCompiled {
            // Relative path: diagnostics then read "main.c:3:5: error: ...".
            units.append((source.name, source.name, source.objectName))
        }
        for unit in units {
            let object = directory.appendingPathComponent(unit.object).path
            let result = try runCompiler(compileFlags + ["-c", unit.path, "-o", object], in: directory)
            guard result.status == 0 else {
                throw .compileFailed(source: unit.display, diagnostics: result.combinedOutput)
            }
            if !result.combinedOutput.isEmpty { log.append(result.combinedOutput) }
            objects.append(object)
        }
        let link = recipe.target.linkFlags()
        let elf = directory.appendingPathComponent(BuildCache.programName).path
        let result = try runCompiler(BuildRecipe.linkArchitecture + link.before + objects + link.after + ["-o", elf], in: directory)
        guard result.status == 0 else { throw .linkFailed(diagnostics: result.combinedOutput) }
        if !result.combinedOutput.isEmpty { log.append(result.combinedOutput) }
        return log.joined(separator: "\n")
    }

    private func runCompiler(_ arguments: [String], in directory: URL) throws(ToolchainError) -> Subprocess.Result {
        do {
            return try Subprocess(executable: toolchain.compiler, arguments: arguments, workingDirectory: directory).run()
        } catch {
            throw .toolFailedToRun(tool: toolchain.compiler.path, reason: error.description)
        }
    }
}
