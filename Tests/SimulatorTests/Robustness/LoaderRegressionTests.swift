import Foundation
import Testing
import TestSupport
@testable import Simulator

/// Hostile files and layouts the loader used to accept silently, hang on, or
/// describe misleadingly; each with the message a user now sees.
@Suite struct LoaderRegressionTests {
    static func elf(in directory: URL) throws -> [UInt8] {
        let url = try Toolchain.assemble(AssemblyHarness.source("li a0, 1"), in: directory,
                                         linkerArguments: ["-T", Toolchain.runtime.appendingPathComponent("xheep.ld").path])
        return Array(try Data(contentsOf: url))
    }

    static func loadError(_ bytes: [UInt8]) -> ELFError? {
        do { _ = try ELFImage(bytes: bytes); return nil } catch { return error }
    }

    @Test func directoriesFIFOsAndDevicesAreNotRead() throws {
        let directory = try Toolchain.scratch()
        defer { ScratchDirectory.remove(directory) }
        #expect(throws: ELFError.unreadable(path: directory.path, reason: "it is a directory")) {
            _ = try ELFImage(contentsOf: directory.path)
        }
        // A FIFO without a writer would block open(); /dev/zero would never end.
        let fifo = directory.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: ELFError.unreadable(path: fifo, reason: "not a regular file")) { _ = try ELFImage(contentsOf: fifo) }
        #expect(throws: ELFError.unreadable(path: "/dev/zero", reason: "not a regular file")) {
            _ = try ELFImage(contentsOf: "/dev/zero")
        }
        let empty = directory.appendingPathComponent("empty.elf")
        #expect(FileManager.default.createFile(atPath: empty.path, contents: Data()))
        #expect(throws: ELFError.notELF) { _ = try ELFImage(contentsOf: empty.path) }
    }

    /// libelf reads 32- and 40-byte entries whatever e_phentsize/e_shentsize
    /// say; a header that disagrees is refused instead of read differently.
    @Test func tableEntrySizesMustBeELF32s() throws {
        let directory = try Toolchain.scratch()
        defer { ScratchDirectory.remove(directory) }
        var bytes = try Self.elf(in: directory)
        ELFMutator.put16(&bytes, 42, 64)
        #expect(Self.loadError(bytes)?.description == "malformed ELF file: program header entries are 64 bytes (e_phentsize), expected 32")
        bytes = try Self.elf(in: directory)
        ELFMutator.put16(&bytes, 46, 0)
        #expect(Self.loadError(bytes)?.description == "malformed ELF file: section header entries are 0 bytes (e_shentsize), expected 40")
    }

    /// e_shnum = 0 means "the count is in section 0": a count libelf cannot use
    /// used to drop every symbol (tohost, function names) without a word.
    @Test func unusableSectionTableIsReported() throws {
        let directory = try Toolchain.scratch()
        defer { ScratchDirectory.remove(directory) }
        var bytes = try Self.elf(in: directory)
        let shoff = Int(ELFMutator.get32(bytes, 32))
        ELFMutator.put16(&bytes, 48, 0)
        ELFMutator.put32(&bytes, shoff + 20, 100_000)    // section 0's sh_size
        #expect(Self.loadError(bytes)?.description == "malformed ELF file: section header table at offset \(shoff) is unusable (e_shnum = 0)")
    }

    /// A program header table past the end of the file used to read as "no
    /// loadable segment" (libelf shortened it) or libelf's "invalid data".
    @Test func programHeadersPastTheEndAreReported() throws {
        let directory = try Toolchain.scratch()
        defer { ScratchDirectory.remove(directory) }
        let original = try Self.elf(in: directory)
        let phnum = ELFMutator.get16(original, 44)
        for offset in [UInt32(original.count - 16), 0xFFFF_FFF0] {
            var bytes = original
            ELFMutator.put32(&bytes, 28, offset)
            #expect(Self.loadError(bytes)?.description
                    == "truncated ELF file: program headers extend past the end of the file (\(phnum) at offset \(offset), file has \(original.count) bytes)")
        }
    }

    @Test func overlappingSegmentsAreRefused() throws {
        let directory = try Toolchain.scratch()
        defer { ScratchDirectory.remove(directory) }
        let image = try ELFImage(bytes: try Self.elf(in: directory))
        var overlapping = image
        overlapping.segments.append(ELFImage.Segment(address: 0x180, data: [1, 2, 3, 4], memorySize: 8))
        #expect(throws: LoadError.self) { _ = try Machine(platform: .xheep, image: overlapping) }
        do { _ = try Machine(platform: .xheep, image: overlapping) } catch {
            #expect(error.description.hasPrefix("loadable segments 0x"))
            #expect(error.description.hasSuffix(" and 0x00000180..0x00000188 overlap"))
        }
    }

    /// A memory size near 4 GiB used to print an end address that had wrapped
    /// (0x80200018..0x801ff018) and looked like a tiny segment.
    @Test func segmentRangesDoNotWrapInMessages() {
        let error = LoadError.segmentOutsideMemory(address: 0x8020_0018, size: 0xFFFF_F000, ramBase: 0x8000_0000, ramSize: 0x80_0000)
        #expect(error.description == "segment 0x80200018..0x1801ff018 (4294963200 bytes) lies outside RAM 0x80000000..0x80800000: link the program for this platform")
    }

    /// The run loop's bounds checks assume a word-aligned RAM of at least one
    /// word that does not wrap; other memory maps are refused up front.
    @Test func unusableRAMIsRefused() throws {
        let directory = try Toolchain.scratch()
        defer { ScratchDirectory.remove(directory) }
        let image = try ELFImage(bytes: try Self.elf(in: directory))
        func refusal(base: UInt32, size: UInt32) -> String? {
            var platform = Platform.xheep
            platform.memoryMap.ramBase = base
            platform.memoryMap.ramSize = size
            do { _ = try Machine(platform: platform, image: image); return nil } catch { return error.description }
        }
        #expect(refusal(base: 0, size: 2) == "invalid platform: RAM size 2 is not a positive multiple of 4 bytes")
        #expect(refusal(base: 0, size: 0x2_0002) == "invalid platform: RAM size 131074 is not a positive multiple of 4 bytes")
        #expect(refusal(base: 2, size: 0x2_0000) == "invalid platform: RAM base 0x00000002 is not 4-byte aligned")
        #expect(refusal(base: 0xFFFF_0000, size: 0x2_0000) == "invalid platform: RAM 0xffff0000..0x100010000 runs past the end of the 32-bit address space")
    }

    /// An executable section header claiming 4 GiB of bss used to make
    /// `rvm disasm` walk every address; only bytes the file holds are listed.
    @Test func listingCoversOnlyFileBytes() throws {
        let directory = try Toolchain.scratch()
        defer { ScratchDirectory.remove(directory) }
        var image = try ELFImage(bytes: try Self.elf(in: directory))
        let sections = image.symbols.codeSections + [CodeSection(name: ".huge", range: 0..<0xFFFF_FFFF)]
        image.symbols = SymbolTable(image.symbols.all, codeSections: sections)
        let listing = ProgramListing.text(image, path: "huge.elf")
        let words = image.segments.reduce(0) { $0 + $1.data.count / 4 }
        let lines = listing.split(separator: "\n").filter { $0.contains(":\t") }
        #expect(listing.contains("Disassembly of section .huge:"))
        #expect(lines.count <= 2 * words + 8, "\(lines.count) lines for \(words) words")
    }
}
